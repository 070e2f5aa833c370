import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsRender

/// The PDFs a build prints, with what each says about itself (`PDFMetadata`): the title, the
/// organisation as author, a subject naming the committee, meeting and case, and the
/// document's own dates.
struct PrintJobs {
    let config: SiteConfig
    /// The folder the site is printed from.
    let site: URL

    func annex(_ annex: Annex) -> PDFPrinter.Job {
        var metadata = PDFMetadata(
            title: "Bilag \(annex.number): \(annex.title)", author: author,
            subject: subject("Bilag \(annex.number)", committee: annex.committee.slug, meeting: annex.meetingDate),
            keywords: numbers(case: annex.caseNumber, document: annex.documentNumber), date: annex.date ?? annex.meetingDate)
        metadata.modified = metadata.date
        return job(SitePaths.annex(annex.slug), SitePaths.annexPDF(annex.slug), metadata)
    }

    /// A report's dates: its own date (else when it was published, else when it was archived);
    /// modified on its last correction.
    func report(_ report: StatusReport) -> PDFPrinter.Job {
        var metadata = PDFMetadata(
            title: report.title, author: author,
            subject: subject("Statusredegørelse \(report.year)", committee: report.committee?.slug, meeting: report.meetingDate), keywords: numbers(case: report.caseNumber, document: nil),
            date: report.date ?? report.published ?? report.archive?.archived)
        metadata.modified = report.archive?.corrections.last?.date ?? metadata.date
        var job = job(SitePaths.report(report.year), SitePaths.reportPDF(report.year), metadata)
        job.contents = true
        return job
    }

    var author: String { config.organisation ?? config.title }

    /// What a committee document is and where it goes: "Bilag 16 til Beskæftigelses- og
    /// Integrationsudvalget, mødet 7. april 2011".
    func subject(_ label: String, committee: String?, meeting: Day?) -> String {
        let name = committee.flatMap { config.committee($0)?.name }
        return label + (name.map { " til \($0)" } ?? "") + (meeting.map { ", mødet \(DanishFormat.date($0))" } ?? "")
    }

    func numbers(case caseNumber: String?, document: String?) -> String? {
        let parts = [caseNumber.map { "Sagsnr. \($0)" }, document.map { "Dokumentnr. \($0)" }].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    func job(_ page: String, _ pdf: String, _ metadata: PDFMetadata) -> PDFPrinter.Job {
        PDFPrinter.Job(
            page: site.appendingPathComponent(page), pdf: site.appendingPathComponent(pdf), name: page,
            metadata: metadata, site: site, publicBase: config.baseURL)
    }
}
