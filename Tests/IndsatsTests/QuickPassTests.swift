import Foundation
import Testing
import IndsatsModel
@testable import IndsatsServe
import IndsatsSite

/// The preview's quick pass (`MemorySiteBuilder.quickPages`): the pages it shows at once after
/// an edit are byte for byte what the full build that follows gives them, and it steps aside
/// whenever it could not be exact.
@Suite struct QuickPassTests {
    static let activity = "content/aktiviteter/vaertsprogram.md"
    static let activityPage = "projektbank/vaertsprogram/index.html"

    /// A copy of the valid fixture site with its own copy of the templates, and a builder that
    /// has built it once.
    static func session() throws -> (URL, MemorySiteBuilder) {
        let site = try copyOfFixture("valid-site")
        try FileManager.default.copyItem(at: Repo.templates, to: site.appendingPathComponent("templates"))
        let session = MemorySiteBuilder(SiteBuilder(root: site))
        #expect(session.build(changed: []).files != nil)
        return (site, session)
    }

    static func edit(_ site: URL, _ path: String, _ change: (String) -> String) throws {
        let file = site.appendingPathComponent(path)
        try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    static func fullBuild(_ site: URL) throws -> [String: Data] {
        try #require(MemorySite.build(SiteBuilder(root: site)).files)
    }

    @Test func anEditedActivitysPageIsShownAtOnceExactlyAsTheFullBuildMakesIt() throws {
        let (site, session) = try Self.session()
        try Self.edit(site, Self.activity) {
            $0.replacingOccurrences(of: "title: Værtsprogram", with: "title: Værtsprogram for <alle>")
                .replacingOccurrences(of: "2012: \"0,7\"", with: "2012: \"0,9\"")
                .replacingOccurrences(of: "Det gamle formål.", with: "Det *nye* formål.")
        }
        let quick = try #require(session.quickPages(changed: [Self.activity], open: [])?.pages)
        #expect(quick.map(\.path) == [Self.activityPage])
        let page = String(decoding: quick[0].data, as: UTF8.self)
        #expect(page.contains("Værtsprogram for &lt;alle&gt;"))
        let full = session.build(changed: [Self.activity])
        #expect(quick[0].data == full.files?[Self.activityPage])
        let fresh = try Self.fullBuild(site)
        #expect(quick[0].data == fresh[Self.activityPage])
    }

    @Test func theQuickPassStepsAsideWhenAnEditRegroupsTheActivityBreaksItOrIsNotAnActivity() throws {
        let (site, session) = try Self.session()
        let original = try String(contentsOf: site.appendingPathComponent(Self.activity), encoding: .utf8)
        let edits: [(String, String, String)] = [
            ("another area (the facet pages change)", "area: Job og uddannelse", "area: Flygtningeområdet"),
            ("an unknown administration (an error)", "administration: BIF", "administration: XYZ"),
            ("a date that is no date (an error)", "date: 2011-04-07", "date: 2011-13-45"),
            ("another budget year (the year pages change)", "2014: \"46,4*\"", "2015: \"46,4*\""),
        ]
        for (what, old, new) in edits {
            #expect(original.contains(old), "\(what)")
            try original.replacingOccurrences(of: old, with: new).write(to: site.appendingPathComponent(Self.activity), atomically: true, encoding: .utf8)
            #expect(session.quickPages(changed: [Self.activity], open: []) == nil, "\(what)")
        }
        try original.write(to: site.appendingPathComponent(Self.activity), atomically: true, encoding: .utf8)
        let others: [(String, Set<String>)] = [
            ("the settings", ["indsats.yml"]), ("a file the last build did not have", ["content/aktiviteter/ny.md"]),
            ("an indicator beside the activity", [Self.activity, "content/indikatorer/beskaeftigelse.md"]),
        ]
        for (what, changed) in others {
            #expect(session.build(changed: []).files != nil)
            #expect(session.quickPages(changed: changed, open: [Self.activityPage]) == nil, "\(what)")
        }

        // Every file changed since the last good build is read again: after a failed build,
        // the fix shows at once; a change of another kind keeps the quick pass out until built.
        #expect(session.build(changed: []).files != nil)
        try Self.edit(site, Self.activity) { $0.replacingOccurrences(of: "date: 2011-04-07", with: "date: 2011-13-45") }
        #expect(session.build(changed: [Self.activity]).files == nil)
        try Self.edit(site, Self.activity) { $0.replacingOccurrences(of: "date: 2011-13-45", with: "date: 2011-04-08") }
        let fix = try #require(session.quickPages(changed: [Self.activity], open: [])?.pages.first)
        #expect(session.build(changed: [Self.activity]).files?[Self.activityPage] == fix.data)
        let indicator = "content/indikatorer/beskaeftigelse.md"
        #expect(session.quickPages(changed: [indicator], open: [Self.activityPage]) == nil)
        #expect(session.quickPages(changed: [Self.activity], open: []) == nil, "the indicator's change is not built yet")
        #expect(session.build(changed: [indicator, Self.activity]).files != nil)
        #expect(session.quickPages(changed: [Self.activity], open: []) != nil)
    }

    @Test func anEditedTemplateIsShownAtOnceOnTheOpenPagesThatUseIt() throws {
        let (site, session) = try Self.session()
        let open: Set<String> = [Self.activityPage, "projektbank/index.html", "index.html"]
        try Self.edit(site, "templates/aktivitet.mustache") { $0.replacingOccurrences(of: "</h1>", with: " (kladde)</h1>") }
        let quick = try #require(session.quickPages(changed: ["templates/aktivitet.mustache"], open: open)?.pages)
        #expect(quick.map(\.path) == [Self.activityPage], "only the open pages the template renders")
        #expect(String(decoding: quick[0].data, as: UTF8.self).contains(" (kladde)</h1>"))
        #expect(quick[0].data == session.build(changed: ["templates/aktivitet.mustache"]).files?[Self.activityPage])
        let fresh = try Self.fullBuild(site)
        #expect(quick[0].data == fresh[Self.activityPage])

        // The list pages show rows rendered once per build: an edit of the row leaves them to the full pass.
        try Self.edit(site, "templates/partials/activity-row.mustache") { "<!-- row -->" + $0 }
        #expect(session.quickPages(changed: ["templates/partials/activity-row.mustache"], open: ["projektbank/index.html"]) == nil)
        #expect(session.quickPages(changed: ["templates/aktivitet.mustache"], open: []) == nil, "no open page: nothing to show first")
    }

    @Test func anAddedOrRemovedFileIsFoundThoughAnEditOfAKnownFileReusesTheLastListing() throws {
        let (site, session) = try Self.session()
        let added = "content/aktiviteter/nyt-tilbud.md"
        try FileManager.default.copyItem(at: site.appendingPathComponent(Self.activity), to: site.appendingPathComponent(added))
        try Self.edit(site, added) { $0.replacingOccurrences(of: "title: Værtsprogram", with: "title: Nyt tilbud") }
        let withNew = try #require(session.build(changed: [added]).files)
        #expect(String(decoding: withNew["projektbank/nyt-tilbud/index.html"] ?? Data(), as: UTF8.self).contains("Nyt tilbud"))
        try Self.edit(site, added) { $0.replacingOccurrences(of: "title: Nyt tilbud", with: "title: Nyere tilbud") }
        let edited = try #require(session.build(changed: [added]).files)
        #expect(edited == (try Self.fullBuild(site)))
        try FileManager.default.removeItem(at: site.appendingPathComponent(added))
        let removed = try #require(session.build(changed: [added]).files)
        #expect(removed["projektbank/nyt-tilbud/index.html"] == nil)
        #expect(removed == (try Self.fullBuild(site)))
    }

    @Test func aPageKeepsItsVersionWhileItsBytesStayTheSameSoOnlyChangedPagesReload() {
        let state = PreviewState()
        let a = Data("a".utf8), b = Data("b".utf8)
        state.update(files: ["index.html": a, "x/index.html": a], overlay: "")
        let first = state.snapshot
        #expect(first.version(of: "/") == 1 && first.version(of: "/x/") == 1 && first.version(of: "/nope/") == -1)
        state.publish(pages: ["x/index.html": b], changes: 7)
        #expect(state.snapshot.version(of: "/x/") == 2 && state.snapshot.version(of: "/") == 1)
        // A build that began before change 7 does not take the page back to older text.
        state.update(files: ["index.html": a, "x/index.html": a], rendered: ["x/index.html"], overlay: "", changes: 6)
        #expect(state.snapshot.files["x/index.html"] == b && state.snapshot.version(of: "/x/") == 2)
        // The build with change 7 gives the same bytes: no second reload.
        state.update(files: ["index.html": a, "x/index.html": b, "y/index.html": a], rendered: ["x/index.html", "y/index.html"], overlay: "", changes: 7)
        let last = state.snapshot
        #expect(last.version(of: "/x/") == 2 && last.version(of: "/") == 1 && last.version(of: "/y/") == 4)
        // A failed build keeps the files and their versions.
        state.update(files: nil, overlay: "<div>fejl</div>")
        #expect(state.snapshot.version(of: "/x/") == 2 && state.snapshot.generation == 5)
    }

    @Test func theServerListensOnLoopbackUnlessToldAndRefusesAnAddressThatIsNone() async throws {
        #expect(PreviewServer.isLoopback("127.0.0.1") && PreviewServer.isLoopback("::1"))
        #expect(!PreviewServer.isLoopback("0.0.0.0") && !PreviewServer.isLoopback("192.168.1.4"))
        let site = try copyOfFixture("valid-site")
        let server = PreviewServer(builder: SiteBuilder(root: site, templates: Repo.templates), host: "localhost:80", port: 0, report: { _ in }, log: { _ in })
        do {
            try await server.start()
            Issue.record("a server started on an address that is none")
        } catch let failure as PreviewServer.Failure {
            #expect(failure.description.hasPrefix("--host localhost:80 is not an IP address"))
        }
    }

    @Test func theOverlayHasAKeyboardReachableCloseButtonAndTheScriptHidesItOnEscape() throws {
        var diagnostics = Diagnostics()
        diagnostics.error("bad", at: SourceLocation(path: "f.yml", line: 1, column: 1))
        let overlay = Overlay.html(diagnostics, root: temporaryFolder("overlay"))
        #expect(overlay.contains("<button type=\"button\" data-indsats-close aria-label=\"Luk (Esc)\""))
        let script = PreviewHandler.script(generation: 3, version: 2)
        #expect(script.contains("closest(\"[data-indsats-close]\")") && script.contains("e.key===\"Escape\""))
        #expect(script.contains("var version=2") && script.contains("since=3&page="))
    }
}
