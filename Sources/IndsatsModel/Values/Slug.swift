/// URL- and anchor-safe slugs from Danish text: `Målgruppe` → `maalgruppe`.
public enum Slug {
    public static func make(_ text: String) -> String {
        // Already a slug (a file name, mostly): nothing to map.
        if isPlainSlug(text) { return text }
        var out = ""
        var pendingDash = false
        for character in text.lowercased() {
            let mapped: String
            switch character {
            case "æ": mapped = "ae"
            case "ø": mapped = "oe"
            case "å": mapped = "aa"
            case "é", "è", "ê": mapped = "e"
            case "ü": mapped = "u"
            case "ö": mapped = "o"
            case "ä": mapped = "a"
            default:
                mapped = character.isASCII && (character.isLetter || character.isNumber) ? String(character) : ""
            }
            if mapped.isEmpty {
                pendingDash = !out.isEmpty
            } else {
                if pendingDash { out += "-" }
                pendingDash = false
                out += mapped
            }
        }
        return out
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
