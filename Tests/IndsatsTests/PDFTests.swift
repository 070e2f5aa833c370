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

    func text(_ path: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        process.arguments = ["-layout", Self.built.output.appendingPathComponent(path).path, "-"]
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
}
