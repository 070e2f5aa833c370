import FlyingFox
import FlyingSocks
import Foundation
import IndsatsModel
import IndsatsPlatform
import IndsatsSite

/// `indsats serve`: builds the site in memory, serves it on 127.0.0.1 only, rebuilds it when
/// a file of the site changes, and tells the open pages to reload (server-sent events). While
/// the content has errors, the last good site stays served with an overlay listing them.
public final class PreviewServer: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case portTaken(UInt16)
        case cannotListen(UInt16, String)
        case cannotWatch(String)

        public var description: String {
            switch self {
            case .portTaken(let port):
                return "port \(port) is already in use by another program (is indsats serve already running?); choose another with --port"
            case .cannotListen(let port, let why): return "cannot serve on 127.0.0.1:\(port): \(why)"
            case .cannotWatch(let why): return "cannot watch the site's files for changes: \(why)"
            }
        }
    }

    let builder: SiteBuilder
    let requestedPort: UInt16
    let report: @Sendable (Diagnostics) -> Void
    let log: @Sendable (String) -> Void
    /// Print how long each stage of a rebuild took.
    public var timings = false
    let state = PreviewState()
    let site: MemorySiteBuilder
    private let lock = NSLock()
    private var http: HTTPServer?
    private var stopped = false
    private var watcherThread: Thread?

    /// `report` prints a build's diagnostics (as `build` does), `log` a line of progress.
    public init(builder: SiteBuilder, port: UInt16, report: @escaping @Sendable (Diagnostics) -> Void, log: @escaping @Sendable (String) -> Void) {
        self.builder = builder
        site = MemorySiteBuilder(builder)
        self.requestedPort = port
        self.report = report
        self.log = log
    }

    /// The port served on, once listening (the one chosen by the system for port 0).
    public var port: UInt16? {
        get async {
            guard let address = await http?.listeningAddress else { return nil }
            if case .ip4(_, let port) = address { return port }
            if case .ip6(_, let port) = address { return port }
            return nil
        }
    }

    /// Starts listening, builds the site, starts watching; returns once the server listens (or
    /// throws a `Failure`). `stop()` ends it.
    public func start() async throws {
        let root = builder.root.path
        // The templates may live outside the site's folder (`--templates`): then they get their own watcher.
        let templatesInside = builder.templates.deletingLastPathComponent().standardizedFileURL.path == builder.root.standardizedFileURL.path
        var watchers: [FileWatcher] = []
        do {
            let templatesName = builder.templates.lastPathComponent
            watchers.append(try FileWatcher(
                base: root, folders: ["content", "arkiv"] + (templatesInside ? [templatesName] : []), files: ["indsats.yml"]))
            if !templatesInside {
                watchers.append(try FileWatcher(
                    base: builder.templates.deletingLastPathComponent().path, folders: [builder.templates.lastPathComponent], files: []))
            }
        } catch {
            throw Failure.cannotWatch((error as? SystemError).map { FileProblem.reason($0.code) } ?? "\(error)")
        }
        let address = try sockaddr_in.inet(ip4: "127.0.0.1", port: requestedPort)
        let server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: PreviewHandler(state: state))
        lock.withLock { http = server }
        let ended = Flag()
        let task = Task {
            defer { ended.set() }
            try await server.run()
        }
        while !(await server.isListening) {
            if ended.isSet {
                do { try await task.value } catch let SocketError.failed(_, code, message) {
                    throw code == EADDRINUSE ? Failure.portTaken(requestedPort) : Failure.cannotListen(requestedPort, message)
                } catch { throw Failure.cannotListen(requestedPort, "\(error)") }
                throw Failure.cannotListen(requestedPort, "the server stopped")
            }
            try await Task.sleep(nanoseconds: 5_000_000)
        }
        // Listening first, so that a taken port is said at once; requests wait for this build.
        rebuild(changed: [])
        startWatching(watchers)
    }

    /// Stops serving and watching.
    public func stop() async {
        let server = lock.withLock { () -> HTTPServer? in
            stopped = true
            return http
        }
        await server?.stop(timeout: 0.2)
    }

    private var isStopped: Bool { lock.withLock { stopped } }

    private func startWatching(_ watchers: [FileWatcher]) {
        let thread = Thread { [self] in
            while !isStopped {
                var changed: Set<String> = []
                for watcher in watchers { changed.formUnion(watcher.nextChanges(quiet: 0.05, timeout: watchers.count > 1 ? 0.1 : 0.3)) }
                guard !changed.isEmpty, !isStopped else { continue }
                rebuild(changed: changed)
            }
        }
        thread.name = "indsats serve: watcher"
        thread.start()
    }

    /// Builds the whole site again and publishes it (or, on errors, the overlay only).
    func rebuild(changed: Set<String>) {
        let start = DispatchTime.now().uptimeNanoseconds
        let site = self.site.build(changed: changed)
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        state.update(files: site.files, overlay: Overlay.html(site.diagnostics, root: builder.root))
        if !changed.isEmpty {
            let names = changed.sorted()
            log("changed: " + names.prefix(3).joined(separator: ", ") + (names.count > 3 ? " and \(names.count - 3) more" : ""))
        }
        report(site.diagnostics)
        if let files = site.files {
            let pages = site.renderedPages.map { "\($0) page\($0 == 1 ? "" : "s") rendered again" } ?? "all pages rendered"
            log(String(format: "built %d files (%@) in %.0f ms", files.count, pages, milliseconds))
            if timings { for (stage, seconds) in site.timings { log(String(format: "%8.1f ms  %@", seconds * 1000, stage)) } }
        } else {
            log(String(format: "the build failed (%.0f ms): the last good site is still served, with the errors over it", milliseconds))
        }
    }
}

/// A flag set once, read from any thread.
final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
