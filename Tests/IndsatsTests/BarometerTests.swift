import Foundation
import IndsatsModel
import Testing

/// The barometer on `Fixtures/barometer`: an indicator that must rise (40 % of the distance
/// covered after 40 % of the time: on track by a hair), its breakdown, and one that must fall
/// and has reached its target.
@Suite("The barometer", .serialized)
struct BarometerTests {
    static let fixture = Repo.fixtures.appendingPathComponent("barometer")
    static let built = buildSite(fixture)
    var output: URL { Self.built.output }

    /// The first `<svg …>…</svg>` of a page.
    func svg(_ html: String) throws -> String {
        let start = try #require(html.range(of: "<svg"))
        let end = try #require(html.range(of: "</svg>", range: start.upperBound..<html.endIndex))
        return String(html[start.lowerBound..<end.upperBound])
    }

    @Test func buildsWithoutDiagnostics() {
        #expect(Self.built.report.diagnostics.all.isEmpty, "\(Self.built.report.diagnostics.all)")
    }

    @Test func statusFollowsTheWrittenRules() {
        let page = visibleText(read(output, "barometer/beskaeftigelse/index.html"))
        #expect(page.contains("4 af 10 procentpoint (40 pct. af afstanden; tid gået: 40 pct.)"))
        #expect(page.contains("På rette vej"))
        #expect(page.contains("Ændring siden forrige måling +2 procentpoint siden 1. januar 2011"))
        let falling = visibleText(read(output, "barometer/udsatte-omraader/index.html"))
        #expect(falling.contains("-3 af -3"))
        #expect(falling.contains("Målet er nået"))
        let dashboard = visibleText(read(output, "barometer/index.html"))
        #expect(dashboard.contains("Antal udsatte boligområder : 5 → 2 (juni 2011)"))
        // Without a numeric criterion only the direction is judged.
        #expect(dashboard.contains("Intet talmål Udvikling i den ønskede retning"))
    }

    @Test func theChartHasATitleADescriptionAndTheSameNumbersAsItsTable() throws {
        let html = read(output, "barometer/beskaeftigelse/index.html")
        let chart = try svg(html)
        #expect(chart.contains("role=\"img\""))
        #expect(chart.contains("aria-labelledby=\"graf-title graf-desc\""))
        #expect(chart.contains("<title id=\"graf-title\">Udvikling: Andel i beskæftigelse</title>"))
        #expect(chart.contains("<desc id=\"graf-desc\">Startmåling 50 pct. (1. januar 2010), seneste måling 54 pct. (1. januar 2012). Succeskriterium 60 pct. (2015). Vurdering: På rette vej. Kvinder: 45 pct. → 49 pct.</desc>"))
        // Two series, each point drawn; the breakdown differs by marker shape, not colour alone.
        #expect(chart.components(separatedBy: "<polyline").count - 1 == 2)
        #expect(chart.components(separatedBy: "<circle").count - 1 == 3 + 1)  // three points and the legend
        #expect(chart.components(separatedBy: "<rect").count - 1 == 2 + 1)
        // The table after the chart holds every number the chart draws.
        let table = visibleText(String(html[html.range(of: "</svg>")!.upperBound...]))
        #expect(table.contains("Tidspunkt Type Alle Kvinder"))
        #expect(table.contains("1. januar 2010 Startmåling 50 pct. 45 pct."))
        #expect(table.contains("1. januar 2011 Måling 52 pct. –"))
        #expect(table.contains("1. januar 2012 Måling 54 pct. 49 pct."))
    }

    @Test func theTableShowsEachIndicatorsFiguresWithTheDecimalsOfItsTarget() throws {
        let site = try copyOfFixture("barometer")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let file = site.appendingPathComponent("content/indikatorer/beskaeftigelse.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "target: {value: \"60\",", with: "target: {value: \"60,0\",")
            .write(to: file, atomically: true, encoding: .utf8)
        let edited = buildSite(site)
        #expect(!edited.report.diagnostics.hasErrors)
        let html = read(edited.output, "barometer/beskaeftigelse/index.html")
        let table = visibleText(String(html[html.range(of: "</svg>")!.upperBound...]))
        // The indicator's own series as its figures and chart show it; the breakdown keeps its own.
        #expect(table.contains("1. januar 2010 Startmåling 50,0 pct. 45 pct."))
        #expect(table.contains("1. januar 2012 Måling 54,0 pct. 49 pct."))
        #expect(try svg(html).contains(">54,0 pct.</text>"))
    }

    @Test func anActivityLinksToItsIndicatorWithTheIndicatorsDecimals() throws {
        let site = try copyOfFixture("valid-site")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let file = site.appendingPathComponent("content/indikatorer/beskaeftigelse.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "{value: \"59,90\",", with: "{value: \"59,9\",")
            .write(to: file, atomically: true, encoding: .utf8)
        let edited = buildSite(site)
        #expect(!edited.report.diagnostics.hasErrors)
        // «59,90» as the indicator's page shows it beside «54,40» and «64,00», not «59,9».
        #expect(visibleText(read(edited.output, "barometer/beskaeftigelse/index.html")).contains("59,90 pct."))
        #expect(visibleText(read(edited.output, "projektbank/vaertsprogram/index.html")).contains("59,90 pct. (august 2008)"))
    }

    @Test func changingAMeasurementChangesStatusProgressAndChart() throws {
        let site = try copyOfFixture("barometer")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let file = site.appendingPathComponent("content/indikatorer/beskaeftigelse.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "{value: \"54\", date: 2012-01-01}", with: "{value: \"53\", date: 2012-01-01}")
            .write(to: file, atomically: true, encoding: .utf8)
        let edited = buildSite(site)
        #expect(!edited.report.diagnostics.hasErrors)
        let before = read(output, "barometer/beskaeftigelse/index.html")
        let after = read(edited.output, "barometer/beskaeftigelse/index.html")
        #expect(visibleText(after).contains("3 af 10 procentpoint (30 pct. af afstanden; tid gået: 40 pct.)"))
        #expect(visibleText(after).contains("Ikke på rette vej"))
        #expect(!visibleText(after).contains("På rette vej"))
        let (chartBefore, chartAfter) = (try svg(before), try svg(after))
        #expect(chartAfter != chartBefore)
        #expect(chartAfter.contains(">53 pct.</text>"))
        #expect(chartAfter.contains("Vurdering: Ikke på rette vej."))
        let points = { (chart: String) in chart.components(separatedBy: "points=\"")[1].components(separatedBy: "\"")[0] }
        #expect(points(chartBefore).split(separator: " ").dropLast() == points(chartAfter).split(separator: " ").dropLast())
        #expect(points(chartBefore).split(separator: " ").last != points(chartAfter).split(separator: " ").last)
    }

    @Test func eachUpdateKeepsAPageAsOfItsDate() {
        let first = visibleText(read(output, "barometer/udgave/2011-01-01/index.html"))
        #expect(first.contains("Integrationsbarometeret pr. 1. januar 2011"))
        #expect(first.contains("52 pct."))
        #expect(!first.contains("54 pct."))
        // The housing count was first measured later: no measurement yet on that day.
        #expect(first.contains("Ingen måling endnu"))
        let latest = visibleText(read(output, "barometer/udgave/2012-01-01/index.html"))
        #expect(latest.contains("54 pct."))
        #expect(files(in: output).filter { $0.hasPrefix("barometer/udgave/") } == [
            "barometer/udgave/2011-01-01/index.html", "barometer/udgave/2011-06-01/index.html", "barometer/udgave/2012-01-01/index.html",
        ])
    }

    @Test func theNumbersCanBeDownloaded() throws {
        let bytes = try Data(contentsOf: output.appendingPathComponent("barometer/beskaeftigelse/indikator.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let csv = try #require(String(data: bytes.dropFirst(3), encoding: .utf8))
        #expect(csv.hasPrefix("indikator;titel;tidspunkt;dato;type;vaerdi;vaerdi_dk;enhed\r\n"))
        #expect(csv.contains("beskaeftigelse;Andel i beskæftigelse;1. januar 2012;2012-01-01;måling;54;54;pct\r\n"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(read(output, "barometer/beskaeftigelse/indikator.json").utf8)) as? [String: Any])
        #expect(json["status"] as? String == "onTrack")
        #expect((json["fremdrift"] as? NSNumber)?.decimalValue == Decimal(string: "0.4"))
    }

    @Test func progressFollowsTheDirection() {
        let day = { (text: String) in Day(iso: text)! }
        var indicator = Indicator(
            slug: "x", source: SourceLocation(path: "x"), title: "X", unit: .percent, direction: .decrease,
            baseline: IndicatorMeasurement(value: Amount(Decimal(string: "49.5")!, scale: 1), date: day("2008-01-01")),
            measurements: [IndicatorMeasurement(value: Amount(Decimal(string: "42.1")!, scale: 1), date: day("2009-01-01"))],
            target: Target(value: Amount(Decimal(string: "44.55")!, scale: 2), date: day("2010-01-01")))
        #expect(IndicatorProgress(indicator).status == .achieved)
        indicator.measurements = [IndicatorMeasurement(value: Amount(Decimal(string: "51")!, scale: 0), date: day("2009-01-01"))]
        let rising = IndicatorProgress(indicator)
        #expect(rising.status == .notOnTrack)
        #expect(rising.progress! < 0)
    }
}
