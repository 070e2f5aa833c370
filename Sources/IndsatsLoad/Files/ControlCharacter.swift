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
        guard mayContainForbidden(text) else { return nil }
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

    /// The first forbidden control character in `text`, if any.
    static func firstScalar(in text: String) -> Unicode.Scalar? {
        guard mayContainForbidden(text) else { return nil }
        return text.unicodeScalars.first(where: isForbidden)
    }

    /// False when `text` surely has no forbidden control character, decided on its UTF-8
    /// bytes, eight at a time (texts are scanned by the megabyte, and decoding scalars was a
    /// tenth of the build): C0 and DEL are single bytes, and C1 is `0xC2` followed by
    /// `0x80`–`0x9F`, so no other byte (in valid UTF-8, which every `String` is) starts one.
    static func mayContainForbidden(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            // A word's bytes below 0x20, DEL or 0xC2, each marked by its high bit; a marked word
            // (one in a few: most lines end in one) is looked at byte by byte.
            let raw = UnsafeRawBufferPointer(bytes)
            while index + 8 <= count {
                let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let below20 = ~((word & low7) &+ spread(0x60) | word) & high
                if below20 | equal(word, 0x7F) | equal(word, 0xC2) != 0, isForbidden(bytes, from: index, to: index + 8) { return true }
                index += 8
            }
            return isForbidden(bytes, from: index, to: count)
        }
    }

    private static let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let high: UInt64 = 0x8080_8080_8080_8080

    /// `byte` in every byte of a word.
    private static func spread(_ byte: UInt8) -> UInt64 { UInt64(byte) &* 0x0101_0101_0101_0101 }

    /// The high bit of each byte of `word` that equals `byte`, exactly.
    private static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let zeroed = word ^ spread(byte)
        return ~((zeroed & low7) &+ low7 | zeroed) & high
    }

    /// Whether a forbidden control character starts in `bytes[start..<end]`.
    private static func isForbidden(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            } else if byte == 0x7F {
                return true
            } else if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] < 0xA0 {
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether every byte of `text` is printable ASCII (so that it has no control character,
    /// nor any other character that is not a plain letter, digit or sign).
    static func isPrintableASCII(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.allSatisfy { $0 >= 0x20 && $0 < 0x7F } }
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
