import Foundation
import IndsatsModel
import IndsatsRender
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

    @Test func anArchivedFileEditedByHandIsAnErrorThatNamesItAndSaysHowToCorrect() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false).diagnostics.hasErrors)
        try edit(site.appendingPathComponent("arkiv/2009/index.html"), replacing: "Indledning.", with: "Indledning!")
        for result in [builder(site).build(write: false), builder(site).build()] {
            #expect(result.diagnostics.errors.map(\.description) == [
                "arkiv/2009/index.html:1:1: error: a file of the archived 2009 report was changed after it was published: its SHA-256 is not the one in the manifest (restore it from version control: git checkout -- arkiv/2009/index.html; to change the published report, change its content and record a dated correction: indsats correct 2009 --note \"…\")"
            ])
        }
    }

    /// The seal covers what the manifest records: a checksum edited to match an edited file
    /// is caught, and only the manifest is named (its checksums cannot be trusted then).
    @Test func aManifestEditedToMatchAnEditedFileIsCaughtByItsSeal() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false).diagnostics.hasErrors)
        let source = site.appendingPathComponent("arkiv/2009/kilde/content/aktiviteter/vaertsprogram.md")
        let before = SHA256.hex(try Data(contentsOf: source))
        try edit(source, replacing: "title: Værtsprogram", with: "title: Værtsprogrammet")
        try edit(site.appendingPathComponent("arkiv/2009/manifest.json"), replacing: before, with: SHA256.hex(try Data(contentsOf: source)))
        #expect(builder(site).build(write: false).diagnostics.errors.map(\.description) == [
            "arkiv/2009/manifest.json:1:1: error: seal: the manifest of the 2009 report was changed by hand: its seal does not match what it records (restore it from version control: git checkout -- arkiv/2009/manifest.json; only indsats publish and indsats correct write the archive)"
        ])
        // A correction does not launder a manifest edited by hand either.
        let corrected = builder(site).publish(year: 2009, on: Day(iso: "2009-04-01")!, correction: "Rettet.", pdf: false)
        #expect(corrected.diagnostics.errors.map(\.field) == ["seal"])
    }

    @Test func aCorrectionOfAFileEditedByHandReFreezesItFromTheContent() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false).diagnostics.hasErrors)
        try edit(site.appendingPathComponent("arkiv/2009/statusrapport-2009.csv"), replacing: "Værtsprogram", with: "Vaertsprogram")
        let corrected = builder(site).publish(year: 2009, on: Day(iso: "2009-04-01")!, correction: "Tabellen er skrevet ud igen.", pdf: false)
        #expect(!corrected.diagnostics.hasErrors, "\(corrected.diagnostics.all)")
        #expect(builder(site).build(write: false).diagnostics.all.isEmpty)
        #expect(String(decoding: data(site, "arkiv/2009/statusrapport-2009.csv")!, as: UTF8.self).contains("Værtsprogram"))
    }

    @Test func archivingNeverDeletesAFileThatIsNotTheArchivesOwn() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        // Before the first publication (a visible file there is a lost manifest, see load).
        let hidden = site.appendingPathComponent("arkiv/2009/.udkast")
        try FileManager.default.createDirectory(at: hidden.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("udkast\n".utf8).write(to: hidden)
        let first = builder(site).publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false)
        #expect(first.diagnostics.errors.map(\.description) == [
            "arkiv/2009/.udkast:1:1: error: is not part of the archived 2009 report; archiving replaces arkiv/2009/ whole, so it would delete this file (move it out of arkiv/2009/ and run the command again)"
        ])
        try FileManager.default.removeItem(at: hidden)
        // A correction.
        let notes = site.appendingPathComponent("arkiv/2009/noter.txt")
        let refusal = "arkiv/2009/noter.txt:1:1: error: is not part of the archived 2009 report; archiving replaces arkiv/2009/ whole, so it would delete this file (move it out of arkiv/2009/ and run the command again)"
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false).diagnostics.hasErrors)
        let manifest = data(site, "arkiv/2009/manifest.json")
        try Data("udkast\n".utf8).write(to: notes)
        let corrected = builder(site).publish(year: 2009, on: Day(iso: "2009-04-01")!, correction: "Rettet.", pdf: false)
        #expect(corrected.diagnostics.errors.map(\.description) == [refusal])
        #expect(data(site, "arkiv/2009/noter.txt") == Data("udkast\n".utf8))
        #expect(data(site, "arkiv/2009/manifest.json") == manifest)
    }

    @Test func theStagingFolderOfAStoppedPublishIsNotReadAsAnArchivedYear() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false).diagnostics.hasErrors)
        let archive = site.appendingPathComponent("arkiv")
        try FileManager.default.copyItem(at: archive.appendingPathComponent("2009"), to: archive.appendingPathComponent(".2009.building-4242"))
        #expect(builder(site).build(write: false).diagnostics.all.isEmpty)
        // The next archiving of that year removes it.
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-04-01")!, correction: "Rettet.", pdf: false).diagnostics.hasErrors)
        #expect(!FileManager.default.fileExists(atPath: archive.appendingPathComponent(".2009.building-4242").path))
        // Stopped while the year's folder was moved aside: said, not silently unarchived.
        try FileManager.default.moveItem(at: archive.appendingPathComponent("2009"), to: archive.appendingPathComponent(".2009.old-4242"))
        #expect(builder(site).build(write: false).diagnostics.errors.map(\.description) == [
            "arkiv/.2009.old-4242:1:1: error: the archived 2009 report was moved aside by a publish or correct that was stopped, so it is not in arkiv/2009/ (rename arkiv/.2009.old-4242 back to arkiv/2009)"
        ])
    }

    @Test func aFileThatCannotBeReadWhileArchivingIsASentence() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let templates = site.appendingPathComponent("templates")
        try FileManager.default.copyItem(at: Repo.templates, to: templates)
        try FileManager.default.removeItem(at: templates.appendingPathComponent("assets/style.css"))
        let result = SiteBuilder(root: site, templates: templates).publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false)
        let errors = result.diagnostics.errors.map(\.description)
        #expect(errors.count == 1)
        #expect(errors.first?.hasPrefix("arkiv/2009:1:1: error: the report was not archived: cannot archive ") == true, "\(errors)")
        #expect(errors.first?.hasSuffix("templates/assets/style.css: a folder on the way does not exist") == true, "\(errors)")
        #expect(!errors.joined().contains("Error Domain"))
        #expect(data(site, "arkiv/2009/manifest.json") == nil)
    }

    @Test func aCorrectionNeedsANoteThatIsNotOnlyWhiteSpace() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false).diagnostics.hasErrors)
        let manifest = data(site, "arkiv/2009/manifest.json")
        for note in ["", "  \n\t "] {
            let result = builder(site).publish(year: 2009, on: Day(iso: "2009-04-01")!, correction: note, pdf: false)
            #expect(result.diagnostics.errors.map(\.description) == [
                "arkiv/2009:1:1: error: --note: a correction needs a note that says what was corrected and why; it is shown on the report under \"Rettelser\" (for example: --note \"Tabel 2: beløbet for 2009 rettet fra 88,4 til 86,4 mio. kr.\")"
            ])
        }
        #expect(data(site, "arkiv/2009/manifest.json") == manifest, "a refused correction archived nothing")
        // A note is kept without the white space around it.
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-04-01")!, correction: "  Rettet.\n", pdf: false).diagnostics.hasErrors)
        #expect(String(decoding: data(site, "arkiv/2009/manifest.json")!, as: UTF8.self).contains("\"note\" : \"Rettet.\""))
    }

    @Test func aCorrectionIsNotDatedBeforeThePublicationNorBeforeTheLastCorrection() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false).diagnostics.hasErrors)
        let early = builder(site).publish(year: 2009, on: Day(iso: "2009-03-04")!, correction: "Rettet.", pdf: false)
        #expect(early.diagnostics.errors.map(\.description) == [
            "arkiv/2009:1:1: error: --date: the correction is dated 4. marts 2009, before the report was published and archived on 5. marts 2009; corrections are recorded in the order they are made (give --date 2009-03-05 or later, or leave it out to record today)"
        ])
        // On the day of publication is fine; then not before that correction.
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-03-05")!, correction: "Første rettelse.", pdf: false).diagnostics.hasErrors)
        #expect(!builder(site).publish(year: 2009, on: Day(iso: "2009-05-01")!, correction: "Anden rettelse.", pdf: false).diagnostics.hasErrors)
        let beforeLast = builder(site).publish(year: 2009, on: Day(iso: "2009-04-30")!, correction: "Tredje rettelse.", pdf: false)
        #expect(beforeLast.diagnostics.errors.map(\.description) == [
            "arkiv/2009:1:1: error: --date: the correction is dated 30. april 2009, before the last correction, dated 1. maj 2009; corrections are recorded in the order they are made (give --date 2009-05-01 or later, or leave it out to record today)"
        ])
    }

    @Test func publishingOrCorrectingIsNotDatedAfterTheBuildDay() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let fixed = SiteBuilder(root: site, templates: Repo.templates, options: RenderOptions(today: Day(iso: "2009-03-05")!))
        let future = fixed.publish(year: 2009, on: Day(iso: "2009-03-06")!, pdf: false)
        #expect(future.diagnostics.errors.map(\.description) == [
            "arkiv/2009:1:1: error: --date: the date 2009-03-06 is in the future; the archive records the day a report was published or corrected (leave out --date to record today, or give a date up to today)"
        ])
        #expect(data(site, "arkiv/2009/manifest.json") == nil)
        #expect(!fixed.publish(year: 2009, on: Day(iso: "2009-03-05")!, pdf: false).diagnostics.hasErrors)
    }

    @Test func theShippedArchiveIsSealedAndEveryFrozenFileHasItsSHA256() throws {
        var diagnostics = Diagnostics()
        let entries = ReportArchive(root: Repo.root).load(diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty)
        let manifest = try #require(entries[2009]?.manifest)
        #expect(manifest.seal == manifest.computedSeal)
        #expect(manifest.files.keys.sorted() == ["index.html", "statusrapport-2009.csv", "statusrapport-2009.json", "statusrapport-2009.pdf", "style.css"])
        for (name, checksum) in manifest.files { #expect(SHA256.hex(data(Repo.root, "arkiv/2009/\(name)") ?? Data()) == checksum, "\(name)") }
        for (path, checksum) in manifest.sources { #expect(SHA256.hex(data(Repo.root, "arkiv/2009/kilde/\(path)") ?? Data()) == checksum, "\(path)") }
        #expect(manifest.sources.count == 27)
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

/// The command line of `publish` and `correct`.
@Suite("Archive commands: a --date that is no day is refused with the command's own usage")
struct ArchiveCommandTests {
    @Test(arguments: ["publish", "correct"])
    func aDateThatIsNoDayIsAUsageErrorOfTheCommand(_ command: String) throws {
        let binary = try #require(KilledBuildTests.binary)
        let process = Process()
        process.executableURL = binary
        // A root with no site: should the date pass, nothing could be written.
        process.arguments = [command, "2009", "--root", temporaryFolder().appendingPathComponent("no-site").path, "--date", "2026-02-30", "--no-pdf"] + (command == "correct" ? ["--note", "x"] : [])
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let printed = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 64)
        #expect(printed.contains("--date: \"2026-02-30\" is not a date"))
        #expect(printed.contains("Usage: indsats \(command) "), "\(printed)")
    }
}
