import Foundation
import IndsatsFormat
import IndsatsModel

extension PageBuilder {
    func annexContext(_ annex: Annex) -> Context {
        let config = site.content.config
        var page = Context([
            "number": annex.number,
            "title": annex.title,
            "committee": config.committee(annex.committee.slug)?.name,
            "date": annex.date.map(DanishFormat.date),
            "caseNumber": annex.caseNumber,
            "documentNumber": annex.documentNumber,
            "body": annex.body.isEmpty ? nil : annex.body.html,
            "footnotes": footnotesContext(annex.footnotes),
            "printHeader": cssString([config.committee(annex.committee.slug)?.name, "Bilag \(annex.number)"].compactMap { $0 }.joined(separator: " · ")),
            "pdf": options.pdf ? SitePaths.annexPDF(annex.slug) : nil,
        ])
        switch annex.kind {
        case .overview:
            page["overview"] = overviewContext(annex)
        case .description, .statusNote:
            guard let slug = annex.activity?.slug, let activity = site.activity(slug) else { break }
            let version = annex.version.flatMap { wanted in activity.allVersions.first { $0.date == wanted.value } } ?? activity.current
            var described = activity
            described.current = version
            var activityPage = embeddedActivityContext(described, headingLevel: 3)
            activityPage["url"] = SitePaths.activity(activity.slug)
            activityPage["title"] = version.title ?? activity.title
            page[annex.kind == .description ? "description" : "statusNote"] = activityPage
        }
        return page
    }

    /// The overview table: the selected activities grouped by area, a column per year, with
    /// computed totals per area and for the whole table.
    func overviewContext(_ annex: Annex) -> Context {
        let activities = site.activities(for: annex)
        let years: [Int] = annex.selection.years.map(Array.init)
            ?? Array(Set(activities.flatMap(\.budget.years))).sorted()
        var areaOrder: [String] = []
        var byArea: [String: [Activity]] = [:]
        for activity in activities {
            // Ungrouped: one group without a heading (its subtotal would repeat the total).
            let area = annex.groupByArea ? activity.area.slug : ""
            if byArea[area] == nil { areaOrder.append(area) }
            byArea[area, default: []].append(activity)
        }
        func totals(_ group: [Activity]) -> [Context] {
            // A column with no amounts at all (only text or blank cells) has no total.
            years.map { year in
                let amounts = group.compactMap { $0.budget[year]?.amount }
                return ["text": amounts.isEmpty ? "" : DanishFormat.number(amounts.sum())]
            }
        }
        // The activities' footnotes under the table, each once and not those the annex has.
        var shownNotes = Set(annex.footnotes)
        return Context([
            "years": years.map(String.init),
            "unit": site.content.config.budgetUnit.rawValue,
            "columnCount": String(years.count + 4),
            "areas": areaOrder.map { area in
                let group = byArea[area] ?? []
                return Context([
                    "name": area,
                    "rows": group.map { activity in
                        Context([
                            "title": activity.title, "url": SitePaths.activity(activity.slug), "summary": activity.summary,
                            "targetGroup": activity.targetGroup, "expectedEffect": activity.expectedEffect,
                            "funding": activity.funding, "cells": years.map { cellContext(activity.budget[$0]) },
                        ])
                    },
                    "totals": annex.showTotals && annex.groupByArea ? totals(group) : [],
                ])
            },
            "grandTotals": annex.showTotals ? totals(activities) : [],
            "footnotes": footnotesContext(activities.flatMap(\.current.footnotes).filter { shownNotes.insert($0).inserted }),
        ])
    }

    /// An activity shown inside another document: its anchors get the activity's slug as a
    /// prefix, so that several activities on one page keep unique ids.
    /// An activity shown inside another document: its ids prefixed with its slug, and its
    /// section headings (and its body's) moved down to `headingLevel`, so the page's outline
    /// stays in order.
    func embeddedActivityContext(_ activity: Activity, headingLevel: Int) -> Context {
        var page = activityContext(activity)
        let prefix = activity.slug + "-"
        page["idPrefix"] = prefix
        page["h"] = "h\(headingLevel)"
        if case .text(let body)? = page.value(for: "body") {
            page["body"] = MarkdownHeadings.shift(body.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)"), by: headingLevel - 2)
        }
        return page
    }

    func reportContext(_ report: StatusReport) -> Context {
        let config = site.content.config
        let asOf = report.date
        return Context([
            "year": String(report.year),
            "title": report.title,
            "administration": report.administration.flatMap { config.administration($0.slug)?.name },
            "committee": report.committee.flatMap { config.committee($0.slug)?.name },
            "date": report.date.map(DanishFormat.date),
            "published": report.published.map(DanishFormat.date),
            "archived": report.archive.map { DanishFormat.date($0.archived) },
            "corrections": (report.archive?.corrections ?? []).map { ["date": DanishFormat.date($0.date), "note": $0.note] },
            "printHeader": cssString([report.committee.flatMap { config.committee($0.slug)?.name }, "Statusredegørelse \(report.year)"].compactMap { $0 }.joined(separator: " · ")),
            "pdf": options.pdf || report.archive != nil ? SitePaths.reportPDF(report.year) : nil,
            "csv": SitePaths.reportData(report.year, format: "csv"),
            "json": SitePaths.reportData(report.year, format: "json"),
            "body": report.body.isEmpty ? nil : report.body.html,
            "toc": headingsContext(report.body),
            "indicators": report.indicators.compactMap { site.indicator($0.slug) }.map { indicator in
                indicatorSummary(asOf.map(indicator.asOf) ?? indicator)
            },
            "indicatorFootnotes": footnotesContext(report.indicators.compactMap { site.indicator($0.slug) }.flatMap(\.footnotes)),
            "policyGoals": report.policyGoals.compactMap { status in
                site.policyGoal(status.goal.slug).map { goal in
                    Context(["title": goal.title, "status": status.status, "marks": goal.footnotes.map(\.mark).joined(separator: " ")])
                }
            },
            "policyGoalFootnotes": footnotesContext(report.policyGoals.compactMap { site.policyGoal($0.goal.slug) }.flatMap(\.footnotes)),
            "keyFigures": report.keyFigures.map { ["label": $0.label, "value": $0.value] },
            "sections": report.sections.map { section in
                Context([
                    "title": section.title,
                    "activities": section.activities.compactMap { entry in
                        site.activity(entry.activity.slug).map { activity in
                            var page = embeddedActivityContext(activity, headingLevel: 5)
                            page["number"] = entry.number
                            page["url"] = SitePaths.activity(activity.slug)
                            return page
                        }
                    },
                ])
            },
            "economy": report.economy.map(economyTable),
        ])
    }

    /// The economic overview as printed: declared subtotals and totals are shown as written.
    func economyTable(_ economy: EconomicOverview) -> Context {
        let review = site.content.config.review
        let computed = economy.computedSums
        /// A declared figure as printed; in review mode with what the rows give when it differs.
        func declared(_ cell: BudgetCell?, computed sum: Amount?) -> Context {
            var context = cellContext(cell)
            if review, let printed = cell?.amount, let sum, !printed.isEqual(to: sum) {
                context["computed"] = DanishFormat.number(sum)
            }
            return context
        }
        func line(_ line: EconomicOverview.TotalLine?, sums: [Int: Amount]) -> Context? {
            guard let line else { return nil }
            return Context([
                "label": line.label, "mark": line.mark,
                "cells": economy.years.map { declared(line.values[$0], computed: sums[$0] ?? .zero) },
                "total": declared(line.total, computed: economy.years.compactMap { sums[$0] }.sum()),
            ])
        }
        return Context([
            "title": economy.title,
            "review": review,
            "years": economy.years.map(String.init),
            "sections": zip(economy.sections, computed.sections).map { section, sums in
                Context([
                    "title": section.title,
                    "subtotal": line(section.subtotal, sums: sums),
                    "rows": section.rows.map { row in
                        Context([
                            "number": row.number, "label": row.label, "mark": row.mark,
                            "url": row.activity.flatMap { site.activity($0.slug) }.map { SitePaths.activity($0.slug) },
                            "cells": economy.years.map { cellContext(row.values[$0]) },
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

/// Moves the headings of rendered Markdown down by some levels (`<h2>` → `<h5>`), at most to
/// `<h6>`. The HTML comes from cmark, whose heading tags have this exact form.
enum MarkdownHeadings {
    static func shift(_ html: String, by levels: Int) -> String {
        guard levels > 0 else { return html }
        var result = html
        for level in stride(from: 6, through: 1, by: -1) {
            let target = min(6, level + levels)
            result = result.replacingOccurrences(of: "<h\(level)", with: "<h\(target)")
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(target)>")
        }
        return result
    }
}
