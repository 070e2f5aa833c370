/// A footnote under a table or a document: its mark as printed (`*`, `4`) and its text.
public struct Footnote: Hashable, Sendable {
    public var mark: String
    public var text: String

    public init(mark: String, text: String) {
        self.mark = mark
        self.text = text
    }
}

/// One cell of a budget table, kept as printed: an amount, a text such as "Driftsbudget", or
/// empty (blank or a dash); any of them can carry a footnote mark (`46,4*`).
public struct BudgetCell: Hashable, Sendable {
    public enum Content: Hashable, Sendable {
        case amount(Amount)
        case text(String)
        /// Blank or a dash; `printed` keeps which.
        case empty(printed: String)
    }

    public var content: Content
    public var mark: String?

    public init(_ content: Content, mark: String? = nil) {
        self.content = content
        self.mark = mark
    }

    public var amount: Amount? {
        if case .amount(let a) = content { return a }
        return nil
    }
}

/// Amounts by year, as a budget table row: `2018: 3,3 · 2019: Driftsbudget · …`.
public struct YearCells: Hashable, Sendable {
    public let cells: [Int: BudgetCell]
    /// The years, ascending.
    public let years: [Int]
    /// The sum of the amounts; text and empty cells count as nothing. Added up once: every
    /// list page that shows the activity needs it.
    public let total: Amount

    public init(_ cells: [Int: BudgetCell] = [:]) {
        self.cells = cells
        years = cells.keys.sorted()
        total = years.compactMap { cells[$0]?.amount }.sum()
    }

    public subscript(year: Int) -> BudgetCell? { cells[year] }
    public var isEmpty: Bool { cells.isEmpty }

    /// Whether any cell has something printed in it (a figure, a text or a dash).
    public var hasPrintedCells: Bool {
        cells.values.contains { cell in
            switch cell.content {
            case .amount: true
            case .text(let text): !text.isEmpty
            case .empty(let printed): !printed.isEmpty
            }
        }
    }
    public var hasAmounts: Bool { cells.values.contains { $0.amount != nil } }

    public var marks: [String] { years.compactMap { cells[$0]?.mark } }
}
