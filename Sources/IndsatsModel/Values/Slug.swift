/// URL- and anchor-safe slugs from Danish text: `Målgruppe` → `maalgruppe`.
public enum Slug {
    public static func make(_ text: String) -> String {
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
        !text.isEmpty && text == make(text)
    }
}
