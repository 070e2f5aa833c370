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
        #expect(report.diagnostics.all.isEmpty, "\(report.diagnostics.all)")
        #expect(files(in: output).contains("projektbank/vaertsprogram/index.html"))
        #expect(files(in: output).contains("assets/style.css"))
    }

    @Test func thereAreInvalidCases() {
        #expect(Self.invalidCases.count >= 8)
    }

    /// Each case folder holds `content/` and `expected.txt`, the diagnostics `check` prints.
    @Test(arguments: invalidCases)
    func anInvalidSiteIsReportedWithFileLineAndFieldAndNothingIsWritten(_ name: String) throws {
        let caseFolder = Repo.fixtures.appendingPathComponent("invalid/\(name)")
        let root = temporaryFolder("indsats-invalid")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(at: Repo.fixtures.appendingPathComponent("invalid/indsats.yml"), to: root.appendingPathComponent("indsats.yml"))
        try FileManager.default.copyItem(at: caseFolder.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
        // A previous site that a failed build must leave as it was.
        let output = root.appendingPathComponent("output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("earlier".utf8).write(to: output.appendingPathComponent("index.html"))

        let report = SiteBuilder(root: root, output: output, templates: Repo.templates).build()
        let expected = try String(contentsOf: caseFolder.appendingPathComponent("expected.txt"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
        #expect(report.diagnostics.sorted.map(\.description) == expected)
        #expect(report.diagnostics.hasErrors)
        #expect(report.files == nil)
        #expect(read(output, "index.html") == "earlier")
        #expect(files(in: output) == ["index.html"])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".output") }
        #expect(leftovers.isEmpty)
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
