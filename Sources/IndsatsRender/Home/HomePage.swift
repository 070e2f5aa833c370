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
            "lastUpdated": Self.lastUpdated(content).map(DanishFormat.date),
        ])
    }

    /// When the content was last updated: the newest date it holds (an activity's or a
    /// version's date, a goal's result, an indicator's baseline or measurement, an annex's
    /// date, a report's date or publication). Never the day of the build, so that the same
    /// content gives the same page.
    static func lastUpdated(_ content: SiteContent) -> Day? {
        var days: [Day?] = []
        for activity in content.activities {
            for version in activity.allVersions {
                days.append(version.date)
                days += version.goals.flatMap { $0.results.map(\.date) }
            }
        }
        days += content.indicators.flatMap { $0.series.map(\.date) }
        days += content.annexes.map(\.date)
        days += content.reports.flatMap { [$0.date, $0.published] }
        return days.compactMap { $0 }.max()
    }
}

extension HomePage {
    /// The content files the page shows: the reports, and every file for the date of the
    /// last update (its counts change only when files are added or removed, which changes the
    /// page list and needs a whole build).
    func sources() -> [String] {
        // Every file: any of them can hold the newest date ("Senest opdateret").
        let content = site.content
        return content.activities.map(\.source.path) + content.indicators.map(\.source.path) + content.annexes.map(\.source.path)
            + content.reports.map(\.source.path)
    }
}
