import IndsatsModel
import IndsatsPlatform

extension ContentLoader {
    /// Reads again just the activity files `paths` (relative to the site's folder, each in
    /// `content/aktiviteter/`), with the site's configuration `config`, without listing the
    /// site's folder and without a cache (it may run beside a full load): the preview's quick
    /// pass after an edit. Nil when a file cannot be read as an activity.
    public func reloadActivities(_ paths: Set<String>, config: SiteConfig) -> (activities: [Activity], diagnostics: [Diagnostic])? {
        let markdown = MarkdownRenderer(allowRawHTML: config.rawHTML)
        var activities: [Activity] = []
        var diagnostics: [Diagnostic] = []
        for path in paths.sorted() {
            guard path.hasPrefix("content/\(ContentKind.activity.rawValue)/"), path.hasSuffix(".md") else { return nil }
            let loaded = loadFile(path, kind: .activity, config: config, markdown: markdown, clock: TimeSums())
            guard case .activity(let activity)? = loaded.item else { return nil }
            activities.append(activity)
            diagnostics += loaded.diagnostics
        }
        return (activities, diagnostics)
    }
}
