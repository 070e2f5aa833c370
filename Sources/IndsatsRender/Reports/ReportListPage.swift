import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// The list of yearly status reports, in `DocumentOrder` (by committee, date and year): each
/// with its date (or "Udateret") and its PDF when there is one (printed by this build, or
/// archived).
struct ReportListPage: PageKindBuilder {
    let inputs: RenderInputs

    func context() -> TemplateObject {
        TemplateObject([
            "reports": DocumentOrder.reports(site.content.reports, config: config).map { report in
                let committee = report.committee.flatMap { config.committee($0.slug)?.name }
                let dateText = report.date.map(DanishFormat.date) ?? "Udateret"
                return TemplateObject([
                    "year": String(report.year), "title": report.title, "url": SitePaths.report(report.year),
                    "published": report.published.map(DanishFormat.date), "dateText": dateText, "committee": committee,
                    "label": ["Statusredegørelse \(report.year)", committee, dateText].compactMap { $0 }.joined(separator: ", "),
                    "pdf": options.pdf || report.archive != nil ? SitePaths.reportPDF(report.year) : nil,
                ])
            }
        ])
    }
}

extension ReportListPage {
    /// The content files the list shows: every report.
    func sources() -> [String] { site.content.reports.map(\.source.path) }
}
