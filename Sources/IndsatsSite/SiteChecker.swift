import Foundation
import IndsatsLoad
import IndsatsModel

/// Loads and validates a site without writing anything: what `indsats check` runs.
public enum SiteChecker {
    public struct Result: Sendable {
        public var content: SiteContent?
        public var diagnostics: Diagnostics
    }

    public static func check(root: URL) -> Result {
        let loaded = ContentLoader(root: root).load()
        var diagnostics = loaded.diagnostics
        if let content = loaded.content {
            diagnostics.append(contentsOf: SiteValidator.validate(content))
        }
        return Result(content: loaded.content, diagnostics: diagnostics)
    }
}
