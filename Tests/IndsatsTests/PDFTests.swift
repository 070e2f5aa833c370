import Foundation
import IndsatsRender
import IndsatsSite
import Testing

/// PDFs are printed by Chromium; these tests run where Chromium and poppler's `pdftotext` are
/// installed (the test command installs both).
@Suite("PDF", .serialized, .enabled(if: PDFPrinter.find() != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext")))
struct PDFTests {
    static let built: (report: SiteBuilder.Report, output: URL) = {
        let output = temporaryFolder("indsats-pdf").appendingPathComponent("output")
        let report = SiteBuilder(
            root: Repo.fixtures.appendingPathComponent("valid-site"), output: output, templates: Repo.templates,
            options: RenderOptions(pdf: true)
        ).build()
        return (report, output)
    }()

    func text(_ path: String, tool: String = "pdftotext", _ options: [String] = ["-layout"]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        process.arguments = options + [Self.built.output.appendingPathComponent(path).path] + (tool == "pdftotext" ? ["-"] : [])
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theOverviewAnnexPDFHasItsTotalsHeaderAndPageNumbers() throws {
        #expect(!Self.built.report.diagnostics.hasErrors)
        let lines = try text("bilag/oversigt/bilag-oversigt.pdf").split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
        // The running header names the committee and the annex; the footer counts pages.
        #expect(lines.first == "Beskæftigelses- og Integrationsudvalget · Bilag 1")
        #expect(lines.contains("Side 1 af 1"))
        // The computed totals: the area and the whole table, per year (the 2013 column holds only text).
        #expect(lines.contains("I alt, Job og uddannelse 0,7 0,7 46,4"))
        #expect(lines.contains("I alt 0,7 0,7 46,4"))
        #expect(lines.contains("Værtsprogram 0,7 0,7 Driftsbudget 46,4*"))
    }

    @Test func annexPagesLinkToTheirPDF() {
        let page = read(Self.built.output, "bilag/oversigt/index.html")
        #expect(page.contains("<a href=\"../../bilag/oversigt/bilag-oversigt.pdf\">Hent bilaget som PDF</a>"))
        #expect(FileManager.default.fileExists(atPath: Self.built.output.appendingPathComponent("statusrapporter/2009/statusrapport-2009.pdf").path))
    }

    @Test func theAnnexListLinksTheAnnexsPDF() {
        let page = read(Self.built.output, "bilag/index.html")
        #expect(page.contains("<th scope=\"col\">PDF</th>"))
        for slug in ["oversigt"] {
            #expect(page.contains("<a href=\"../bilag/\(slug)/bilag-\(slug).pdf\" aria-label=\"PDF: Bilag "))
            #expect(FileManager.default.fileExists(atPath: Self.built.output.appendingPathComponent("bilag/\(slug)/bilag-\(slug).pdf").path))
        }
    }

    @Test func aPDFSaysWhatItIsWithTheDocumentsOwnDateAndNoBrowserString() throws {
        let annex = try text("bilag/oversigt/bilag-oversigt.pdf", tool: "pdfinfo", [])
        #expect(annex.contains("Title:           Bilag 1: Oversigt over integrationsaktiviteter\n"))
        #expect(annex.contains("Author:          Testkommune\n"))
        #expect(annex.contains("Subject:         Bilag 1 til Beskæftigelses- og Integrationsudvalget\n"))
        #expect(annex.contains("Creator:         indsats\n"))
        // The annex has no date: no date rather than the clock's.
        #expect(!annex.contains("CreationDate"))
        let report = try text("statusrapporter/2009/statusrapport-2009.pdf", tool: "pdfinfo", ["-isodates"])
        #expect(report.contains("CreationDate:    2008-12-31T00:00:00Z"))
        #expect(report.contains("ModDate:         2008-12-31T00:00:00Z"))
        #expect(!report.contains("HeadlessChrome"))
    }

    @Test func linksInAPDFGoToThePublishedSiteNotTheFolderItWasPrintedFrom() throws {
        let data = try Data(contentsOf: Self.built.output.appendingPathComponent("bilag/oversigt/bilag-oversigt.pdf"))
        let pdf = String(decoding: data, as: UTF8.self)
        #expect(pdf.contains("/URI (https://example.org/indsats/projektbank/vaertsprogram/)"))
        #expect(!pdf.contains("file://"))
    }

    @Test func theReportPrintsACoverAndAContentsPageWithPageNumbers() throws {
        let cover = try text("statusrapporter/2009/statusrapport-2009.pdf", ["-f", "1", "-l", "1", "-layout"])
        #expect(cover.contains("Statusredegørelse 2009"))
        #expect(cover.contains("Status pr. 31. december 2008"))
        #expect(cover.contains("Testkommune"))
        #expect(!cover.contains("Side 1 af"))
        let contents = try text("statusrapporter/2009/statusrapport-2009.pdf", ["-f", "2", "-l", "2", "-layout"])
        let lines = contents.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }
        let indicators = try #require(lines.first { $0.hasPrefix("Indikatorer ") })
        let page = try #require(Int(indicators.split(separator: " ").last ?? ""))
        // The number is the page the heading is on.
        let thatPage = try text("statusrapporter/2009/statusrapport-2009.pdf", ["-f", String(page), "-l", String(page), "-layout"])
        #expect(thatPage.contains("Indikatorer"))
        #expect(lines.contains { $0.hasPrefix("Økonomisk oversigt ") && Int($0.split(separator: " ").last ?? "") != nil })
    }
}
