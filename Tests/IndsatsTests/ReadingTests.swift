import Foundation
@testable import IndsatsLoad
import IndsatsModel
import Testing

/// Loads a small site from `files` (paths under the site's folder → text) as `check` reads
/// it: the loader, then the validator. Returns the content and every diagnostic, sorted.
func loadSite(_ files: [String: String], config: String? = nil) throws -> (content: SiteContent?, messages: [String]) {
    let root = temporaryFolder("indsats-reading")
    defer { try? FileManager.default.removeItem(at: root) }
    var all = files
    all["indsats.yml"] = config ?? all["indsats.yml"] ?? ReadingTests.config
    for (path, text) in all {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
    let loaded = ContentLoader(root: root).load()
    var diagnostics = loaded.diagnostics
    if let content = loaded.content { diagnostics.append(contentsOf: SiteValidator.validate(content)) }
    return (loaded.content, diagnostics.sorted.map(\.description))
}

@Suite("Reading content: every documented form, one error per mistake")
struct ReadingTests {
    static let config = """
        title: Læsning
        committees: [{id: BIU, name: Beskæftigelses- og Integrationsudvalget}]
        administrations: [{id: BIF, name: Beskæftigelses- og Integrationsforvaltningen, committee: BIU}]
        areas: [Job og uddannelse]
        themes: [{id: beskaeftigelse, name: Beskæftigelse}]
        """

    func activity(_ fields: String) -> [String: String] {
        ["content/aktiviteter/a.md": "---\ntitle: Værtsprogram\nadministration: BIF\narea: Job og uddannelse\n\(fields)\n---\n"]
    }

    func decimal(_ text: String) -> Decimal { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))! }

    // MARK: - Numbers as the documentation writes them

    @Test func everyDocumentedFormOfABudgetCellIsAccepted() throws {
        let (content, messages) = try loadSite(activity("""
            budget:
              2010: "3,3"
              2011: "3.3"
              2012: "1.242,50"
              2013: "1.000.000"
              2014: "0.205"
              2015: "0,205"
              2016: "46,4*"
              2017: "32,9^4"
              2018: Driftsbudget
              2019: ""
              2020: "-"
              2021: "117.590 kr."
              2022: "1,5 mio. kr."
              2023: "-0,5"
            footnotes: [{mark: "*", text: Stjerne}, {mark: "4", text: Fire}]
            """))
        #expect(messages.isEmpty, "\(messages)")
        let budget = try #require(content?.activities.first).budget
        let expected: [Int: String] = [
            2010: "3.3", 2011: "3.3", 2012: "1242.5", 2013: "1000000", 2014: "0.205", 2015: "0.205", 2016: "46.4",
            2017: "32.9", 2021: "0.11759", 2022: "1.5", 2023: "-0.5",
        ]
        for (year, value) in expected { #expect(budget[year]?.amount?.value == decimal(value), "\(year)") }
        #expect(budget[2016]?.mark == "*")
        #expect(budget[2017]?.mark == "4")
        #expect(budget[2018]?.content == .text("Driftsbudget"))
        #expect(budget[2019]?.content == .empty(printed: ""))
        #expect(budget[2020]?.content == .empty(printed: "-"))
    }

    @Test func amountsOfMoneyTakeAUnitEverywhere() throws {
        let (content, messages) = try loadSite(activity("""
            spent: {2018: "117.590 kr.", 2019: "0,2 mio. kr.", 2020: "0,1"}
            total: "1.500.000 kr."
            financing:
              - {source: Puljen, amount: "1,4 mio. kr."}
              - {source: Jobcenteret, amount: "100.000 kr."}
            """))
        #expect(messages.isEmpty, "\(messages)")
        let activity = try #require(content?.activities.first)
        #expect(activity.spent[2018] == Money(Amount(117_590), .kroner))
        #expect(activity.spent[2019]?.inKroner == 200_000)
        #expect(activity.spent[2020]?.unit == .millionKroner)
        #expect(activity.current.total?.value.inKroner == 1_500_000)
        #expect(activity.current.financing.map(\.amount.inKroner) == [1_400_000, 100_000])
    }

    @Test func anEconomicOverviewReadsTheSameCells() throws {
        let (content, messages) = try loadSite([
            "content/statusrapporter/2009.md": """
                ---
                year: 2009
                title: Statusredegørelse 2009
                economy:
                  years: [2008, 2009]
                  sections:
                    - title: Indsatser
                      subtotal: {values: {2008: "7,017590", 2009: "6,9"}, total: "13,917590"}
                      rows:
                        - {label: Jobpatruljer, values: {2008: "6,9", 2009: "6,9"}, total: "13,8"}
                        - {label: "Sprog og Integration^3", values: {2008: "117.590 kr.", 2009: "-"}, total: "117.590 kr."}
                  footnotes: [{mark: "3", text: Tre}]
                ---
                """
        ])
        #expect(messages.isEmpty, "\(messages)")
        let row = try #require(content?.reports.first?.economy?.sections.first?.rows.last)
        #expect(row.values[2008]?.amount?.value == decimal("0.11759"))
        #expect(row.values[2009]?.content == .empty(printed: "-"))
        #expect(row.mark == "3")
    }

    @Test func aBudgetInKronerReadsPointsAsThousands() throws {
        let config = Self.config + "\nbudget_unit: kr."
        let (content, messages) = try loadSite(activity("budget: {2018: \"117.590\", 2019: \"1,5 mio. kr.\"}"), config: config)
        #expect(messages.isEmpty, "\(messages)")
        let budget = try #require(content?.activities.first).budget
        #expect(budget[2018]?.amount?.value == 117_590)
        #expect(budget[2019]?.amount?.value == 1_500_000)
    }

    @Test func anAmbiguousPointIsStillRefusedWithTheTwoReadings() throws {
        let (_, messages) = try loadSite(activity("budget: {2018: \"1.242\"}"))
        #expect(messages == [
            "content/aktiviteter/a.md:5:16: error: budget.2018: \"1.242\" is ambiguous (write 1242 for a whole number or 1,242 for a decimal)"
        ])
    }

    @Test func indicatorValuesAndGoalTargetsReadTheSameForms() throws {
        var files = activity("""
            goals:
              - {text: Min. 150 match, target: 150, results: [{value: "1.242,0", date: 2010-01-12}]}
            """)
        files["content/indikatorer/andel.md"] = """
            ---
            title: Andel
            theme: beskaeftigelse
            unit: pct
            direction: increase
            baseline: {value: "54,40", label: forår 2007}
            measurements: [{value: "59.90", label: august 2008}]
            target: {value: "64", label: "2010"}
            ---
            """
        let (content, messages) = try loadSite(files)
        #expect(messages.isEmpty, "\(messages)")
        let indicator = try #require(content?.indicators.first)
        #expect(indicator.baseline.value == Amount(decimal("54.4"), scale: 2))
        #expect(indicator.measurements.first?.value.value == decimal("59.9"))
        #expect(content?.activities.first?.current.goals.first?.results.first?.value?.value == 1242)
    }

    // MARK: - One mistake, one error

    @Test func aBadValueLeavesTheFilesOtherFieldsKnown() throws {
        let (content, messages) = try loadSite([
            "content/indikatorer/andel.md": """
                ---
                number: 1
                title: Andel
                theme: beskaeftigelse
                unit: {a: 1}
                direction: increase
                baseline: {value: "54,40", label: forår 2007}
                goal: Flere
                source: Barometeret
                breakdowns: [{label: Kvinder}]
                ---
                """
        ])
        #expect(messages == [
            "content/indikatorer/andel.md:5:7: error: unit: expected a single value, found a mapping",
            "content/indikatorer/andel.md:10:14: error: breakdowns.1.indicator: required field is missing",
        ])
        #expect(content?.unreadable.indicators == ["andel"])
    }

    @Test func aFileThatFailedToReadIsNotAMissingReference() throws {
        var files = activity("indicators: [andel, boligforhold]")
        files["content/indikatorer/andel.md"] = "---\ntitle: [Andel\n---\n"
        let (content, messages) = try loadSite(files)
        #expect(content?.unreadable.indicators == ["andel"])
        // The YAML error, and the reference to an indicator that does not exist at all.
        #expect(messages.count == 2, "\(messages)")
        #expect(messages.contains { $0.contains("no indicator has the slug \"boligforhold\"") })
        #expect(!messages.contains { $0.contains("\"andel\"") })
    }

    @Test func anEmptyKnownFieldIsAbsent() throws {
        let (content, messages) = try loadSite(activity("summary:\nfunding: \"\"\ncontact:\ntags:\ndate:\ncommittee: \"  \""))
        #expect(messages.isEmpty, "\(messages)")
        let activity = try #require(content?.activities.first)
        #expect(activity.summary == nil && activity.funding == nil && activity.contact == nil)
        #expect(activity.tags.isEmpty && activity.current.date == nil && activity.committee == nil)
    }

    @Test func anEarlierVersionWithAnEmptyTextHadNone() throws {
        let (content, messages) = try loadSite(activity("""
            summary: Nu
            funding: Budget 2018
            versions:
              - date: 2010-12-06
                summary: ""
                funding:
            """))
        #expect(messages.isEmpty, "\(messages)")
        let version = try #require(content?.activities.first?.versions.first)
        #expect(version.summary == nil)
        #expect(version.funding == "Budget 2018")
    }

    @Test func anEmptyRequiredFieldIsOneError() throws {
        let (_, messages) = try loadSite(["content/aktiviteter/a.md": "---\ntitle:\nadministration: \"\"\narea: Job og uddannelse\n---\n"])
        #expect(messages == [
            "content/aktiviteter/a.md:2:1: error: title: required field is empty (write its value after \"title:\")",
            "content/aktiviteter/a.md:3:1: error: administration: required field is empty (write its value after \"administration:\")",
        ])
    }

    // MARK: - File names

    @Test func onlyFilesEndingInLowerCaseMdAreRead() {
        #expect(ContentLoader.nameProblem("content/aktiviteter/a.md") == nil)
        #expect(ContentLoader.nameProblem("content/aktiviteter/under/a.md") == nil)
        let upper = ContentLoader.nameProblem("content/aktiviteter/Projekt.MD")
        #expect(upper?.severity == .error)
        #expect(upper?.hint == "rename it to projekt.md")
        #expect(ContentLoader.nameProblem("content/aktiviteter/x.markdown")?.hint == "rename it to x.md")
        #expect(ContentLoader.nameProblem("content/aktiviteter/Værtsprogram.Md")?.hint == "rename it to vaertsprogram.md")
        #expect(ContentLoader.nameProblem("content/aktiviteter/noter.txt")?.severity == .warning)
        #expect(ContentLoader.nameProblem("content/aktiviteter/a.md~")?.severity == .warning)
    }

    @Test func aNameWithAControlCharacterIsRefused() {
        for name in ["a\nb.md", "a\tb.md", "a\rb.md", "a\u{1B}b.md", "a\u{202E}dm.b"] {
            let problem = ContentLoader.nameProblem("content/aktiviteter/\(name)")
            #expect(problem?.severity == .error, "\(name)")
            #expect(problem?.description.contains("\n") == false)
        }
    }

    @Test func theByteScanForControlCharactersFindsWhatTheScalarDefinitionFinds() {
        // Each character at every offset of a 20-byte text, so that it falls in each of the
        // eight bytes of a word and in the tail; `U+00A7` (§) shares 0xC2 with C1 controls.
        let characters: [Unicode.Scalar] = ["\u{0}", "\u{1}", "\t", "\n", "\u{B}", "\r", "\u{1F}", " ", "\u{7F}", "\u{80}", "\u{85}", "\u{9F}", "\u{A0}", "\u{A7}", "æ", "\u{2028}", "😀"]
        for character in characters {
            for offset in 0...20 {
                var text = String(repeating: "a", count: 20)
                text.insert(Character(character), at: text.index(text.startIndex, offsetBy: offset))
                let scalarDefinition = text.unicodeScalars.first(where: ControlCharacter.isForbidden)
                #expect(ControlCharacter.firstScalar(in: text) == scalarDefinition, "U+\(String(character.value, radix: 16)) at \(offset)")
                #expect(ControlCharacter.first(in: text)?.column == scalarDefinition.map { _ in offset + 1 })
            }
        }
        #expect(ControlCharacter.isPrintableASCII("content/aktiviteter/a-b.md"))
        #expect(!ControlCharacter.isPrintableASCII("content/aktiviteter/vært.md"))
        #expect(!ControlCharacter.isPrintableASCII("a\u{7F}.md"))
        #expect(ContentLoader.lastComponent("content/aktiviteter/under/x.md") == "x.md")
        #expect(ContentLoader.lastComponent("x.md") == "x.md")
    }

    @Test func aDiagnosticIsAlwaysOneLine() {
        let location = SourceLocation(path: "content/aktiviteter/a\n\"b\".md", line: 3, column: 2)
        #expect(location.description == #""content/aktiviteter/a\n\"b\".md":3:2"#)
        #expect(SourceLocation(path: "content/a b.md").description == "content/a b.md:1:1")
        #expect(SourceLocation(path: "a\tb\u{7F}\u{2028}.md").description == #""a\tb\u{7F}\u{2028}.md":1:1"#)
        let diagnostic = Diagnostic(.error, at: SourceLocation(path: "a.md"), field: "sum\nmary", "\"3,3\nx\" is not an amount", hint: "a\tb")
        #expect(diagnostic.description == #"a.md:1:1: error: sum\nmary: "3,3\nx" is not an amount (a\tb)"#)
        let controls = Diagnostic(.error, at: SourceLocation(path: "a.md"), "\"a\u{0}b\u{1}\u{85}c\u{2028}\"")
        #expect(controls.description == #"a.md:1:1: error: "a\u{0}b\u{1}\u{85}c\u{2028}""#)
    }

    @Test func aControlCharacterInTheConfigurationIsAnErrorNamingIt() throws {
        let (content, messages) = try loadSite([:], config: ReadingTests.config.replacingOccurrences(of: "title: Læsning", with: #"title: "Læs\u0085ning""#))
        #expect(content == nil || content?.config.title != "Læs\u{85}ning")
        #expect(messages == [
            #"indsats.yml:1:8: error: title: the text contains the control character U+0085, which cannot be shown on a page (delete it: it is invisible in most editors, and comes from pasted text or from an escape such as \x01 in quotes)"#
        ])
    }

    @Test func tabsAndLineBreaksInATextAreNotControlCharactersToRefuse() throws {
        let (content, messages) = try loadSite(activity("summary: \"a\\tb\\r\\nc\"").mapValues { $0 + "Tekst\tmed tab.\r\n" })
        #expect(messages.isEmpty, "\(messages)")
        #expect(content?.activities.first?.summary == "a\tb\r\nc")
    }

    // MARK: - The configuration

    @Test func onlyAWebAddressIsABaseURL() {
        for good in ["https://www.kk.dk/indsats/", "http://example.org", "HTTPS://EXAMPLE.ORG/a?b=c", "https://localhost:8080/"] {
            #expect(SiteConfig.webAddress(good) == good, "\(good)")
        }
        for bad in [
            "javascript:alert(1)", "ftp://ftp.kk.dk/", "www.kk.dk", "https://", "https:///sti", "https://kk.dk/a b",
            "https://kk.dk/\"><script>", "//kk.dk/", "data:text/html,x", "https://user@evil.example/", "https://kk.dk/\n",
        ] {
            #expect(SiteConfig.webAddress(bad) == nil, "\(bad)")
        }
    }

    @Test func anEmptyConfigurationSaysWhatToWrite() throws {
        for empty in ["", "\n", "# kun en kommentar\n"] {
            let (content, messages) = try loadSite([:], config: empty)
            #expect(content == nil)
            #expect(messages.count == 1)
            #expect(messages.first?.hasPrefix("indsats.yml:1:1: error: the site configuration is empty") == true, "\(messages)")
        }
    }

    @Test func aConfigurationWithATitleOnlyIsEnoughForNoContent() throws {
        let (content, messages) = try loadSite([:], config: "title: Lille\n")
        #expect(messages.isEmpty, "\(messages)")
        #expect(content?.config.title == "Lille")
    }

    @Test func duplicateIdsAndNamesAreErrorsAtTheSecond() throws {
        let config = """
            title: Dubletter
            committees: [{id: BIU, name: Udvalget}, {id: BUU, name: Udvalget}]
            administrations: [{id: BIF, name: A, committee: BIU}, {id: Bif, name: B}]
            areas: [Job, Bolig, Job]
            themes: [{id: job, name: Job}, {id: job, name: Arbejde}]
            """
        let (content, messages) = try loadSite([:], config: config)
        #expect(messages.count == 4, "\(messages)")
        #expect(messages.allSatisfy { $0.hasPrefix("indsats.yml:") && $0.contains(": error: ") })
        #expect(messages.contains { $0.contains("committees.2.name: the committee name \"Udvalget\" is listed twice; the first is on line 2") })
        #expect(messages.contains { $0.contains("administrations.2.id: the administration id \"Bif\" would get the same web address (\"bif\") as \"BIF\" on line 3") })
        #expect(messages.contains { $0.contains("areas.3: the area \"Job\" is listed twice") })
        #expect(messages.contains { $0.contains("themes.2.id: the theme id \"job\" is listed twice") })
        // The first of each is kept.
        #expect(content?.config.administrations.map(\.name) == ["A"])
        #expect(content?.config.areas == ["Job", "Bolig"])
    }
}
