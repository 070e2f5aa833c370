import Foundation
import IndsatsLoad
import IndsatsModel
import IndsatsRender

extension MemorySiteBuilder {
    /// Pages shown ahead of the build that includes them.
    public struct QuickPages: Sendable {
        public var pages: [OutputFile]
        /// The number of the change they show: a build that includes it replaces them.
        public var changes: Int
        /// Seconds per step, in order.
        public var timings: [(stage: String, seconds: Double)] = []
    }

    /// Records `changed` as the next change and returns its number; `quickPages` and `build`
    /// then take the number instead of recording the change themselves (a server that runs
    /// them on two threads records each change once, as it comes in).
    public func record(_ changed: Set<String>) -> Int {
        lock.withLock {
            changes += 1
            for path in changed { unbuilt[path] = changes }
            return changes
        }
    }

    /// The quick pass after `changed`, run before (or while) the build that takes it in: the
    /// pages to show at once, rendered from the last good build with just the files changed
    /// since it read again. When those are activity files, their own pages; when they are
    /// templates, the pages in `open` that use them. Nil when there is nothing it can render
    /// exactly: another kind of file changed since the last good build, an activity changed
    /// what the site groups it by, or a changed file has errors. Then the build alone answers.
    public func quickPages(changed: Set<String>, open: Set<String>, recorded: Int? = nil) -> QuickPages? {
        let number = recorded ?? record(changed)
        let (last, recorded) = lock.withLock { (self.published, Set(self.unbuilt.keys)) }
        // An editor's temporary files (hidden, or gone again and not content) change nothing.
        let unbuilt = recorded.filter { path in
            let name = path.split(separator: "/").last ?? ""
            return !name.hasPrefix(".") && (name.hasSuffix(".md") || name.hasSuffix(".mustache")
                || FileManager.default.fileExists(atPath: builder.root.appendingPathComponent(path).path))
        }
        guard let (renderer, dependencies) = last, !unbuilt.isEmpty else { return nil }
        let pages: [OutputFile]?
        var timings: [(String, Double)] = []
        if unbuilt.allSatisfy({ $0.hasPrefix("content/aktiviteter/") && $0.hasSuffix(".md") }) {
            let reloaded = SiteBuilder.timed("read the changed files", &timings) {
                ContentLoader(root: builder.root).reloadActivities(unbuilt, config: renderer.content.config)
            }
            guard let reloaded, !reloaded.diagnostics.contains(where: { $0.severity == .error }),
                  !SiteBuilder.timed("validate them", &timings, { SiteValidator.validate(activities: reloaded.activities, in: renderer.content).hasErrors })
            else { return nil }
            pages = SiteBuilder.timed("render their pages", &timings) { renderer.activityPages(replacing: reloaded.activities) }
        } else {
            guard builder.templates.lastPathComponent == "templates",
                  unbuilt.allSatisfy({ $0.hasPrefix("templates/") && $0.hasSuffix(".mustache") })
            else { return nil }
            var diagnostics = Diagnostics()
            let templates = SiteBuilder.timed("templates (read)", &timings) { TemplateSet.load(from: builder.templates, diagnostics: &diagnostics) }
            let touched = unbuilt.reduce(into: Set<String>()) { $0.formUnion(dependencies.pages(touchedBy: $1)) }.intersection(open)
            guard !diagnostics.hasErrors, !touched.isEmpty else { return nil }
            pages = SiteBuilder.timed("render the open pages", &timings) { renderer.pages(touched, with: templates, changed: unbuilt) }
        }
        guard let pages, !pages.isEmpty else { return nil }
        return QuickPages(pages: pages, changes: number, timings: timings)
    }
}
