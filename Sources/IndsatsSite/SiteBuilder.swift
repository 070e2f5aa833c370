import Foundation
import IndsatsLoad
import IndsatsModel
import IndsatsRender

/// The build pipeline, as named steps: load → validate → templates → render → write.
public struct SiteBuilder: Sendable {
    public struct Report: Sendable {
        public var diagnostics: Diagnostics
        /// Pages and files written (nil when the build stopped on errors).
        public var files: [OutputFile]?
        /// Seconds per stage, in order.
        public var timings: [(stage: String, seconds: Double)]
    }

    public let root: URL
    public let output: URL
    /// The templates folder (default: `templates/` in the site's folder).
    public let templates: URL

    public init(root: URL, output: URL? = nil, templates: URL? = nil) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("output")
        self.templates = templates ?? root.appendingPathComponent("templates")
    }

    /// Runs the pipeline; with `write: false` it stops before writing (what `check` needs).
    public func build(write: Bool = true) -> Report {
        var timings: [(String, Double)] = []
        func timed<T>(_ stage: String, _ work: () throws -> T) rethrows -> T {
            let start = DispatchTime.now().uptimeNanoseconds
            defer { timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
            return try work()
        }
        let loaded = timed("load (files, front matter, Markdown)") { ContentLoader(root: root).load() }
        var diagnostics = loaded.diagnostics
        guard let content = loaded.content else { return Report(diagnostics: diagnostics, files: nil, timings: timings) }
        timed("validate") {
            diagnostics.append(contentsOf: SiteValidator.validate(content))
            for activity in content.activities where SitePaths.reservedActivitySlugs.contains(activity.slug) {
                diagnostics.error(
                    "the file name \"\(activity.slug)\" is taken by a project bank page (projektbank/\(activity.slug)/)",
                    at: activity.source, field: "slug",
                    hint: "rename the file; reserved: " + SitePaths.reservedActivitySlugs.sorted().joined(separator: ", "))
            }
            for indicator in content.indicators where SitePaths.reservedIndicatorSlugs.contains(indicator.slug) {
                diagnostics.error(
                    "the file name \"\(indicator.slug)\" is taken by the barometer's own pages (barometer/\(indicator.slug)/)",
                    at: indicator.source, field: "slug", hint: "rename the file")
            }
        }
        let templateSet = timed("templates") { TemplateSet.load(from: self.templates, diagnostics: &diagnostics) }
        guard !diagnostics.hasErrors else { return Report(diagnostics: diagnostics, files: nil, timings: timings) }
        let files = timed("render") { SiteRenderer(content: content, templates: templateSet).render() }
        if write {
            do {
                try timed("write") {
                    try SiteWriter(output: output).write(files, assets: templates.appendingPathComponent("assets"))
                }
            } catch {
                diagnostics.error("the site was not written: \(error)", at: SourceLocation(path: output.lastPathComponent))
                return Report(diagnostics: diagnostics, files: nil, timings: timings)
            }
        }
        return Report(diagnostics: diagnostics, files: files, timings: timings)
    }
}
