import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// A page of the site: where it goes, which template renders it, and what it shows.
public struct PageSpec: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case home, projectBank, projectBankByBudget, facet(Facet), tags, openData, activity(String), barometer, barometerEdition(Day), indicator(String), annexes, annex(String), reports, report(Int)
    }

    public var path: String
    public var template: String
    public var kind: Kind
}

/// Builds each page's template context from the validated site.
public struct PageBuilder: Sendable {
    public let site: SiteIndex
    public let options: RenderOptions
    /// The project bank's groupings, built once.
    let facets: ActivityFacets
    let facetValues: [Facet: FacetValue]
    /// Each activity's list row rendered once per page depth: root (`../../`) → HTML by
    /// position in `facets.byTitle`.
    var prerenderedRows: [String: [String]] = [:]
    /// Context values that many pages show, built once.
    var shared: SharedValues

    /// Context values that many pages show, built once per build (and copied once per render
    /// worker, see `detached()`).
    struct SharedValues: Sendable {
        /// The layout's `site`, and per section its `nav`.
        var site: TemplateValue
        var navigation: [String: TemplateValue]
        /// Each indicator as activities link to it, by slug.
        var indicatorLinks: [String: TemplateValue]

        /// A deep copy: pages rendered on one core then count references only on their own copy.
        func detached() -> SharedValues {
            SharedValues(site: site.detached(), navigation: navigation.mapValues { $0.detached() }, indicatorLinks: indicatorLinks.mapValues { $0.detached() })
        }
    }

    /// A copy for one render worker, with its own shared values.
    public func forWorker() -> PageBuilder {
        var copy = self
        copy.shared = shared.detached()
        return copy
    }

    /// The main menu: section, label and page.
    static let sections: [(id: String, label: String, path: String)] = [
        ("home", "Forside", SitePaths.home), ("projektbank", "Projektbanken", SitePaths.projectBank),
        ("barometer", "Integrationsbarometeret", SitePaths.barometer), ("bilag", "Udvalgsbilag", SitePaths.annexes),
        ("statusrapporter", "Statusredegørelser", SitePaths.reports),
    ]

    public init(site: SiteIndex, options: RenderOptions = RenderOptions()) {
        self.init(site: site, facets: ActivityFacets(activities: site.content.activities, config: site.content.config), options: options)
    }

    /// With the facets already grouped (`SiteRenderer` groups them while the site index is built).
    init(site: SiteIndex, facets: ActivityFacets, options: RenderOptions) {
        self.site = site
        self.options = options
        let config = site.content.config
        self.facets = facets
        facetValues = Dictionary(facets.all.map { ($0.facet, $0) }, uniquingKeysWith: { a, _ in a })
        shared = SharedValues(
            site: Context(["title": config.title, "organisation": config.organisation]).templateValue,
            navigation: Dictionary(uniqueKeysWithValues: Self.sections.map { section in
                (section.id, Self.sections.map { Context(["label": $0.label, "url": $0.path, "current": $0.id == section.id ? "page" : nil]) }.templateValue)
            }),
            indicatorLinks: Dictionary(site.content.indicators.map { ($0.slug, Self.indicatorLink($0).templateValue) }, uniquingKeysWith: { a, _ in a }))
    }

    /// Every page of the site, in a stable order.
    public func pages() -> [PageSpec] {
        let content = site.content
        var pages = [
            PageSpec(path: SitePaths.home, template: "home", kind: .home),
            PageSpec(path: SitePaths.projectBank, template: "projektbank", kind: .projectBank),
            PageSpec(path: SitePaths.barometer, template: "barometer", kind: .barometer),
            PageSpec(path: SitePaths.annexes, template: "bilagsliste", kind: .annexes),
            PageSpec(path: SitePaths.reports, template: "statusrapporter", kind: .reports),
        ]
        let config = content.config
        if config.enabled(.facetPages) {
            pages.append(PageSpec(path: SitePaths.projectBankByBudget, template: "projektbank-liste", kind: .projectBankByBudget))
            pages += (facets.administrations + facets.areas + facets.years + facets.statuses).map {
                PageSpec(path: SitePaths.facet($0), template: "projektbank-liste", kind: .facet($0.facet))
            }
        }
        if config.enabled(.openData) {
            pages.append(PageSpec(path: SitePaths.openData, template: "data", kind: .openData))
        }
        pages += facets.tags.map { PageSpec(path: SitePaths.facet($0), template: "projektbank-liste", kind: .facet($0.facet)) }
        if !facets.tags.isEmpty { pages.append(PageSpec(path: SitePaths.tags, template: "emner", kind: .tags)) }
        pages += content.activities.map { PageSpec(path: SitePaths.activity($0.slug), template: "aktivitet", kind: .activity($0.slug)) }
        if config.enabled(.barometerEditions) { pages += editions.map { PageSpec(path: SitePaths.barometerEdition($0), template: "barometer", kind: .barometerEdition($0)) } }
        pages += content.indicators.map { PageSpec(path: SitePaths.indicator($0.slug), template: "indikator", kind: .indicator($0.slug)) }
        pages += content.annexes.map { PageSpec(path: SitePaths.annex($0.slug), template: "bilag", kind: .annex($0.slug)) }
        pages += content.reports.map { PageSpec(path: SitePaths.report($0.year), template: "statusrapport", kind: .report($0.year)) }
        return pages
    }

    /// The context for one page, with the layout's shared values.
    public func pageContext(for page: PageSpec) -> TemplateObject {
        var page_: Context
        var title: String
        var section: String
        switch page.kind {
        case .home:
            page_ = homeContext(); title = site.content.config.title; section = "home"
        case .projectBank:
            page_ = projectBankContext(root: SitePaths.root(of: page.path)); title = "Projektbanken"; section = "projektbank"
        case .projectBankByBudget:
            page_ = listingPageContext(nil, root: SitePaths.root(of: page.path)); title = "Projektbanken efter budget"; section = "projektbank"
        case .facet(let facet):
            let value = facetValues[facet]!
            page_ = listingPageContext(value, root: SitePaths.root(of: page.path)); title = "\(Self.facetKindName(facet)): \(value.label)"; section = "projektbank"
        case .tags:
            page_ = tagIndexContext(); title = "Emner i projektbanken"; section = "projektbank"
        case .openData:
            page_ = openDataContext(); title = "Åbne data fra projektbanken"; section = "projektbank"
        case .activity(let slug):
            let activity = site.activity(slug)!
            page_ = activityContext(activity); title = activity.title; section = "projektbank"
        case .barometer:
            page_ = barometerContext(asOf: nil); title = "Integrationsbarometeret"; section = "barometer"
        case .barometerEdition(let day):
            page_ = barometerContext(asOf: day); title = "Integrationsbarometeret pr. \(DanishFormat.date(day))"; section = "barometer"
        case .indicator(let slug):
            let indicator = site.indicator(slug)!
            page_ = indicatorContext(indicator); title = indicator.title; section = "barometer"
        case .annexes:
            page_ = annexListContext(); title = "Udvalgsbilag"; section = "bilag"
        case .annex(let slug):
            let annex = site.annex(slug)!
            page_ = annexContext(annex); title = "Bilag \(annex.number): \(annex.title)"; section = "bilag"
        case .reports:
            page_ = reportListContext(); title = "Statusredegørelser"; section = "statusrapporter"
        case .report(let year):
            let report = site.report(year)!
            page_ = reportContext(report); title = report.title; section = "statusrapporter"
        }
        let config = site.content.config
        page_.add("root", SitePaths.root(of: page.path))
        // Which optional outputs exist, so that templates link only to what was written.
        page_.add("hasOpenData", config.enabled(.openData))
        page_.add("hasFacetPages", config.enabled(.facetPages))
        page_.add("pageTitle", title)
        page_.set("site", shared.site)
        page_.add("canonical", SitePaths.base(of: config).map { SitePaths.absolute(page.path, base: $0) })
        page_.set("nav", shared.navigation[section] ?? .absent)
        return page_
    }

    func homeContext() -> Context {
        let content = site.content
        return Context([
            "activityCount": String(content.activities.count),
            "indicatorCount": String(content.indicators.count),
            "annexCount": String(content.annexes.count),
            "reports": content.reports.reversed().map { ["title": $0.title, "url": SitePaths.report($0.year), "year": String($0.year)] },
        ])
    }

    /// The days the barometer was updated: every date on which a measurement was made. Each
    /// has a page of its own that never changes once the next update comes.
    var editions: [Day] {
        Array(Set(site.content.indicators.flatMap { $0.measurements.compactMap(\.date) })).sorted()
    }

    /// The barometer now, or as it stood on `day` (only what was measured by then).
    func barometerContext(asOf day: Day?) -> Context {
        let config = site.content.config
        let indicators = site.content.indicators.compactMap { indicator -> Indicator? in
            guard let day else { return indicator }
            if let start = indicator.baseline.date, start > day { return nil }
            return indicator.asOf(day)
        }
        let bySlug = Dictionary(indicators.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        let byTheme = Dictionary(grouping: indicators) { $0.theme?.slug ?? "" }
        let order = { (a: Indicator, b: Indicator) in (a.number ?? Int.max, a.title) < (b.number ?? Int.max, b.title) }
        var themes: [Context] = config.themes.compactMap { theme in
            guard let members = byTheme[theme.id], !members.isEmpty else { return nil }
            return ["name": theme.name, "indicators": members.sorted(by: order).map(indicatorSummary)]
        }
        if let rest = byTheme[""], !rest.isEmpty {
            themes.append(["name": "Øvrige indikatorer", "indicators": rest.sorted(by: order).map(indicatorSummary)])
        }
        let editions = config.enabled(.barometerEditions) ? self.editions : []
        return Context([
            "themes": themes,
            "asOf": day.map(DanishFormat.date),
            "current": day.map { $0 == editions.last } ?? true,
            "editions": editions.reversed().map { edition in
                Context(["date": DanishFormat.date(edition), "url": SitePaths.barometerEdition(edition), "isShown": edition == day ? "page" : nil])
            },
            "policyGoals": site.content.policyGoals.sorted { ($0.number ?? Int.max, $0.slug) < ($1.number ?? Int.max, $1.slug) }.map { goal in
                Context([
                    "number": goal.number.map(String.init),
                    "title": goal.title,
                    "indicators": goal.indicators.compactMap { bySlug[$0.slug] }.map(indicatorSummary),
                ])
            },
        ])
    }

    func annexListContext() -> Context {
        let kinds: [Annex.Kind: String] = [.overview: "Oversigt", .description: "Projektbeskrivelse", .statusNote: "Statusnotat"]
        return Context([
            "annexes": site.content.annexes.map { annex in
                Context([
                    "number": annex.number, "title": annex.title, "url": SitePaths.annex(annex.slug),
                    "kind": kinds[annex.kind], "date": annex.date.map(DanishFormat.date),
                    "committee": site.content.config.committee(annex.committee.slug)?.name,
                ])
            }
        ])
    }

    func reportListContext() -> Context {
        Context([
            "reports": site.content.reports.reversed().map { report in
                Context([
                    "year": String(report.year), "title": report.title, "url": SitePaths.report(report.year),
                    "published": report.published.map(DanishFormat.date),
                ])
            }
        ])
    }
}
