import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import IndsatsModel
@testable import IndsatsServe
import IndsatsSite

/// `indsats serve`, in process, on a copy of the valid fixture site and a free port.
@Suite(.serialized) struct ServeTests {
    struct Page {
        var status: Int
        var type: String
        var body: String
    }

    static func start(_ site: URL, port: UInt16 = 0, log: @escaping @Sendable (String) -> Void = { _ in }) async throws -> (PreviewServer, UInt16) {
        let server = PreviewServer(builder: SiteBuilder(root: site, templates: Repo.templates), port: port, report: { _ in }, log: log)
        try await server.start()
        return (server, try #require(await server.port))
    }

    static func get(_ port: UInt16, _ path: String) async throws -> Page {
        var request = URLRequest(url: try #require(URL(string: "http://127.0.0.1:\(port)\(path)")))
        request.cachePolicy = .reloadIgnoringLocalCacheData
        let (data, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return Page(status: http.statusCode, type: http.value(forHTTPHeaderField: "Content-Type") ?? "", body: String(decoding: data, as: UTF8.self))
    }

    /// Asks for `path` until `condition` holds, for at most five seconds.
    static func poll(_ port: UInt16, _ path: String, until condition: (Page) -> Bool) async throws -> Page {
        let deadline = Date().addingTimeInterval(5)
        var page = try await get(port, path)
        while !condition(page) && Date() < deadline {
            try await Task.sleep(nanoseconds: 20_000_000)
            page = try await get(port, path)
        }
        return page
    }

    static let activityPage = "/projektbank/vaertsprogram/"

    @Test func aPageIsServedAsHTMLWithTheReloadScriptAndOddPathsGiveTheNotFoundPageWithoutLeakingFiles() async throws {
        let site = try copyOfFixture("valid-site")
        let (server, port) = try await Self.start(site)
        defer { Task { await server.stop() } }
        let home = try await Self.get(port, "/")
        #expect(home.status == 200)
        #expect(home.type == "text/html; charset=utf-8")
        #expect(home.body.contains("/__indsats/events"))
        #expect(home.body.contains("</script></body>"), "the script comes right before </body>")
        let style = try await Self.get(port, "/assets/style.css")
        #expect(style.status == 200 && style.type.hasPrefix("text/css"))
        for path in ["/%2e%2e/indsats.yml", "/indsats.yml", "/content/aktiviteter/vaertsprogram.md", "/projektbank/nope/", "/..%2findsats.yml"] {
            let page = try await Self.get(port, path)
            #expect(page.status == 404, "\(path)")
            #expect(!page.body.contains("case_number"), "\(path)")
        }
        let files = ["index.html": Data("x".utf8)]
        #expect(PreviewHandler.resolve("/../indsats.yml", in: files) == .missing)
        #expect(PreviewHandler.resolve("/./index.html", in: files) == .missing)
        #expect(PreviewHandler.resolve("/", in: files) == .file("index.html", Data("x".utf8)))
        #expect(PreviewHandler.contentType(of: "a/b.pdf") == "application/pdf")
        #expect(PreviewHandler.contentType(of: "data.csv") == "text/csv; charset=utf-8")
    }

    @Test func anEditShowsInTheServedPageAnErrorShowsAsAnOverlayOverTheLastGoodSiteAndFixingItRemovesIt() async throws {
        let site = try copyOfFixture("valid-site")
        let (server, port) = try await Self.start(site)
        defer { Task { await server.stop() } }
        let file = site.appendingPathComponent("content/aktiviteter/vaertsprogram.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        #expect(try await Self.get(port, Self.activityPage).status == 200)

        try original.replacingOccurrences(of: "title: Værtsprogram", with: "title: Værtsprogram for alle").write(to: file, atomically: true, encoding: .utf8)
        let edited = try await Self.poll(port, Self.activityPage) { $0.body.contains("Værtsprogram for alle") }
        #expect(edited.body.contains("Værtsprogram for alle"))

        try original.replacingOccurrences(of: "date: 2011-04-07", with: "date: 2011-13-45").write(to: file, atomically: true, encoding: .utf8)
        let broken = try await Self.poll(port, Self.activityPage) { $0.body.contains("role=\"alert\"") }
        #expect(broken.body.contains("role=\"alert\""))
        #expect(broken.body.contains("content/aktiviteter/vaertsprogram.md:6:7: error: date: &quot;2011-13-45&quot; is not a date"))
        #expect(broken.body.contains("date: 2011-13-45\n      ^"), "the source line, its column marked")
        #expect(broken.body.contains("Værtsprogram for alle"), "the last good site stays served")

        try original.write(to: file, atomically: true, encoding: .utf8)
        let fixed = try await Self.poll(port, Self.activityPage) { !$0.body.contains("role=\"alert\"") && !$0.body.contains("for alle") }
        #expect(!fixed.body.contains("role=\"alert\""))
        #expect(!fixed.body.contains("Værtsprogram for alle"))
    }

    @Test func theEventStreamAnnouncesANewBuild() async throws {
        let site = try copyOfFixture("valid-site")
        let (server, port) = try await Self.start(site)
        defer { Task { await server.stop() } }
        let generation = server.state.snapshot.generation
        let file = site.appendingPathComponent("indsats.yml")
        try (try String(contentsOf: file, encoding: .utf8) + "\n").write(to: file, atomically: true, encoding: .utf8)
        let event = try await Self.get(port, "/__indsats/events?since=\(generation)")
        #expect(event.type.hasPrefix("text/event-stream"))
        #expect(event.body.contains("id: \(generation + 1)\ndata: {"))
    }

    @Test func aTakenPortIsSaidPlainly() async throws {
        let site = try copyOfFixture("valid-site")
        let (server, port) = try await Self.start(site)
        defer { Task { await server.stop() } }
        let second = PreviewServer(builder: SiteBuilder(root: site, templates: Repo.templates), port: port, report: { _ in }, log: { _ in })
        do {
            try await second.start()
            Issue.record("a second server started on the same port")
        } catch let failure as PreviewServer.Failure {
            #expect(failure.description.hasPrefix("port \(port) is already in use"))
        }
    }

    @Test func theOverlayEscapesWhatItShowsAndMarksTheColumn() throws {
        let site = temporaryFolder("overlay")
        try "a: <b>&\"x\"\n".write(to: site.appendingPathComponent("f.yml"), atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        diagnostics.error("bad <script>", at: SourceLocation(path: "f.yml", line: 1, column: 4))
        let html = Overlay.html(diagnostics, root: site)
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(html.contains("f.yml:1:4: error: bad &lt;script&gt;"))
        #expect(html.contains("a: &lt;b&gt;&amp;&quot;x&quot;\n   ^"))
    }

    @Test func theSiteBuiltInMemoryHoldsExactlyTheFilesBuildWrites() throws {
        let site = try copyOfFixture("valid-site")
        let built = buildSite(site)
        #expect(!built.report.diagnostics.hasErrors)
        let memory = MemorySite.build(SiteBuilder(root: site, templates: Repo.templates))
        let files = try #require(memory.files)
        let written = IndsatsTests.files(in: built.output).filter { !$0.hasPrefix(".") }
        #expect(files.keys.sorted() == written)
        for path in written { #expect(files[path] == FileManager.default.contents(atPath: built.output.appendingPathComponent(path).path), "\(path)") }
    }

    @Test func aRebuildAfterOneEditRendersOnlyThePagesItTouchesAndGivesWhatAFullBuildGives() throws {
        let site = try copyOfFixture("valid-site")
        let session = MemorySiteBuilder(SiteBuilder(root: site, templates: Repo.templates))
        let first = session.build(changed: [])
        #expect(first.renderedPages == nil)
        let pageCount = try #require(first.files).keys.filter { $0.hasSuffix(".html") }.count
        let path = "content/aktiviteter/vaertsprogram.md"
        let file = site.appendingPathComponent(path)
        try (try String(contentsOf: file, encoding: .utf8)).replacingOccurrences(of: "title: Værtsprogram", with: "title: Værtsprogram for alle")
            .write(to: file, atomically: true, encoding: .utf8)
        let second = session.build(changed: [path])
        let rendered = try #require(second.renderedPages)
        #expect(rendered > 0 && rendered < pageCount)
        let full = MemorySite.build(SiteBuilder(root: site, templates: Repo.templates))
        let files = try #require(second.files), expected = try #require(full.files)
        #expect(files.keys.sorted() == expected.keys.sorted())
        #expect(files.filter { expected[$0.key] != $0.value }.keys.sorted() == [])
        #expect(String(decoding: files["projektbank/vaertsprogram/index.html"] ?? Data(), as: UTF8.self).contains("Værtsprogram for alle"))

        let settings = session.build(changed: ["indsats.yml"])
        #expect(settings.renderedPages == nil, "the settings render every page")
    }

    @Test func manyQuickSavesCauseFarFewerRebuildsThanSaves() async throws {
        let site = try copyOfFixture("valid-site")
        let printed = Printed()
        let (server, port) = try await Self.start(site) { printed.add(Data(($0 + "\n").utf8)) }
        defer { Task { await server.stop() } }
        let builds = { printed.text.split(separator: "\n").filter { $0.hasPrefix("built ") }.count }
        let before = builds()
        let file = site.appendingPathComponent("content/aktiviteter/vaertsprogram.md")
        let original = try String(contentsOf: file, encoding: .utf8)
        for round in 1...20 {
            try original.replacingOccurrences(of: "title: Værtsprogram", with: "title: Værtsprogram \(round)").write(to: file, atomically: false, encoding: .utf8)
        }
        _ = try await Self.poll(port, Self.activityPage) { $0.body.contains("Værtsprogram 20") }
        try await Task.sleep(nanoseconds: 150_000_000)
        let rebuilds = builds() - before
        #expect(rebuilds >= 1 && rebuilds <= 3, "\(rebuilds) rebuilds for 20 saves")
    }

    @Test func theCommandServesUntilCtrlCAndSaysPlainlyWhenItsPortIsTaken() async throws {
        let site = try copyOfFixture("valid-site")
        let binary = try #require(KilledBuildTests.binary as URL?, "build the indsats binary first: swift build --build-tests")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--root", site.path, "--templates", Repo.templates.path, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let printed = Printed()
        output.fileHandleForReading.readabilityHandler = { printed.add($0.availableData) }
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        let deadline = Date().addingTimeInterval(10)
        while !printed.text.contains("/ (Ctrl-C stops)") && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        let line = try #require(printed.text.split(separator: "\n").first { $0.hasPrefix("serving http://127.0.0.1:") })
        let port = try #require(UInt16(line.dropFirst("serving http://127.0.0.1:".count).prefix { $0.isNumber }))
        #expect(try await Self.get(port, "/").status == 200)

        let second = try runIndsats(["serve", "--root", site.path, "--templates", Repo.templates.path, "--port", "\(port)"])
        #expect(second.status == 1)
        #expect(second.errors.contains("error: port \(port) is already in use by another program"))

        process.interrupt()
        let stopBy = Date().addingTimeInterval(5)
        while process.isRunning && Date() < stopBy { try await Task.sleep(nanoseconds: 20_000_000) }
        #expect(!process.isRunning)
        #expect(process.terminationReason == .exit && process.terminationStatus == 0)
        #expect(printed.text.contains("stopped"))
    }

    final class Printed: @unchecked Sendable {
        private let lock = NSLock()
        private var data = Data()
        func add(_ more: Data) { lock.withLock { data.append(more) } }
        var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }
    }
}
