import Foundation
import IndsatsModel
import IndsatsSite
import Testing

/// Goals of activities: floors ("min. 150 match") and ceilings ("ned på 18 pct."), the share
/// reached, the status, and results dated by a period.
@Suite("Goals: met or not, share reached, results by period")
struct GoalTests {
    func amount(_ text: String) -> Amount { try! NumberParser.parse(text).get() }

    func goal(
        target: String? = nil, direction: Goal.Direction = .increase, baseline: String? = nil,
        qualitative: Bool = false, results: [String?] = []
    ) -> Goal {
        Goal(
            text: "mål", target: target.map(amount), qualitative: qualitative, direction: direction,
            baseline: baseline.map(amount),
            results: results.map { GoalResult(value: $0.map(amount), text: $0 == nil ? "kun tekst" : nil) })
    }

    // MARK: - A floor (the default)

    @Test func aFloorIsMetAtOrAboveItsTarget() {
        #expect(goal(target: "150", results: ["151"]).isMet == true)
        #expect(goal(target: "150", results: ["150"]).isMet == true)
        #expect(goal(target: "150", results: ["149"]).isMet == false)
        #expect(goal(target: "150", results: ["150"]).status == .met)
        #expect(goal(target: "150", results: ["149"]).status == .notMet)
    }

    @Test func aFloorsShareIsResultOverTarget() {
        #expect(goal(target: "575", results: ["1242"]).shareReached == Decimal(1242) / Decimal(575))
        #expect(goal(target: "100", results: ["23"]).shareReached == Decimal(string: "0.23"))
        #expect(goal(target: "150", results: ["150"]).shareReached == 1)
        // A target of zero gives no share (no division by zero).
        #expect(goal(target: "0", results: ["3"]).shareReached == nil)
    }

    @Test func aFloorWithABaselineCountsTheWayFromIt() {
        // From 51 to 57: at 54 half the way.
        let g = goal(target: "57", baseline: "51", results: ["54"])
        #expect(g.shareReached == Decimal(string: "0.5"))
        #expect(g.isMet == false)
    }

    // MARK: - A ceiling

    @Test func aCeilingIsMetAtOrBelowItsTarget() {
        // "At kontanthjælpsgraden … kommer ned på 18 pct.", status 10,8 pct.
        #expect(goal(target: "18", direction: .decrease, results: ["10,8"]).isMet == true)
        #expect(goal(target: "18", direction: .decrease, results: ["18"]).isMet == true)
        #expect(goal(target: "18", direction: .decrease, results: ["18,1"]).isMet == false)
        #expect(goal(target: "18", direction: .decrease, results: ["10,8"]).status == .met)
        #expect(goal(target: "18", direction: .decrease, results: ["25"]).status == .notMet)
    }

    @Test func aCeilingWithoutABaselineHasNoShare() {
        // 10,8 ÷ 18 would read as "60 % of the way", which is wrong for a ceiling.
        #expect(goal(target: "18", direction: .decrease, results: ["10,8"]).shareReached == nil)
    }

    @Test func aCeilingWithABaselineCountsTheWayDown() {
        // (baseline − result) ÷ (baseline − target): from 27 down to 18, at 22,5 half the way.
        #expect(goal(target: "18", direction: .decrease, baseline: "27", results: ["22,5"]).shareReached == Decimal(string: "0.5"))
        #expect(goal(target: "18", direction: .decrease, baseline: "27", results: ["18"]).shareReached == 1)
        #expect(goal(target: "18", direction: .decrease, baseline: "27", results: ["27"]).shareReached == 0)
        // Below the target: more than all the way.
        #expect(goal(target: "18", direction: .decrease, baseline: "27", results: ["10,8"]).shareReached == Decimal(string: "1.8"))
        // Gone up: a negative share, and not met.
        let worse = goal(target: "18", direction: .decrease, baseline: "27", results: ["30"])
        #expect(worse.shareReached == Decimal(-3) / Decimal(9))
        #expect(worse.isMet == false)
        // Baseline equal to the target: no distance to divide by.
        #expect(goal(target: "18", direction: .decrease, baseline: "18", results: ["17"]).shareReached == nil)
    }

    @Test func aGoalToFallFromABaselineWithoutATargetIsMetOnlyWhenItFell() {
        // "skal falde fra udgangspunktet i marts 2007 på 27 pct.", 2008: 27 pct. (status quo).
        #expect(goal(direction: .decrease, baseline: "27", results: ["27"]).isMet == false)
        #expect(goal(direction: .decrease, baseline: "27", results: ["26"]).isMet == true)
        #expect(goal(direction: .increase, baseline: "51", results: ["52"]).isMet == true)
        #expect(goal(direction: .decrease, baseline: "27", results: ["26"]).shareReached == nil)
    }

    // MARK: - Nothing to judge

    @Test func aGoalWithoutAResultIsNotMeasured() {
        for g in [goal(target: "150"), goal(target: "18", direction: .decrease), goal(target: "150", results: [nil])] {
            #expect(g.isMet == nil)
            #expect(g.shareReached == nil)
            #expect(g.status == .notMeasured)
        }
    }

    @Test func theLatestResultWithAValueCounts() {
        let g = goal(target: "100", results: ["20", "60", nil])
        #expect(g.latestResult?.value == amount("60"))
        #expect(g.status == .notMet)
    }

    @Test func aQualitativeGoalIsJudgedOnlyWhenItHasANumber() {
        // "Der vil være fulgt op på samtlige match …": no target, no result.
        #expect(goal(qualitative: true).status == .notMeasured)
        // A result but nothing to hold it against.
        #expect(goal(qualitative: true, results: ["75"]).status == .noTarget)
        #expect(goal(qualitative: true, results: ["75"]).isMet == nil)
        // "70% … føler sig i højere grad inkluderet": a number, so it can be judged.
        #expect(goal(target: "70", qualitative: true, results: ["75"]).status == .met)
        #expect(goal(target: "70", qualitative: true, results: ["65"]).status == .notMet)
    }

    // MARK: - Reading and showing

    static let site: (report: SiteBuilder.Report, output: URL) = {
        let root = temporaryFolder("indsats-goals")
        let config = """
            title: Mål
            committees: [{id: BIU, name: Beskæftigelses- og Integrationsudvalget}]
            administrations: [{id: BIF, name: Beskæftigelses- og Integrationsforvaltningen, committee: BIU}]
            areas: [Job og uddannelse]
            """
        let activity = """
            ---
            title: Jobkonsulenter
            administration: BIF
            area: Job og uddannelse
            goals:
              - text: At kontanthjælpsgraden kommer ned på 18 pct.
                target: 18
                unit: pct
                direction: decrease
                results:
                  - {value: "10,8", label: seneste opgørelse}
              - text: Andelen skal falde fra 27 pct.
                unit: pct
                direction: decrease
                baseline: 27
                results:
                  - {value: 27, label: "2008"}
              - text: Andelen ude af forsørgelse udgør 40 % i 2008
                target: 40
                unit: pct
                results:
                  - {value: 31, label: "2008"}
              - text: Målet for 2009 er 100 gennemførte afklaringsforløb.
                target: 100
                unit: afklaringsforløb
                results:
                  - {value: 23, date: 2009-03-31}
              - text: Der oprettes en styregruppe.
                qualitative: true
            ---
            """
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("content/aktiviteter"), withIntermediateDirectories: true)
        try! Data(config.utf8).write(to: root.appendingPathComponent("indsats.yml"))
        try! Data(activity.utf8).write(to: root.appendingPathComponent("content/aktiviteter/jobkonsulenter.md"))
        return buildSite(root)
    }()

    func row(_ text: String) -> String {
        let html = read(Self.site.output, "projektbank/jobkonsulenter/index.html")
        let rows = html.components(separatedBy: "<tr>").filter { $0.contains(text) }
        return rows.first.map(visibleText) ?? ""
    }

    @Test func theGoalTableShowsACeilingItsPeriodAndTheStatusInWords() {
        #expect(!Self.site.report.diagnostics.hasErrors, "\(Self.site.report.diagnostics.errors)")
        let ceiling = row("kommer ned på 18 pct.")
        #expect(ceiling.contains("højst 18 pct."))
        #expect(ceiling.contains("10,8"))
        #expect(ceiling.contains("seneste opgørelse"))
        #expect(ceiling.contains("Nået"))
        #expect(!ceiling.contains("Ikke nået"))
        #expect(!ceiling.contains("60 pct."))

        let fall = row("skal falde fra 27 pct.")
        #expect(fall.contains("under 27 pct."))
        #expect(fall.contains("Ikke nået"))

        let floor = row("udgør 40 % i 2008")
        #expect(floor.contains("40 pct."))
        #expect(!floor.contains("højst"))
        #expect(floor.contains("31 2008"))
        #expect(floor.contains("78 pct."))
        #expect(floor.contains("Ikke nået"))

        // A result with an exact date shows the date.
        #expect(row("100 gennemførte").contains("23 31. marts 2009"))

        #expect(row("Der oprettes en styregruppe.").contains("Ingen måling"))
    }

    @Test func theStatusHasASymbolClassBesideItsWords() {
        let html = read(Self.site.output, "projektbank/jobkonsulenter/index.html")
        #expect(html.contains("<span class=\"status status-achieved\">Nået</span>"))
        #expect(html.contains("<span class=\"status status-notOnTrack\">Ikke nået</span>"))
        #expect(html.contains("<span class=\"status status-noMeasurement\">Ingen måling</span>"))
    }

    @Test func anUnknownDirectionIsAnError() throws {
        let root = temporaryFolder("indsats-goals-invalid")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/aktiviteter"), withIntermediateDirectories: true)
        try Data("""
            committees: [{id: BIU, name: Beskæftigelses- og Integrationsudvalget}]
            administrations: [{id: BIF, name: Beskæftigelses- og Integrationsforvaltningen, committee: BIU}]
            areas: [Job og uddannelse]
            """.utf8).write(to: root.appendingPathComponent("indsats.yml"))
        try Data("""
            ---
            title: A
            administration: BIF
            area: Job og uddannelse
            goals:
              - {text: Ned på 18 pct., target: 18, direction: ned}
            ---
            """.utf8).write(to: root.appendingPathComponent("content/aktiviteter/a.md"))
        let report = SiteBuilder(root: root, output: root.appendingPathComponent("output"), templates: Repo.templates).build()
        let messages = report.diagnostics.errors.map(\.description)
        #expect(messages.contains { $0.contains("direction") && $0.contains("\"ned\" is not one of increase, decrease") }, "\(messages)")
    }
}
