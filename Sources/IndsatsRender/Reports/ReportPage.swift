import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// A yearly status report: its text, indicators as of its date, policy goals, activities
/// by section and economic overview.
struct ReportPage: PageKindBuilder {
    let inputs: RenderInputs

    func context(_ report: StatusReport) -> TemplateObject {
        let asOf = report.date
        let summary = IndicatorSummary(inputs: inputs)
        return TemplateObject([
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
                summary.context(asOf.map(indicator.asOf) ?? indicator)
            },
            "indicatorFootnotes": footnotesContext(report.indicators.compactMap { site.indicator($0.slug) }.flatMap(\.footnotes)),
            "policyGoals": report.policyGoals.compactMap { status in
                site.policyGoal(status.goal.slug).map { goal in
                    TemplateObject(["title": goal.title, "status": status.status, "marks": goal.footnotes.map(\.mark).joined(separator: " ")])
                }
            },
            "policyGoalFootnotes": footnotesContext(report.policyGoals.compactMap { site.policyGoal($0.goal.slug) }.flatMap(\.footnotes)),
            "keyFigures": report.keyFigures.map { ["label": $0.label, "value": $0.value] },
            "sections": report.sections.map { section in
                TemplateObject([
                    "title": section.title,
                    "activities": section.activities.compactMap { entry in
                        site.activity(entry.activity.slug).map { activity in
                            var page = EmbeddedActivity(inputs: inputs).context(activity, headingLevel: 5)
                            page["number"] = entry.number
                            page["url"] = SitePaths.activity(activity.slug)
                            return page
                        }
                    },
                ])
            },
            "economy": report.economy.map(EconomyTable(inputs: inputs).context),
        ])
    }
}

extension ReportPage {
    /// The content files the page shows: the report's own, its indicators and policy goals,
    /// the activities of its sections (with what they show) and those its economy links to.
    func sources(_ report: StatusReport) -> [String] {
        let activityPage = ActivityPage(inputs: inputs)
        return [report.source.path]
            + report.indicators.compactMap { site.indicator($0.slug)?.source.path }
            + report.policyGoals.compactMap { site.policyGoal($0.goal.slug)?.source.path }
            + report.sections.flatMap(\.activities).compactMap { site.activity($0.activity.slug) }.flatMap(activityPage.sources)
            + (report.economy?.sections.flatMap(\.rows) ?? []).compactMap { $0.activity.flatMap { site.activity($0.slug)?.source.path } }
    }
}
