import Foundation
import ZIPFoundation

/// Reads an OpenDocument spreadsheet (`.ods`, as LibreOffice saves it): text cells as text, a
/// number as its data style shows it (decimal places and literal text such as a footnote mark;
/// no style: "General"), merged cells as merged ranges. Repeated empty rows and columns (which
/// LibreOffice writes up to the sheet's end) are skipped, not expanded.
public enum ODSReader {
    public static func sheets(_ data: Data) throws -> [ReadSheet] {
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw SheetError("the spreadsheet is damaged: its zip structure cannot be read; save it again as .ods or .xlsx")
        }
        func part(_ path: String) throws -> Data? {
            try ZipPart.read(archive, path, saveAs: ".ods or .xlsx")
        }
        guard let content = try part("content.xml") else {
            throw SheetError("the file is not an OpenDocument spreadsheet: it has no content.xml; save it as .ods or .xlsx")
        }
        var styles = ODSStyles()
        if let common = try part("styles.xml") { try styles.read(common, part: "styles.xml") }
        try styles.read(content, part: "content.xml")
        return try ODSContent(styles: styles).sheets(content)
    }
}

/// The number formats of an OpenDocument file: data styles (`number:number-style`) by name,
/// and the cell styles that use them.
struct ODSStyles {
    var dataStyles: [String: NumberFormat] = [:]
    var cellStyles: [String: String] = [:]

    mutating func read(_ data: Data, part: String) throws {
        var current: (name: String, format: NumberFormat)?
        var found = dataStyles, cells = cellStyles
        try XMLWalker.walk(data, part: part, start: { name, attributes in
            switch name {
            case "number:number-style", "number:percentage-style":
                current = (attributes["style:name"] ?? "", NumberFormat(decimals: nil, percent: name == "number:percentage-style"))
            case "number:number" where current != nil:
                // Without decimal places it is "General" (LibreOffice's "Standard").
                current!.format.decimals = attributes["number:decimal-places"].flatMap { Int($0) }
            case "style:style":
                if let style = attributes["style:name"], let dataStyle = attributes["style:data-style-name"] { cells[style] = dataStyle }
            default: break
            }
        }, end: { name, text in
            switch name {
            case "number:text":
                // Literal text after the number (before it is rare in a budget and dropped).
                if let format = current?.format, format.decimals != nil, !format.percent || text != "%" { current!.format.suffix += text }
            case "number:number-style", "number:percentage-style":
                if let current { found[current.name] = current.format }
                current = nil
            default: break
            }
        })
        dataStyles = found
        cellStyles = cells
    }

    func format(cellStyle: String?) -> NumberFormat {
        cellStyle.flatMap { cellStyles[$0] }.flatMap { dataStyles[$0] } ?? .general
    }
}

/// The cells of `content.xml`, sheet by sheet.
struct ODSContent {
    let styles: ODSStyles
    /// Defaults of columns' cell styles are not read: a budget's numbers carry their own.
    static let maximumRepeat = 1000

    func sheets(_ data: Data) throws -> [ReadSheet] {
        var sheets: [ReadSheet] = [], row = 0, column = 1, rowRepeat = 1
        var cell: [String: String] = [:], paragraphs: [String] = []
        try XMLWalker.walk(data, part: "content.xml", start: { name, attributes in
            switch name {
            case "table:table": sheets.append(ReadSheet(name: attributes["table:name"] ?? "Ark\(sheets.count + 1)"))
            case "table:table-row":
                rowRepeat = Int(attributes["table:number-rows-repeated"] ?? "1") ?? 1
                (row, column) = (row + 1, 1)
            case "table:table-cell", "table:covered-table-cell": (cell, paragraphs) = (attributes, [])
            default: break
            }
        }, end: { name, text in
            switch name {
            case "text:p": paragraphs.append(text)
            case "table:table-cell", "table:covered-table-cell":
                let repeats = Int(cell["table:number-columns-repeated"] ?? "1") ?? 1
                if let value = self.value(cell, paragraphs), !sheets.isEmpty {
                    for offset in 0..<min(repeats, Self.maximumRepeat) { sheets[sheets.count - 1].cells[row, default: [:]][column + offset] = value }
                }
                let across = Int(cell["table:number-columns-spanned"] ?? "1") ?? 1, down = Int(cell["table:number-rows-spanned"] ?? "1") ?? 1
                if (across > 1 || down > 1), !sheets.isEmpty {
                    sheets[sheets.count - 1].merged.append((top: row, left: column, bottom: row + down - 1, right: column + across - 1))
                }
                column += repeats
            case "table:table-row": row += rowRepeat - 1
            case "table:table": row = 0
            default: break
            }
        })
        return sheets
    }

    func value(_ cell: [String: String], _ paragraphs: [String]) -> ReadCell? {
        switch cell["office:value-type"] {
        case "float", "percentage", "currency":
            guard let raw = cell["office:value"] else { return nil }
            let format = styles.format(cellStyle: cell["table:style-name"])
            return format.shown(raw).map(ReadCell.number) ?? .text(raw)
        case nil:
            return nil
        default:
            let text = paragraphs.joined(separator: "\n")
            return text.isEmpty ? nil : .text(text)
        }
    }
}
