import Foundation
import IndsatsModel
import IndsatsPlatform
import IndsatsRender

extension SiteBuilder {
    /// A site built in memory (for the preview server): every file `build` would write, by
    /// path, with the assets and the archived reports.
    public struct MemorySite: Sendable {
        public var diagnostics: Diagnostics
        /// Path under the output folder → bytes; nil when the build stopped on errors.
        public var files: [String: Data]?
    }

    /// Builds the whole site into memory: what `build` writes, without writing (no PDFs).
    public func buildInMemory() -> MemorySite {
        var diagnostics = Diagnostics()
        var timings: [(String, Double)] = []
        guard let prepared = prepare(&diagnostics, &timings, exceptArchived: nil) else {
            return MemorySite(diagnostics: diagnostics, files: nil)
        }
        guard let frozen = frozenFiles(prepared.archive, &diagnostics) else { return MemorySite(diagnostics: diagnostics, files: nil) }
        let renderer = SiteRenderer(content: prepared.content, templates: prepared.templates, options: options)
        let archivedPrefixes = prepared.archive.keys.map { "statusrapporter/\($0)/" }
        var files: [String: Data] = [:]
        for file in renderer.render() where !archivedPrefixes.contains(where: { file.path.hasPrefix($0) }) {
            files[file.path] = file.data
        }
        diagnostics.append(contentsOf: renderer.renderErrors)
        guard !diagnostics.hasErrors else { return MemorySite(diagnostics: diagnostics, files: nil) }
        for file in frozen { files[file.path] = file.data }
        let assets = templates.appendingPathComponent("assets")
        var loops: [String] = []
        for path in FolderListing.files(under: assets.path, loops: &loops) ?? [] {
            let relative = path.hasPrefix(assets.path + "/") ? String(path.dropFirst(assets.path.count + 1)) : path
            guard let data = FileManager.default.contents(atPath: assets.appendingPathComponent(relative).path) else {
                diagnostics.error("cannot read the asset", at: SourceLocation(path: "templates/assets/" + relative))
                continue
            }
            files["assets/" + relative] = data
        }
        guard !diagnostics.hasErrors else { return MemorySite(diagnostics: diagnostics, files: nil) }
        return MemorySite(diagnostics: diagnostics, files: files)
    }
}
