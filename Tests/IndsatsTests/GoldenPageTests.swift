import Foundation
import IndsatsModel
import IndsatsRender
import IndsatsSite
import Testing

/// One committed, reviewed output file per page kind, built from the `golden-site` fixture and
/// compared byte for byte. `scripts/update-golden` rewrites them (it sets
/// `INDSATS_UPDATE_GOLDEN=1`); their diff is reviewed like code.
@Suite("Golden pages: each page kind renders exactly as reviewed")
struct GoldenPageTests {
    static let fixture = "golden-site"
    static let folder = Repo.root.appendingPathComponent("Tests/IndsatsTests/Golden/\(fixture)")
    /// A fixed build day, so that nothing depends on the clock.
    static let buildDay = Day(year: 2026, month: 12, day: 1)!

    /// The files kept, one per kind of page or data file.
    static let paths = [
        "index.html",                                 // home
        "projektbank/index.html",                     // project bank list
        "projektbank/emne/frivillige/index.html",     // a facet page
        "projektbank/emner/index.html",               // tags
        "projektbank/data/index.html",                // open data
        "projektbank/efter-budget/index.html",        // sorted by budget
        "projektbank/vaertsprogram/index.html",       // activity
        "barometer/index.html",                       // barometer
        "barometer/udgave/2008-08-01/index.html",     // a barometer edition
        "barometer/beskaeftigelse/index.html",        // indicator
        "bilag/index.html",                           // annex list
        "bilag/oversigt/index.html",                  // annex: overview
        "bilag/vaertsprogram-2011/index.html",        // annex: description
        "bilag/status-vaertsprogram/index.html",      // annex: status note
        "statusrapporter/index.html",                 // report list
        "statusrapporter/2009/index.html",            // report
        "tilgaengelighed/index.html",                 // accessibility statement
        "soeg/index.html",                            // search
        "soeg/t/vae.js",                              // a shard of the search index
        "soeg/d/0.js",                                // the search index's first documents
        "projektbank/projektbank.csv",                // a CSV file
        "projektbank/projektbank.json",               // a JSON file
        "projektbank/aendringer.xml",                 // the feed
        "sitemap.xml",                                // the sitemap
    ]

    static var updating: Bool { ProcessInfo.processInfo.environment["INDSATS_UPDATE_GOLDEN"] == "1" }

    /// The first line where `actual` differs from `expected`, told for a reader.
    static func firstDifference(_ expected: String, _ actual: String, path: String) -> String? {
        guard expected != actual else { return nil }
        let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let line = want.indices.first { $0 >= got.count || want[$0] != got[$0] } ?? want.count
        let shown = { (lines: [Substring]) in line < lines.count ? "\"\(lines[line])\"" : "(end of file)" }
        return "\(path):\(line + 1): expected \(shown(want)), got \(shown(got)) (if the change is meant, run scripts/update-golden and review the diff)"
    }

    @Test func everyPageKindMatchesItsGoldenFileByteForByte() throws {
        let output = temporaryFolder("indsats-golden").appendingPathComponent("output")
        let builder = SiteBuilder(
            root: Repo.fixtures.appendingPathComponent(Self.fixture), output: output, templates: Repo.templates,
            options: RenderOptions(today: Self.buildDay))
        let report = builder.build()
        #expect(report.diagnostics.sorted.map(\.description) == [])
        let written = Set(report.files ?? [])
        if Self.updating {
            try? FileManager.default.removeItem(at: Self.folder)
        }
        for path in Self.paths {
            #expect(written.contains(path), "the fixture no longer makes \(path)")
            let actual = try Data(contentsOf: output.appendingPathComponent(path))
            let golden = Self.folder.appendingPathComponent(path)
            if Self.updating {
                try FileManager.default.createDirectory(at: golden.deletingLastPathComponent(), withIntermediateDirectories: true)
                try actual.write(to: golden)
            }
            let expected = try #require(try? Data(contentsOf: golden), "\(path) has no golden file (run scripts/update-golden)")
            if expected != actual {
                let difference = Self.firstDifference(String(decoding: expected, as: UTF8.self), String(decoding: actual, as: UTF8.self), path: path)
                Issue.record(Comment(rawValue: difference ?? "\(path): the bytes differ"))
            }
        }
        // No golden file is left over from a page kind no longer listed.
        #expect(files(in: Self.folder) == Self.paths.sorted())
    }

    @Test func aDifferenceIsShownAtItsFirstDifferingLine() {
        #expect(Self.firstDifference("a\nb\nc\n", "a\nb\nc\n", path: "x.html") == nil)
        #expect(Self.firstDifference("a\nb\nc\n", "a\nB\nc\n", path: "x.html")?.hasPrefix("x.html:2: expected \"b\", got \"B\"") == true)
        #expect(Self.firstDifference("a\n", "a\nmore\n", path: "x.html")?.hasPrefix("x.html:2: expected \"\", got \"more\"") == true)
        #expect(Self.firstDifference("a", "a\n", path: "x.html")?.hasPrefix("x.html:2: expected (end of file), got \"\"") == true)
    }
}
