/// Control characters that must not reach a page: C0 except tab, line feed and carriage
/// return, DEL, and C1 (U+0080–U+009F). They are invisible in most editors, and a browser shows
/// them as boxes or not at all; they come from pasted text or from escapes such as `"\x01"`.
enum ControlCharacter {
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }

    /// The first forbidden control character in `text`, with its 1-based line and column
    /// (the column counting characters as `Character`s would differ for a control in a
    /// cluster; it counts Unicode scalars, as the YAML positions do).
    static func first(in text: String) -> (scalar: Unicode.Scalar, line: Int, column: Int)? {
        guard text.unicodeScalars.contains(where: isForbidden) else { return nil }
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if isForbidden(scalar) { return (scalar, line, column) }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// `U+0001`.
    static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The message for a text with `scalar` in it.
    static func message(_ scalar: Unicode.Scalar) -> String {
        "the text contains the control character \(name(scalar)), which cannot be shown on a page"
    }

    static let hint = "delete it: it is invisible in most editors, and comes from pasted text or from an escape such as \\x01 in quotes"
}
