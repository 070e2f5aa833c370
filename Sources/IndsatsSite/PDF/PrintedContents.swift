import Foundation

/// The printed table of contents of a yearly report, numbered in two prints. Chromium has no
/// `target-counter()`, so the report's page holds its entries with empty page numbers
/// (`<span class="toc-text">Indikatorer</span>…<span class="toc-page"></span>`); the first
/// print's outline (Chromium makes one entry per heading, with its page) gives each entry's
/// page, and the page is printed again with the numbers filled in. The numbers' box has the
/// same width empty or filled, so the second print breaks its pages as the first did, and the
/// same page gives the same numbers every time.
enum PrintedContents {
    static let textOpen = "<span class=\"toc-text\">"
    static let pageEmpty = "<span class=\"toc-page\"></span>"

    /// `html` with each entry's page number from the outline: an entry takes the first outline
    /// entry after the previous one's with the same text (white space aside, see `normalised`), so two headings
    /// with the same text get their own pages. An entry without a heading keeps no number.
    static func fill(_ html: String, outline: [(title: String, page: Int)]) -> String {
        var result = "", rest = Substring(html), next = 0
        while let open = rest.range(of: textOpen), let close = rest[open.upperBound...].range(of: "</span>"),
            let empty = rest[close.upperBound...].range(of: pageEmpty)
        {
            let text = normalised(unescaped(String(rest[open.upperBound..<close.lowerBound])))
            var page = ""
            if let found = outline[min(next, outline.count)...].firstIndex(where: { normalised($0.title) == text }) {
                page = String(outline[found].page)
                next = found + 1
            }
            result += rest[..<empty.lowerBound] + "<span class=\"toc-page\">\(page)</span>"
            rest = rest[empty.upperBound...]
        }
        return result + rest
    }

    /// Without white space: Chromium's outline drops the space where a heading's line broke
    /// ("under Beskæftigelses-" on two lines is "underBeskæftigelses-").
    static func normalised(_ text: String) -> String {
        String(text.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) }.map(Character.init))
    }

    /// The text of escaped HTML (as the templates escape it).
    static func unescaped(_ html: String) -> String {
        html.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
