import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// The front page: how many activities, indicators and annexes there are, and the reports.
struct HomePage: PageKindBuilder {
    let inputs: RenderInputs

    func context() -> TemplateObject {
        let content = site.content
        return TemplateObject([
            "activityCount": String(content.activities.count),
            "indicatorCount": String(content.indicators.count),
            "annexCount": String(content.annexes.count),
            "activityCountText": DanishFormat.count(content.activities.count, "indsats", "indsatser"),
            "indicatorCountText": DanishFormat.count(content.indicators.count, "indikator", "indikatorer"),
            "annexCountText": DanishFormat.count(content.annexes.count, "bilag", "bilag"),
            "reports": content.reports.reversed().map { ["title": $0.title, "url": SitePaths.report($0.year), "year": String($0.year)] },
        ])
    }
}

extension HomePage {
    /// The content files the page shows: the reports (its counts change only when files are
    /// added or removed, which changes the page list and needs a whole build).
    func sources() -> [String] {
        site.content.reports.map(\.source.path)
    }
}
