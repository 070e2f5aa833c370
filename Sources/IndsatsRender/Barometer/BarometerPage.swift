import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// The barometer: every indicator by theme and by policy goal, now or as it stood on the day
/// of an edition.
struct BarometerPage: PageKindBuilder {
    let inputs: RenderInputs

    /// The days the barometer was updated: every date on which a measurement was made. Each
    /// has a page of its own that never changes once the next update comes.
    static func editions(of content: SiteContent) -> [Day] {
        Array(Set(content.indicators.flatMap { $0.measurements.compactMap(\.date) })).sorted()
    }

    /// The barometer now, or as it stood on `day` (only what was measured by then).
    func context(asOf day: Day?) -> TemplateObject {
        let indicators = site.content.indicators.compactMap { indicator -> Indicator? in
            guard let day else { return indicator }
            if let start = indicator.baseline.date, start > day { return nil }
            return indicator.asOf(day)
        }
        let summary = IndicatorSummary(inputs: inputs)
        let bySlug = Dictionary(indicators.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let editions = config.enabled(.barometerEditions) ? site.barometerEditions : []
        return TemplateObject([
            "themes": themes(indicators),
            "asOf": day.map(DanishFormat.date),
            "current": day.map { $0 == editions.last } ?? true,
            "editions": editions.reversed().map { edition in
                TemplateObject(["date": DanishFormat.date(edition), "url": SitePaths.barometerEdition(edition), "isShown": edition == day ? "page" : nil])
            },
            "policyGoals": site.content.policyGoals.sorted { ($0.number ?? Int.max, $0.slug) < ($1.number ?? Int.max, $1.slug) }.map { goal in
                TemplateObject([
                    "number": goal.number.map(String.init),
                    "title": goal.title,
                    "indicators": goal.indicators.compactMap { bySlug[$0.slug] }.map(summary.context),
                ])
            },
        ])
    }

    /// The indicators by theme, in the themes' order, and those without one last.
    private func themes(_ indicators: [Indicator]) -> [TemplateObject] {
        let summary = IndicatorSummary(inputs: inputs)
        let page = IndicatorPage(inputs: inputs)
        // A row: the indicator's figures and its chart, small, with the indicator page's text.
        let row = { (indicator: Indicator) -> TemplateObject in
            var context = summary.context(indicator)
            context.add("chart", page.chart(indicator, id: "graf-\(indicator.slug)", layout: .small).svg())
            return context
        }
        let byTheme = Dictionary(grouping: indicators) { $0.theme?.slug ?? "" }
        let order = { (a: Indicator, b: Indicator) in (a.number ?? Int.max, a.title) < (b.number ?? Int.max, b.title) }
        var themes: [TemplateObject] = config.themes.compactMap { theme in
            guard let members = byTheme[theme.id], !members.isEmpty else { return nil }
            return ["name": theme.name, "indicators": members.sorted(by: order).map(row)]
        }
        if let rest = byTheme[""], !rest.isEmpty {
            themes.append(["name": "Øvrige indikatorer", "indicators": rest.sorted(by: order).map(row)])
        }
        return themes
    }
}

extension BarometerPage {
    /// The content files the barometer (and each edition) shows: every indicator and policy goal.
    func sources() -> [String] {
        site.content.indicators.map(\.source.path) + site.content.policyGoals.map(\.source.path)
    }
}
