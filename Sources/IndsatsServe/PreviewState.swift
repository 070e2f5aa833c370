import Foundation
import IndsatsModel

/// What the preview serves: the last site that built, and the diagnostics of the latest
/// build (which may have failed). Shared between the rebuild thread and the request handlers.
final class PreviewState: @unchecked Sendable {
    struct Snapshot: Sendable {
        /// The files of the last good build.
        var files: [String: Data] = [:]
        /// Counts every build (good or not): the browser asks for news after the one it has.
        var generation = 0
        /// Counts the good builds: a page older than this one reloads.
        var site = 0
        /// The overlay's markup for the latest build (empty when it had no diagnostics).
        var overlay = ""
    }

    private let lock = NSLock()
    private var current = Snapshot()

    var snapshot: Snapshot { lock.withLock { current } }

    /// Records a build: its files when it succeeded (else the last good site stays), and its
    /// overlay.
    func update(files: [String: Data]?, overlay: String) {
        lock.withLock {
            current.generation += 1
            if let files {
                current.files = files
                current.site += 1
            }
            current.overlay = overlay
        }
    }
}
