import Foundation
import IndsatsModel
import IndsatsRender
import IndsatsSite
import Testing

/// What a Danish public site must have (contact, the accessibility statement, the open data's
/// licence, a date of the last update) and the barometer's dashboard, on a copy of
/// `Fixtures/barometer` with the public-site fields added to its indsats.yml.
@Suite("Public-site basics and the barometer's dashboard", .serialized)
struct PublicSiteTests {
    static let config = """

        contact: {name: Integrationsenheden, email: integration@example.dk, phone: 1234 5678, address: Rådhuset}
        licence: {name: CC BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/deed.da"}
        accessibility:
          compliance: partial
          evaluation: self
          method: Automatisk og manuel test.
          prepared: 2026-12-01
          not_accessible:
            - {content: PDF-bilagene, basis: noncompliance, reason: Tabellerne er ikke gennemgået, alternative: Websiden}

        """

    static let site = try! copyOfFixture("barometer", appendingToConfig: config)
    static let built = buildSite(site)
    var output: URL { Self.built.output }

    /// The `<desc>` of the chart whose id starts with `id`.
    func description(_ html: String, id: String) throws -> String {
        let start = try #require(html.range(of: "<desc id=\"\(id)-desc\">"))
        let end = try #require(html.range(of: "</desc>", range: start.upperBound..<html.endIndex))
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test func theSiteBuildsWithoutDiagnostics() {
        #expect(Self.built.report.diagnostics.all.isEmpty, "\(Self.built.report.diagnostics.all)")
    }

    @Test func theStatementHasTheModelStatementsSectionsAndEveryFooterLinksToIt() throws {
        let statement = visibleText(read(output, "tilgaengelighed/index.html"))
        for heading in ["Overholdelsesstatus", "Indhold, der ikke er tilgængeligt", "Sådan er erklæringen udarbejdet", "Feedback og kontaktoplysninger", "Håndhævelsesprocedure"] {
            #expect(statement.contains(heading), "\(heading)")
        }
        #expect(statement.contains("Webstedet overholder standarden delvist"))
        #expect(statement.contains("Manglende overholdelse af lovgivningen PDF-bilagene Begrundelse: Tabellerne er ikke gennemgået"))
        #expect(statement.contains("Erklæringen er udarbejdet den 1. december 2026. Vi har selv evalueret webstedet. Automatisk og manuel test."))
        #expect(statement.contains("E-mail: integration@example.dk Telefon: 1234 5678"))
        #expect(statement.contains("Digitaliseringsstyrelsen"))
        let pages = files(in: output).filter { $0.hasSuffix(".html") }
        #expect(pages.count > 5)
        for page in pages {
            let html = read(output, page)
            let footer = String(html[try #require(html.range(of: "<footer"))!.lowerBound...])
            #expect(footer.contains("tilgaengelighed/index.html\">Tilgængelighedserklæring</a>"), "\(page)")
            #expect(visibleText(footer).contains("Kontakt: Integrationsenheden · integration@example.dk · Telefon 1234 5678 · Rådhuset"), "\(page)")
        }
        #expect(try brokenLinks(in: output).isEmpty)
    }

    @Test func aSiteWithoutAStatementHasNoPageAndNoLink() {
        let plain = buildSite(Repo.fixtures.appendingPathComponent("barometer"))
        #expect(!files(in: plain.output).contains("tilgaengelighed/index.html"))
        #expect(!read(plain.output, "index.html").contains("Tilgængelighedserklæring"))
    }

    @Test func aContactWithSomeFieldsListsOnlyThoseWithoutStraySeparators() throws {
        let site = try copyOfFixture("barometer", appendingToConfig: "\ncontact: {phone: 1234 5678, url: \"https://example.dk/kontakt\"}\n")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let html = read(buildSite(site).output, "index.html")
        #expect(html.contains("<p class=\"footer-contact\">Kontakt: Telefon 1234 5678 · <a href=\"https://example.dk/kontakt\">Flere kontaktmuligheder</a></p>"))
    }

    @Test func aStatementWithoutItsRequiredFieldsOrAPhoneIsAnErrorAtItsPlace() throws {
        let site = try copyOfFixture("barometer", appendingToConfig: """

            contact: {email: integration@example.dk}
            accessibility:
              compliance: partly
              evaluation: self

            """)
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let report = buildSite(site).report
        let messages = report.diagnostics.errors.map(\.description)
        #expect(messages.contains { $0.hasPrefix("indsats.yml:10:15: error: accessibility.compliance: \"partly\" is not one of full, partial, none") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("indsats.yml:10:3: error: accessibility.prepared: required field is missing") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("indsats.yml:10:3: error: accessibility: the accessibility statement needs an e-mail address and a phone number") }, "\(messages)")
    }

    @Test func theOpenDataNamesItsLicenceOnThePagesInTheJSONAndBesideTheCSV() throws {
        #expect(visibleText(read(output, "barometer/index.html")).contains("De udgives under licensen CC BY 4.0"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(read(output, "barometer/barometer.json").utf8)) as? [String: Any])
        let licence = try #require(json["licens"] as? [String: Any])
        #expect(licence["navn"] as? String == "CC BY 4.0")
        let metadata = try #require(try JSONSerialization.jsonObject(with: Data(read(output, "barometer/barometer.csv-metadata.json").utf8)) as? [String: Any])
        #expect(metadata["url"] as? String == "barometer.csv")
        #expect((metadata["dc:license"] as? [String: Any])?["@id"] as? String == "https://creativecommons.org/licenses/by/4.0/deed.da")
        // Every JSON file carries it, and every CSV file has its metadata beside it.
        let indicator = try #require(try JSONSerialization.jsonObject(with: Data(read(output, "barometer/beskaeftigelse/indikator.json").utf8)) as? [String: Any])
        #expect((indicator["licens"] as? [String: Any])?["navn"] as? String == "CC BY 4.0")
        let csvFiles = files(in: output).filter { $0.hasSuffix(".csv") }
        #expect(csvFiles.count == 5)  // three indicators, the barometer and the (empty) project bank
        #expect(csvFiles.allSatisfy { files(in: output).contains($0 + "-metadata.json") })
    }

    @Test func theLastUpdateIsTheNewestDateInTheContentWhateverTheDayOfTheBuild() throws {
        // The newest date in the fixture is the measurement of 1 January 2012.
        #expect(visibleText(read(output, "index.html")).contains("Indholdet er senest opdateret 1. januar 2012"))
        let later = temporaryFolder("indsats-output").appendingPathComponent("output")
        _ = SiteBuilder(root: Self.site, output: later, templates: Repo.templates, options: RenderOptions(today: Day(iso: "2031-05-17")!)).build()
        #expect(read(later, "index.html") == read(output, "index.html"))
    }

    @Test func theHomePageTitleNamesTheSiteOnce() {
        #expect(read(output, "index.html").contains("<title>Testkommunens barometer</title>"))
        #expect(read(output, "barometer/index.html").contains("<title>Integrationsbarometeret – Testkommunens barometer</title>"))
    }

    @Test func theBarometerDrawsEachIndicatorSmallWithItsPagesTextAlternative() throws {
        let barometer = read(output, "barometer/index.html")
        #expect(barometer.components(separatedBy: "<svg class=\"chart chart-small\"").count - 1 == 3)
        let page = read(output, "barometer/beskaeftigelse/index.html")
        #expect(try description(barometer, id: "graf-beskaeftigelse") == description(page, id: "graf"))
        // The small chart draws the lines, not the legend or the axis labels.
        let start = try #require(barometer.range(of: "<svg class=\"chart chart-small\""))
        let small = String(barometer[start.lowerBound..<barometer.range(of: "</svg>", range: start.upperBound..<barometer.endIndex)!.upperBound])
        #expect(small.contains("<polyline"))
        #expect(!small.contains("class=\"legend\""))
        #expect(visibleText(barometer).contains("Seneste måling"))
    }

    @Test func anIndicatorShowsItsFiguresWithOneNumberOfDecimalsAndAnUndatedBaselineSaysSo() throws {
        let site = try copyOfFixture("barometer")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let file = site.appendingPathComponent("content/indikatorer/beskaeftigelse.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try text.replacingOccurrences(of: "{value: \"54\", date: 2012-01-01}", with: "{value: \"54,25\", date: 2012-01-01}")
            .write(to: file, atomically: true, encoding: .utf8)
        let built = buildSite(site)
        let barometer = visibleText(read(built.output, "barometer/index.html"))
        #expect(barometer.contains("50,00 pct. 1. januar 2010 54,25 pct. 1. januar 2012 +4,25 procentpoint"), "\(barometer)")
        #expect(barometer.contains("60,00 pct."))
        #expect(barometer.contains("5 udgangspunkt, dato ikke oplyst"))
        let page = visibleText(read(built.output, "barometer/beskaeftigelse/index.html"))
        #expect(page.contains("1. januar 2011 Måling 52,00 pct."))
    }
}
