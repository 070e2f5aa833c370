import Foundation
import IndsatsLoad
import IndsatsModel
import IndsatsPlatform
import IndsatsRender

/// A site built in memory (for the preview server): every file `build` would write, by path,
/// with the assets and the archived reports.
public struct MemorySite: Sendable {
    public var diagnostics: Diagnostics
    /// Path under the output folder → bytes; nil when the build stopped on errors.
    public var files: [String: Data]?
    /// How many pages were rendered again (nil: all of them).
    public var renderedPages: Int? { renderedPaths?.count }
    /// The pages rendered again (nil: all of them).
    public var renderedPaths: Set<String>?
    /// Seconds per stage, in order.
    public var timings: [(stage: String, seconds: Double)] = []
    /// The number of the latest change this build includes (see `MemorySiteBuilder.quickPages`).
    public var changes = 0

    /// Builds the whole site of `builder` into memory: what `build` writes, without writing
    /// (no PDFs).
    public static func build(_ builder: SiteBuilder) -> MemorySite {
        MemorySiteBuilder(builder).build(changed: [])
    }

    /// The files of the templates' `assets/` folder, as `assets/…`.
    static func assets(_ folder: URL, _ diagnostics: inout Diagnostics) -> [String: Data] {
        var loops: [String] = []
        var files: [String: Data] = [:]
        for relative in FolderListing.files(under: folder.path, loops: &loops) ?? [] {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path) else {
                diagnostics.error("cannot read this file of the templates' assets", at: SourceLocation(path: "templates/assets/" + relative))
                continue
            }
            files["assets/" + relative] = data
        }
        return files
    }
}

/// Builds a site in memory again and again, doing only what a change needs: it reads again
/// only the changed content files, and renders again only the pages built from a changed file
/// (before or after the change; see `SiteDependencies`). The settings, the archive, a file no
/// page was built from (a new one, say) or a change of the list of pages render everything.
/// Validation, the indexes and list rows, and the data files are always made whole.
public final class MemorySiteBuilder: @unchecked Sendable {
    let builder: SiteBuilder
    let cache = ContentLoader.LoadCache()
    /// The last good build.
    private var last: (files: [String: Data], pages: [String], dependencies: SiteDependencies)?
    /// The files changed since the last good build.
    private var pending: Set<String> = []
    /// Guards `published`, `unbuilt` and `changes`, which the quick pass reads on another thread.
    let lock = NSLock()
    /// The last good build's renderer and dependencies, for the quick pass.
    var published: (renderer: SiteRenderer, dependencies: SiteDependencies)?
    /// The files changed and not yet in a good build, with the number of their latest change.
    var unbuilt: [String: Int] = [:]
    var changes = 0

    public init(_ builder: SiteBuilder) { self.builder = builder }

    /// Builds after `changed` (paths relative to the site's folder; empty: everything).
    /// Builds are made one at a time; `quickPages` may run beside one. `recorded`: the number
    /// of the latest change in `changed`, when the caller recorded them (see `record`).
    public func build(changed: Set<String>, recorded: Int? = nil) -> MemorySite {
        let upTo = recorded ?? record(changed)
        pending.formUnion(changed)
        var diagnostics = Diagnostics()
        var timings: [(String, Double)] = []
        guard let prepared = builder.prepare(&diagnostics, &timings, exceptArchived: nil, cache: cache, changed: changed),
              let frozen = builder.frozenFiles(prepared.archive, &diagnostics)
        else { return MemorySite(diagnostics: diagnostics, files: nil, timings: timings, changes: upTo) }
        let renderer = SiteBuilder.timed("indexes and list rows", &timings) {
            SiteRenderer(content: prepared.content, templates: prepared.templates, options: builder.options)
        }
        let dependencies = SiteBuilder.timed("dependencies", &timings) { renderer.dependencies() }
        let only = touchedPages(renderer, dependencies)
        // Published reports are served from the archive, as `build` copies them.
        let archivedPrefixes = prepared.archive.keys.map { "statusrapporter/\($0)/" }
        let collected = Collected()
        let clock = TimeSums()
        SiteBuilder.timed("render", &timings) {
            renderer.render(into: { file in
                if !archivedPrefixes.contains(where: { file.path.hasPrefix($0) }) { collected.append(file) }
            }, clock: clock, only: only)
        }
        SiteBuilder.addParts(clock.seconds, to: &timings)
        diagnostics.append(contentsOf: renderer.renderErrors)
        // Only the pages not rendered again are kept: data files, the archive's and the assets are
        // made whole every build, and a data file the content no longer gives (a search shard of a
        // word now gone) must go.
        var files: [String: Data] = [:]
        if only != nil, let last {
            let pages = Set(last.pages)
            files = last.files.filter { pages.contains($0.key) }
        }
        for file in collected.items + frozen { files[file.path] = file.data }
        files.merge(MemorySite.assets(builder.templates.appendingPathComponent("assets"), &diagnostics)) { _, asset in asset }
        guard !diagnostics.hasErrors else { return MemorySite(diagnostics: diagnostics, files: nil, timings: timings, changes: upTo) }
        last = (files, renderer.pages.map(\.path), dependencies)
        pending = []
        lock.withLock {
            published = (renderer, dependencies)
            unbuilt = unbuilt.filter { $0.value > upTo }
        }
        return MemorySite(diagnostics: diagnostics, files: files, renderedPaths: only, timings: timings, changes: upTo)
    }

    /// The pages the pending changes touch; nil when everything is to be rendered.
    func touchedPages(_ renderer: SiteRenderer, _ dependencies: SiteDependencies) -> Set<String>? {
        guard let last, !pending.isEmpty, dependencies.pages == last.pages else { return nil }
        let assetsInside = builder.templates.standardizedFileURL.path == builder.root.appendingPathComponent("templates").standardizedFileURL.path
        var touched: Set<String> = []
        for path in pending {
            if assetsInside && path.hasPrefix("templates/assets/") { continue }
            if path == dependencies.settings { return nil }
            let pages = last.dependencies.pages(touchedBy: path).union(dependencies.pages(touchedBy: path))
            if pages.isEmpty {
                // An editor's temporary file (gone again, or hidden) changes nothing.
                let name = path.split(separator: "/").last ?? ""
                if name.hasPrefix(".") || !FileManager.default.fileExists(atPath: builder.root.appendingPathComponent(path).path) { continue }
                // A new file, the archive, or a file no page was built from.
                return nil
            }
            touched.formUnion(pages)
        }
        return touched
    }

    /// Files handed over from several threads.
    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var items: [OutputFile] = []
        func append(_ file: OutputFile) { lock.withLock { items.append(file) } }
    }
}
