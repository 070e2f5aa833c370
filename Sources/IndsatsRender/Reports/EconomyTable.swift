import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// A report's economic overview as a table.
struct EconomyTable: PageKindBuilder {
    let inputs: RenderInputs

    /// The economic overview as printed: declared subtotals and totals are shown as written,
    /// each column with one number of decimals (the most any of its printed figures has).
    func context(_ economy: EconomicOverview) -> TemplateObject {
        let review = config.review
        let computed = economy.computedSums
        let lines = economy.sections.flatMap { [$0.subtotal].compactMap { $0 } } + [economy.total].compactMap { $0 }
        let rows = economy.sections.flatMap(\.rows)
        var decimals: [Int: Int] = [:]
        for year in economy.years {
            decimals[year] = columnDecimals(rows.map { $0.values[year] } + lines.map { $0.values[year] })
        }
        let totalDecimals = columnDecimals(rows.map { $0.total?.value } + lines.map(\.total))
        // In review mode, each declared figure its rows do not add up to gets a note under the
        // table, marked a, b, c … (the source's own marks are digits): the figure stays as printed.
        var notes: [TemplateObject] = []
        /// A declared figure as printed; in review mode marked with a note when its rows differ.
        func declared(_ cell: BudgetCell?, computed sum: Amount?, decimals: Int, what: String) -> TemplateObject {
            var context = cellContext(cell, decimals: decimals)
            if review, let printed = cell?.amount, let sum, !printed.isEqual(to: sum) {
                let mark = Self.reviewMark(notes.count)
                let places = max(decimals, sum.scale, printed.scale)
                let text = "\(what) er trykt som \(DanishFormat.number(printed, decimals: places)), men rækkerne giver "
                    + "\(DanishFormat.number(sum, decimals: places)) (forskel \(DanishFormat.number(printed - sum, decimals: places))). Tallet er gengivet som trykt."
                notes.append(["mark": mark, "text": text])
                context["computed"] = mark
            }
            return context
        }
        func line(_ line: EconomicOverview.TotalLine?, sums: [Int: Amount]) -> TemplateObject? {
            guard let line else { return nil }
            let name = "«\(line.label)»"
            return TemplateObject([
                "label": line.label, "mark": line.mark,
                "cells": yearCells(economy.years) { declared(line.values[$0], computed: sums[$0] ?? .zero, decimals: decimals[$0]!, what: "\(name) for \($0)") },
                "total": declared(line.total, computed: economy.years.compactMap { sums[$0] }.sum(), decimals: totalDecimals, what: "\(name) i alt"),
            ])
        }
        var context = TemplateObject([
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
                            "cells": yearCells(economy.years) { cellContext(row.values[$0], decimals: decimals[$0]!) },
                            "total": declared(row.total?.value, computed: row.values.total, decimals: totalDecimals, what: "«\(row.label)» i alt"),
                        ])
                    },
                ])
            },
            "total": line(economy.total, sums: computed.grand),
            "footnotes": footnotesContext(economy.footnotes),
        ])
        context["reviewNotes"] = notes
        return context
    }

    /// a, b, … z, aa, ab …: marks that cannot be taken for the source's numbered footnotes.
    static func reviewMark(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return index < letters.count ? String(letters[index]) : reviewMark(index / letters.count - 1) + String(letters[index % letters.count])
    }
}

