import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// The open data page: the files, and what each CSV column holds.
struct OpenDataPage: PageKindBuilder {
    let inputs: RenderInputs

    func context() -> TemplateObject {
        TemplateObject([
            "columns": ProjectBankData.csvColumns.map { ["name": $0.name, "description": $0.description] },
            "count": String(site.content.activities.count),
            "countText": DanishFormat.count(site.content.activities.count, "indsats", "indsatser"),
            "unit": site.content.config.budgetUnit.rawValue,
            "hasFeed": site.content.config.baseURL != nil,
            "example": site.content.activities.first.map { ["title": $0.title, "url": SitePaths.activityJSON($0.slug)] },
        ])
    }
}

extension OpenDataPage {
    /// The content file the page shows: the first activity, its example.
    func sources() -> [String] {
        site.content.activities.first.map { [$0.source.path] } ?? []
    }
}
