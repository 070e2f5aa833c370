import Foundation
import IndsatsLoad
import IndsatsModel
import IndsatsRender
import IndsatsSite
import Testing

/// `indsats new`: what it writes passes `check` in the shipped site, it never overwrites, and
/// it refuses titles and administrations it cannot use, saying why.
@Suite("indsats new: a new file for each kind that check accepts")
struct NewContentTests {
    static let today = Day(year: 2026, month: 12, day: 1)!

    /// A copy of the shipped site (configuration, content, archive) in a scratch folder.
    func shippedSite() throws -> URL {
        let root = temporaryFolder("indsats-new").appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for item in ["indsats.yml", "content", "arkiv"] {
            try FileManager.default.copyItem(at: Repo.root.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        return root
    }

    /// What `check` reports for the site at `root`, on the test's fixed day.
    func check(_ root: URL) -> Diagnostics {
        SiteBuilder(root: root, templates: Repo.templates, options: RenderOptions(today: Self.today)).build(write: false).diagnostics
    }

    @Test(arguments: NewContent.Kind.allCases)
    func aNewFileOfEachKindPassesCheckWithNoNewWarnings(kind: NewContent.Kind) throws {
        let root = try shippedSite()
        let before = check(root)
        let (path, problems) = NewContent.write(kind, title: "Grønne gårde på Østerbro", administration: "BUF", today: Self.today, root: root)
        #expect(problems.all.isEmpty, "\(problems.all)")
        let written = try #require(path)
        let slug = kind == .report ? "2026" : "groenne-gaarde-paa-oesterbro"
        #expect(written == "content/\(kind.folder.rawValue)/\(slug).md")
        let text = try String(contentsOf: root.appendingPathComponent(written), encoding: .utf8)
        #expect(text.contains("title: \"Grønne gårde på Østerbro\""))
        // The first line of the front matter names the schema `indsats schema` writes for it.
        let schema = "\(kind.rawValue).schema.json"
        #expect(text.hasPrefix("---\n# yaml-language-server: $schema=../../schemas/\(schema)\n"))
        #expect(JSONSchema.all().contains { $0.name == schema })
        let after = check(root)
        #expect(!after.hasErrors, "\(after.errors)")
        #expect(after.warnings.map(\.description) == before.warnings.map(\.description))
    }

    @Test func theNewFileIsReadWithTheAdministrationAndTodayFilledIn() throws {
        let root = try shippedSite()
        let (path, _) = NewContent.write(.activity, title: "Æblehaven i Ørestad", administration: "BUF", today: Self.today, root: root)
        #expect(path == "content/aktiviteter/aeblehaven-i-oerestad.md")
        let text = try String(contentsOf: root.appendingPathComponent(try #require(path)), encoding: .utf8)
        #expect(text.contains("\nadministration: BUF "))
        #expect(text.contains("\ndate: 2026-12-01 "))
        #expect(text.contains("\narea: \"Job og uddannelse\" "))
        // Every line of the front matter but the two lines of dashes has a comment.
        let front = text.components(separatedBy: "---\n")[1].split(separator: "\n")
        #expect(front.count > 20)
        #expect(front.allSatisfy { $0.contains("# ") })
    }

    @Test func itRefusesToOverwriteAnExistingFile() throws {
        let root = try shippedSite()
        let existing = root.appendingPathComponent("content/aktiviteter/bydelsmoedre.md")
        let original = try Data(contentsOf: existing)
        let (path, problems) = NewContent.write(.activity, title: "Bydelsmødre", today: Self.today, root: root)
        #expect(path == nil)
        #expect(problems.errors.map(\.description) == [
            "content/aktiviteter/bydelsmoedre.md:1:1: error: the file already exists; indsats new does not overwrite it (edit that file, or give the new one another title)"
        ])
        #expect(try Data(contentsOf: existing) == original)
    }

    @Test func aTitleWithoutLettersOrWithAReservedNameIsRefused() throws {
        let root = try shippedSite()
        let empty = NewContent.write(.indicator, title: " – !! ", today: Self.today, root: root)
        #expect(empty.path == nil)
        #expect(empty.diagnostics.errors.first?.message.contains("no letters or digits") == true)
        let reserved = NewContent.write(.activity, title: "Status", today: Self.today, root: root)
        #expect(reserved.path == nil)
        #expect(reserved.diagnostics.errors.first?.message == "the title gives the file name \"status\", which is taken by one of the site's own pages")
        let indicator = NewContent.write(.indicator, title: "Udgave", today: Self.today, root: root)
        #expect(indicator.path == nil)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/aktiviteter/status.md").path))
    }

    @Test func anUnknownAdministrationIsAnErrorListingTheKnownOnes() throws {
        let root = try shippedSite()
        let (path, problems) = NewContent.write(.annex, title: "Oversigt", administration: "XYZ", today: Self.today, root: root)
        #expect(path == nil)
        #expect(problems.errors.map(\.description) == [
            "indsats.yml:1:1: error: administrations: --forvaltning: no administration in indsats.yml has the id \"XYZ\" (known: BIF, BUF, KFF, SOF, SUF, TMF, ØKF)"
        ])
    }

    @Test func theCommandWritesEachKindAndCheckThenExitsZero() throws {
        let root = try shippedSite()
        try FileManager.default.copyItem(at: Repo.templates, to: root.appendingPathComponent("templates"))
        let before = try runIndsats(["check", "--root", root.path])
        for kind in NewContent.Kind.allCases {
            let run = try runIndsats(["new", kind.rawValue, "Grønne gårde på Østerbro", "--forvaltning", "KFF", "--root", root.path])
            #expect(run.status == 0, "\(run.errors)")
            #expect(run.output.hasPrefix("wrote content/\(kind.folder.rawValue)/"))
            #expect(run.output.hasSuffix("next: fill in its fields, then run indsats check\n"))
        }
        let again = try runIndsats(["new", "aktivitet", "Grønne gårde på Østerbro", "--root", root.path])
        #expect(again.status == 1)
        #expect(again.errors.contains("error: the file already exists"))
        let unknown = try runIndsats(["new", "bilag", "X", "--forvaltning", "xyz", "--root", root.path])
        #expect(unknown.status == 1)
        #expect(unknown.errors.contains("known: BIF, BUF, KFF, SOF, SUF, TMF, ØKF"))
        let checked = try runIndsats(["check", "--root", root.path])
        #expect(checked.status == 0, "\(checked.errors)")
        #expect(checked.errors == before.errors, "check warns of what new wrote")
    }
}
