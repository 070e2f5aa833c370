import Foundation
import IndsatsModel
import IndsatsPlatform
import IndsatsRender

/// A site built in memory (for the preview server): every file `build` would write, by path,
/// with the assets and the archived reports.
public struct MemorySite: Sendable {
    public var diagnostics: Diagnostics
    /// Path under the output folder → bytes; nil when the build stopped on errors.
    public var files: [String: Data]?

    /// Builds the whole site of `builder` into memory: what `build` writes, without writing
    /// (no PDFs).
    public static func build(_ builder: SiteBuilder) -> MemorySite {
        var diagnostics = Diagnostics()
        var timings: [(String, Double)] = []
        guard let prepared = builder.prepare(&diagnostics, &timings, exceptArchived: nil),
              let frozen = builder.frozenFiles(prepared.archive, &diagnostics)
        else { return MemorySite(diagnostics: diagnostics, files: nil) }
        let renderer = SiteRenderer(content: prepared.content, templates: prepared.templates, options: builder.options)
        // Published reports are served from the archive, as `build` copies them.
        let archivedPrefixes = prepared.archive.keys.map { "statusrapporter/\($0)/" }
        var files: [String: Data] = [:]
        for file in renderer.render() where !archivedPrefixes.contains(where: { file.path.hasPrefix($0) }) {
            files[file.path] = file.data
        }
        diagnostics.append(contentsOf: renderer.renderErrors)
        for file in frozen { files[file.path] = file.data }
        files.merge(assets(builder.templates.appendingPathComponent("assets"), &diagnostics)) { _, asset in asset }
        guard !diagnostics.hasErrors else { return MemorySite(diagnostics: diagnostics, files: nil) }
        return MemorySite(diagnostics: diagnostics, files: files)
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
