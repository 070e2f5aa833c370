import Foundation
import IndsatsModel
import IndsatsSheet

/// A cell of a sheet as the import uses it: its text as shown, and where it is.
public struct SheetPlace: Hashable, Sendable {
    public let sheet: String
    public let row: Int
    public let column: Int

    /// `D12`.
    public var reference: String { ColumnName.letters(column) + String(row) }
}

/// One data row of a budget sheet: how it names its activity, and its cells by year.
struct BudgetRow {
    let place: SheetPlace
    var slug = ""
    var title = ""
    var administration = ""
    /// Year → the cell's text, where it is, and whether it is a spreadsheet number (whose
    /// decimals may be a column's padding).
    var cells: [Int: (text: String, place: SheetPlace, isNumber: Bool)] = [:]
}

/// Reads the rows of a budget sheet. The first row with cells is the header: `slug`,
/// `Indsats` (or `titel`), `Forvaltning`, and either a column per year (`2018`, `2019`, …) or,
/// as the project bank's CSV, `aar` with `celle` (and `fodnote`) or `beloeb_dk`. Other columns
/// are ignored. Data rows end at the first blank row (footnotes below are not data); a row
/// with no slug whose title is "I alt" is a total and skipped.
struct BudgetTable {
    let sheet: ReadSheet
    let report: (SheetPlace, String, String?) -> Void

    struct Columns {
        var slug: Int?, title: Int?, administration: Int?
        var years: [Int: Int] = [:]
        var year: Int?, cell: Int?, mark: Int?, amount: Int?
    }

    func rows() -> [BudgetRow] {
        guard let headerRow = sheet.cells.keys.min() else { return [] }
        if let merge = sheet.merged.first(where: { $0.top <= headerRow && $0.bottom >= headerRow }) {
            let range = ColumnName.letters(merge.left) + String(merge.top) + ":" + ColumnName.letters(merge.right) + String(merge.bottom)
            report(place(headerRow, merge.left), "the header row has merged cells (\(range))", "unmerge them: each column needs its own heading: slug, Indsats, Forvaltning or a year")
            return []
        }
        guard let columns = columns(headerRow) else { return [] }
        var result: [BudgetRow] = []
        var row = headerRow + 1
        let lastRow = sheet.lastRow
        while row <= lastRow, let cells = sheet.cells[row], !cells.values.allSatisfy({ $0.shown.trimmed.isEmpty }) {
            if let budgetRow = self.row(row, columns) { result.append(budgetRow) }
            row += 1
        }
        return result
    }

    func place(_ row: Int, _ column: Int) -> SheetPlace { SheetPlace(sheet: sheet.name, row: row, column: column) }

    func text(_ row: Int, _ column: Int?) -> String {
        column.flatMap { sheet[row, $0]?.shown.trimmed } ?? ""
    }

    func isNumber(_ row: Int, _ column: Int) -> Bool {
        if case .number = sheet[row, column] { return true }
        return false
    }

    func columns(_ header: Int) -> Columns? {
        var columns = Columns()
        for (column, cell) in (sheet.cells[header] ?? [:]).sorted(by: { $0.key < $1.key }) {
            let name = cell.shown.trimmed.lowercased()
            if name.count == 4, let year = Int(name), year >= 1900, year <= 2200 {
                if let earlier = columns.years[year] {
                    report(place(header, column), "the year \(year) is a heading twice (columns \(ColumnName.letters(earlier)) and \(ColumnName.letters(column)))", "delete or rename one of them")
                    return nil
                }
                columns.years[year] = column
                continue
            }
            // "2018.0" or "2018,0": a year saved as a decimal number, which would otherwise be
            // an ignored column and its figures dropped without a word.
            if let point = name.firstIndex(where: { $0 == "." || $0 == "," }), name[name.index(after: point)...].allSatisfy({ $0 == "0" }),
               let year = Int(name[..<point]), (1900...2200).contains(year) {
                report(place(header, column), "the heading \"\(cell.shown.trimmed)\" is not a year as written, so its column would be ignored", "write the year without decimals: \(year)")
                return nil
            }
            switch name {
            case "slug": columns.slug = column
            case "indsats", "titel", "title": columns.title = column
            case "forvaltning": columns.administration = column
            case "aar", "år": columns.year = column
            case "celle": columns.cell = column
            case "fodnote": columns.mark = column
            case "beloeb_dk", "beløb": columns.amount = column
            default: continue
            }
        }
        if columns.slug == nil, columns.title == nil {
            report(place(header, 1), "the header row has no column \"slug\" or \"Indsats\"", "the first row names the columns: slug, Indsats, Forvaltning and one column per year (2018, 2019, …)")
            return nil
        }
        if columns.years.isEmpty, columns.year == nil || (columns.cell ?? columns.amount) == nil {
            report(place(header, 1), "the header row has no year columns", "name a column per year (2018, 2019, …), or use the columns aar and celle as in projektbank.csv")
            return nil
        }
        return columns
    }

    func row(_ row: Int, _ columns: Columns) -> BudgetRow? {
        var result = BudgetRow(place: place(row, columns.slug ?? columns.title ?? 1))
        (result.slug, result.title, result.administration) = (text(row, columns.slug), text(row, columns.title), text(row, columns.administration))
        if result.slug.isEmpty, result.title.lowercased().hasPrefix("i alt") { return nil }
        if columns.years.isEmpty {
            let yearText = text(row, columns.year)
            if yearText.isEmpty { return nil }
            guard yearText.count == 4, let year = Int(yearText) else {
                report(place(row, columns.year!), "\"\(yearText)\" is not a year", "write the year with four digits, e.g. 2023")
                return nil
            }
            let cellColumn = columns.cell ?? columns.amount!
            result.cells[year] = (text(row, cellColumn) + text(row, columns.mark), place(row, cellColumn), isNumber(row, cellColumn))
        } else {
            for (year, column) in columns.years {
                result.cells[year] = (text(row, column), place(row, column), isNumber(row, column))
            }
        }
        if result.slug.isEmpty, result.title.isEmpty {
            report(result.place, "the row has figures but neither a slug nor a title", "write the activity's slug (its address) or its title")
            return nil
        }
        return result
    }
}
