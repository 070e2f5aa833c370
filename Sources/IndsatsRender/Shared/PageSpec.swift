import IndsatsModel

/// A page of the site: where it goes, which template renders it, and what it shows.
public struct PageSpec: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case home, projectBank, projectBankByBudget, facet(Facet), tags, openData, activity(String), barometer, barometerEdition(Day), indicator(String), annexes, annex(String), reports, report(Int)
    }

    public var path: String
    public var template: String
    public var kind: Kind

    /// An activity's page.
    static func activity(_ slug: String) -> PageSpec {
        PageSpec(path: SitePaths.activity(slug), template: "aktivitet", kind: .activity(slug))
    }

    /// Every page of a site, in a stable order.
    static func all(of site: SiteIndex, facets: ActivityFacets) -> [PageSpec] {
        let content = site.content
        let config = content.config
        var pages = [
            PageSpec(path: SitePaths.home, template: "home", kind: .home),
            PageSpec(path: SitePaths.projectBank, template: "projektbank", kind: .projectBank),
            PageSpec(path: SitePaths.barometer, template: "barometer", kind: .barometer),
            PageSpec(path: SitePaths.annexes, template: "bilagsliste", kind: .annexes),
            PageSpec(path: SitePaths.reports, template: "statusrapporter", kind: .reports),
        ]
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
        pages += content.activities.map { activity($0.slug) }
        if config.enabled(.barometerEditions) {
            pages += site.barometerEditions.map { PageSpec(path: SitePaths.barometerEdition($0), template: "barometer", kind: .barometerEdition($0)) }
        }
        pages += content.indicators.map { PageSpec(path: SitePaths.indicator($0.slug), template: "indikator", kind: .indicator($0.slug)) }
        pages += content.annexes.map { PageSpec(path: SitePaths.annex($0.slug), template: "bilag", kind: .annex($0.slug)) }
        pages += content.reports.map { PageSpec(path: SitePaths.report($0.year), template: "statusrapport", kind: .report($0.year)) }
        return pages
    }
}
