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
                error(at: given.place, "\(activity.slug) \(year) is given twice: in row \(first.row) of sheet \"\(first.sheet)\" and here", hint: "delete one of the rows")
                continue
            }
            seen[activity.slug, default: [:]][year] = given.place
            switch BudgetCellText.parse(given.text, unit: unit) {
            case .success(let cell): cells[activity.slug, default: [:]][year] = cell
            case .failure(let problem): error(at: given.place, problem.message, hint: problem.hint)
            }
        }
    }
}
