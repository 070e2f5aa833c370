import Foundation
import IndsatsFormat
import IndsatsModel

/// A template context: a dictionary (swift-mustache reads dictionaries fastest).
///
/// Absent values and empty texts become `NSNull`, which hides a `{{#field}}` section and
/// renders as nothing. They are kept as keys on purpose: Mustache looks a name up through the
/// enclosing contexts, so a missing key inside an embedded context (an activity inside a report)
/// would otherwise show the outer page's field of the same name. Lists are kept even when empty,
/// so that templates can test them with `{{^empty(list)}}`.
typealias Context = [String: Any]

func makeContext(_ pairs: [String: Any?]) -> Context {
    pairs.mapValues { value in
        switch value {
        case .none: NSNull()
        case .some(let string as String) where string.isEmpty: NSNull()
        case .some(let wrapped): wrapped
        }
    }
}

/// Where pages live. Links are relative (`root` + path), so the site works under any base
/// path and from disk; they name `index.html` so that a browser opening files finds them.
public enum SitePaths {
    public static func activity(_ slug: String) -> String { "projektbank/\(slug)/index.html" }
    public static func indicator(_ slug: String) -> String { "barometer/\(slug)/index.html" }
    public static func annex(_ slug: String) -> String { "bilag/\(slug)/index.html" }
    public static func report(_ year: Int) -> String { "statusrapporter/\(year)/index.html" }
    public static let home = "index.html"
    public static let projectBank = "projektbank/index.html"
    public static let barometer = "barometer/index.html"
    public static let annexes = "bilag/index.html"
    public static let reports = "statusrapporter/index.html"

    /// `../../` for a page two folders down.
    public static func root(of path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }
}

func footnotesContext(_ footnotes: [Footnote]) -> [Context] {
    footnotes.map { ["mark": $0.mark, "text": $0.text] }
}

func cellContext(_ cell: BudgetCell?) -> Context {
    guard let cell else { return ["text": ""] }
    return makeContext(["text": DanishFormat.cell(cell), "mark": cell.mark, "isText": cell.amount == nil && !DanishFormat.cell(cell).isEmpty])
}

func headingsContext(_ document: MarkdownDocument) -> [Context] {
    document.headings.filter { $0.level == 2 }.map { ["text": $0.text, "anchor": $0.anchor] }
}
