import IndsatsModel
import IndsatsMustache
import IndsatsPlatform

/// What every page builder reads, built once per build and never changed after: the site's
/// content and indexes, the project bank's groupings and pre-rendered rows, the options, and
/// the layout values that every page shows. Builders receive it whole; none depends on
/// another having run first.
final class RenderInputs: WorkerCopyable {
    let site: SiteIndex
    let options: RenderOptions
    /// The project bank's groupings, and each facet value by facet.
    let facets: ActivityFacets
    let facetValues: [Facet: FacetValue]
    /// Each activity's list row, rendered once per page depth (see `ListRows`).
    let rows: ListRows
    /// Template values that many pages show; each render worker has its own copy (see `detached`).
    let shared: SharedValues

    /// Template values that many pages show, built once per build.
    struct SharedValues: Sendable {
        /// The layout's `site`, and per section its `nav`.
        var site: TemplateValue
        var navigation: [String: TemplateValue]
        /// Each indicator as activities link to it, by slug.
        var indicatorLinks: [String: TemplateValue]

        /// A deep copy: pages rendered on one core then count references only on their own
        /// copy. The memberwise initialiser makes a new value here a compile error until it is
        /// copied too.
        func detached() -> SharedValues {
            SharedValues(site: site.detached(), navigation: navigation.mapValues { $0.detached() }, indicatorLinks: indicatorLinks.mapValues { $0.detached() })
        }
    }

    /// The main menu: section, label and page.
    static let sections: [(id: String, label: String, path: String)] = [
        ("home", "Forside", SitePaths.home), ("projektbank", "Projektbanken", SitePaths.projectBank),
        ("barometer", "Integrationsbarometeret", SitePaths.barometer), ("bilag", "Udvalgsbilag", SitePaths.annexes),
        ("statusrapporter", "Statusredegørelser", SitePaths.reports),
    ]

    convenience init(site: SiteIndex, facets: ActivityFacets, rows: ListRows, options: RenderOptions) {
        let config = site.content.config
        self.init(
            site: site, facets: facets, rows: rows, options: options,
            shared: SharedValues(
                site: TemplateObject(["title": config.title, "organisation": config.organisation]).templateValue,
                // Per section, and for pages of no section (the search page) under "".
                navigation: Dictionary(uniqueKeysWithValues: (Self.sections.map(\.id) + [""]).map { id in
                    (id, Self.sections.map { TemplateObject(["label": $0.label, "url": $0.path, "current": $0.id == id ? "page" : nil]) }.templateValue)
                }),
                indicatorLinks: Dictionary(site.content.indicators.map { ($0.slug, ActivityPage.indicatorLink($0).templateValue) }, uniquingKeysWith: { a, _ in a })))
    }

    private init(site: SiteIndex, facets: ActivityFacets, rows: ListRows, options: RenderOptions, shared: SharedValues) {
        self.site = site
        self.options = options
        self.facets = facets
        facetValues = Dictionary(facets.all.map { ($0.facet, $0) }, uniquingKeysWith: { a, _ in a })
        self.rows = rows
        self.shared = shared
    }

    /// A copy for one render worker, with its own shared template values (content, indexes
    /// and rows are read-only and not reference-counted per page, so they are shared).
    func detached() -> RenderInputs {
        RenderInputs(site: site, facets: facets, rows: rows, options: options, shared: shared.detached())
    }
}

/// A builder of one kind of page. It reads only `inputs` (and what it is given per page).
protocol PageKindBuilder {
    var inputs: RenderInputs { get }
}

extension PageKindBuilder {
    var site: SiteIndex { inputs.site }
    var config: SiteConfig { inputs.site.content.config }
    var options: RenderOptions { inputs.options }
    var facets: ActivityFacets { inputs.facets }
}
