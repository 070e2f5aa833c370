import IndsatsModel
import IndsatsPlatform

extension ContentLoader {
    /// Reads again just the activity files `paths` (relative to the site's folder), each one
    /// an activity in `cache`, with the site's configuration `config`, without listing the
    /// site's folder: the preview's quick pass after an edit. The cache is left as it is (the
    /// full pass that follows brings it up to date). Nil when a path is not a known activity
    /// file or a file can no longer be read as an activity.
    public func reloadActivities(_ paths: Set<String>, config: SiteConfig, cache: LoadCache) -> (activities: [Activity], diagnostics: [Diagnostic])? {
        let markdown = MarkdownRenderer(allowRawHTML: config.rawHTML)
        var activities: [Activity] = []
        var diagnostics: [Diagnostic] = []
        for path in paths.sorted() {
            guard cache.files[path]?.kind == .activity else { return nil }
            let loaded = loadFile(path, kind: .activity, config: config, markdown: markdown, clock: TimeSums())
            guard case .activity(let activity)? = loaded.item else { return nil }
            activities.append(activity)
            diagnostics += loaded.diagnostics
        }
        return (activities, diagnostics)
    }
}
