import Foundation
import IndsatsModel

/// What the preview serves: the last site that built, and the diagnostics of the latest
/// build (which may have failed); and which pages the browsers have open. Shared between the
/// rebuild thread and the request handlers.
final class PreviewState: @unchecked Sendable {
    struct Snapshot: Sendable {
        /// The files of the last good build.
        var files: [String: Data] = [:]
        /// Counts every publication (a build, good or not, or a quick pass): the browser asks
        /// for news after the one it has.
        var generation = 0
        /// Per page, the generation that last changed it: an open page whose version moved
        /// reloads; the others only take the new overlay.
        var versions: [String: Int] = [:]
        /// The overlay's markup for the latest build (empty when it had no diagnostics).
        var overlay = ""

        /// The version of the page a request path gives (-1: no page there yet).
        func version(of requestPath: String) -> Int {
            guard case .file(let path, _) = PreviewHandler.resolve(requestPath, in: files) else { return -1 }
            return versions[path] ?? 0
        }
    }

    private let lock = NSLock()
    private var current = Snapshot()
    /// Request path → when a page there last asked for news.
    private var seen: [String: Date] = [:]
    /// Pages shown by the quick pass, with the number of the change they show; a build that
    /// does not include that change yet keeps them (so a page never goes back to older text).
    private var ahead: [String: (data: Data, changes: Int)] = [:]

    var snapshot: Snapshot { lock.withLock { current } }

    /// Records a build: its files when it succeeded (else the last good site stays), and its
    /// overlay. `rendered` names the files that may have changed (nil: any of them); `changes`
    /// is the number of the latest change the build includes.
    func update(files built: [String: Data]?, rendered: Set<String>? = nil, overlay: String, changes: Int = .max) {
        lock.withLock {
            current.generation += 1
            ahead = ahead.filter { $0.value.changes > changes }
            if var files = built {
                for (path, page) in ahead { files[path] = page.data }
                let candidates = (rendered.map(Array.init) ?? Array(files.keys)) + ahead.keys
                for path in candidates where current.files[path] != files[path] { current.versions[path] = current.generation }
                current.files = files
            }
            current.overlay = overlay
        }
    }

    /// Publishes some pages ahead of the build that takes in change number `changes` (the
    /// quick pass); the overlay stays.
    func publish(pages: [String: Data], changes: Int) {
        lock.withLock {
            current.generation += 1
            for (path, data) in pages {
                ahead[path] = (data, changes)
                guard current.files[path] != data else { continue }
                current.files[path] = data
                current.versions[path] = current.generation
            }
        }
    }

    /// Notes that a page at `requestPath` is open in a browser.
    func open(_ requestPath: String) {
        lock.withLock { seen[requestPath] = Date() }
    }

    /// The site paths of the pages browsers have had open in the last 30 seconds.
    var openPages: Set<String> {
        let (recent, files) = lock.withLock { () -> ([String], [String: Data]) in
            let cutoff = Date().addingTimeInterval(-30)
            seen = seen.filter { $0.value > cutoff }
            return (Array(seen.keys), current.files)
        }
        return Set(recent.compactMap { request in
            if case .file(let path, _) = PreviewHandler.resolve(request, in: files) { return path }
            return nil
        })
    }
}
