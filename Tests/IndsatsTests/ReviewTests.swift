import Foundation
import IndsatsSite
import Testing

/// With `review: true` a report page shows, beside a declared total that its rows do not add up
/// to, what the rows give; without it the page shows only the printed figures.
@Suite("Reviewer mode")
struct ReviewTests {
    func site(review: Bool) throws -> URL {
        let folder = try copyOfFixture("valid-site", appendingToConfig: review ? "review: true\n" : nil)
        let report = folder.appendingPathComponent("content/statusrapporter/2009.md")
        let text = try String(contentsOf: report, encoding: .utf8)
        // The subtotal for 2009 is printed as 2,5, but its one row says 2,0.
        try text.replacingOccurrences(of: "subtotal: {values: {2008: \"1,0\", 2009: \"2,0\"}", with: "subtotal: {values: {2008: \"1,0\", 2009: \"2,5\"}")
            .write(to: report, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aReviewerSeesWhatTheRowsGiveBesideThePrintedTotal() throws {
        let root = try site(review: true)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let built = buildSite(root)
        #expect(built.report.diagnostics.warnings.map(\.description) == [
            "content/statusrapporter/2009.md:16:17: warning: values.2009: the subtotal of \"Indsatser\" for 2009 is printed as 2,5, but its rows add up to 2,0 (difference 0,5)"
        ])
        let page = visibleText(read(built.output, "statusrapporter/2009/index.html"))
        #expect(page.contains("2,5 (rækkerne giver 2,0)"))
        #expect(page.contains("Gennemsyn:"))
    }

    @Test func withoutReviewOnlyThePrintedFiguresShow() throws {
        let root = try site(review: false)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let built = buildSite(root)
        let page = visibleText(read(built.output, "statusrapporter/2009/index.html"))
        #expect(page.contains("2,5"))
        #expect(!page.contains("rækkerne giver"))
    }
}
