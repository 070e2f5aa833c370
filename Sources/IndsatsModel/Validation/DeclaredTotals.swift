import Foundation

/// Checks that every total an economic overview prints equals the sum of its rows: each row's
/// total, each section's subtotal and the grand total, per year and across the years. A
/// difference is a warning that shows both figures.
struct DeclaredTotals {
    var diagnostics = Diagnostics()

    /// The warnings for `economy`.
    static func check(_ economy: EconomicOverview) -> Diagnostics {
        var totals = DeclaredTotals()
        totals.check(economy)
        return totals.diagnostics
    }

    mutating func check(_ economy: EconomicOverview) {
        let computed = economy.computedSums
        for (section, sums) in zip(economy.sections, computed.sections) {
            for row in section.rows {
                if let declared = row.total, let printed = declared.value.amount {
                    compare(printed, with: row.values.total, what: "the total of \"\(row.label)\"", at: declared.location, field: "total")
                }
            }
            if let subtotal = section.subtotal {
                compare(subtotal, with: sums, years: economy.years, what: "the subtotal of \"\(section.title)\"")
            }
        }
        if let total = economy.total {
            compare(total, with: computed.grand, years: economy.years, what: "the grand total \"\(total.label)\"")
        }
    }

    mutating func compare(_ line: EconomicOverview.TotalLine, with sums: [Int: Amount], years: [Int], what: String) {
        for year in years {
            if let printed = line.values[year]?.amount {
                compare(printed, with: sums[year] ?? .zero, what: "\(what) for \(year)", at: line.location, field: "values.\(year)")
            }
        }
        if let printed = line.total?.amount {
            let sum = years.compactMap { sums[$0] }.sum()
            compare(printed, with: sum, what: "\(what) across the years", at: line.location, field: "total")
        }
    }

    mutating func compare(_ printed: Amount, with sum: Amount, what: String, at location: SourceLocation, field: String) {
        guard !printed.isEqual(to: sum) else { return }
        diagnostics.warning(
            "\(what) is printed as \(plain(printed)), but its rows add up to \(plain(sum))",
            at: location, field: field, hint: "difference \(plain(printed - sum))")
    }
}
