import Foundation
import IndsatsModel
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

/// What a build makes besides the pages themselves.
public struct RenderOptions: Sendable {
    /// Annexes and reports get a PDF beside their page (printed after writing) and a link to it.
    public var pdf: Bool

    public init(pdf: Bool = false) {
        self.pdf = pdf
    }
}

/// Renders every page of a validated site through the templates, in parallel.
public struct SiteRenderer: Sendable {
    public let templates: TemplateSet
    public let builder: PageBuilder
    /// Every page, listed once.
    public let pages: [PageSpec]

    public init(content: SiteContent, templates: TemplateSet, options: RenderOptions = RenderOptions()) {
        self.templates = templates
        var builder = PageBuilder(site: SiteIndex(content), options: options)
        let pages = builder.pages()
        // List rows are the same on every list page of the same depth: render each once.
        let roots = Set(pages.filter { ["projektbank", "projektbank-liste"].contains($0.template) }.map { SitePaths.root(of: $0.path) }).sorted()
        let activities = content.activities
        let jobs = roots.flatMap { root in activities.map { (root, $0.slug) } }
        let config = content.config
        let bySlug = builder.site.activitiesBySlug
        let html = ParallelMap.map(jobs) { root, slug in
            var context = PageBuilder.activityRow(bySlug[slug]!, config: config)
            context["root"] = root
            return String(decoding: templates.render(context, with: "partials/activity-row"), as: UTF8.self)
        }
        for (job, row) in zip(jobs, html) { builder.prerenderedRows[job.0, default: [:]][job.1] = row }
        self.builder = builder
        self.pages = pages
    }

    /// Every file of the site, collected (for `check`, publishing and tests).
    public func render() -> [OutputFile] {
        let collected = Collected()
        render { collected.append($0) }
        return collected.files.sorted { $0.path < $1.path }
    }

    /// Renders every file of the site and hands each to `sink` as soon as it is made, from
    /// several threads at once: pages are written while others are still rendering, and the
    /// finished site is never held in memory as a whole.
    public func render(into sink: @Sendable (OutputFile) -> Void, clock: TimeSums = TimeSums()) {
        let builder = self.builder, templates = self.templates
        ParallelMap.forEach(pages) { page in
            let context = clock.measure("page contexts") { builder.pageContext(for: page) }
            let html = clock.measure("templates") { templates.render(context, with: page.template) }
            sink(OutputFile(path: page.path, data: Data(html)))
        }
        let data = ProjectBankData(builder: builder)
        // The filter script's index is part of the project bank page, not optional data.
        sink(data.filterIndexFile())
        guard builder.site.content.config.enabled(.openData) else { return }
        data.files(into: sink)
        BarometerData(builder: builder).files().forEach(sink)
        builder.site.content.reports.flatMap { ReportData(builder: builder, report: $0).files() }.forEach(sink)
        if let base = data.baseURL {
            sink(OutputFile(path: SitePaths.sitemap, data: Data(ProjectBankData.sitemap(pages, base: base).utf8)))
        }
    }
}

/// Files gathered from several threads.
final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [OutputFile] = []

    func append(_ file: OutputFile) { lock.withLock { storage.append(file) } }
    var files: [OutputFile] { lock.withLock { storage } }
}
