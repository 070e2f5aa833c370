import Foundation
import IndsatsModel
import IndsatsRender
import IndsatsSite
import Testing

/// What the validator checks across dates, periods, breakdowns and annexes, on content made
/// in memory, with a fixed build day.
@Suite("Dates, periods, breakdowns and annexes make sense together")
struct ConsistencyTests {
    let config = SiteConfig(
        title: "T", committees: [.init(id: "BIU", name: "Udvalget")], administrations: [.init(id: "BIF", name: "Forvaltningen")],
        areas: ["Job"], source: SourceLocation(path: "indsats.yml"))

    func day(_ iso: String) -> Day { Day(iso: iso)! }

    func indicator(_ slug: String, measured: [String] = [], breakdowns: [String] = []) -> Indicator {
        let path = "content/indikatorer/\(slug).md"
        return Indicator(
            slug: slug, source: SourceLocation(path: path), title: slug, unit: .percent, direction: .increase,
            baseline: IndicatorMeasurement(value: Amount(50, scale: 0), date: day("2007-04-01")),
            measurements: measured.map { IndicatorMeasurement(value: Amount(55, scale: 0), date: day($0)) },
            breakdowns: breakdowns.enumerated().map { Breakdown(label: $0.element, indicator: Reference($0.element, at: SourceLocation(path: path, line: 8 + $0.offset, column: 20))) })
    }

    func messages(_ content: SiteContent, today: String? = nil) -> [String] {
        SiteValidator.validate(content, today: today.map(day)).sorted.map(\.description)
    }

    @Test func aMeasurementIsInTheFutureOnlyAfterTheBuildDay() {
        let content = SiteContent(config: config, indicators: [indicator("i", measured: ["2008-08-01", "2009-03-05"])])
        #expect(messages(content, today: "2009-03-05").isEmpty)
        #expect(messages(content, today: "2009-03-04") == [
            "content/indikatorer/i.md:1:1: warning: measurements.2.date: the measurement is dated 2009-03-05, in the future (check the year; it is shown as written, and the barometer gets an edition for that day)"
        ])
        #expect(messages(content).isEmpty, "without a build day, dates are not compared with it")
    }

    /// The build day changes warnings, never what is written.
    @Test func theBuildDayDoesNotChangeTheOutput() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        var outputs: [[String: Data]] = []
        for today in ["2000-01-01", "2030-01-01"] {
            let output = site.appendingPathComponent("output-\(today)")
            let report = SiteBuilder(root: site, output: output, templates: Repo.templates, options: RenderOptions(today: day(today))).build()
            #expect(report.diagnostics.hasErrors == false)
            #expect(report.diagnostics.warnings.isEmpty == (today == "2030-01-01"))
            outputs.append(FixtureCase.snapshot(output))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].keys.contains("barometer/udgave/2008-08-01/index.html"))
    }

    @Test func aCircleOfThreeBreakdownsIsReportedOnceFromItsFirstIndicator() {
        let content = SiteContent(config: config, indicators: [
            indicator("c", breakdowns: ["a"]), indicator("b", breakdowns: ["x", "c"]), indicator("a", breakdowns: ["b"]), indicator("x"),
        ])
        #expect(messages(content) == [
            "content/indikatorer/a.md:8:20: error: breakdowns: the breakdowns go round in a circle: a → b → c → a (an indicator cannot be broken down into itself through others; remove one of these breakdowns)",
        ])
    }

    @Test func breakdownsThatShareAnIndicatorWithoutACircleAreFine() {
        let content = SiteContent(config: config, indicators: [
            indicator("alle", breakdowns: ["kvinder", "maend"]), indicator("kvinder", breakdowns: ["unge"]), indicator("maend", breakdowns: ["unge"]), indicator("unge"),
        ])
        #expect(messages(content).isEmpty)
    }

    @Test func anIndicatorBrokenDownIntoItselfAndInACircleGivesOneErrorEach() {
        let content = SiteContent(config: config, indicators: [indicator("a", breakdowns: ["a", "b"]), indicator("b", breakdowns: ["a"])])
        #expect(messages(content) == [
            "content/indikatorer/a.md:8:20: error: breakdowns: the indicator is broken down into itself (a breakdown names another indicator, such as the figure for women or men)",
            "content/indikatorer/a.md:9:20: error: breakdowns: the breakdowns go round in a circle: a → b → a (an indicator cannot be broken down into itself through others; remove one of these breakdowns)",
        ])
    }

    func activity(period: Period) -> Activity {
        let here = SourceLocation(path: "content/aktiviteter/a.md")
        return Activity(
            slug: "a", source: here, title: "A", administration: Reference("BIF", at: here), area: Reference("Job", at: here),
            period: period, current: ActivityVersion(location: here))
    }

    @Test func aPeriodIsReversedOnlyWhenItsEndIsBeforeItsStart() {
        let fine: [Period] = [
            Period(start: .year(2011), end: .year(2011)),
            Period(start: .day(day("2014-05-01")), end: .year(2014)),
            Period(start: .year(2014), end: .day(day("2014-01-01"))),
            Period(start: .day(day("2014-05-01")), end: .day(day("2014-05-01"))),
            Period(start: .year(2014), end: nil),
        ]
        for period in fine { #expect(messages(SiteContent(config: config, activities: [activity(period: period)])).isEmpty, "\(period)") }
        let reversed = SiteContent(config: config, activities: [activity(period: Period(start: .day(day("2014-05-01")), end: .day(day("2014-04-30"))))])
        #expect(messages(reversed) == [
            "content/aktiviteter/a.md:1:1: error: period: the period ends (2014-04-30) before it starts (2014-05-01) (write the start first: {start: 2014-04-30, end: 2014-05-01}, if they were swapped)"
        ])
    }

    func annex(_ slug: String, number: String, committee: String = "BIU", date: String?) -> Annex {
        let here = SourceLocation(path: "content/bilag/\(slug).md")
        return Annex(slug: slug, source: here, number: number, title: "Bilag", committee: Reference(committee, at: here), date: date.map(day), kind: .overview)
    }

    @Test func annexesAreDuplicatesOnlyWithTheSameNumberCommitteeAndDate() {
        let distinct = SiteContent(config: config, annexes: [
            annex("a", number: "1", date: nil), annex("b", number: "1", date: "2010-12-06"), annex("c", number: "1", date: "2011-04-07"),
            annex("d", number: "2", date: "2011-04-07"),
        ])
        #expect(messages(distinct).isEmpty)
        let undated = SiteContent(config: config, annexes: [annex("a", number: "1", date: nil), annex("b", number: "1", date: nil)])
        #expect(messages(undated) == [
            "content/bilag/b.md:1:1: error: number: content/bilag/a.md is already annex 1 to BIU, without a date (give each annex to a committee its own number, or correct the date)"
        ])
    }
}
