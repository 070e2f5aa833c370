import IndsatsModel
import IndsatsMustache

/// Which files each page was built from, and the reverse: which pages a file touches. The
/// preview server rebuilds only those pages when a file changes.
///
/// Files are named as the site's folder has them: `content/aktiviteter/x.md`,
/// `templates/partials/budget.mustache`, `indsats.yml`. Every page shows the settings (the
/// site's title, the menu), so `indsats.yml` touches every page. A file added or removed, or
/// a change that moves an activity to another facet value, changes the list of pages: look
/// at the dependencies of the build before and after (or build the whole site).
public struct SiteDependencies: Sendable {
    /// Page path → the files it was built from.
    public let inputs: [String: Set<String>]
    /// File path → the pages built from it.
    private let touched: [String: Set<String>]
    /// The settings file, which every page reads.
    public let settings: String

    init(inputs: [String: Set<String>], settings: String) {
        self.inputs = inputs
        self.settings = settings
        var touched: [String: Set<String>] = [:]
        for (page, files) in inputs {
            for file in files { touched[file, default: []].insert(page) }
        }
        self.touched = touched
    }

    /// The pages built from `path` (empty for a file no page reads, such as an asset).
    public func pages(touchedBy path: String) -> Set<String> {
        path == settings ? Set(inputs.keys) : touched[path] ?? []
    }
}

extension SiteRenderer {
    /// What every page was built from. Computed on demand (a build does not need it).
    public func dependencies() -> SiteDependencies {
        let contexts = PageContexts(inputs: inputs)
        let templateFiles = TemplateFiles(templates)
        var inputs: [String: Set<String>] = [:]
        inputs.reserveCapacity(pages.count)
        for page in pages {
            var files = Set(contexts.sources(of: page))
            files.formUnion(templateFiles.used(by: page))
            inputs[page.path] = files
        }
        return SiteDependencies(inputs: inputs, settings: self.inputs.site.content.config.source.path)
    }
}

/// The template files each template uses: itself and every partial and parent it includes,
/// directly or through others (worked out once per template). A dynamic partial
/// (`{{>*name}}`) is not followed: the shipped templates have none.
struct TemplateFiles {
    private let byTemplate: [String: Set<String>]

    init(_ templates: TemplateSet) {
        byTemplate = Dictionary(uniqueKeysWithValues: templates.names.map { name in
            var seen: Set<String> = []
            var pending = [name]
            while let next = pending.popLast() {
                guard seen.insert(next).inserted, let template = templates.library.template(named: next) else { continue }
                pending += template.references.map(\.name)
            }
            return (name, Set(seen.map { "templates/\($0).mustache" }))
        })
    }

    /// The template files a page uses; list pages also use the row partial, rendered apart.
    func used(by page: PageSpec) -> Set<String> {
        let own = byTemplate[page.template] ?? []
        guard ListRows.listTemplates.contains(page.template) else { return own }
        return own.union(byTemplate[ListRows.rowTemplate] ?? [])
    }
}

extension PageContexts {
    /// The content files a page was built from, by its kind's builder.
    func sources(of page: PageSpec) -> [String] {
        let lists = ProjectBankPages(inputs: inputs)
        switch page.kind {
        case .home: return HomePage(inputs: inputs).sources()
        case .projectBank, .projectBankByBudget, .tags: return lists.sources(Array(facets.byTitle.indices))
        case .facet(let facet): return lists.sources(inputs.facetValues[facet]?.members ?? [])
        case .openData: return OpenDataPage(inputs: inputs).sources()
        case .activity(let slug): return site.activity(slug).map(ActivityPage(inputs: inputs).sources) ?? []
        case .barometer, .barometerEdition: return BarometerPage(inputs: inputs).sources()
        case .indicator(let slug): return site.indicator(slug).map(IndicatorPage(inputs: inputs).sources) ?? []
        case .annexes: return AnnexListPage(inputs: inputs).sources()
        case .annex(let slug): return site.annex(slug).map(AnnexPage(inputs: inputs).sources) ?? []
        case .reports: return ReportListPage(inputs: inputs).sources()
        case .report(let year): return site.report(year).map(ReportPage(inputs: inputs).sources) ?? []
        }
    }
}
