import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import IndsatsFormat
import Testing

/// The project bank's pages and data files, on `Fixtures/project-bank`: four activities in two
/// administrations, with text cells, a footnote mark, a version and one without a budget.
@Suite("The project bank", .serialized)
struct ProjectBankTests {
    static let built = buildSite(Repo.fixtures.appendingPathComponent("project-bank"))
    var output: URL { Self.built.output }

    /// The rows of the "Budget pr. år" table of a page: year, count, total.
    func yearTotals(_ path: String) throws -> [[String]] {
        let html = read(output, path)
        let table = try #require(html.range(of: "id=\"aarstotaler\"").map { String(html[$0.upperBound...]) })
        let body = String(table[..<table.range(of: "</table>")!.lowerBound])
        let pattern = try NSRegularExpression(pattern: "<tr><th scope=\"row\">([^<]*)</th><td[^>]*>([^<]*)</td><td class=\"num\">([^<]*)</td></tr>")
        return pattern.matches(in: body, range: NSRange(body.startIndex..., in: body)).map { match in
            (1...3).map { String(body[Range(match.range(at: $0), in: body)!]) }
        }
    }

    /// Slugs of the listed activities, in page order.
    func listed(_ path: String) throws -> [String] {
        let html = read(output, path)
        let pattern = try NSRegularExpression(pattern: "data-slug=\"([^\"]+)\"")
        return pattern.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range(at: 1), in: html)!]) }
    }

    @Test func buildsWithoutDiagnostics() {
        #expect(Self.built.report.diagnostics.all.isEmpty, "\(Self.built.report.diagnostics.all)")
    }

    @Test func theIndexAddsUpTheAmountsPerYearAndSkipsTextCells() throws {
        // Exact sums (17,083), shown rounded to one decimal, half away from zero (1,25 → 1,3).
        #expect(try yearTotals("projektbank/index.html") == [
            ["2018", "1", "1,3"], ["2019", "3", "12,5"], ["2020", "1", "3,3"], ["I alt", "", "17,1"],
        ])
        // One administration's page adds up only its own activities.
        #expect(try yearTotals("projektbank/forvaltning/buf/index.html") == [
            ["2019", "1", "10,0"], ["2020", "1", "3,3"], ["I alt", "", "13,3"],
        ])
    }

    @Test func activitiesAreGroupedAndInDanishAlphabeticalOrder() throws {
        // BIF first (the order of indsats.yml); Å after B.
        #expect(try listed("projektbank/index.html") == ["brobygning", "aabne-vaerksteder", "cafe-aeblet", "dialog"])
        #expect(try listed("projektbank/efter-budget/index.html") == ["cafe-aeblet", "aabne-vaerksteder", "brobygning", "dialog"])
    }

    @Test func everyFacetValueHasAPageWithItsActivities() throws {
        // An administration's page is grouped by area, in the order of indsats.yml.
        #expect(try listed("projektbank/forvaltning/bif/index.html") == ["aabne-vaerksteder", "brobygning"])
        #expect(try listed("projektbank/omraade/job-og-uddannelse/index.html") == ["aabne-vaerksteder", "cafe-aeblet"])
        #expect(try listed("projektbank/aar/2019/index.html") == ["brobygning", "aabne-vaerksteder", "cafe-aeblet"])
        #expect(try listed("projektbank/status/ikke-angivet/index.html") == ["brobygning", "cafe-aeblet"])
        #expect(try listed("projektbank/status/afsluttet/index.html") == ["dialog"])
        #expect(try listed("projektbank/emne/lgbt/index.html") == ["aabne-vaerksteder"])
        let index = visibleText(read(output, "projektbank/index.html"))
        #expect(index.contains("Beskæftigelses- og Integrationsforvaltningen (2)"))
        #expect(index.contains("Job og uddannelse (2)"))
        #expect(index.contains("2019 (3)"))
        let tags = visibleText(read(output, "projektbank/emner/index.html"))
        #expect(tags.contains("beskæftigelse (2) bolig (1) LGBT+ (1)"))
    }

    @Test func theFilterIndexHoldsWhatTheScriptFiltersAndAddsInColumns() throws {
        let data = try #require(read(output, "projektbank/indeks.json").data(using: .utf8))
        let index = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        // Title order; a slug the script can make from the title is 0.
        #expect(index["title"] as? [String] == ["Brobygning", "Café Æblet", "Dialog", "Åbne værksteder"])
        #expect((index["slug"] as? [Int]) == [0, 0, 0, 0])
        #expect(index["years"] as? [String] == ["2018", "2019", "2020"])
        // The script rounds row and year sums as the lists do (0,1 mio. kr.).
        #expect(index["decimals"] as? Int == 1)
        // Brobygning: 2018 is a text cell, so only 2019 has an amount (year 1, "0.5").
        let budget = try #require(index["budget"] as? [[Any]])
        #expect(budget[0].count == 2 && budget[0][0] as? Int == 1 && budget[0][1] as? String == "0.5")
        #expect(index["statuses"] as? [String] == ["Afsluttet", "Igangværende", "Ikke angivet"])
        #expect(index["status"] as? [Int] == [2, 2, 0, 1])
        // Target groups as positions in the vocabulary; the text as written, once.
        #expect((index["targetGroups"] as? [[String]])?.map { $0[0] } == ["unge", "familier", "beboere"])
        #expect(index["targetGroup"] as? [[Int]] == [[2], [0], [1], [0]])
        #expect(index["funding"] as? [[Int]] == [[0], [1], [], [0]])
        #expect(index["texts"] as? [String] == ["Beboere", "Unge", "Forældre; \"nye\" i byen"])
    }

    @Test func targetGroupsAndFundingBasesHaveFacetPagesAndFilterOptionsWithCounts() throws {
        #expect(try listed("projektbank/maalgruppe/unge/index.html") == ["aabne-vaerksteder", "cafe-aeblet"])
        #expect(try listed("projektbank/maalgruppe/familier/index.html") == ["dialog"])
        #expect(try listed("projektbank/afsaet/budget/index.html") == ["brobygning", "aabne-vaerksteder"])
        let index = read(output, "projektbank/index.html")
        #expect(index.contains("<option value=\"unge\">Unge (2)</option>"))
        #expect(index.contains("<option value=\"puljer\">Puljer (1)</option>"))
        // The row keeps the text as written.
        #expect(index.contains("<td>Forældre; &quot;nye&quot; i byen</td>"))
    }

    @Test func aBudgetYearHoldsTheActivitiesWithAnAmountInItAndShowsThatYearsTotal() throws {
        // Brobygning's 2018 is "Driftsbudget": not an amount.
        // Rounded to 0,1 mio. kr. as every list total (the numbers rule); 1,25 is exact on the activity.
        #expect(try listed("projektbank/aar/2018/index.html") == ["aabne-vaerksteder"])
        #expect(try yearTotals("projektbank/aar/2018/index.html") == [["2018", "1", "1,3"], ["I alt", "", "1,3"]])
        #expect(try yearTotals("projektbank/aar/2019/index.html") == [["2019", "3", "12,5"], ["I alt", "", "12,5"]])
        #expect(visibleText(read(output, "projektbank/index.html")).contains("2018 (1)"))
    }

    @Test func aFacetWhoseOneValueEveryActivityHasIsNotOffered() throws {
        // Status has two values here, so it is offered; a vocabulary with no values is not.
        let index = read(output, "projektbank/index.html")
        #expect(index.contains("id=\"f-status\""))
        #expect(index.contains("id=\"f-maalgruppe\""))
    }

    @Test func theCSVHasOneRowPerActivityAndYearAndAddsUpLikeThePage() throws {
        let bytes = try Data(contentsOf: output.appendingPathComponent("projektbank/projektbank.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = try #require(String(data: bytes, encoding: .utf8))
        let lines = text.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.count == 1 + 7)
        let header = lines[0].components(separatedBy: ";")
        let year = try #require(header.firstIndex(of: "aar")), amount = try #require(header.firstIndex(of: "beloeb"))
        var sums: [String: Decimal] = [:]
        for line in lines.dropFirst() where !line.contains("\"") {
            let fields = line.components(separatedBy: ";")
            if let value = Decimal(string: fields[amount]), !fields[amount].isEmpty { sums[fields[year], default: 0] += value }
        }
        #expect(sums == ["2018": Decimal(string: "1.25")!, "2019": Decimal(string: "12.5")!, "2020": Decimal(string: "3.333")!])
        #expect(lines.contains { $0.hasPrefix("brobygning;Brobygning;BIF;") && $0.contains(";2019;0.5;0,5;0,5;*;mio. kr.;") })
        #expect(lines.contains { $0.contains(";2018;;;Driftsbudget;;") })
        // A field with the separator and quotes is quoted; æøå are intact.
        #expect(lines.contains { $0.hasPrefix("dialog;Dialog;BUF;Børne- og Ungdomsforvaltningen;Bolig;\"Forældre; \"\"nye\"\" i byen\";") })
    }

    @Test func eachActivityIsAlsoJSONWithItsCellsAsPrinted() throws {
        let data = try #require(read(output, "projektbank/brobygning/aktivitet.json").data(using: .utf8))
        let record = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let budget = try #require(record["budget"] as? [[String: Any]])
        #expect(budget.count == 2)
        #expect(budget[0]["celle"] as? String == "Driftsbudget")
        #expect(budget[0]["beloeb"] is NSNull)
        #expect(budget[1]["celle"] as? String == "0,5")
        #expect(budget[1]["fodnote"] as? String == "*")
        #expect((budget[1]["beloeb"] as? NSNumber)?.decimalValue == Decimal(string: "0.5"))
        #expect(record["url"] as? String == "https://example.org/indsats/projektbank/brobygning/")
    }

    @Test func theFeedListsDatedVersionsNewestFirst() throws {
        let feed = read(output, "projektbank/aendringer.xml")
        let parser = XMLParser(data: Data(feed.utf8))
        #expect(parser.parse(), "the feed is not well-formed XML")
        let ids = feed.components(separatedBy: "<id>").dropFirst().map { $0.components(separatedBy: "</id>")[0] }
        #expect(ids == [
            "https://example.org/indsats/projektbank/aendringer.xml",
            "https://example.org/indsats/projektbank/aabne-vaerksteder/#version-2019-03-01",
            "https://example.org/indsats/projektbank/aabne-vaerksteder/#version-2018-01-15",
        ])
        #expect(feed.contains("<updated>2019-03-01T00:00:00Z</updated>"))
        #expect(feed.contains("Budget (mio. kr.): 2018: 1 → 2018: 1,25, 2019: 2"))
    }

    @Test func theSitemapListsEveryPage() throws {
        let sitemap = read(output, "sitemap.xml")
        #expect(XMLParser(data: Data(sitemap.utf8)).parse())
        let pages = files(in: output).filter { $0.hasSuffix(".html") }
        #expect(sitemap.components(separatedBy: "<loc>").count - 1 == pages.count)
        #expect(sitemap.contains("<loc>https://example.org/indsats/projektbank/omraade/bolig/</loc>"))
    }

    @Test func danishOrderPutsAEOEAALastAndNumbersByValue() {
        let sorted = ["Åben", "Zebra", "Ærø", "Øst", "abe", "Bil 10", "Bil 2"].sorted(by: DanishOrder.precedes)
        #expect(sorted == ["abe", "Bil 2", "Bil 10", "Zebra", "Ærø", "Øst", "Åben"])
    }

    @Test func optionalOutputsCanBeSwitchedOffWithoutBrokenLinks() throws {
        let site = try copyOfFixture("project-bank", appendingToConfig: "disable: [open_data, facet_pages, barometer_editions]\n")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let built = buildSite(site)
        #expect(!built.report.diagnostics.hasErrors, "\(built.report.diagnostics.all)")
        let written = files(in: built.output)
        #expect(!written.contains("projektbank/projektbank.csv"))
        #expect(!written.contains { $0.hasPrefix("projektbank/forvaltning/") || $0.hasSuffix("aktivitet.json") || $0 == "sitemap.xml" })
        // Tag pages and the filter script's index stay.
        #expect(written.contains("projektbank/emne/lgbt/index.html"))
        #expect(written.contains("projektbank/indeks.json"))
        #expect(try brokenLinks(in: built.output).isEmpty)
    }

    @Test func anUnknownOutputNameIsAnError() throws {
        let site = try copyOfFixture("project-bank", appendingToConfig: "disable: [opendata]\n")
        defer { try? FileManager.default.removeItem(at: site.deletingLastPathComponent()) }
        let built = buildSite(site)
        #expect(built.report.diagnostics.errors.map(\.description) == [
            "indsats.yml:19:11: error: disable.1: \"opendata\" is not an output that can be switched off (one of open_data, facet_pages, barometer_editions)"
        ])
    }
}
