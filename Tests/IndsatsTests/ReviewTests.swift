import Foundation
import IndsatsSite
import Testing

/// With `review: true` (the default) a report page marks a declared total that its rows do not
/// add up to with a letter and a note under the table; with `review: false` the page shows only
/// the printed figures.
@Suite("Reviewer mode")
struct ReviewTests {
    func site(review: Bool) throws -> URL {
        let folder = try copyOfFixture("valid-site", appendingToConfig: review ? nil : "review: false\n")
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
        // The printed 2,5 stays, marked "a", and the note says what the rows give.
        #expect(page.contains("2,5 a "))
        #expect(page.contains("a «Indsatser» for 2009 er trykt som 2,5, men rækkerne giver 2,0 (forskel 0,5). Tallet er gengivet som trykt."))
        #expect(read(built.output, "statusrapporter/2009/index.html").contains("href=\"#afvigelse-a\""))
    }

    @Test func withoutReviewOnlyThePrintedFiguresShow() throws {
        let root = try site(review: false)
        defer { try? FileManager.default.removeItem(at: root.deletingLastPathComponent()) }
        let built = buildSite(root)
        let page = visibleText(read(built.output, "statusrapporter/2009/index.html"))
        #expect(page.contains("2,5"))
        #expect(!page.contains("rækkerne giver"))
        #expect(!page.contains("afvigelse"))
    }
}
