import Foundation
@testable import IndsatsRender
import IndsatsModel
import Testing

/// The number rule and the version rule at the level of the functions that apply them (the
/// shipped site's pages are checked in `ShippedSiteTests`).
@Suite("Numbers and versions as readers expect")
struct NumberRuleTests {
    @Test func everyAxisLabelIsTheExactValueOfItsGridLine() {
        // Steps of 2,5 (57,5 was labelled 58), 0,2, 0,05 and 250 among them.
        for (low, high) in [(54.4, 64.0), (6.4, 7.1), (25.6, 27.9), (0.12, 0.37), (48.5, 63.9), (1.0, 1242.0), (9.54, 10.7)] {
            let ticks = IndicatorChart.ticks(min: low, max: high)
            let step = ticks[1] - ticks[0]
            for tick in ticks {
                let label = IndicatorChart.label(tick, step: step)
                let value = Double(label.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "."))!
                #expect(abs(value - tick) < 1e-9, "\(label) labels the grid line at \(tick)")
            }
        }
    }

    @Test func whatANewerSourceDoesNotRestateIsNamedAndNeverReportedAsRemoved() {
        let here = SourceLocation(path: "content/aktiviteter/a.md")
        var older = ActivityVersion(
            budget: YearCells([2011: BudgetCell(.amount(Amount(Decimal(string: "0.7")!, scale: 1)))]),
            total: Declared(Money(Amount(Decimal(string: "1.5")!, scale: 1), .millionKroner), at: here),
            goals: [Goal(text: "Min. 150 match", target: Amount(150))], location: here)
        older.stated = Set(VersionField.allCases)
        // An overview row: a budget, nothing of goals or economy in words.
        var row = ActivityVersion(budget: YearCells([2018: BudgetCell(.amount(Amount(Decimal(string: "1.5")!, scale: 1)))]), location: here)
        row.stated = [.budget, .summary]
        let changes = VersionDiff.changes(from: older, to: row, unit: .millionKroner)
        #expect(changes == ["Budget (mio. kr.): 2011: 0,7 → 2018: 1,5"])
        #expect(VersionDiff.notRestated(in: row) == [.economy, .goals, .partners, .contact, .body])
    }

    @Test func aStatusNoteForAnOlderVersionShowsNeitherTodaysStatusNorItsTags() {
        let built = buildSite(Repo.fixtures.appendingPathComponent("golden-site"))
        // The status note describes the version of 6 December 2010; the activity is now "Igangværende".
        let note = visibleText(read(built.output, "bilag/status-vaertsprogram/index.html"))
        #expect(!note.contains("Igangværende"))
        #expect(!note.contains("frivillige netværk"))
        let current = visibleText(read(built.output, "projektbank/vaertsprogram/index.html"))
        #expect(current.contains("Status Igangværende"))
        // Each version has its page; the fact list has no blank lines where fields are absent.
        let html = read(built.output, "projektbank/vaertsprogram/version/2010-12-06/index.html")
        #expect(!html.contains("\n\n<div><dt>"))
        #expect(!visibleText(html).contains("Igangværende"))
    }
}
