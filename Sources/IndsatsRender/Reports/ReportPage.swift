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
        let committee = report.committee.flatMap { config.committee($0.slug)?.name }
        let header = DocumentHeader(
            config: config, committee: committee, meetingDate: report.meetingDate, caseNumber: report.caseNumber,
            label: "Statusredegørelse \(report.year)")
        var page = TemplateObject([
            "year": String(report.year),
            "title": report.title,
            "administration": report.administration.flatMap { config.administration($0.slug)?.name },
            "committee": report.committee.flatMap { config.committee($0.slug)?.name },
            "date": report.date.map(DanishFormat.date),
            "published": report.published.map(DanishFormat.date),
            "archived": report.archive.map { DanishFormat.date($0.archived) },
            "corrections": (report.archive?.corrections ?? []).map { ["date": DanishFormat.date($0.date), "note": $0.note] },
            "printHeader": header.printHeader,
            "sender": header.sender(administration: report.administration?.slug),
            "meetingDate": report.meetingDate.map(DanishFormat.date),
            "caseNumber": report.caseNumber,
            "dateLine": Self.dateLine(report),
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
        page["printToc"] = printedContents(report, page)
        return page
    }

    /// The report's own date, where a reader looks for it: "Status pr." its date, else when it
    /// was published, else its year (the archive's date is shown apart, as secondary).
    static func dateLine(_ report: StatusReport) -> String {
        if let date = report.date { return "Status pr. \(DanishFormat.date(date))" }
        if let published = report.published { return "Offentliggjort \(DanishFormat.date(published))" }
        return "Redegørelse for året \(report.year)"
    }

    /// The printed table of contents (numbered in two prints by `indsats build --pdf`): the
    /// text's headings, the indicators, each section and status schema, the economy and the
    /// corrections, with the heading level each has on the page.
    func printedContents(_ report: StatusReport, _ page: TemplateObject) -> [TemplateObject] {
        func entry(_ text: String, _ level: Int) -> TemplateObject { ["text": text, "level": String(level)] }
        var entries = report.body.headings.filter { $0.level == 2 }.map { entry($0.text, 2) }
        entries.append(entry("Indikatorer", 2))
        if !report.sections.isEmpty { entries.append(entry("Statusskemaer", 2)) }
        for section in report.sections {
            entries.append(entry(section.title, 3))
            for numbered in section.activities {
                guard let activity = site.activity(numbered.activity.slug) else { continue }
                entries.append(entry("\(numbered.number) \(activity.title)", 4))
            }
        }
        if report.economy != nil { entries.append(entry("Økonomisk oversigt", 2)) }
        if !(report.archive?.corrections.isEmpty ?? true) { entries.append(entry("Rettelser", 2)) }
        return entries
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
