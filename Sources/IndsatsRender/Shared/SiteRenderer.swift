import Foundation
import IndsatsModel
import IndsatsMustache
import IndsatsPlatform

/// A file of the finished site: its path under the output folder and its bytes.
public struct OutputFile: Sendable {
    public var path: String
    public var data: Data

    public init(path: String, data: Data) {
        self.path = path
        self.data = data
    }
}

/// What a build makes besides the pages themselves, and the day it is made on.
public struct RenderOptions: Sendable {
    /// Annexes and reports get a PDF beside their page (printed after writing) and a link to it.
    public var pdf: Bool
    /// The build day: content dates after it are warned about, and `publish`/`correct` refuse
    /// to record a later date. It never changes what is written, so the output stays the same
    /// from day to day. Tests pass a fixed day; the default is today by the clock.
    public var today: Day

    public init(pdf: Bool = false, today: Day = .today()) {
        self.pdf = pdf
        self.today = today
    }
}

extension Day {
    /// Today by the clock, in the machine's time zone.
    public static func today(in timeZone: TimeZone = .current) -> Day {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: timeZone, from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// Renders every page of a validated site through the templates, in parallel.
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet
    /// Every page, listed once.
    public let pages: [PageSpec]
    /// What the page builders read, built once (indexes, groupings, list rows, shared values).
    let inputs: RenderInputs
    /// Pages that could not be rendered (path → why); see `renderErrors`.
    let failures: Failures

    public init(content: SiteContent, templates: TemplateSet, options: RenderOptions = RenderOptions(), clock: TimeSums = TimeSums()) {
        self.templates = templates
        let failures = Failures()
        self.failures = failures
        let (index, facets) = clock.measure("indexes (slugs, facets, citations)") {
            ParallelMap.both({ SiteIndex(content) }, { ActivityFacets(activities: content.activities, config: content.config) })
        }
        let pages = PageSpec.all(of: index, facets: facets)
        // List rows are the same on every list page of the same depth: render each once.
        let rows = clock.measure("list rows") {
            ListRows.render(facets.byTitle, for: pages, config: content.config, templates: templates, failed: failures.set)
        }
        inputs = RenderInputs(site: index, facets: facets, rows: rows, options: options)
        self.pages = pages
    }

    /// Every file of the site, collected (for `check`, publishing and tests).
    public func render() -> [OutputFile] {
        let collected = Collected<OutputFile>()
        render { collected.append($0) }
        return collected.items.sorted { $0.path < $1.path }
    }

    /// Renders every file of the site and hands each to `sink` as soon as it is made, from
    /// several threads at once: pages are written while others are still rendering, and the
    /// finished site is never held in memory as a whole.
    /// With `only`, just the pages with those paths (and every data file) are rendered.
    public func render(into sink: @Sendable (OutputFile) -> Void, clock: TimeSums = TimeSums(), only: Set<String>? = nil) {
        let inputs = self.inputs, templates = self.templates, failures = self.failures
        let pages = only.map { only in self.pages.filter { only.contains($0.path) } } ?? self.pages
        let data = ProjectBankData(inputs: inputs)
        // Jobs 0 and 1 are the filter script's index (part of the project bank page, not
        // optional data) and the search index: the largest single jobs, started first so that
        // they do not run alone at the end.
        ParallelMap.forEach(Array(0...pages.count + 1), sharing: RenderWorker(templates: templates, contexts: PageContexts(inputs: inputs))) { worker, job in
            let templates = worker.templates, contexts = worker.contexts
            switch job {
            case 0: sink(clock.measure("filter index") { data.filterIndexFile() }); return
            case 1:
                // One thread makes the index: its CPU time there is its cost on a busy machine too.
                clock.measure("search index") { clock.measureThreadCPU("search index, CPU time") { Self.searchIndex(inputs).files() } }.forEach(sink)
                return
            default: break
            }
            let page = pages[job - 2]
            let context = clock.measure("page contexts") { contexts.context(for: page) }
            let html = clock.measure("templates") { () -> Result<[UInt8], MustacheRenderError> in
                do throws(MustacheRenderError) { return .success(try templates.render(context, with: page.template)) } catch { return .failure(error) }
            }
            switch html {
            case .success(let html): sink(OutputFile(path: page.path, data: Data(html)))
            case .failure(let error): failures.set(page.path, error)
            }
        }
        guard inputs.site.content.config.enabled(.openData) else { return }
        data.files(into: sink)
        BarometerData(inputs: inputs).files().forEach(sink)
        inputs.site.content.reports.flatMap { ReportData(inputs: inputs, report: $0).files() }.forEach(sink)
        SheetExport(inputs: inputs).files().forEach(sink)
        if let base = data.baseURL {
            sink(OutputFile(path: SitePaths.sitemap, data: Data(ProjectBankData.sitemap(self.pages, base: base).utf8)))
        }
    }
}

extension SiteRenderer {
    /// The site-wide search's index, built from the model (see `SearchIndex`).
    static func searchIndex(_ inputs: RenderInputs) -> SearchIndex {
        SearchIndex(documents: SearchDocuments(site: inputs.site, activities: inputs.facets.byTitle).all())
    }

    /// Errors for the pages that could not be rendered (after `render`): nothing of the site
    /// may be published then.
    public var renderErrors: Diagnostics {
        TemplateSet.diagnostics(for: failures.all)
    }

    /// Render failures by page, gathered from several threads.
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var byPage: [String: MustacheRenderError] = [:]

        func set(_ page: String, _ error: MustacheRenderError) { lock.withLock { byPage[page] = error } }
        var all: [String: MustacheRenderError] { lock.withLock { byPage } }
    }
}

/// Results gathered from several threads.
final class Collected<Item>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Item] = []

    func append(_ item: Item) { lock.withLock { storage.append(item) } }
    var items: [Item] { lock.withLock { storage } }
}

/// What one render worker renders with: its own copy of the templates and of the values every
/// page shows.
struct RenderWorker: WorkerCopyable {
    var templates: TemplateSet
    var contexts: PageContexts

    func detached() -> RenderWorker {
        RenderWorker(templates: templates.detached(), contexts: PageContexts(inputs: contexts.inputs.detached()))
    }
}
