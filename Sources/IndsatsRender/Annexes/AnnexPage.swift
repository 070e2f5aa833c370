import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// A committee annex: an overview table of activities, or one activity's description or
/// status note as it stood on a day.
struct AnnexPage: PageKindBuilder {
    let inputs: RenderInputs

    func context(_ annex: Annex) -> TemplateObject {
        let header = DocumentHeader(
            config: config, committee: config.committee(annex.committee.slug)?.name, meetingDate: annex.meetingDate,
            caseNumber: annex.caseNumber, label: "Bilag \(annex.number)")
        var page = TemplateObject([
            "number": annex.number,
            "title": annex.title,
            "committee": config.committee(annex.committee.slug)?.name,
            "date": annex.date.map(DanishFormat.date),
            "caseNumber": annex.caseNumber,
            "documentNumber": annex.documentNumber,
            "body": annex.body.isEmpty ? nil : annex.body.html,
            "footnotes": footnotesContext(annex.footnotes),
            "meetingDate": annex.meetingDate.map(DanishFormat.date),
            "sender": header.sender(),
            "printHeader": header.printHeader,
            "pdf": options.pdf ? SitePaths.annexPDF(annex.slug) : nil,
        ])
        switch annex.kind {
        case .overview:
            page["overview"] = overview(annex)
            if config.enabled(.openData) { page["xlsx"] = SitePaths.annexSheet(annex.slug) }
        case .description, .statusNote:
            guard let slug = annex.activity?.slug, let activity = site.activity(slug) else { break }
            let version = annex.version.flatMap { wanted in activity.allVersions.first { $0.date == wanted.value } } ?? activity.current
            var described = activity
            described.current = version
            var activityPage = EmbeddedActivity(inputs: inputs).context(described, headingLevel: 3)
            activityPage["url"] = SitePaths.activity(activity.slug)
            activityPage["title"] = version.title ?? activity.title
            page[annex.kind == .description ? "description" : "statusNote"] = activityPage
        }
        return page
    }

    /// The overview table: the selected activities grouped by area, a column per year, with
    /// computed totals per area and for the whole table.
    func overview(_ annex: Annex) -> TemplateObject {
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
        // One number of decimals for the year columns: the most any printed cell has, so that
        // a row reads 3,30 3,30 and not 3,30 3,3 (padded, never rounded).
        let tableDecimals = columnDecimals(activities.flatMap { activity in years.map { activity.budget[$0] } })
        let decimals = Dictionary(uniqueKeysWithValues: years.map { ($0, tableDecimals) })
        func totals(_ group: [Activity]) -> [TemplateObject] {
            // A column with no amounts at all (only text or blank cells) has no total.
            yearCells(years) { year in
                let amounts = group.compactMap { $0.budget[year]?.amount }
                return ["text": amounts.isEmpty ? "" : DanishFormat.number(amounts.sum(), decimals: decimals[year]!)]
            }
        }
        // The activities' footnotes under the table, each once and not those the annex has.
        var shownNotes = Set(annex.footnotes)
        return TemplateObject([
            "years": years.map(String.init),
            "unit": config.budgetUnit.rawValue,
            "columnCount": String(years.count + 4),
            "areas": areaOrder.map { area in
                let group = byArea[area] ?? []
                return TemplateObject([
                    "name": area,
                    "rows": group.map { activity in
                        TemplateObject([
                            "title": activity.title, "url": SitePaths.activity(activity.slug), "summary": activity.summary,
                            "targetGroup": activity.targetGroup, "expectedEffect": activity.expectedEffect,
                            "funding": activity.funding, "cells": yearCells(years) { cellContext(activity.budget[$0], decimals: decimals[$0]!) },
                        ])
                    },
                    "totals": annex.showTotals && annex.groupByArea ? totals(group) : [],
                ])
            },
            "grandTotals": annex.showTotals ? totals(activities) : [],
            "footnotes": footnotesContext(activities.flatMap(\.current.footnotes).filter { shownNotes.insert($0).inserted }),
        ])
    }
}

extension AnnexPage {
    /// The content files the page shows: the annex's own and the activities it shows.
    func sources(_ annex: Annex) -> [String] {
        let shown: [Activity] = annex.kind == .overview
            ? site.activities(for: annex)
            : annex.activity.flatMap { site.activity($0.slug) }.map { [$0] } ?? []
        // An activity inside the annex shows the indicators it links to and who cites it.
        return [annex.source.path] + shown.flatMap { ActivityPage(inputs: inputs).sources($0) }
    }
}
