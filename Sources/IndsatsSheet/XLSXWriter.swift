import Foundation
import ZIPFoundation

/// Writes a `Workbook` as an `.xlsx` file: the few SpreadsheetML parts as escaped text, zipped
/// with fixed timestamps and permissions and the entries in name order, so the same workbook
/// gives the same bytes.
public enum XLSXWriter {
    public static func data(_ workbook: Workbook) throws -> Data {
        let styles = StyleTable(workbook)
        let names = SheetNames.unique(workbook.sheets.map(\.name))
        var parts: [String: String] = [
            "[Content_Types].xml": contentTypes(sheetCount: workbook.sheets.count),
            "_rels/.rels": rootRelations,
            "xl/workbook.xml": workbookPart(names),
            "xl/_rels/workbook.xml.rels": workbookRelations(sheetCount: workbook.sheets.count),
            "xl/styles.xml": styles.part,
        ]
        for (index, sheet) in workbook.sheets.enumerated() {
            parts["xl/worksheets/sheet\(index + 1).xml"] = SheetPart(sheet: sheet, styles: styles).xml()
        }
        return try zip(parts)
    }

    /// A fixed modification time for every entry (1 January 2000, 00:00 in the local time
    /// zone, which is how a zip stores times).
    static let timestamp: Date = {
        var components = DateComponents()
        (components.year, components.month, components.day) = (2000, 1, 1)
        return Calendar.current.date(from: components) ?? Date(timeIntervalSince1970: 946_684_800)
    }()

    static func zip(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for path in parts.keys.sorted() {
            let bytes = Data(parts[path]!.utf8)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: timestamp,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw SheetError("the spreadsheet could not be zipped") }
        return data
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(sheetCount: Int) -> String {
        let sheets = (1...max(sheetCount, 1)).prefix(sheetCount).map {
            "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }.joined()
        return header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + sheets + "</Types>"
    }

    static let rootRelations = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbookPart(_ names: [String]) -> String {
        let sheets = names.enumerated().map { index, name in
            "<sheet name=\"\(XMLText.escape(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }.joined()
        return header + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationNamespace)\"><sheets>\(sheets)</sheets></workbook>"
    }

    static func workbookRelations(sheetCount: Int) -> String {
        var relations = (0..<sheetCount).map { index in
            "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        relations.append("<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationNamespace)/styles\" Target=\"styles.xml\"/>")
        return header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + relations.joined() + "</Relationships>"
    }
}

/// Sheet names as a spreadsheet allows them: at most 31 characters, none of `[]:*?/\`, unique
/// (case ignored), not empty.
enum SheetNames {
    static func unique(_ names: [String]) -> [String] {
        var used: Set<String> = [], result: [String] = []
        for name in names {
            var base = String(name.map { "[]:*?/\\".contains($0) ? "-" : $0 }).trimmingCharacters(in: .whitespaces)
            if base.isEmpty { base = "Ark" }
            var candidate = String(base.prefix(31)), number = 2
            while used.contains(candidate.lowercased()) {
                let tail = " (\(number))"
                candidate = String(base.prefix(31 - tail.count)) + tail
                number += 1
            }
            used.insert(candidate.lowercased())
            result.append(candidate)
        }
        return result
    }
}

/// Text as XML character data: `&<>"` escaped, characters XML 1.0 cannot hold left out.
enum XMLText {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\t", "\n", "\r": result.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
