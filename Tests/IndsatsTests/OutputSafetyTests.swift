import Foundation
import IndsatsModel
import IndsatsPlatform
import IndsatsSite
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A copy of the valid fixture site with its own templates, in a fresh scratch folder
/// (`scratch/site`), removed by `remove()`.
struct ScratchSite {
    let scratch = temporaryFolder("indsats-output-safety")
    var root: URL { scratch.appendingPathComponent("site") }
    var output: URL { root.appendingPathComponent("output") }

    init() throws {
        try FileManager.default.copyItem(at: Repo.fixtures.appendingPathComponent("valid-site"), to: root)
        try FileManager.default.copyItem(at: Repo.templates, to: root.appendingPathComponent("templates"))
    }

    func builder(output: URL? = nil, force: Bool = false, lockTimeout: Double = 60) -> SiteBuilder {
        var builder = SiteBuilder(root: root, output: output ?? self.output)
        builder.force = force
        builder.lockTimeout = lockTimeout
        return builder
    }

    func remove() { try? FileManager.default.removeItem(at: scratch) }
}

@Suite("Output safety: build replaces only a folder it made, and says why when it will not")
struct OutputSafetyTests {
    func errors(_ report: SiteBuilder.Report) -> [String] { report.diagnostics.errors.map(\.description) }

    @Test func aFolderAboveTheSiteIsRefusedAndNothingIsTouched() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let before = FixtureCase.snapshot(site.scratch)
        let report = site.builder(output: site.scratch).build()
        #expect(errors(report) == [
            "\(site.scratch.path):1:1: error: the output folder contains the site's folder: a build replaces its output folder whole, so it would delete indsats.yml, content/, templates/ and arkiv/ (name a folder of its own with --output, such as output)",
        ])
        #expect(report.files == nil)
        #expect(FixtureCase.snapshot(site.scratch) == before)
    }

    @Test func aTemplatesFolderNamedWithTemplatesIsProtectedToo() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let templates = site.scratch.appendingPathComponent("skabeloner")
        try FileManager.default.moveItem(at: site.root.appendingPathComponent("templates"), to: templates)
        let report = SiteBuilder(root: site.root, output: templates.appendingPathComponent("assets"), templates: templates).build()
        #expect(errors(report) == [
            "\(templates.path)/assets:1:1: error: the output folder is inside \(templates.path)/, where the build must not write (name a folder outside content/, the templates and arkiv/ with --output, such as output)",
        ])
    }

    @Test func anOutputBelowAFileIsASentenceNotAFoundationError() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let report = site.builder(output: site.root.appendingPathComponent("indsats.yml/site")).build()
        #expect(errors(report) == [
            "indsats.yml/site:1:1: error: the site was not written: cannot make the folder \(site.root.path)/indsats.yml: a file with that name is already there",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.output.path))
    }

    @Test func aLinkedOutputStaysALinkAndTheFolderItPointsToGetsTheSite() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let served = site.scratch.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: served, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: site.output.path, withDestinationPath: served.path)
        for _ in 0..<2 {
            let report = site.builder().build()
            #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.all)")
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: site.output.path)) == served.path)
            #expect(files(in: served).contains("projektbank/vaertsprogram/index.html"))
            #expect(files(in: served).contains(OutputLocation.markerName))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.scratch.path).sorted() == ["site", "www"])
    }

    @Test func aLinkToTheContentIsRefused() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        try FileManager.default.createSymbolicLink(atPath: site.output.path, withDestinationPath: site.root.appendingPathComponent("content").path)
        let before = FixtureCase.snapshot(site.root)
        #expect(errors(site.builder().build()) == [
            "output:1:1: error: the output folder is content/: a build replaces its output folder whole, so it would delete the site's content (name a folder of its own with --output, such as output)",
        ])
        #expect(FixtureCase.snapshot(site.root) == before)
    }

    @Test func forceReplacesAForeignFolderButNeverTheSources() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        try Data("gammel".utf8).write(to: site.output.appendingPathComponent("index.html"))
        #expect(errors(site.builder().build()).first?.hasPrefix("output:1:1: error: output is not a folder indsats made") == true)
        #expect(read(site.output, "index.html") == "gammel")
        #expect(!site.builder(force: true).build().diagnostics.hasErrors)
        #expect(files(in: site.output).contains(OutputLocation.markerName))
        // Built once, the folder is indsats' own: the next build needs no --force.
        #expect(!site.builder().build().diagnostics.hasErrors)
        let content = site.root.appendingPathComponent("content")
        #expect(site.builder(output: content, force: true).build().diagnostics.hasErrors)
        #expect(site.builder(output: site.root, force: true).build().diagnostics.hasErrors)
        #expect(FileManager.default.fileExists(atPath: content.appendingPathComponent("aktiviteter").path))
    }

    @Test func forceNeverReplacesTheHomeFolderAFolderAboveItOrTheTopFolder() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let home = site.scratch.appendingPathComponent("home/kim")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Data("brev".utf8).write(to: home.appendingPathComponent("brev.txt"))
        func verdict(_ output: URL) -> OutputLocation.Verdict {
            OutputLocation(output: output, root: site.root, templates: site.root.appendingPathComponent("templates"), force: true, home: home.path).target()
        }
        func message(_ verdict: OutputLocation.Verdict) -> String? {
            if case .refuse(let diagnostic) = verdict { diagnostic.description } else { nil }
        }
        let hint = "(name a folder of its own with --output, such as output; --force does not allow this)"
        #expect(message(verdict(home)) == "\(home.path):1:1: error: the output folder is your home folder: a build replaces its output folder whole, so it would delete all your files \(hint)")
        #expect(message(verdict(home.appendingPathComponent("../../home/."))) == "\(site.scratch.path)/home:1:1: error: the output folder contains your home folder: a build replaces its output folder whole, so it would delete all your files \(hint)")
        #expect(message(verdict(URL(fileURLWithPath: "/"))) == "/:1:1: error: the output folder is the top folder of the computer (/): a build replaces its output folder whole, so it would delete everything on the computer \(hint)")
        // A folder inside the home folder is the user's to name.
        #expect(verdict(home.appendingPathComponent("site")) == .replace(home.appendingPathComponent("site").path))
    }

    @Test func forceNeverReplacesAGitRepository() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let repository = site.scratch.appendingPathComponent("www")
        try FileManager.default.createDirectory(at: repository.appendingPathComponent(".git"), withIntermediateDirectories: true)
        // Even one an earlier build made (its history would go with it).
        try Data().write(to: repository.appendingPathComponent(OutputLocation.markerName))
        let worktree = site.scratch.appendingPathComponent("worktree")
        try FileManager.default.createDirectory(at: worktree, withIntermediateDirectories: true)
        try Data("gitdir: /elsewhere\n".utf8).write(to: worktree.appendingPathComponent(".git"))
        let before = FixtureCase.snapshot(site.scratch)
        for folder in [repository, worktree] {
            #expect(errors(site.builder(output: folder, force: true).build()) == [
                "\(folder.path):1:1: error: \(folder.path) is a git repository (it has a .git entry): a build replaces its output folder whole, so it would delete the repository and its history (name another folder with --output; to keep the site in git, copy the built site into the repository; --force does not allow this)",
            ])
        }
        #expect(FixtureCase.snapshot(site.scratch) == before)
    }

    @Test func anEmptyFolderIsUsed() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        try FileManager.default.createDirectory(at: site.output, withIntermediateDirectories: true)
        #expect(!site.builder().build().diagnostics.hasErrors)
        #expect(files(in: site.output).contains("index.html"))
    }

    @Test func leftoversOfKilledBuildsAreRemovedAndNothingElse() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let fm = FileManager.default
        #expect(!site.builder().build().diagnostics.hasErrors)
        let ours = [".output.building-999", ".output.old-12"]
        let others = [".output.building-12x", ".output.old-", ".output-notes", ".public.building-5", "output.building-7"]
        for name in ours + others {
            try fm.createDirectory(at: site.root.appendingPathComponent("\(name)/sub"), withIntermediateDirectories: true)
        }
        #expect(!site.builder().build().diagnostics.hasErrors)
        let left = try fm.contentsOfDirectory(atPath: site.root.path)
        #expect(ours.allSatisfy { !left.contains($0) })
        #expect(others.allSatisfy { left.contains($0) })
    }

    @Test func aSiteAKilledBuildMovedAsideIsPutBack() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        #expect(!site.builder().build().diagnostics.hasErrors)
        let before = FixtureCase.snapshot(site.output)
        let aside = site.root.appendingPathComponent(".output.old-4242")
        try FileManager.default.moveItem(at: site.output, to: aside)
        // A build that writes puts the old site back first (here it stops before replacing it).
        let writer = SiteWriter(output: site.output, location: OutputLocation(output: site.output, root: site.root, templates: site.root.appendingPathComponent("templates")))
        let staging = try writer.begin()
        #expect(FixtureCase.snapshot(site.output) == before)
        writer.abort(staging)
        #expect(FixtureCase.snapshot(site.output) == before)
        #expect(!FileManager.default.fileExists(atPath: aside.path))
    }

    @Test func aSecondBuildWaitsForTheFirstAndFailsClearlyWhenItTakesTooLong() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        #expect(!site.builder().build().diagnostics.hasErrors)
        let before = FixtureCase.snapshot(site.output)
        // The lock a build holds while it writes.
        let held = try #require(try FolderLock.acquire(site.root.path, waitingAtMost: 0))
        let start = Date()
        let report = site.builder(lockTimeout: 0.5).build()
        #expect(Date().timeIntervalSince(start) >= 0.5)
        #expect(errors(report) == [
            "output:1:1: error: the site was not written: another build is writing output and did not finish within 0.5 seconds; wait for it to finish (or stop it) and build again",
        ])
        #expect(FixtureCase.snapshot(site.output) == before)
        // Released while the second build waits: it goes on.
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { held.release() }
        #expect(!site.builder(lockTimeout: 20).build().diagnostics.hasErrors)
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".output.") }.isEmpty)
    }

    @Test func aFileSystemFailureIsASentence() {
        #expect(FileSystemError("cannot write", "output/index.html", code: ENOSPC).description
            == "cannot write output/index.html: the disk is full (free some space and try again)")
        #expect(FileSystemError.reason(EROFS) == "the disk is read-only (write-protected, or mounted read-only)")
        #expect(FileSystemError.reason(EACCES) == FileSystemError.reason(EPERM))
        #expect(FileSystemError.reason(EACCES).hasPrefix("permission denied"))
        #expect(FileSystemError.reason(ENOTDIR) == "a part of the path is a file, not a folder")
        #expect(FileSystemError.reason(EDQUOT).contains("quota"))
        #expect(FileSystemError.reason(EXDEV) == "it is on another disk than the folder beside it")
        // Foundation's errors are read by their POSIX code, never printed raw.
        let posix = NSError(domain: NSCocoaErrorDomain, code: 512, userInfo: [NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EROFS))])
        #expect(FileSystemError("cannot write", "x", error: posix).reason == FileSystemError.reason(EROFS))
        #expect(FileSystemError("cannot write", "x", error: CocoaError(.fileWriteOutOfSpace)).reason == FileSystemError.reason(ENOSPC))
        #expect(FileSystemError("cannot write", "x", error: NSError(domain: NSCocoaErrorDomain, code: 512)).description == "cannot write x: the system gave no reason")
        #expect(!FileSystemError.reason(EOWNERDEAD).contains("Error Domain"))
        let named = NSError(domain: NSCocoaErrorDomain, code: 513, userInfo: [NSFilePathErrorKey: "/srv/www/index.html", NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))])
        #expect(FileSystemError.sentence(for: named, "cannot write", "output") == "cannot write /srv/www/index.html: " + FileSystemError.reason(EACCES))
    }
}

/// Builds of the real `indsats` binary killed at random moments: after each, `output/` is the
/// whole old or the whole new site, and the next build leaves no staging folder.
@Suite("Killed builds")
struct KilledBuildTests {
    /// The `indsats` binary built beside the tests.
    static let binary: URL? = {
        let candidates = [
            Bundle.main.executableURL?.deletingLastPathComponent(),
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Repo.root.appendingPathComponent(".build/debug"),
        ].compactMap { $0?.appendingPathComponent("indsats") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    func run(_ site: ScratchSite, output: URL? = nil) throws -> Process {
        let process = Process()
        process.executableURL = Self.binary ?? Repo.root.appendingPathComponent(".build/debug/indsats")
        process.arguments = ["build", "--root", site.root.path, "--output", (output ?? site.output).path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    func runToEnd(_ site: ScratchSite, output: URL? = nil) throws {
        let process = try run(site, output: output)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test func aBuildKilledAtAnyMomentLeavesTheOldOrTheNewSiteAndTheNextBuildCleansUp() throws {
        try #require(Self.binary != nil, "build the indsats binary first: swift build --build-tests")
        let site = try ScratchSite()
        defer { site.remove() }
        let config = site.root.appendingPathComponent("indsats.yml")
        let versionA = try String(contentsOf: config, encoding: .utf8)
        let versionB = versionA.replacingOccurrences(of: "title: Testkommunens integrationsindsats", with: "title: Testkommunens nye integrationsindsats")
        #expect(versionA != versionB)
        // The two complete sites, built apart.
        var sites: [String: [String: Data]] = [:]
        for (name, text) in [("a", versionA), ("b", versionB)] {
            try text.write(to: config, atomically: true, encoding: .utf8)
            let output = site.scratch.appendingPathComponent(name)
            try runToEnd(site, output: output)
            sites[name] = FixtureCase.snapshot(output)
        }
        #expect(sites["a"] != sites["b"])
        #expect(sites["a"]?.keys.contains("index.html") == true)

        try versionA.write(to: config, atomically: true, encoding: .utf8)
        var times: [Double] = []
        for _ in 0..<3 {
            let start = Date()
            try runToEnd(site)
            times.append(Date().timeIntervalSince(start))
        }
        let buildTime = times.sorted()[1]
        // Kill 40 builds, and more until 20 kills have landed in a running build and one has
        // left a staging folder (how many runs that takes depends on the machine's load), at
        // most 120.
        var killedWhileRunning = 0, stagingLeft = 0, runs = 0
        while runs < 120, runs < 40 || killedWhileRunning < 20 || stagingLeft == 0 {
            let index = runs
            runs += 1
            let version = index % 2 == 0 ? "b" : "a"
            try (version == "a" ? versionA : versionB).write(to: config, atomically: true, encoding: .utf8)
            let process = try run(site)
            usleep(UInt32.random(in: 0...UInt32(buildTime * 1.2 * 1_000_000)))
            if process.isRunning { killedWhileRunning += 1 }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = FixtureCase.snapshot(site.output)
            #expect(after == sites["a"] || after == sites["b"], "run \(index): output/ is neither the old nor the new site (\(after.count) files)")
            let entries = try FileManager.default.contentsOfDirectory(atPath: site.root.path)
            if entries.contains(where: { $0.hasPrefix(".output.") }) { stagingLeft += 1 }

            try runToEnd(site)
            #expect(FixtureCase.snapshot(site.output) == sites[version])
            let left = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".output.") }
            #expect(left.isEmpty, "run \(index): \(left)")
        }
        // The kills landed in the middle of builds, not only before or after them.
        #expect(killedWhileRunning >= 20, "\(killedWhileRunning) of \(runs) kills hit a running build")
        #expect(stagingLeft > 0, "no kill left a staging folder")
        print("killed builds: \(runs) runs, build \(String(format: "%.2f", buildTime)) s, \(killedWhileRunning) killed while running, \(stagingLeft) left a staging folder")
    }
}

@Suite("PDF printer")
struct PDFPrinterTimeoutTests {
    /// A stand-in for Chromium: a shell script.
    func fakeBrowser(_ script: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent("chromium")
        try Data("#!/bin/sh\n\(script)\n".utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }

    @Test func aBrowserThatHangsIsStoppedAndTheErrorNamesThePage() throws {
        let folder = temporaryFolder("indsats-pdf-timeout")
        defer { try? FileManager.default.removeItem(at: folder) }
        let pidFile = folder.appendingPathComponent("pid")
        let browser = try fakeBrowser("echo $$ > '\(pidFile.path)'; exec sleep 30", in: folder)
        let printer = PDFPrinter(chromium: browser, timeout: 1)
        let job = PDFPrinter.Job(page: folder.appendingPathComponent("index.html"), pdf: folder.appendingPathComponent("a.pdf"), name: "bilag/oversigt/index.html")
        let start = Date()
        let failures = printer.print([job])
        #expect(Date().timeIntervalSince(start) < 10)
        #expect(failures == [
            "bilag/oversigt/index.html: Chromium did not finish printing the page within 1 second and was stopped (try again; if it happens again, build without --pdf)",
        ])
        let pid = try #require(Int32(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(pid, 0) == -1 && errno == ESRCH, "the browser still runs")
    }

    @Test func aBrowserThatFailsIsReportedWithThePageAndItsLastWords() throws {
        let folder = temporaryFolder("indsats-pdf-fails")
        defer { try? FileManager.default.removeItem(at: folder) }
        let browser = try fakeBrowser("echo 'cannot open display' >&2; exit 3", in: folder)
        let job = PDFPrinter.Job(page: folder.appendingPathComponent("index.html"), pdf: folder.appendingPathComponent("a.pdf"), name: "statusrapporter/2009/index.html")
        #expect(PDFPrinter(chromium: browser).print([job]) == ["statusrapporter/2009/index.html: Chromium could not print the page (exit 3): cannot open display"])
    }
}
