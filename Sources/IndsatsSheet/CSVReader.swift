import Foundation
import SwiftCSV

/// Reads a CSV file as Danish spreadsheets save it: semicolons between fields (a tab or a
/// comma if the header has no semicolon), UTF-8 with or without a byte-order mark, or
/// Windows-1252 when the bytes are not UTF-8. Every cell is text, as written.
public enum CSVReader {
    public static func sheet(_ data: Data, name: String) throws -> ReadSheet {
        let text = try decode(data)
        let firstLine = text.prefix { $0 != "\n" && $0 != "\r\n" && $0 != "\r" }
        let delimiter: CSVDelimiter = firstLine.contains(";") ? .semicolon : firstLine.contains("\t") ? .tab : firstLine.contains(",") ? .comma : .semicolon
        let csv: EnumeratedCSV
        do { csv = try EnumeratedCSV(string: text, delimiter: delimiter, loadColumns: false) } catch {
            throw SheetError("the CSV file cannot be read: \(error); check its quotes")
        }
        var sheet = ReadSheet(name: name)
        for (rowIndex, row) in ([csv.header] + csv.rows).enumerated() {
            for (columnIndex, field) in row.enumerated() where !field.isEmpty {
                sheet.cells[rowIndex + 1, default: [:]][columnIndex + 1] = .text(field)
            }
        }
        return sheet
    }

    /// The text of `data`: UTF-8 (a byte-order mark dropped), else Windows-1252.
    static func decode(_ data: Data) throws -> String {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        if let text = String(data: Data(bytes), encoding: .windowsCP1252) { return text }
        throw SheetError("the CSV file is neither UTF-8 nor Windows-1252 text; save it as \"CSV UTF-8 (semikolonsepareret)\"")
    }
}
