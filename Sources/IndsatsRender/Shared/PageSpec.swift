import IndsatsModel

/// A page of the site: where it goes, which template renders it, and what it shows.
public struct PageSpec: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case home, accessibility, projectBank, projectBankByBudget, facet(Facet), tags, openData, activity(String), activityVersion(String, String), barometer, barometerEdition(Day), indicator(String), annexes, annex(String), reports, report(Int), search
    }

    public var path: String
    public var template: String
    public var kind: Kind
    /// Which page of a paginated list (`projektbank/side/2/`); 1 for every other page.
    public var number: Int = 1

    /// An activity's page.
    static func activity(_ slug: String) -> PageSpec {
        PageSpec(path: SitePaths.activity(slug), template: "aktivitet", kind: .activity(slug))
    }

    /// Every page of a site, in a stable order.
    static func all(of site: SiteIndex, facets: ActivityFacets) -> [PageSpec] {
        let content = site.content
        let config = content.config
        var pages = [PageSpec(path: SitePaths.home, template: "home", kind: .home)]
        pages += list(SitePaths.projectBank, template: "projektbank", kind: .projectBank, count: facets.byTitle.count)
        pages += [
            PageSpec(path: SitePaths.barometer, template: "barometer", kind: .barometer),
            PageSpec(path: SitePaths.annexes, template: "bilagsliste", kind: .annexes),
            PageSpec(path: SitePaths.reports, template: "statusrapporter", kind: .reports),
            PageSpec(path: SitePaths.search, template: "soeg", kind: .search),
        ]
        if config.accessibility != nil {
            pages.append(PageSpec(path: SitePaths.accessibility, template: "tilgaengelighed", kind: .accessibility))
        }
        if config.enabled(.facetPages) {
            pages += list(SitePaths.projectBankByBudget, template: "projektbank-liste", kind: .projectBankByBudget, count: facets.byTitle.count)
            for value in facets.filterable {
                pages += list(SitePaths.facet(value), template: "projektbank-liste", kind: .facet(value.facet), count: value.count)
            }
        }
        if config.enabled(.openData) {
            pages.append(PageSpec(path: SitePaths.openData, template: "data", kind: .openData))
        }
        for tag in facets.tags {
            pages += list(SitePaths.facet(tag), template: "projektbank-liste", kind: .facet(tag.facet), count: tag.count)
        }
        if !facets.tags.isEmpty { pages.append(PageSpec(path: SitePaths.tags, template: "emner", kind: .tags)) }
        pages += content.activities.map { activity($0.slug) }
        // Each version of an activity that has several: a stable page of its own.
        let versions = VersionSources(site: site)
        pages += content.activities.filter(ActivityVersions.hasVersionPages).flatMap { activity in
            activity.allVersions.map { version in
                let key = versions.key(of: version, in: activity)
                return PageSpec(path: SitePaths.activityVersion(activity.slug, key), template: "aktivitet", kind: .activityVersion(activity.slug, key))
            }
        }
        if config.enabled(.barometerEditions) {
            pages += site.barometerEditions.map { PageSpec(path: SitePaths.barometerEdition($0), template: "barometer", kind: .barometerEdition($0)) }
        }
        pages += content.indicators.map { PageSpec(path: SitePaths.indicator($0.slug), template: "indikator", kind: .indicator($0.slug)) }
        pages += content.annexes.map { PageSpec(path: SitePaths.annex($0.slug), template: "bilag", kind: .annex($0.slug)) }
        pages += content.reports.map { PageSpec(path: SitePaths.report($0.year), template: "statusrapport", kind: .report($0.year)) }
        return pages
    }

    /// The pages of a list of `count` activities: the first at `first` with `template`, the
    /// rest at `side/N/` beside it as plain list pages.
    static func list(_ first: String, template: String, kind: Kind, count: Int) -> [PageSpec] {
        (1...ListPagination.pageCount(count)).map { number in
            PageSpec(
                path: SitePaths.listPage(first, number: number), template: number == 1 ? template : "projektbank-liste",
                kind: kind, number: number)
        }
    }
}
