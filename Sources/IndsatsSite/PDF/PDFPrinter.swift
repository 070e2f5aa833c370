import Foundation
import IndsatsModel
import IndsatsPlatform

/// Prints pages of a written site to PDF with headless Chromium (Debian `chromium`): A4, the
/// print stylesheet's margins, running header and page numbers, and a tagged PDF. Pages are
/// printed two at a time; each print is a separate browser process. A job with `metadata` is
/// then finished (`finish`): its printed contents numbered by a second print, and the file
/// written again with its own document information and public links (`PDFFile.rewritten`).
public struct PDFPrinter: Sendable {
    public struct Job: Sendable {
        /// The page's HTML file and the PDF to write, both absolute.
        public var page: URL
        public var pdf: URL
        /// The page as messages name it (`bilag/oversigt/index.html`); default: its path.
        public var name: String
        /// The document information to write into the PDF; nil leaves it as Chromium wrote it.
        public var metadata: PDFMetadata?
        /// The site's folder the page is printed from, and the address it is published at:
        /// links to its pages become links to the published site (`base_url`), or without one
        /// relative to the PDF, instead of `file:` addresses of the folder printed from.
        public var site: URL?
        public var publicBase: String?
        /// Whether the page has a printed table of contents to number (`PrintedContents`).
        public var contents = false

        public init(page: URL, pdf: URL, name: String? = nil, metadata: PDFMetadata? = nil, site: URL? = nil, publicBase: String? = nil) {
            self.page = page
            self.pdf = pdf
            self.name = name ?? page.path
            self.metadata = metadata
            self.site = site
            self.publicBase = publicBase
        }
    }

    public let chromium: URL
    /// How long one page may take to print before Chromium is stopped (seconds).
    public var timeout: Double

    public init(chromium: URL, timeout: Double = 60) {
        self.chromium = chromium
        self.timeout = timeout
    }

    /// The browser: `$INDSATS_CHROMIUM`, else `chromium`, `chromium-browser` or
    /// `google-chrome` on the PATH; nil when none is installed.
    public static func find() -> PDFPrinter? {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["INDSATS_CHROMIUM"], FileManager.default.isExecutableFile(atPath: path) {
            return PDFPrinter(chromium: URL(fileURLWithPath: path))
        }
        let folders = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for folder in folders {
                let path = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return PDFPrinter(chromium: URL(fileURLWithPath: path)) }
            }
        }
        return nil
    }

    public static let missingMessage =
        "PDFs are printed with Chromium, which was not found (Debian: apt-get install chromium; or set INDSATS_CHROMIUM to the browser)"

    /// Prints every job; returns the failures as messages.
    public func print(_ jobs: [Job]) -> [String] {
        let lanes = 2
        let results = ParallelMap.map(Array(0..<lanes)) { lane -> [String] in
            stride(from: lane, to: jobs.count, by: lanes).compactMap { index in printOne(jobs[index]) ?? finish(jobs[index]) }
        }
        return results.flatMap { $0 }
    }

    /// Prints one page; the failure as a message naming the page, if any. Chromium's messages
    /// go to a file (not a pipe a hung browser could keep open), and a browser that takes
    /// longer than `timeout` is killed.
    func printOne(_ job: Job) -> String? {
        let profile: URL
        do {
            profile = try FileSystem.makeTemporaryFolder("indsats-chromium")
        } catch {
            return "\(job.name): \(error.description)"
        }
        defer { FileSystem.remove(profile.path) }
        let log = profile.appendingPathComponent("chromium.log")
        let process = Process()
        process.executableURL = chromium
        process.arguments = [
            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--no-pdf-header-footer", "--generate-pdf-document-outline",
            "--print-to-pdf=\(job.pdf.path)", job.page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
        } catch {
            return "\(job.name): " + FileSystemError("cannot start", chromium.path, error: error).description
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            ProcessControl.kill(process.processIdentifier)
            finished.wait()
            return "\(job.name): Chromium did not finish printing the page within \(Wording.seconds(timeout)) and was stopped (try again; if it happens again, build without --pdf)"
        }
        guard process.terminationStatus == 0, FileManager.default.fileExists(atPath: job.pdf.path) else {
            let output = (try? Data(contentsOf: log)) ?? Data()
            let text = String(decoding: output, as: UTF8.self).split(separator: "\n").suffix(3).joined(separator: " ")
            return "\(job.name): Chromium could not print the page (exit \(process.terminationStatus)): \(text)"
        }
        return nil
    }
}

/// Pages Chromium could not print, as the messages `PDFPrinter.print` returns.
struct PrintFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
