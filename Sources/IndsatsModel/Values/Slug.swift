/// URL- and anchor-safe slugs from Danish text: `Målgruppe` → `maalgruppe`.
public enum Slug {
    public static func make(_ text: String) -> String {
        // Already a slug (a file name, mostly): nothing to map.
        if isPlainSlug(text) { return text }
        // Scalar by scalar into bytes: ASCII letters and digits are kept (lower-cased), Danish
        // and a few other Latin letters spelled out, anything else separates words with a dash.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let mapped: (UInt8, UInt8?)
            switch scalar.value {
            case 0x61...0x7A, 0x30...0x39: mapped = (UInt8(scalar.value), nil)
            case 0x41...0x5A: mapped = (UInt8(scalar.value + 0x20), nil)
            case 0xE6, 0xC6: mapped = (UInt8(ascii: "a"), UInt8(ascii: "e"))  // æ Æ
            case 0xF8, 0xD8: mapped = (UInt8(ascii: "o"), UInt8(ascii: "e"))  // ø Ø
            case 0xE5, 0xC5: mapped = (UInt8(ascii: "a"), UInt8(ascii: "a"))  // å Å
            case 0xE9, 0xC9, 0xE8, 0xC8, 0xEA, 0xCA: mapped = (UInt8(ascii: "e"), nil)  // é è ê
            case 0xFC, 0xDC: mapped = (UInt8(ascii: "u"), nil)  // ü
            case 0xF6, 0xD6: mapped = (UInt8(ascii: "o"), nil)  // ö
            case 0xE4, 0xC4: mapped = (UInt8(ascii: "a"), nil)  // ä
            // A combining accent (of a decomposed "é") belongs to the letter before it.
            case 0x300...0x36F: continue
            default:
                pendingDash = !out.isEmpty
                continue
            }
            if pendingDash { out.append(UInt8(ascii: "-")) }
            pendingDash = false
            out.append(mapped.0)
            if let second = mapped.1 { out.append(second) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `text` is a valid slug: lower-case ASCII letters, digits and single dashes.
    public static func isValid(_ text: String) -> Bool {
        isPlainSlug(text)
    }

    /// `a-z`, `0-9` and single dashes between them, checked on the bytes.
    static func isPlainSlug(_ text: String) -> Bool {
        var previousDash = true  // no dash first
        var any = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousDash = false
                any = true
            case UInt8(ascii: "-"):
                if previousDash { return false }
                previousDash = true
            default:
                return false
            }
        }
        return any && !previousDash
    }
}

extension String {
    /// Without white space (and line breaks) at either end; the same as Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)`, without bridging to `NSString`,
    /// and the text itself when there is nothing to trim (most scalars of a content file).
    public var trimmed: String {
        // Most texts start and end with a visible ASCII character: decided on two bytes.
        let utf8 = self.utf8
        guard let firstByte = utf8.first, let lastByte = utf8.last else { return self }
        if firstByte > 0x20, firstByte < 0x7F, lastByte > 0x20, lastByte < 0x7F { return self }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return self }
        if !first.properties.isWhitespace && !last.properties.isWhitespace { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}

extension String {
    /// The same text as `lowercased()`, built as bytes with fast paths for ASCII and Latin-1
    /// letters (Æ, Ø, Å): the project bank's search index lower-cases every activity's text.
    public var lowercasedQuickly: String {
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0x41...0x5A: out.append(UInt8(scalar.value + 0x20))
            case 0..<0x80: out.append(UInt8(scalar.value))
            case 0xC0...0xDE where scalar.value != 0xD7:
                UTF8.encode(Unicode.Scalar(scalar.value + 0x20)!) { out.append($0) }
            default:
                if scalar.properties.changesWhenLowercased {
                    out.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
