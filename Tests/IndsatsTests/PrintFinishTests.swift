import Foundation
@testable import IndsatsSite
import IndsatsModel
import Testing

/// Finishing a printed PDF without Chromium: a small PDF of the form Chromium writes.
@Suite("Finishing printed PDFs: document information, links, structure ids, contents")
struct PrintFinishTests {
    /// A PDF with one cross-reference table: `objects[i]` is object i + 1.
    static func pdf(_ objects: [String], root: Int, info: Int) -> Data {
        var text = "%PDF-1.4\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(text.utf8.count)
            text += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let table = text.utf8.count
        text += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n" + offsets.map { String(format: "%010d 00000 n \n", $0) }.joined()
        text += "trailer\n<</Size \(objects.count + 1)\n/Root \(root) 0 R\n/Info \(info) 0 R>>\nstartxref\n\(table)\n%%EOF\n"
        return Data(text.utf8)
    }

    static let sample = pdf([
        "<</Title (Gammel)\n/Creator (HeadlessChrome)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261202003218+00'00')>>",
        "<</Type /Catalog\n/Pages 3 0 R\n/Outlines 6 0 R>>",
        "<</Type /Pages\n/Count 2\n/Kids [4 0 R 5 0 R]>>",
        "<</Type /Page\n/Parent 3 0 R\n/Annots [9 0 R]>>",
        "<</Type /Page\n/Parent 3 0 R>>",
        "<</Type /Outlines\n/First 7 0 R>>",
        "<</Title <FEFF0049006E00640069006B00610074006F007200650072>\n/Dest [5 0 R /XYZ 0 0 0]\n/Next 8 0 R>>",
        "<</Title (Rettelser)\n/Dest [5 0 R /XYZ 0 0 0]>>",
        "<</Type /Annot\n/A <</S /URI\n/URI (file:///tmp/site/projektbank/a/index.html)>>\n/ID (node00000049)\n/Headers [(node00000051)]>>",
    ], root: 2, info: 1)

    @Test func aDocumentsSubjectNamesItsCommitteeAndMeetingWhereItHasThem() {
        let config = SiteConfig(title: "T", committees: [.init(id: "BIU", name: "Udvalget")], source: SourceLocation(path: "indsats.yml"))
        let jobs = PrintJobs(config: config, site: URL(fileURLWithPath: "/tmp/site"))
        #expect(jobs.subject("Bilag 16", committee: "BIU", meeting: Day(iso: "2011-04-07")) == "Bilag 16 til Udvalget, mødet 7. april 2011")
        #expect(jobs.subject("Statusredegørelse 2009", committee: nil, meeting: Day(iso: "2011-04-07")) == "Statusredegørelse 2009, mødet 7. april 2011")
        #expect(jobs.subject("Bilag 3", committee: "ukendt", meeting: nil) == "Bilag 3")
    }

    @Test func theOutlineGivesEachHeadingItsPage() throws {
        let file = try PDFFile(Self.sample)
        #expect(file.pageNumbers() == [4: 1, 5: 2])
        let outline = file.outline()
        #expect(outline.map(\.title) == ["Indikatorer", "Rettelser"])
        #expect(outline.map(\.page) == [2, 2])
    }

    @Test func theRewrittenPDFHasTheDocumentsInformationPublicLinksAndNumberedIds() throws {
        var metadata = PDFMetadata(title: "Bilag 1: Værtsprogram", author: "Københavns Kommune", subject: "Bilag 1 til BIU", date: Day(iso: "2011-04-07"))
        metadata.modified = Day(iso: "2011-05-01")
        let job = PDFPrinter.Job(
            page: URL(fileURLWithPath: "/tmp/site/bilag/a/index.html"), pdf: URL(fileURLWithPath: "/tmp/site/bilag/a/bilag-a.pdf"),
            site: URL(fileURLWithPath: "/tmp/site", isDirectory: true), publicBase: "https://www.kk.dk/indsats/")
        let data = try PDFFile(Self.sample).rewritten(metadata: metadata) { job.publicLink($0) }
        let text = String(decoding: data, as: UTF8.self)
        let file = try PDFFile(data)
        let info = file.dictionary(1)
        #expect(PDFFile.text("/Title", in: info) == "Bilag 1: Værtsprogram")
        #expect(PDFFile.text("/Author", in: info) == "Københavns Kommune")
        #expect(PDFFile.text("/Producer", in: info) == "Skia/PDF m156")
        #expect(info.contains("/CreationDate (D:20110407000000Z)") && info.contains("/ModDate (D:20110501000000Z)"))
        #expect(!text.contains("HeadlessChrome") && !text.contains("2026"))
        #expect(file.dictionary(2).contains("/Lang (da)"))
        #expect(text.contains("/URI (https://www.kk.dk/indsats/projektbank/a/)"))
        #expect(file.dictionary(9).contains("/ID (node00000001)\n/Headers [(node00000002)]"))
        // Written again, it is the same: nothing depends on the clock or the order of work.
        #expect(try PDFFile(data).rewritten(metadata: metadata) { job.publicLink($0) } == data)
        #expect(file.outline().map(\.title) == ["Indikatorer", "Rettelser"])
    }

    @Test func withoutABaseAddressLinksAreRelativeToThePDF() {
        let job = PDFPrinter.Job(
            page: URL(fileURLWithPath: "/tmp/site/bilag/a/index.html"), pdf: URL(fileURLWithPath: "/tmp/site/bilag/a/bilag-a.pdf"),
            site: URL(fileURLWithPath: "/tmp/site", isDirectory: true))
        #expect(job.publicLink("file:///tmp/site/projektbank/a/index.html#maal") == "../../projektbank/a/index.html#maal")
        #expect(job.publicLink("mailto:a@kk.dk") == nil)
    }

    @Test func aReadableFileIsRequired() {
        #expect(throws: PDFFile.Unreadable.self) { try PDFFile(Data("%PDF-1.4\nnot a pdf".utf8)) }
    }

    @Test func theContentsGetThePagesOfTheirHeadingsInOrder() {
        let html = """
            <li><span class="toc-text">BIF&#39;s indsatser under Beskæftigelses- og Integrationsudvalget</span> <span class="toc-page"></span></li>
            <li><span class="toc-text">Status</span> <span class="toc-page"></span></li>
            <li><span class="toc-text">Status</span> <span class="toc-page"></span></li>
            <li><span class="toc-text">Ikke en overskrift</span> <span class="toc-page"></span></li>
            """
        let outline = [("BIF's indsatser underBeskæftigelses- og Integrationsudvalget", 3), ("Status", 4), ("Andet", 5), ("Status", 7)]
        let filled = PrintedContents.fill(html, outline: outline.map { (title: $0.0, page: $0.1) })
        #expect(filled.components(separatedBy: "<span class=\"toc-page\">").dropFirst().map { $0.prefix { $0 != "<" } } == ["3", "4", "7", ""])
    }
}
