import Foundation
import IndsatsModel
import IndsatsSite
import Testing

@Suite("Fixture sites: the valid one builds, each invalid one gives its diagnostics")
struct FixtureSiteTests {
    static let invalidCases: [String] = {
        let folder = Repo.fixtures.appendingPathComponent("invalid")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { isDirectory(folder.appendingPathComponent($0)) }.sorted()
    }()

    @Test func theValidFixtureBuildsWithoutDiagnostics() {
        let (report, output) = buildSite(Repo.fixtures.appendingPathComponent("valid-site"))
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        #expect(report.diagnostics.all.isEmpty, "\(report.diagnostics.all)")
        #expect(files(in: output).contains("projektbank/vaertsprogram/index.html"))
        #expect(files(in: output).contains("assets/style.css"))
    }

    @Test func thereAreInvalidCases() {
        #expect(Self.invalidCases.count >= 8)
    }

    /// Each case folder (`Fixtures/invalid/<case>/`) is a site, read as `check` and `build` read
    /// it, and `expected.txt`, the diagnostics both print, one a line, sorted as printed:
    /// - `content/` (optional): the content;
    /// - `indsats.yml` (optional): the configuration; without one, `invalid/indsats.yml`;
    /// - `templates/` (optional): files laid over a copy of the repository's templates;
    /// - `arkiv/` (optional): the report archive;
    /// - `output` (optional): the output folder, relative to the site's folder (`build
    ///   --output`); without one, `output/`, holding a small earlier site;
    /// - `extra/` (optional): files and folders copied into the site's folder as they are
    ///   (what is already where the output should go).
    ///
    /// With an error among the diagnostics, nothing may be written: the previous `output/`
    /// (with `output`, everything in and around the site) stays as it was. With warnings only,
    /// the build succeeds. Either way no source file changes and no staging folder is left.
    /// `check` writes nothing, so it prints every expected line but those about the output
    /// (the lines that start with the output's path).
    @Test(arguments: invalidCases)
    func anInvalidSiteIsReportedWithFileLineAndFieldAndNothingIsWritten(_ name: String) throws {
        let caseFolder = Repo.fixtures.appendingPathComponent("invalid/\(name)")
        let scratch = temporaryFolder("indsats-invalid")
        defer { try? FileManager.default.removeItem(at: scratch) }
        let root = try FixtureCase.lay(caseFolder, into: scratch)
        let named = try? String(contentsOf: caseFolder.appendingPathComponent("output"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let output = root.appendingPathComponent(named ?? "output").standardizedFileURL
        // A previous site that a failed build must leave as it was (with `output`, everything
        // in the scratch folder).
        let watched = named == nil ? output : scratch
        if named == nil { _ = try FixtureCase.earlierSite(at: output) }
        let earlier = FixtureCase.snapshot(watched)
        let sources = FixtureCase.snapshot(root, except: "output")

        let expected = try String(contentsOf: caseFolder.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        let expectsErrors = expected.contains { $0.contains(": error: ") }
        let builder = SiteBuilder(root: root, output: output, templates: root.appendingPathComponent("templates"))

        let checked = builder.build(write: false)
        let aboutOutput = named.map { _ in OutputLocation(output: output, root: root, templates: builder.templates).shown + ":" }
        #expect(checked.diagnostics.sorted.map(\.description) == expected.filter { line in aboutOutput.map { !line.hasPrefix($0) } ?? true }, "check")
        let built = builder.build()
        #expect(built.diagnostics.sorted.map(\.description) == expected, "build")
        #expect(built.diagnostics.hasErrors == expectsErrors)
        if expectsErrors {
            #expect(built.files == nil)
            #expect(FixtureCase.snapshot(watched) == earlier)
        } else {
            #expect(built.files != nil)
            #expect(FixtureCase.snapshot(watched) != earlier)
        }
        #expect(FixtureCase.snapshot(root, except: "output") == sources, "a source file changed")
        for folder in [scratch, root, output.deletingLastPathComponent()] {
            let leftovers = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.contains(".building-") || $0.contains(".old-") }
            #expect(leftovers?.isEmpty != false, "\(leftovers ?? [])")
        }
    }
}

/// Lays out an invalid-fixture case as a site, and takes snapshots of folders.
enum FixtureCase {
    /// Copies the case into `scratch/site`: its content, configuration, archive, and the
    /// repository's templates with the case's own laid over them. Returns the site's folder.
    static func lay(_ caseFolder: URL, into scratch: URL) throws -> URL {
        let fm = FileManager.default
        let root = scratch.appendingPathComponent("site")
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        let config = caseFolder.appendingPathComponent("indsats.yml")
        try fm.copyItem(
            at: fm.fileExists(atPath: config.path) ? config : Repo.fixtures.appendingPathComponent("invalid/indsats.yml"),
            to: root.appendingPathComponent("indsats.yml"))
        for folder in ["content", "arkiv"] where fm.fileExists(atPath: caseFolder.appendingPathComponent(folder).path) {
            try fm.copyItem(at: caseFolder.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        let extra = caseFolder.appendingPathComponent("extra")
        for entry in (try? fm.contentsOfDirectory(atPath: extra.path)) ?? [] {
            try fm.copyItem(at: extra.appendingPathComponent(entry), to: root.appendingPathComponent(entry))
        }
        let templates = root.appendingPathComponent("templates")
        try fm.copyItem(at: Repo.templates, to: templates)
        let overlay = caseFolder.appendingPathComponent("templates")
        for file in files(in: overlay) {
            let target = templates.appendingPathComponent(file)
            try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? fm.removeItem(at: target)
            try fm.copyItem(at: overlay.appendingPathComponent(file), to: target)
        }
        return root
    }

    /// A small previous site at `output`, as a build leaves it (with the marker); returns its
    /// snapshot.
    static func earlierSite(at output: URL) throws -> [String: Data] {
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("earlier".utf8).write(to: output.appendingPathComponent("index.html"))
        try Data().write(to: output.appendingPathComponent(OutputLocation.markerName))
        return snapshot(output)
    }

    /// Every file below `folder` with its bytes, and every folder (as `path/`), skipping the
    /// top-level entry `except`.
    static func snapshot(_ folder: URL, except: String? = nil) -> [String: Data] {
        var result: [String: Data] = [:]
        let all = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        for path in all where except == nil || !(path == except! || path.hasPrefix(except! + "/")) {
            let url = folder.appendingPathComponent(path)
            result[isDirectory(url) ? path + "/" : path] = isDirectory(url) ? Data() : try? Data(contentsOf: url)
        }
        return result
    }
}

@Suite("Totals a document declares are recomputed")
struct TotalsTests {
    func amount(_ text: String) -> Amount { try! NumberParser.parse(text).get() }
    let here = SourceLocation(path: "content/statusrapporter/2009.md", line: 10)

    func cells(_ values: [Int: String]) -> YearCells {
        YearCells(values.mapValues { $0 == "-" ? BudgetCell(.empty(printed: "-")) : BudgetCell(.amount(amount($0))) })
    }

    func report(rows: [[Int: String]], subtotal: [Int: String], total: String) -> SiteContent {
        let economy = EconomicOverview(
            title: nil, years: [2008, 2009],
            sections: [.init(
                title: "Indsatser",
                subtotal: .init(label: "Indsatser", values: cells(subtotal), total: BudgetCell(.amount(amount(total))), location: here),
                rows: rows.enumerated().map { .init(label: "Række \($0.offset + 1)", values: cells($0.element), location: here) })],
            total: nil, footnotes: [])
        let config = SiteConfig(title: "T", source: SourceLocation(path: "indsats.yml"))
        return SiteContent(config: config, reports: [StatusReport(source: here, year: 2009, title: "R", economy: economy)])
    }

    @Test func aSubtotalThatMatchesItsRowsGivesNoDiagnostic() {
        let content = report(rows: [[2008: "6,9", 2009: "6,9"], [2008: "8,5", 2009: "-"]], subtotal: [2008: "15,4", 2009: "6,9"], total: "22,3")
        #expect(SiteValidator.validate(content).all.isEmpty)
    }

    @Test func aSubtotalThatDiffersIsReportedWithBothFigures() {
        let content = report(rows: [[2008: "6,9", 2009: "6,9"], [2008: "8,5", 2009: "2,0"]], subtotal: [2008: "15,4", 2009: "10,9"], total: "26,3")
        let messages = SiteValidator.validate(content).all.map(\.description)
        #expect(messages == [
            "content/statusrapporter/2009.md:10:1: warning: values.2009: the subtotal of \"Indsatser\" for 2009 is printed as 10,9, but its rows add up to 8,9 (difference 2,0)",
            "content/statusrapporter/2009.md:10:1: warning: total: the subtotal of \"Indsatser\" across the years is printed as 26,3, but its rows add up to 24,3 (difference 2,0)",
        ])
    }
}

/// `--root` that names no site: the error says what the folder is instead.
@Suite("Site folder: a root that is no site is named for what it is")
struct SiteFolderTests {
    func errors(root: URL) -> [String] {
        let output = temporaryFolder("indsats-output").appendingPathComponent("output")
        defer { try? FileManager.default.removeItem(at: output.deletingLastPathComponent()) }
        return SiteBuilder(root: root, output: output, templates: Repo.templates).build(write: false)
            .diagnostics.errors.map(\.description)
    }

    @Test func aFolderWithoutIndsatsYmlIsNamedAsNotASite() {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(errors(root: folder) == [
            "indsats.yml:1:1: error: \(folder.path) has no indsats.yml, so it is not a site's folder (run indsats in the site's folder, which holds indsats.yml, content/ and templates/, or name it with --root)",
        ])
    }

    @Test func aRootThatIsAFileOrMissingIsNamedSo() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("indsats.yml")
        try Data("title: x\n".utf8).write(to: file)
        #expect(errors(root: file).first?.contains("\(file.path) is a file, not a site's folder") == true)
        let missing = folder.appendingPathComponent("missing")
        #expect(errors(root: missing).first?.contains("there is no folder \(missing.path)") == true)
    }

    @Test func aConfigurationNotInUTF8PointsAtTheCharacter() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Array("title: K".utf8) + [0xF8] + Array("benhavn\n".utf8)).write(to: folder.appendingPathComponent("indsats.yml"))
        #expect(errors(root: folder).first?.hasPrefix("indsats.yml:1:9: error: the file is not UTF-8 text") == true)
    }
}
