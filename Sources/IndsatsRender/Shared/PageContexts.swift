import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// Hands each page to the builder of its kind, and adds the layout's values (title, menu,
/// links to optional outputs) that every page has.
struct PageContexts: PageKindBuilder {
    let inputs: RenderInputs

    /// The context for one page, with the layout's shared values.
    func context(for page: PageSpec) -> TemplateObject {
        let root = SitePaths.root(of: page.path)
        var (context, title, section) = content(of: page, root: root)
        context.add("root", root)
        // Which optional outputs exist, so that templates link only to what was written.
        context.add("hasOpenData", config.enabled(.openData))
        context.add("hasFacetPages", config.enabled(.facetPages))
        context.add("pageTitle", page.number > 1 ? "\(title), side \(page.number)" : title)
        // The home page's title is the site's name alone, not "name – name".
        context.add("isHome", page.kind == .home)
        context.set("site", inputs.shared.site)
        context.add("canonical", SitePaths.base(of: config).map { SitePaths.absolute(page.path, base: $0) })
        context.set("nav", inputs.shared.navigation[section] ?? .absent)
        return context
    }

    /// What the page shows, its title and its section of the main menu.
    private func content(of page: PageSpec, root: String) -> (TemplateObject, title: String, section: String) {
        let lists = ProjectBankPages(inputs: inputs)
        switch page.kind {
        case .home: return (HomePage(inputs: inputs).context(), config.title, "home")
        case .accessibility: return (AccessibilityPage(inputs: inputs).context(), "Tilgængelighedserklæring", "")
        case .projectBank: return (lists.frontPage(root: root, page: page.number), "Projektbanken", "projektbank")
        case .projectBankByBudget: return (lists.listing(nil, root: root, page: page.number), "Projektbanken efter budget", "projektbank")
        case .facet(let facet):
            let value = inputs.facetValues[facet]!
            return (lists.listing(value, root: root, page: page.number), "\(ProjectBankPages.facetKindName(facet)): \(value.label)", "projektbank")
        case .tags: return (lists.tagIndex(), "Emner i projektbanken", "projektbank")
        case .openData: return (OpenDataPage(inputs: inputs).context(), "Åbne data fra projektbanken", "projektbank")
        case .activity(let slug):
            let activity = site.activity(slug)!
            return (ActivityPage(inputs: inputs).context(activity), activity.title, "projektbank")
        case .activityVersion(let slug, let key):
            let (context, title) = ActivityVersions(inputs: inputs).context(site.activity(slug)!, key: key)!
            return (context, title, "projektbank")
        case .barometer: return (BarometerPage(inputs: inputs).context(asOf: nil), "Integrationsbarometeret", "barometer")
        case .barometerEdition(let day):
            return (BarometerPage(inputs: inputs).context(asOf: day), "Integrationsbarometeret pr. \(DanishFormat.date(day))", "barometer")
        case .indicator(let slug):
            let indicator = site.indicator(slug)!
            return (IndicatorPage(inputs: inputs).context(indicator), indicator.title, "barometer")
        case .annexes: return (AnnexListPage(inputs: inputs).context(), "Udvalgsbilag", "bilag")
        case .annex(let slug):
            let annex = site.annex(slug)!
            return (AnnexPage(inputs: inputs).context(annex), "Bilag \(annex.number): \(annex.title)", "bilag")
        case .reports: return (ReportListPage(inputs: inputs).context(), "Statusredegørelser", "statusrapporter")
        case .report(let year):
            let report = site.report(year)!
            return (ReportPage(inputs: inputs).context(report), report.title, "statusrapporter")
        case .search: return (SearchPage(inputs: inputs).context(), "Søg", "")
        }
    }
}
