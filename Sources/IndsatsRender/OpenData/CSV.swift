import Foundation

/// CSV as a Danish spreadsheet opens it: UTF-8 with a byte-order mark (so æøå stay intact),
/// semicolons between fields (the comma is the decimal separator), CRLF line ends, and fields
/// quoted only when they hold a semicolon, a quote or a line break.
enum CSV {
    static func line(_ fields: [String]) -> String {
        fields.map { field in
            guard field.contains(where: { $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ";")
    }

    /// A whole file from its lines (the header first).
    static func file(_ lines: [String]) -> Data {
        Data(("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n").utf8)
    }
}
