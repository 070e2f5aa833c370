import FlyingFox
import FlyingSocks
import Foundation
import IndsatsModel
import IndsatsPlatform
import IndsatsSite

/// `indsats serve`: builds the site in memory, serves it (on 127.0.0.1 unless told otherwise),
/// rebuilds it when a file of the site changes, and tells the open pages to reload (server-sent
/// events). After an edit it first renders and publishes the pages it can at once (the quick
/// pass: an edited activity's page, the open pages an edited template touches), then builds
/// the site. While the content has errors, the last good site stays served with an overlay
/// listing them.
public final class PreviewServer: @unchecked Sendable {
    public enum Failure: Error, CustomStringConvertible {
        case portTaken(UInt16)
        case cannotListen(String, UInt16, String)
        case badHost(String)
        case cannotWatch(String)

        public var description: String {
            switch self {
            case .portTaken(let port):
                return "port \(port) is already in use by another program (is indsats serve already running?); choose another with --port"
            case .cannotListen(let host, let port, let why): return "cannot serve on \(host):\(port): \(why)"
            case .badHost(let host): return "--host \(host) is not an IP address of this computer (write one such as 127.0.0.1, 0.0.0.0 or ::1)"
            case .cannotWatch(let why): return "cannot watch the site's files for changes: \(why)"
            }
        }
    }

    let builder: SiteBuilder
    let requestedPort: UInt16
    /// The address listened on (default the loopback address: this computer only).
    public let host: String
    let report: @Sendable (Diagnostics) -> Void
    let log: @Sendable (String) -> Void
    /// Print how long each stage of a rebuild took.
    public var timings = false
    let state = PreviewState()
    let site: MemorySiteBuilder
    private let lock = NSLock()
    private var http: HTTPServer?
    private var stopped = false

    /// `report` prints a build's diagnostics (as `build` does), `log` a line of progress.
    public init(
        builder: SiteBuilder, host: String = "127.0.0.1", port: UInt16, report: @escaping @Sendable (Diagnostics) -> Void,
        log: @escaping @Sendable (String) -> Void
    ) {
        self.builder = builder
        self.host = host
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
        let server: HTTPServer
        do {
            server = host.contains(":")
                ? HTTPServer(address: try sockaddr_in6.inet6(ip6: host, port: requestedPort), timeout: 30, logger: .disabled, handler: PreviewHandler(state: state))
                : HTTPServer(address: try sockaddr_in.inet(ip4: host, port: requestedPort), timeout: 30, logger: .disabled, handler: PreviewHandler(state: state))
        } catch { throw Failure.badHost(host) }
        lock.withLock { http = server }
        let ended = Flag()
        let task = Task {
            defer { ended.set() }
            try await server.run()
        }
        while !(await server.isListening) {
            if ended.isSet {
                do { try await task.value } catch let SocketError.failed(_, code, message) {
                    throw code == EADDRINUSE ? Failure.portTaken(requestedPort) : Failure.cannotListen(host, requestedPort, message)
                } catch { throw Failure.cannotListen(host, requestedPort, "\(error)") }
                throw Failure.cannotListen(host, requestedPort, "the server stopped")
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

    /// Watches on one thread, which shows the quick pass's pages at once, and builds on
    /// another, which takes every change that came in meanwhile as one batch.
    private func startWatching(_ watchers: [FileWatcher]) {
        let queue = ChangeQueue()
        let watching = Thread { [self] in
            while !isStopped {
                var changed: Set<String> = []
                for watcher in watchers { changed.formUnion(watcher.nextChanges(quiet: 0.05, timeout: watchers.count > 1 ? 0.1 : 0.3)) }
                guard !changed.isEmpty, !isStopped else { continue }
                let number = site.record(changed)
                quickPass(changed: changed, number: number)
                queue.add(changed, number: number)
            }
            queue.close()
        }
        let building = Thread { [self] in
            while let (changed, number) = queue.next(), !isStopped { rebuild(changed: changed, recorded: number) }
        }
        watching.name = "indsats serve: watcher"
        building.name = "indsats serve: builder"
        watching.start()
        building.start()
    }

    /// Publishes at once the pages the quick pass can render (see `MemorySiteBuilder.quickPages`).
    func quickPass(changed: Set<String>, number: Int) {
        let start = DispatchTime.now().uptimeNanoseconds
        guard let quick = site.quickPages(changed: changed, open: state.openPages, recorded: number) else { return }
        state.publish(pages: Dictionary(quick.pages.map { ($0.path, $0.data) }) { first, _ in first }, changes: quick.changes)
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        let count = quick.pages.count
        log(String(format: "showed %d page%@ at once (%.1f ms); building the rest", count, count == 1 ? "" : "s", milliseconds))
        if timings { for (stage, seconds) in quick.timings { log(String(format: "%8.1f ms  %@", seconds * 1000, stage)) } }
    }

    /// Builds the whole site again and publishes it (or, on errors, the overlay only).
    func rebuild(changed: Set<String>, recorded: Int? = nil) {
        let start = DispatchTime.now().uptimeNanoseconds
        let site = self.site.build(changed: changed, recorded: recorded)
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        state.update(files: site.files, rendered: site.renderedPaths, overlay: Overlay.html(site.diagnostics, root: builder.root), changes: site.changes)
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

extension PreviewServer {
    /// Whether `host` is a loopback address (only this computer can connect).
    public static func isLoopback(_ host: String) -> Bool {
        host == "::1" || host.hasPrefix("127.")
    }
}

/// Changes waiting for the builder thread: whatever came in while it built is one batch.
final class ChangeQueue: @unchecked Sendable {
    private let condition = NSCondition()
    private var waiting: Set<String> = []
    /// The number of the latest change waiting (`MemorySiteBuilder.record`).
    private var latest = 0
    private var closed = false

    func add(_ changed: Set<String>, number: Int) {
        condition.withLock {
            waiting.formUnion(changed)
            latest = max(latest, number)
            condition.signal()
        }
    }

    func close() {
        condition.withLock {
            closed = true
            condition.signal()
        }
    }

    /// The next batch and the number of its latest change; nil once closed.
    func next() -> (Set<String>, Int)? {
        condition.withLock {
            while waiting.isEmpty && !closed { condition.wait() }
            guard !closed else { return nil }
            defer { waiting = [] }
            return (waiting, latest)
        }
    }
}
