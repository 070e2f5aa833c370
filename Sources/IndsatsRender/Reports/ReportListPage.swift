import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// The list of yearly status reports, newest first.
struct ReportListPage: PageKindBuilder {
    let inputs: RenderInputs

    func context() -> TemplateObject {
        TemplateObject([
            "reports": site.content.reports.reversed().map { report in
                TemplateObject([
                    "year": String(report.year), "title": report.title, "url": SitePaths.report(report.year),
                    "published": report.published.map(DanishFormat.date),
                ])
            }
        ])
    }
}

extension ReportListPage {
    /// The content files the list shows: every report.
    func sources() -> [String] { site.content.reports.map(\.source.path) }
}
