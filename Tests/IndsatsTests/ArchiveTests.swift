import Foundation
import IndsatsModel
import IndsatsSite
import Testing

/// Publishing freezes a yearly report in `arkiv/<year>/`; later builds copy it byte for byte.
/// Each test works on a copy of a site, as a user would on their own checkout.
@Suite("The report archive", .serialized)
struct ArchiveTests {
    func builder(_ root: URL, output: URL? = nil) -> SiteBuilder {
        SiteBuilder(root: root, output: output ?? root.appendingPathComponent("output"), templates: Repo.templates)
    }

    func edit(_ file: URL, replacing old: String, with new: String) throws {
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(text.contains(old), "\(file.lastPathComponent) has no \(old)")
        try text.replacingOccurrences(of: old, with: new).write(to: file, atomically: true, encoding: .utf8)
    }

    func data(_ root: URL, _ path: String) -> Data? { try? Data(contentsOf: root.appendingPathComponent(path)) }

    @Test func aPublishedReportIsCopiedFromTheArchiveAndDoesNotFollowItsSources() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let published = builder(site).publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false)
        #expect(!published.diagnostics.hasErrors, "\(published.diagnostics.all)")
        let archived = try #require(data(site, "arkiv/2009/index.html"))
        #expect(String(decoding: archived, as: UTF8.self).contains("Arkiveret 5. marts 2009"))
        #expect(String(decoding: archived, as: UTF8.self).contains("href=\"style.css\""))
        #expect(data(site, "arkiv/2009/kilde/content/aktiviteter/vaertsprogram.md") != nil)
        #expect(data(site, "arkiv/2009/kilde/content/statusrapporter/2009.md") != nil)

        let first = builder(site).build()
        #expect(!first.diagnostics.hasErrors)
        #expect(data(site, "output/statusrapporter/2009/index.html") == archived)
        #expect(data(site, "output/statusrapporter/2009/style.css") == data(Repo.root, "templates/assets/style.css"))

        // The activity the report cites changes: its own page follows, the report does not.
        try edit(site.appendingPathComponent("content/aktiviteter/vaertsprogram.md"), replacing: "title: Værtsprogram", with: "title: Værtsprogrammet")
        let second = builder(site).build()
        #expect(!second.diagnostics.hasErrors)
        #expect(data(site, "output/statusrapporter/2009/index.html") == archived)
        #expect(String(decoding: data(site, "output/projektbank/vaertsprogram/index.html")!, as: UTF8.self).contains("<h1>Værtsprogrammet</h1>"))
        let notes = second.diagnostics.notes.map(\.description)
        #expect(notes == [
            "content/aktiviteter/vaertsprogram.md:1:1: note: has changed since the 2009 report that cites it was archived on 5. marts 2009; the report keeps the figures as published (arkiv/2009/)"
        ])
    }

    @Test func changingAPublishedReportIsRefusedUnlessItIsADatedCorrection() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false).diagnostics.hasErrors)
        let output = site.appendingPathComponent("output")
        #expect(!builder(site).build().diagnostics.hasErrors)
        let before = data(site, "output/statusrapporter/2009/index.html")

        try edit(site.appendingPathComponent("content/statusrapporter/2009.md"), replacing: "Indledning.", with: "Indledning, rettet.")
        for result in [builder(site).build(), builder(site).build(write: false)] {
            #expect(result.diagnostics.errors.map(\.description) == [
                "content/statusrapporter/2009.md:1:1: error: the 2009 report was published and archived on 5. marts 2009; it cannot be changed (undo the change (the archived file is arkiv/2009/kilde/content/statusrapporter/2009.md), or record it as a dated correction: indsats correct 2009 --note \"…\")"
            ])
        }
        // The refused build left the site as it was.
        #expect(data(site, "output/statusrapporter/2009/index.html") == before)
        // Publishing again is refused too: a change is a correction.
        #expect(builder(site).publish(year: 2009, on: Day(iso: "2009-04-01")!, pdf: false).diagnostics.errors.count == 1)

        let corrected = builder(site).publish(year: 2009, on: Day(iso: "2009-04-01")!, correction: "Indledningen er præciseret.", pdf: false)
        #expect(!corrected.diagnostics.hasErrors, "\(corrected.diagnostics.all)")
        #expect(!builder(site).build().diagnostics.hasErrors)
        let page = visibleText(read(output, "statusrapporter/2009/index.html"))
        #expect(page.contains("Arkiveret 5. marts 2009"))
        #expect(page.contains("Rettelser 1. april 2009 : Indledningen er præciseret."))
        #expect(page.contains("Indledning, rettet."))
        let manifest = String(decoding: data(site, "arkiv/2009/manifest.json")!, as: UTF8.self)
        #expect(manifest.contains("\"archived\" : \"2009-03-05\""))
        #expect(manifest.contains("\"date\" : \"2009-04-01\""))
    }

    @Test func anArchivedFileEditedByHandIsAnError() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false).diagnostics.hasErrors)
        try edit(site.appendingPathComponent("arkiv/2009/index.html"), replacing: "Indledning.", with: "Indledning!")
        let result = builder(site).build(write: false)
        #expect(result.diagnostics.errors.map(\.description).first?.hasPrefix("arkiv/2009/index.html:1:1: error: an archived file was changed by hand") == true)
    }

    /// The shipped 2009 report is published: editing an activity it cites changes nothing in it.
    @Test func theShippedReportStaysAsPublishedWhenACitedActivityChanges() throws {
        let site = temporaryFolder("archive-shipped").appendingPathComponent("site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for item in ["indsats.yml", "content", "arkiv"] {
            try FileManager.default.copyItem(at: Repo.root.appendingPathComponent(item), to: site.appendingPathComponent(item))
        }
        let archivedPage = try #require(data(Repo.root, "arkiv/2009/index.html"))
        try edit(site.appendingPathComponent("content/aktiviteter/jobpatruljer.md"), replacing: "title: Jobpatrulje med fokus", with: "title: Jobpatruljer med fokus")
        let result = builder(site).build()
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics.errors)")
        #expect(data(site, "output/statusrapporter/2009/index.html") == archivedPage)
        #expect(data(site, "output/statusrapporter/2009/statusrapport-2009.pdf") == data(Repo.root, "arkiv/2009/statusrapport-2009.pdf"))
        #expect(result.diagnostics.notes.map(\.description).contains {
            $0.hasPrefix("content/aktiviteter/jobpatruljer.md:1:1: note: has changed since the 2009 report that cites it was archived")
        })
    }
}
