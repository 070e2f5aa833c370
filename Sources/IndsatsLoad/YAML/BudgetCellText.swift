import IndsatsModel

/// A budget cell read from text with the content's rules (`3,3`, `3.3`, `46,4*`,
/// `Driftsbudget`, `""`; `1.242` and `3,3x` are errors), for readers of other formats than
/// the content's YAML, such as `indsats import budget`.
public enum BudgetCellText {
    /// The cell, or the problem as a message and a hint.
    public static func parse(_ text: String, unit: MoneyUnit) -> Result<BudgetCell, BudgetCellProblem> {
        var problem: BudgetCellProblem?
        let cell = ValueParser.parseCell(text, unit: unit) { message, hint in
            if problem == nil { problem = BudgetCellProblem(message: message, hint: hint) }
        }
        if let problem { return .failure(problem) }
        guard let cell else { return .failure(BudgetCellProblem(message: "\(ValueParser.quoted(text)) is not a budget cell", hint: nil)) }
        return .success(cell)
    }
}

/// Why a text is not a budget cell.
public struct BudgetCellProblem: Error, Sendable {
    public let message: String
    public let hint: String?
}
