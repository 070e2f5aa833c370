import Foundation
import ZIPFoundation

/// Reads an `.xlsx` file's sheets: shared and inline strings as text, numbers as the cell
/// shows them through its number format (see `NumberFormat.shown`), merged ranges.
public enum XLSXReader {
    /// The sheets of `data`, in the workbook's order; a file that is not an `.xlsx` (an
    /// encrypted workbook, an old `.xls`, a damaged zip) is a `SheetError` saying which.
    public static func sheets(_ data: Data) throws -> [ReadSheet] {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        if data.prefix(8).elementsEqual(ole) {
            throw SheetError("the file is password-protected or an old Excel 97–2003 workbook (.xls), which indsats cannot read; save it as an Excel workbook (.xlsx) without a password")
        }
        guard data.prefix(2).elementsEqual([0x50, 0x4B]) else {
            throw SheetError("the file is not an Excel workbook (.xlsx): it is not a zip file; save it as .xlsx or as CSV (semicolon-separated)")
        }
        let archive: Archive
        do { archive = try Archive(data: data, accessMode: .read) } catch {
            throw SheetError("the spreadsheet is damaged: its zip structure cannot be read; save it again as .xlsx")
        }
        let workbook = try WorkbookParts(archive)
        return try workbook.sheetList.map { name, path in
            var sheet = ReadSheet(name: name)
            try workbook.read(path, into: &sheet)
            return sheet
        }
    }
}

/// The parts of a workbook that every sheet needs: the sheet list, shared strings and the
/// number format of each cell style.
struct WorkbookParts {
    let archive: Archive
    var sheetList: [(name: String, path: String)] = []
    var strings: [String] = []
    var styleFormats: [NumberFormat] = []

    init(_ archive: Archive) throws {
        self.archive = archive
        var targets: [String: String] = [:]
        if let relations = try part("xl/_rels/workbook.xml.rels") {
            try XMLWalker.walk(relations, part: "xl/_rels/workbook.xml.rels", start: { name, attributes in
                if name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] { targets[id] = target }
            })
        }
        guard let workbook = try part("xl/workbook.xml") else {
            throw SheetError("the spreadsheet is damaged: it has no workbook part (xl/workbook.xml); save it again as .xlsx")
        }
        var list: [(String, String)] = []
        try XMLWalker.walk(workbook, part: "xl/workbook.xml", start: { name, attributes in
            guard name == "sheet", let sheetName = attributes["name"], let id = attributes["r:id"], let target = targets[id] else { return }
            list.append((sheetName, target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target))
        })
        sheetList = list
        try readStrings()
        try readStyles()
    }

    func part(_ path: String) throws -> Data? {
        try ZipPart.read(archive, path, saveAs: ".xlsx")
    }

    mutating func readStrings() throws {
        guard let data = try part("xl/sharedStrings.xml") else { return }
        var strings: [String] = [], current = "", inPhonetic = false
        try XMLWalker.walk(data, part: "xl/sharedStrings.xml", start: { name, _ in
            if name == "si" { current = "" }
            if name == "rPh" { inPhonetic = true }
        }, end: { name, text in
            switch name {
            case "t" where !inPhonetic: current += text
            case "rPh": inPhonetic = false
            case "si": strings.append(current)
            default: break
            }
        })
        self.strings = strings
    }

    mutating func readStyles() throws {
        guard let data = try part("xl/styles.xml") else { return }
        var custom: [Int: NumberFormat] = [:], formatIds: [Int] = [], inCellFormats = false
        try XMLWalker.walk(data, part: "xl/styles.xml", start: { name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { custom[id] = NumberFormat(code: code) }
            case "cellXfs": inCellFormats = true
            case "xf" where inCellFormats: formatIds.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }, end: { name, _ in
            if name == "cellXfs" { inCellFormats = false }
        })
        styleFormats = formatIds.map { custom[$0] ?? NumberFormat.builtIn($0) }
    }

    /// Reads one worksheet's cells and merged ranges into `sheet`.
    func read(_ path: String, into sheet: inout ReadSheet) throws {
        guard let data = try part(path) else {
            throw SheetError("the spreadsheet is damaged: the sheet \"\(sheet.name)\" has no part \(path); save it again as .xlsx")
        }
        var cells: [Int: [Int: ReadCell]] = [:], merged: [(Int, Int, Int, Int)] = []
        var reference: (row: Int, column: Int)?, type = "n", style = 0, value: String?, inline = ""
        var nextRow = 1, nextColumn = 1, hasFormula = false, uncalculated: [String] = []
        try XMLWalker.walk(data, part: path, start: { name, attributes in
            switch name {
            case "row":
                nextRow = attributes["r"].flatMap(Int.init) ?? nextRow
                nextColumn = 1
            case "c":
                reference = attributes["r"].flatMap(ColumnName.parse) ?? (nextRow, nextColumn)
                type = attributes["t"] ?? "n"
                style = attributes["s"].flatMap(Int.init) ?? 0
                (value, inline, hasFormula) = (nil, "", false)
            case "mergeCell":
                let ends = (attributes["ref"] ?? "").split(separator: ":").compactMap { ColumnName.parse(String($0)) }
                if let first = ends.first { merged.append((first.row, first.column, ends.last!.row, ends.last!.column)) }
            default: break
            }
        }, end: { name, text in
            switch name {
            case "v": value = text
            case "t": inline += text
            case "f": hasFormula = true
            case "c":
                guard let at = reference else { return }
                if hasFormula && value == nil { uncalculated.append(ColumnName.letters(at.column) + String(at.row)) }
                if let cell = self.cell(type: type, style: style, value: value, inline: inline) { cells[at.row, default: [:]][at.column] = cell }
                (nextRow, nextColumn) = (at.row, at.column + 1)
            case "row": nextRow += 1
            default: break
            }
        })
        if let first = uncalculated.first {
            let more = uncalculated.count > 1 ? " and \(uncalculated.count - 1) more" : ""
            throw SheetError("sheet \"\(sheet.name)\", \(first)\(more): the cell has a formula but no calculated value (the program that wrote the file did not calculate it), so its amount is unknown; open the file in Excel or LibreOffice and save it again, which calculates it")
        }
        sheet.cells = cells
        sheet.merged = merged.map { (top: $0.0, left: $0.1, bottom: $0.2, right: $0.3) }
    }

    func cell(type: String, style: Int, value: String?, inline: String) -> ReadCell? {
        switch type {
        case "s": return value.flatMap(Int.init).flatMap { $0 >= 0 && $0 < strings.count ? strings[$0] : nil }.map(ReadCell.text)
        case "inlineStr": return .text(inline)
        case "str", "e": return value.map(ReadCell.text)
        case "b": return value.map { .text($0 == "1" ? "SAND" : "FALSK") }
        default:
            guard let value, !value.isEmpty else { return nil }
            let format = style < styleFormats.count ? styleFormats[style] : .general
            return format.shown(value).map(ReadCell.number) ?? .text(value)
        }
    }
}
