import Foundation
import IndsatsModel
import IndsatsSite
import Testing

/// Builds the shipped `content/` once and checks what a reader would check against the seeds.
@Suite("The shipped site", .serialized)
struct ShippedSiteTests {
    static let built = buildSite(Repo.root)
    var output: URL { Self.built.output }

    @Test func buildsWithoutErrors() {
        #expect(!Self.built.report.diagnostics.hasErrors, "\(Self.built.report.diagnostics.errors)")
        #expect(Self.built.report.files != nil)
    }

    @Test func theHostProgrammesCurrentVersionIsTheRowOfBilag1For2018To22() {
        let page = visibleText(read(output, "projektbank/koebenhavns-kommunes-vaertsprogram/index.html"))
        // Title, summary, funding and budget as printed in seed 002's Bilag 1.
        #expect(page.contains("Copenhagen Host Program"))
        #expect(page.contains("Samarbejde med Foreningen Nydansker om match til udlændinge"))
        #expect(page.contains("Afsæt Budget 2016"))
        #expect(page.contains("2018 1,5 2019 1,5"))
        #expect(page.contains("I alt 3,0"))
        // No year of the 2011 project in the current budget, no mixed total, and the 2011 case
        // numbers belong to that version's source only.
        #expect(!page.contains("2011 0,7"))
        #expect(!page.contains("4,4"))
        #expect(!page.contains("Sagsnr."))
    }

    @Test func theHostProgrammesPageShowsThe2011GoalsAndEconomyAsTheLatestKnownSayingWhereFrom() {
        let page = visibleText(read(output, "projektbank/koebenhavns-kommunes-vaertsprogram/index.html"))
        // The overview row restates neither goals nor economy: the 2011 ones are the latest known.
        #expect(page.contains("Fra versionen af 7. april 2011 : kontakt, økonomi i tal, mål og resultater"))
        #expect(page.contains("Målene er fra versionen af 7. april 2011 ; den gældende kilde gentager dem ikke."))
        #expect(page.contains("Ved projektets afslutning er opnået min. 150 match"))
        // The 2011 total says its years and why it is not the budget table's sum.
        #expect(page.contains("Samlet økonomi 1,5 mio. kr. over 2 år (2011–2012)"))
        #expect(page.contains("Den samlede økonomi er ikke summen af budgettet for 2011–2012 (1,4 mio. kr.)"))
        #expect(page.contains("Trine Dencker Christensen"))
    }

    @Test func theHostProgrammeKeepsThe2011And2010VersionsWithWhatChanged() {
        let page = visibleText(read(output, "projektbank/koebenhavns-kommunes-vaertsprogram/index.html"))
        #expect(page.contains("7. april 2011: Københavns Kommunes Værtsprogram"))
        #expect(page.contains("6. december 2010: Københavns Kommunes værtsprogram"))
        // The current version is the undated Bilag 1 of 2018–22, named as its source.
        #expect(page.contains("Udateret kilde (gældende): Copenhagen Host Program"))
        #expect(page.contains("Kilde: Bilag 1: Oversigt over integrationsaktiviteter i Beskæftigelses- og Integrationsforvaltningen 2018-22"))
        // 2011 → the 2018–22 row: what the row does not restate is not "removed".
        #expect(!page.contains("→ ingen"))
        #expect(!page.contains("17 → 0 mål"))
        #expect(page.contains("Ikke gentaget i denne kilde (gælder fortsat som i den forrige version): økonomi i tal, mål og resultater, kontakt."))
        #expect(page.contains("2011: 0,7, 2012: 0,7 → 2018: 1,5, 2019: 1,5"))
        // 2010 → 2011.
        #expect(page.contains("2,59 mio. kr. → 1,5 mio. kr."))
        #expect(page.contains("2011: 0,5, 2012: 0,5 → 2011: 0,7, 2012: 0,7"))
        #expect(page.contains("17.267 kr. → 10.000 kr."))
        // The first version has nothing before it to differ from: three versions, two lists of changes.
        #expect(page.components(separatedBy: "Ændret i forhold til den forrige version").count - 1 == 2)
    }

    @Test func eachVersionOfTheHostProgrammeHasAPageOfItsOwnWithItsOwnGoalsAndEconomy() throws {
        let base = "projektbank/koebenhavns-kommunes-vaertsprogram/version/"
        let v2011 = visibleText(read(output, base + "2011-04-07/index.html"))
        #expect(v2011.contains("Denne side viser versionen af 7. april 2011 af indsatsen"))
        #expect(v2011.contains("Ved projektets afslutning er opnået min. 150 match"))
        #expect(v2011.contains("Samlet økonomi 1,5 mio. kr. over 2 år (2011–2012)"))
        #expect(v2011.contains("Sagsnr. 2011-37567"))
        #expect(v2011.contains("Dato 7. april 2011"))
        #expect(!v2011.contains("2018 1,5"))
        let v2010 = visibleText(read(output, base + "2010-12-06/index.html"))
        #expect(v2010.contains("Samlet økonomi 2,59 mio. kr. over 2 år (2011–2012)"))
        #expect(v2010.contains("minimum 150 match inden d. 1. januar 2013"))
        #expect(v2010.contains("17.267 kr. pr. matchet borger"))
        #expect(!v2010.contains("Udgift 10.000 kr."))
        let undated = visibleText(read(output, base + "udateret/index.html"))
        #expect(undated.contains("Kilden gentager ikke: økonomi i tal, mål og resultater, kontakt"))
        #expect(!undated.contains("min. 150 match"))
        // In the sitemap and linked from the activity's page.
        let sitemap = read(output, "sitemap.xml")
        for key in ["2011-04-07", "2010-12-06", "udateret"] {
            #expect(sitemap.contains("projektbank/koebenhavns-kommunes-vaertsprogram/version/\(key)/</loc>"))
        }
        #expect(read(output, "projektbank/koebenhavns-kommunes-vaertsprogram/index.html").contains("href=\"../../projektbank/koebenhavns-kommunes-vaertsprogram/version/2011-04-07/index.html\""))
    }

    @Test func theDescriptionAnnexOf2011ShowsTheRevisedFigures() {
        let page = visibleText(read(output, "bilag/vaertsprogram-2011/index.html"))
        #expect(page.contains("1,5 mio. kr. over 2 år"))
        #expect(page.contains("10.000 kr. pr. matchet borger"))
        #expect(page.contains("2011 0,7 2012 0,7 I alt 1,4"))
        #expect(page.contains("Sagsnr. 2011-37567"))
        #expect(page.contains("Ved projektets afslutning er opnået min. 150 match"))
        #expect(!page.contains("2018 1,5"))
        #expect(!page.contains("2,59"))
        // The 2011 description's own case officer; none of the 2018 row's short fields.
        #expect(page.contains("Sagsbehandler: Trine Dencker Christensen, Integrationservice"))
        #expect(!page.contains("Budget 2016"))
        #expect(!page.contains("Nytilkomne internationale borgere"))
        let current = visibleText(read(output, "projektbank/koebenhavns-kommunes-vaertsprogram/index.html"))
        #expect(current.contains("Afsæt Budget 2016"))
    }

    @Test func theDescriptionAnnexOf2010ShowsTheOriginalFigures() {
        let page = visibleText(read(output, "bilag/vaertsprogram-2010/index.html"))
        #expect(page.contains("2,59 mio. kr. over 2 år"))
        #expect(page.contains("17.267 kr. pr. matchet borger"))
        #expect(page.contains("2011 0,5 2012 0,5"))
        #expect(!page.contains("10.000 kr."))
    }

    @Test func bilag1PrintsTheHostProgrammeRowAsPrinted() {
        let page = visibleText(read(output, "bilag/bif-2018-22/index.html"))
        #expect(page.contains("Copenhagen Host Program Samarbejde med Foreningen Nydansker om match til udlændinge"))
        // The annex's year columns have the most decimals any cell has (1,46): padded, not rounded.
        #expect(page.contains("Budget 2016 1,50 1,50 – ingen værdi – ingen værdi – ingen værdi"))
        #expect(page.contains("Budget 2018 og Budgetteringsmodel vedtaget med Budget 2019* 1,46 2,50"))
        #expect(!page.contains("Københavns Kommunes værtsprogram"))
    }

    @Test func theAnnexListIsOrderedByCommitteeMeetingDateAndNumber() throws {
        let page = read(output, "bilag/index.html")
        let slugs = page.matches(of: try Regex(#"<a href="[^"]*bilag/([a-z0-9-]+)/index\.html">"#)).map { String(page[$0.output[1].range!]) }
        // The committees in the configuration's order; within BIU the dated annexes oldest
        // first, then the undated by number (1 before 16).
        #expect(slugs == [
            "vaertsprogram-2010", "vaertsprogram-2011", "bif-2018-22", "status-partnerskab-dansk-flygtningehjaelp",
            "buf-2018-22", "kff-2018-22", "sof-2018-22", "suf-2018-22", "tmf-2018-22", "okf-2018-22",
        ])
        let text = visibleText(page)
        // The three "Bilag 1" are told apart by title and meeting date; undated ones say so.
        #expect(text.contains("1 Københavns Kommunes værtsprogram Projektbeskrivelse Beskæftigelses- og Integrationsudvalget 6. december 2010"))
        #expect(text.contains("1 Københavns Kommunes Værtsprogram (revideret projektbeskrivelse) Projektbeskrivelse Beskæftigelses- og Integrationsudvalget 7. april 2011"))
        #expect(text.contains("Beskæftigelses- og Integrationsforvaltningen 2018-22 Oversigt Beskæftigelses- og Integrationsudvalget Udateret"))
        // A build without --pdf prints no PDFs, so the list links to none.
        #expect(!page.contains(".pdf"))
    }

    @Test func aCountOfOneTakesTheSingular() {
        let bolig = read(output, "projektbank/omraade/bolig/index.html")
        #expect(bolig.contains("<p class=\"lead\">1 indsats.</p>"))
        #expect(!bolig.contains("1 indsatser"))
        #expect(visibleText(read(output, "projektbank/index.html")).contains("Økonomiforvaltningen ( 2 indsatser )"))
    }

    @Test func indicatorOneShowsBaselineStatusAndCriterion() {
        let page = visibleText(read(output, "barometer/andel-beskaeftigede-indvandrere-efterkommere/index.html"))
        #expect(page.contains("54,40 pct. (forår 2007)"))
        #expect(page.contains("59,90 pct. (august 2008)"))
        #expect(page.contains("64,00 pct."))
        // One number of decimals for all of the indicator's figures.
        #expect(page.contains("5,50 af 10,00 procentpoint"))
        #expect(page.contains("På rette vej"))
    }

    @Test func theProjectBanksYearTotalsComeFirstAndAddNoBudgetPeriodsSilently() {
        let html = read(output, "projektbank/index.html")
        #expect(html.range(of: "id=\"aarstotaler\"")!.lowerBound < html.range(of: "data-slug=")!.lowerBound)
        let page = visibleText(html)
        // The 2009 report's money and the 2018–22 overviews' each have their own sum.
        #expect(page.contains("2009 2 8,9 I alt 2009 8,9 2018 48 129,2"))
        #expect(page.contains("I alt 2018–2022 551,8"))
        #expect(page.contains("I alt, 2009 og 2018–2022 lagt sammen 560,7"))
    }

    @Test func theBarometerShowsOneNumberOfDecimalsPerIndicator() {
        let page = visibleText(read(output, "barometer/index.html"))
        // Printed 6,4 and 7,10: shown 6,40 and 7,10.
        #expect(page.contains("6,40 pct."))
        #expect(!page.contains(" 6,4 pct."))
    }

    @Test func theOverviewAnnexKeepsCellsAndMarksAsPrinted() {
        let page = read(output, "bilag/buf-2018-22/index.html")
        // Printed 46,4, padded to the table's three decimals (0,205 is in it), never rounded.
        #expect(page.contains("46,400<sup>*</sup>"))
        #expect(!page.contains("<span class=\"cell-text\">-</span>"))
        #expect(page.contains("<span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">ingen værdi</span>"))
        let igu = visibleText(read(output, "projektbank/igu-elev/index.html"))
        #expect(igu.contains("0,205"))
        #expect(igu.contains("117.590 kr."))
    }

    @Test func anActivityInsideTheReportShowsNothingOfTheReportsOwnFields() {
        // Mustache looks names up through enclosing contexts: an activity without an economy
        // must not show the report's economic overview in its place.
        let page = read(output, "statusrapporter/2009/index.html")
        #expect(!page.contains("isText"))
        // A row's footnote mark belongs to its label, not to each of its cells.
        #expect(page.contains("2.3 Sprog og Integration<sup>3</sup>"))
        #expect(!page.contains("8,5<sup>3</sup>"))
        #expect(page.components(separatedBy: "Samlet økonomi").count - 1 <= 1)
    }

    @Test func noPageShowsAnAbsentValueAsText() {
        for path in files(in: output) where path.hasSuffix(".html") {
            let text = visibleText(read(output, path))
            #expect(!text.contains(" false ") && !text.contains(" true ") && !text.contains("nil"), "\(path)")
        }
    }

    @Test func contentTextIsEscaped() {
        for path in files(in: output) where path.hasSuffix(".html") {
            // The only scripts are the project bank's filter and the search, loaded from assets/.
            let html = read(output, path).replacingOccurrences(of: "<script src=\"../assets/projektbank.js\" defer></script>", with: "")
                .replacingOccurrences(of: "<script src=\"../assets/soeg.js\" defer></script>", with: "")
            #expect(!html.contains("<script"), "\(path)")
        }
    }

    @Test func everyInternalLinkResolves() throws {
        let broken = try brokenLinks(in: output)
        #expect(broken.isEmpty, "\(broken.prefix(10))")
    }


    @Test func theSameInputGivesByteIdenticalOutput() throws {
        let again = buildSite(Repo.root).output
        let first = files(in: output), second = files(in: again)
        #expect(first == second)
        for path in first {
            #expect(FileManager.default.contents(atPath: output.appendingPathComponent(path).path)
                == FileManager.default.contents(atPath: again.appendingPathComponent(path).path), "\(path)")
        }
    }

    @Test func theFiltersOfferTheVocabulariesAndHideAStatusThatEveryActivityHas() {
        let bank = read(output, "projektbank/index.html")
        // Every activity's status is "Ikke angivet": choosing it would narrow nothing.
        #expect(!bank.contains("id=\"f-status\""))
        // Twelve target groups and seven funding bases instead of 77 and 39 texts.
        let options = { (field: String) in
            bank.components(separatedBy: "id=\"f-\(field)\"")[1].components(separatedBy: "</select>")[0]
                .components(separatedBy: "<option value=\"").count - 2
        }
        #expect(options("maalgruppe") == 12)
        #expect(options("afsaet") == 7)
        #expect(!bank.contains("<option value=\"0,256\">"))
        // The numbers in funding are warnings naming the file, not options.
        let warnings = Self.built.report.diagnostics.all.map(\.description).filter { $0.contains("is a number, not a funding basis") }
        #expect(warnings.count == 2)
    }

    @Test func aBudgetYearCountsOnlyTheActivitiesWithAnAmountInIt() {
        // 2022: 67 activities have a cell for it, 24 an amount.
        #expect(visibleText(read(output, "projektbank/index.html")).contains("2022 (24)"))
    }
}
