import Foundation

extension PDFPrinter {
    /// After Chromium has printed a page: numbers its printed table of contents (a second
    /// print, see `PrintedContents`), then writes the PDF again with the job's document
    /// information and public links (`PDFFile.rewritten`). The failure as a message, if any.
    func finish(_ job: Job) -> String? {
        guard let metadata = job.metadata else { return nil }
        do {
            var file = try PDFFile(Data(contentsOf: job.pdf))
            if job.contents, let failure = try numberContents(job, outline: file.outline()) {
                return failure
            }
            if job.contents { file = try PDFFile(Data(contentsOf: job.pdf)) }
            try file.rewritten(metadata: metadata) { job.publicLink($0) }.write(to: job.pdf)
            return nil
        } catch {
            return "\(job.name): the printed PDF could not be finished: \(error)"
        }
    }

    /// Prints the page again with the page numbers of its table of contents filled in, from
    /// the first print's outline; a copy of the page beside it is printed and removed.
    func numberContents(_ job: Job, outline: [(title: String, page: Int)]) throws -> String? {
        let html = try String(contentsOf: job.page, encoding: .utf8)
        let numbered = PrintedContents.fill(html, outline: outline)
        guard numbered != html else { return nil }
        let copy = job.page.deletingLastPathComponent().appendingPathComponent(".indsats-contents-" + job.page.lastPathComponent)
        try numbered.write(to: copy, atomically: false, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: copy) }
        return printOne(Job(page: copy, pdf: job.pdf, name: job.name))
    }
}

extension PDFPrinter.Job {
    /// A link of the printed page as the PDF should have it: a page of the site at its public
    /// address (`publicBase`, without a final `index.html`), or relative to the PDF's folder
    /// when the site has no `base_url`; other links (e-mail, the web) as they are.
    func publicLink(_ uri: String) -> String? {
        guard let site else { return nil }
        let prefix = site.absoluteString.hasSuffix("/") ? site.absoluteString : site.absoluteString + "/"
        guard uri.hasPrefix(prefix) else { return nil }
        var path = String(uri.dropFirst(prefix.count))
        if let publicBase {
            if path.hasSuffix("index.html") { path.removeLast("index.html".count) }
            if let hash = path.range(of: "index.html#") { path.replaceSubrange(hash, with: "#") }
            return (publicBase.hasSuffix("/") ? publicBase : publicBase + "/") + path
        }
        let folder = pdf.deletingLastPathComponent().absoluteString
        let depth = folder.hasPrefix(prefix) ? folder.dropFirst(prefix.count).split(separator: "/").count : 0
        return String(repeating: "../", count: depth) + path
    }
}
