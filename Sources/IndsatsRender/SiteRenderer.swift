import Foundation
import IndsatsModel
import IndsatsPlatform
import IndsatsMustache

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
    public let builder: PageBuilder
    /// Every page, listed once.
    public let pages: [PageSpec]
    /// Pages that could not be rendered (path → why); see `renderErrors`.
    let failures: Failures

    public init(content: SiteContent, templates: TemplateSet, options: RenderOptions = RenderOptions(), clock: TimeSums = TimeSums()) {
        self.templates = templates
        let failures = Failures()
        self.failures = failures
        var builder = clock.measure("indexes (slugs, facets, citations)") {
            let (index, facets) = ParallelMap.both({ SiteIndex(content) }, { ActivityFacets(activities: content.activities, config: content.config) })
            return PageBuilder(site: index, facets: facets, options: options)
        }
        let pages = builder.pages()
        // List rows are the same on every list page of the same depth: render each once.
        clock.measure("list rows") {
            let roots = Set(pages.filter { ["projektbank", "projektbank-liste"].contains($0.template) }.map { SitePaths.root(of: $0.path) }).sorted()
            let activities = builder.facets.byTitle
            let config = content.config
            // One job per activity: its row's context is built once and rendered per depth.
            let rows = Collected<(Int, [String])>()
            ParallelMap.forEach(Array(activities.indices), perWorker: { templates.detached() }) { templates, index in
                var context = PageBuilder.activityRow(activities[index], config: config)
                rows.append((index, roots.map { root in
                    context["root"] = root
                    do throws(MustacheRenderError) {
                        return String(decoding: try templates.render(context, with: "partials/activity-row", capacity: 1024), as: UTF8.self)
                    } catch {
                        failures.set("the project bank's row of \(activities[index].slug)", error)
                        return ""
                    }
                }))
            }
            for root in roots { builder.prerenderedRows[root] = Array(repeating: "", count: activities.count) }
            for (position, html) in rows.items {
                for (root, row) in zip(roots, html) { builder.prerenderedRows[root]![position] = row }
            }
        }
        self.builder = builder
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
    public func render(into sink: @Sendable (OutputFile) -> Void, clock: TimeSums = TimeSums()) {
        let builder = self.builder, templates = self.templates, pages = self.pages, failures = self.failures
        let data = ProjectBankData(builder: builder)
        // Job 0 is the filter script's index (part of the project bank page, not optional
        // data): the largest single job, started first so that it does not run alone at the end.
        ParallelMap.forEach(Array(0...pages.count), perWorker: { (templates.detached(), builder.forWorker()) }) { worker, job in
            let (templates, builder) = worker
            guard job > 0 else {
                sink(clock.measure("filter index") { data.filterIndexFile() })
                return
            }
            let page = pages[job - 1]
            let context = clock.measure("page contexts") { builder.pageContext(for: page) }
            let html = clock.measure("templates") { () -> Result<[UInt8], MustacheRenderError> in
                do throws(MustacheRenderError) { return .success(try templates.render(context, with: page.template)) } catch { return .failure(error) }
            }
            switch html {
            case .success(let html): sink(OutputFile(path: page.path, data: Data(html)))
            case .failure(let error): failures.set(page.path, error)
            }
        }
        guard builder.site.content.config.enabled(.openData) else { return }
        data.files(into: sink)
        BarometerData(builder: builder).files().forEach(sink)
        builder.site.content.reports.flatMap { ReportData(builder: builder, report: $0).files() }.forEach(sink)
        if let base = data.baseURL {
            sink(OutputFile(path: SitePaths.sitemap, data: Data(ProjectBankData.sitemap(pages, base: base).utf8)))
        }
    }
}

extension SiteRenderer {
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
