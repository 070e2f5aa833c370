import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsSheet

/// The finance officer's spreadsheets: every overview annex and the project bank as `.xlsx`
/// (one sheet per area, or per administration for the bank). Each sheet has a frozen header
/// row `slug; Indsats; Forvaltning; <years>`, one row per activity, numbers as numbers with the
/// column's decimals (a footnote mark is part of the number format: `46,4*` stays a number),
/// text cells as text, an "I alt" row when the annex shows totals, and the footnotes below a
/// blank row. `indsats import budget` reads these sheets back (a round trip changes nothing).
struct SheetExport {
    let inputs: RenderInputs
    var site: SiteIndex { inputs.site }

    func files() -> [OutputFile] {
        var files: [OutputFile] = []
        for annex in site.content.annexes where annex.kind == .overview {
            if let data = try? XLSXWriter.data(annexWorkbook(annex)) {
                files.append(OutputFile(path: SitePaths.annexSheet(annex.slug), data: data))
            }
        }
        if let data = try? XLSXWriter.data(projectBankWorkbook()) {
            files.append(OutputFile(path: SitePaths.projectBankSheet, data: data))
        }
        return files
    }

    /// An overview annex: a sheet per area (one sheet when the annex is not grouped).
    func annexWorkbook(_ annex: Annex) -> Workbook {
        let activities = site.activities(for: annex)
        let years: [Int] = annex.selection.years.map(Array.init) ?? Array(Set(activities.flatMap(\.budget.years))).sorted()
        let groups = grouped(activities) { annex.groupByArea ? $0.area.slug : "Bilag \(annex.number)" }
        var shown = Set(annex.footnotes)
        let notes = annex.footnotes + activities.flatMap(\.current.footnotes).filter { shown.insert($0).inserted }
        // One number of decimals for the whole table, as its page shows it.
        let decimals = Self.decimals(activities, years)
        return Workbook(sheets: groups.map { name, group in
            sheet(name: name, activities: group, years: years, decimals: decimals, totals: annex.showTotals, footnotes: notes.map { "\($0.mark) \($0.text)" })
        })
    }

    /// The project bank: a sheet per administration, every year any activity has a cell for.
    func projectBankWorkbook() -> Workbook {
        let activities = inputs.facets.byTitle
        let years = Array(Set(activities.flatMap(\.budget.years))).sorted()
        let groups = grouped(activities) { $0.administration.slug }.sorted { $0.name < $1.name }
        return Workbook(sheets: groups.map { name, group in
            let notes = group.flatMap { activity in activity.current.footnotes.map { "\($0.mark) \($0.text) (\(activity.title))" } }
            return sheet(name: name, activities: group, years: years, decimals: Self.decimals(group, years), totals: true, footnotes: notes)
        })
    }

    func grouped(_ activities: [Activity], by key: (Activity) -> String) -> [(name: String, activities: [Activity])] {
        var order: [String] = [], groups: [String: [Activity]] = [:]
        for activity in activities {
            let name = key(activity)
            if groups[name] == nil { order.append(name) }
            groups[name, default: []].append(activity)
        }
        return order.map { ($0, groups[$0]!) }
    }

    /// The most decimals any of the cells has (a column is padded to it, never rounded).
    static func decimals(_ activities: [Activity], _ years: [Int]) -> Int {
        DanishFormat.columnDecimals(activities.flatMap { activity in years.compactMap { activity.budget[$0]?.amount } })
    }

    func sheet(name: String, activities: [Activity], years: [Int], decimals: Int, totals: Bool, footnotes: [String]) -> Worksheet {
        var rows: [[SheetCell]] = [[.text("slug"), .text("Indsats"), .text("Forvaltning")] + years.map { .text(String($0)) }]
        for activity in activities {
            rows.append([.text(activity.slug), .text(activity.title), .text(activity.administration.slug)]
                + years.map { Self.cell(activity.budget[$0], decimals: decimals) })
        }
        var bold: Set<Int> = [0]
        if totals {
            bold.insert(rows.count)
            rows.append([.empty, .text("I alt"), .empty] + years.map { year in
                let amounts = activities.compactMap { $0.budget[year]?.amount }
                return amounts.isEmpty ? .empty : .number(amounts.sum().value, decimals: decimals)
            })
        }
        if !footnotes.isEmpty {
            rows.append([])
            rows += footnotes.map { [.text($0)] }
        }
        let widths = [Double(min(40, max(10, activities.map(\.slug.count).max() ?? 10))), 50, 12] + years.map { _ in 12.0 }
        return Worksheet(name: name, rows: rows, columnWidths: widths, boldRows: bold)
    }

    /// A budget cell as a spreadsheet cell: an amount as a number padded to the column's
    /// decimals (never rounded), its footnote mark in the number format; text as printed.
    static func cell(_ cell: BudgetCell?, decimals: Int) -> SheetCell {
        guard let cell else { return .empty }
        let mark = cell.mark ?? ""
        switch cell.content {
        case .amount(let amount): return .number(amount.value, decimals: max(decimals, amount.scale), suffix: mark)
        case .text(let text): return .text(text + mark)
        case .empty(let printed): return printed.isEmpty && mark.isEmpty ? .empty : .text(printed + mark)
        }
    }
}

extension SitePaths {
    /// An overview annex's table as a spreadsheet, beside its page.
    public static func annexSheet(_ slug: String) -> String { "bilag/\(slug)/bilag-\(slug).xlsx" }
    /// The project bank as a spreadsheet, beside its CSV.
    public static let projectBankSheet = "projektbank/projektbank.xlsx"
}
