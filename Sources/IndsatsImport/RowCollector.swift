import Foundation
import IndsatsLoad
import IndsatsModel
import IndsatsSheet

/// Gathers the sheet's rows: each matched to its activity, each cell read with the content's
/// rules; every problem a diagnostic at the sheet's row and column.
struct RowCollector {
    let sheetPath: String
    let matcher: ActivityMatcher
    let unit: MoneyUnit
    var diagnostics = Diagnostics()
    /// Activity slug → year → the cell the sheet gives.
    var cells: [String: [Int: BudgetCell]] = [:]
    /// Where each (activity, year) was given first, to find a row given twice.
    var seen: [String: [Int: SheetPlace]] = [:]
    var rowsRead = 0
    var unmatchedRows = 0

    mutating func error(at place: SheetPlace, _ message: String, hint: String?) {
        diagnostics.error(message, at: SourceLocation(path: sheetPath, line: place.row, column: place.column), field: "sheet \"\(place.sheet)\", \(place.reference)", hint: hint)
    }

    /// A spreadsheet number shows the decimals of its column's format (an export pads `3,3` to
    /// `3,30` in a column with `0,25`): zeros past `keeping` decimals are that padding, and
    /// dropped; a digit that is not zero never is.
    static func unpadded(_ cell: BudgetCell, keeping: Int) -> BudgetCell {
        guard case .amount(let amount) = cell.content else { return cell }
        return BudgetCell(.amount(amount.withoutTrailingZeros(keeping: keeping)), mark: cell.mark)
    }

    /// The decimals a year's cell is written with; for a new year, the most of the row's.
    static func decimals(of activity: Activity, _ year: Int) -> Int {
        if let amount = activity.budget[year]?.amount { return amount.scale }
        return activity.budget.years.compactMap { activity.budget[$0]?.amount?.scale }.max() ?? 0
    }

    /// The error a spreadsheet shows in a cell whose formula fails (Excel's `#DIV/0!`,
    /// `#REF!`, …; LibreOffice's `Err:502`), which an `.xlsx` stores as the cell's value and a
    /// CSV as its text; nil for any other text.
    static func spreadsheetError(_ text: String) -> String? {
        let codes: Set = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!", "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"]
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if codes.contains(trimmed.uppercased()) { return trimmed }
        if trimmed.hasPrefix("Err:"), trimmed.count > 4, trimmed.dropFirst(4).allSatisfy(\.isASCII), Int(trimmed.dropFirst(4)) != nil { return trimmed }
        return nil
    }

    mutating func add(_ row: BudgetRow) {
        rowsRead += 1
        let activity: Activity
        switch matcher.match(row) {
        case .found(let found): activity = found
        case .problem(let message, let hint):
            unmatchedRows += 1
            error(at: row.place, message, hint: hint)
            return
        }
        for (year, given) in row.cells.sorted(by: { $0.key < $1.key }) {
            if let first = seen[activity.slug]?[year] {
                // Once per row: a row given twice repeats every year.
                error(at: given.place, "\(activity.slug) \(year) is given twice: in row \(first.row) of sheet \"\(first.sheet)\" and here", hint: "delete one of the rows")
                return
            }
            seen[activity.slug, default: [:]][year] = given.place
            if let code = Self.spreadsheetError(given.text) {
                error(at: given.place, "the cell shows the spreadsheet error \(code) instead of an amount: its formula cannot be calculated", hint: "correct the formula in the spreadsheet, or type the amount")
                continue
            }
            if given.text.trimmed.hasPrefix("=") {
                error(at: given.place, "the cell holds the formula \"\(given.text.trimmed.prefix(40))\(given.text.trimmed.count > 40 ? "…" : "")\" as text, not its result", hint: "save the sheet from Excel or LibreOffice, which writes each formula's result, or type the amount")
                continue
            }
            switch BudgetCellText.parse(given.text, unit: unit) {
            case .success(let cell):
                cells[activity.slug, default: [:]][year] = given.isNumber ? Self.unpadded(cell, keeping: Self.decimals(of: activity, year)) : cell
            case .failure(let problem): error(at: given.place, problem.message, hint: problem.hint)
            }
        }
    }
}
