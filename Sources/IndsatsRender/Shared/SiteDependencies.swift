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
    /// Every page path, and per page the files it was built from (as places in `files`).
    public let pages: [String]
    private let files: [String]
    private let filesOfPage: [[Int32]]
    /// Per file (place in `files`), the pages built from it (places in `pages`).
    private let pagesOfFile: [[Int32]]
    private let fileIndex: [String: Int32]
    /// The settings file, which every page reads.
    public let settings: String

    /// `inputs` holds, per page in `pages`, the files it was built from (repeats allowed).
    init(pages: [String], inputs: [[String]], settings: String) {
        var files: [String] = []
        var fileIndex: [String: Int32] = [:]
        var pagesOfFile: [[Int32]] = []
        var filesOfPage: [[Int32]] = []
        filesOfPage.reserveCapacity(pages.count)
        for (page, paths) in inputs.enumerated() {
            var own: [Int32] = []
            own.reserveCapacity(paths.count)
            for path in paths {
                let file: Int32
                if let known = fileIndex[path] {
                    file = known
                } else {
                    file = Int32(files.count)
                    fileIndex[path] = file
                    files.append(path)
                    pagesOfFile.append([])
                }
                // A page lists a file once, however often it shows it.
                if pagesOfFile[Int(file)].last != Int32(page) {
                    pagesOfFile[Int(file)].append(Int32(page))
                    own.append(file)
                }
            }
            filesOfPage.append(own)
        }
        self.pages = pages
        self.files = files
        self.filesOfPage = filesOfPage
        self.pagesOfFile = pagesOfFile
        self.fileIndex = fileIndex
        self.settings = settings
    }

    /// The pages built from `path` (empty for a file no page reads, such as an asset).
    public func pages(touchedBy path: String) -> Set<String> {
        if path == settings { return Set(pages) }
        guard let file = fileIndex[path] else { return [] }
        return Set(pagesOfFile[Int(file)].map { pages[Int($0)] })
    }

    /// The files a page was built from: content files, template files and the settings
    /// (empty for a path that is no page).
    public func inputs(of page: String) -> Set<String> {
        guard let index = pages.firstIndex(of: page) else { return [] }
        return Set(filesOfPage[index].map { files[Int($0)] } + [settings])
    }
}

extension SiteRenderer {
    /// What every page was built from. Computed on demand: a build does not need it.
    public func dependencies() -> SiteDependencies {
        let contexts = PageContexts(inputs: inputs)
        let templateFiles = TemplateFiles(templates)
        let inputs = pages.map { page in contexts.sources(of: page) + templateFiles.used(by: page) }
        return SiteDependencies(pages: pages.map(\.path), inputs: inputs, settings: self.inputs.site.content.config.source.path)
    }
}

/// The template files each template uses: itself and every partial and parent it includes,
/// directly or through others (worked out once per template). A dynamic partial
/// (`{{>*name}}`) is not followed: the shipped templates have none.
struct TemplateFiles {
    let byTemplate: [String: [String]]

    init(_ templates: TemplateSet) {
        byTemplate = Dictionary(uniqueKeysWithValues: templates.names.map { name in
            var seen: Set<String> = []
            var pending = [name]
            while let next = pending.popLast() {
                guard seen.insert(next).inserted, let template = templates.library.template(named: next) else { continue }
                pending += template.references.map(\.name)
            }
            return (name, seen.sorted().map { "templates/\($0).mustache" })
        })
    }

    /// The template files a page uses; list pages also use the row partial, rendered apart.
    func used(by page: PageSpec) -> [String] {
        let own = byTemplate[page.template] ?? []
        guard ListRows.listTemplates.contains(page.template) else { return own }
        return own + (byTemplate[ListRows.rowTemplate] ?? [])
    }
}

extension PageContexts {
    /// The content files a page was built from, by its kind's builder.
    func sources(of page: PageSpec) -> [String] {
        let lists = ProjectBankPages(inputs: inputs)
        switch page.kind {
        case .home: return HomePage(inputs: inputs).sources()
        // Made from indsats.yml alone, whose change renders every page.
        case .accessibility: return []
        case .projectBank, .projectBankByBudget, .tags: return lists.sources(Array(facets.byTitle.indices))
        case .facet(let facet): return lists.sources(inputs.facetValues[facet]?.members ?? [])
        case .openData: return OpenDataPage(inputs: inputs).sources()
        case .activity(let slug), .activityVersion(let slug, _): return site.activity(slug).map(ActivityPage(inputs: inputs).sources) ?? []
        case .barometer, .barometerEdition: return BarometerPage(inputs: inputs).sources()
        case .indicator(let slug): return site.indicator(slug).map(IndicatorPage(inputs: inputs).sources) ?? []
        case .annexes: return AnnexListPage(inputs: inputs).sources()
        case .annex(let slug): return site.annex(slug).map(AnnexPage(inputs: inputs).sources) ?? []
        case .reports: return ReportListPage(inputs: inputs).sources()
        case .report(let year): return site.report(year).map(ReportPage(inputs: inputs).sources) ?? []
        case .search: return lists.sources(Array(facets.byTitle.indices))
        }
    }
}
