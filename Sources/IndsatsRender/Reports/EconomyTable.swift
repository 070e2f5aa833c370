import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// A report's economic overview as a table.
struct EconomyTable: PageKindBuilder {
    let inputs: RenderInputs

    /// The economic overview as printed: declared subtotals and totals are shown as written.
    func context(_ economy: EconomicOverview) -> TemplateObject {
        let review = config.review
        let computed = economy.computedSums
        /// A declared figure as printed; in review mode with what the rows give when it differs.
        func declared(_ cell: BudgetCell?, computed sum: Amount?) -> TemplateObject {
            var context = cellContext(cell)
            if review, let printed = cell?.amount, let sum, !printed.isEqual(to: sum) {
                context["computed"] = DanishFormat.number(sum)
            }
            return context
        }
        func line(_ line: EconomicOverview.TotalLine?, sums: [Int: Amount]) -> TemplateObject? {
            guard let line else { return nil }
            return TemplateObject([
                "label": line.label, "mark": line.mark,
                "cells": yearCells(economy.years) { declared(line.values[$0], computed: sums[$0] ?? .zero) },
                "total": declared(line.total, computed: economy.years.compactMap { sums[$0] }.sum()),
            ])
        }
        return TemplateObject([
            "title": economy.title,
            "review": review,
            "years": economy.years.map(String.init),
            "sections": zip(economy.sections, computed.sections).map { section, sums in
                TemplateObject([
                    "title": section.title,
                    "subtotal": line(section.subtotal, sums: sums),
                    "rows": section.rows.map { row in
                        TemplateObject([
                            "number": row.number, "label": row.label, "mark": row.mark,
                            "url": row.activity.flatMap { site.activity($0.slug) }.map { SitePaths.activity($0.slug) },
                            "cells": yearCells(economy.years) { cellContext(row.values[$0]) },
                            "total": declared(row.total?.value, computed: row.values.total),
                        ])
                    },
                ])
            },
            "total": line(economy.total, sums: computed.grand),
            "footnotes": footnotesContext(economy.footnotes),
        ])
    }
}
