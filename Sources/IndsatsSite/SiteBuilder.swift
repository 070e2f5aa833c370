import Foundation
import IndsatsLoad
import IndsatsModel
import IndsatsPlatform
import IndsatsRender

/// The build pipeline, as named steps: load → validate → templates → render → write (→ PDF).
public struct SiteBuilder: Sendable {
    public struct Report: Sendable {
        public var diagnostics: Diagnostics
        /// The paths of the files written, sorted (nil when the build stopped on errors).
        public var files: [String]?
        /// Seconds per stage, in order.
        public var timings: [(stage: String, seconds: Double)]
    }

    public let root: URL
    public let output: URL
    /// The templates folder (default: `templates/` in the site's folder).
    public let templates: URL
    public let options: RenderOptions
    /// Replace an output folder that an earlier build did not make (`build --force`); the
    /// site's own folders are never replaced (see `OutputLocation`).
    public var force = false
    /// How long a build waits for another build writing the same output (seconds).
    public var lockTimeout: Double = 60

    public init(root: URL, output: URL? = nil, templates: URL? = nil, options: RenderOptions = RenderOptions()) {
        self.root = root
        self.output = output ?? root.appendingPathComponent("output")
        self.templates = templates ?? root.appendingPathComponent("templates")
        self.options = options
    }

    /// What the pipeline has once content, archive and templates are read and checked.
    struct Prepared {
        var content: SiteContent
        var archive: [Int: ReportArchive.Entry]
        var templates: TemplateSet
    }

    /// Runs the pipeline; with `write: false` it stops before writing (what `check` needs).
    public func build(write: Bool = true) -> Report {
        var timings: [(String, Double)] = []
        var diagnostics = Diagnostics()
        let location = OutputLocation(output: output, root: root, templates: templates, force: force)
        if write, case .refuse(let refusal) = location.target() { diagnostics.append(contentsOf: [refusal]) }
        guard let prepared = prepare(&diagnostics, &timings, exceptArchived: nil) else {
            return Report(diagnostics: diagnostics, files: nil, timings: timings)
        }
        let printer = options.pdf && write ? PDFPrinter.find() : nil
        if options.pdf && write && printer == nil {
            diagnostics.error(PDFPrinter.missingMessage, at: SourceLocation(path: "indsats build --pdf"))
            return Report(diagnostics: diagnostics, files: nil, timings: timings)
        }
        let indexClock = TimeSums()
        let renderer = Self.timed("indexes and list rows", &timings) {
            SiteRenderer(content: prepared.content, templates: prepared.templates, options: options, clock: indexClock)
        }
        Self.addParts(indexClock.seconds, to: &timings)
        // Published reports are copied from the archive, never rendered again.
        let archivedPrefixes = prepared.archive.keys.map { "statusrapporter/\($0)/" }
        guard let frozen = frozenFiles(prepared.archive, &diagnostics) else {
            return Report(diagnostics: diagnostics, files: nil, timings: timings)
        }
        guard write else {
            return renderOnly(renderer, keeping: frozen, archivedPrefixes: archivedPrefixes, diagnostics, timings)
        }
        let writer = SiteWriter(output: output, location: location, lockTimeout: lockTimeout)
        do {
            // Pages are written as they are rendered.
            let staging = try writer.begin()
            let clock = TimeSums()
            Self.timed("render and write", &timings) {
                renderer.render(into: { file in
                    if archivedPrefixes.contains(where: { file.path.hasPrefix($0) }) { return }
                    clock.measure("write files") { staging.write(file) }
                }, clock: clock)
                frozen.forEach(staging.write)
            }
            Self.addParts(clock.seconds, to: &timings)
            // A page that could not be rendered: nothing is published.
            diagnostics.append(contentsOf: renderer.renderErrors)
            guard !diagnostics.hasErrors else {
                writer.abort(staging)
                return Report(diagnostics: diagnostics, files: nil, timings: timings)
            }
            try Self.timed("finish (assets\(options.pdf ? ", PDF" : ""), swap)", &timings) {
                try writer.commit(staging, assets: templates.appendingPathComponent("assets")) { folder in
                    guard let printer else { return }
                    try printPDFs(with: printer, in: folder, content: prepared.content, archived: Set(prepared.archive.keys))
                }
            }
            return Report(diagnostics: diagnostics, files: staging.written.sorted(), timings: timings)
        } catch SiteWriter.Failure.refused(let refusal) {
            diagnostics.append(contentsOf: [refusal])
            return Report(diagnostics: diagnostics, files: nil, timings: timings)
        } catch {
            diagnostics.error("the site was not written: " + FileSystemError.sentence(for: error, "cannot write", location.shown), at: SourceLocation(path: location.shown))
            return Report(diagnostics: diagnostics, files: nil, timings: timings)
        }
    }

    /// The archived reports' files, as published; nil (and an error) when one cannot be read.
    func frozenFiles(_ entries: [Int: ReportArchive.Entry], _ diagnostics: inout Diagnostics) -> [OutputFile]? {
        let archive = ReportArchive(root: root)
        do {
            return try entries.keys.sorted().flatMap { try archive.outputFiles(entries[$0]!) }
        } catch {
            diagnostics.error(FileSystemError.sentence(for: error, "cannot read the archived report", ReportArchive.folderName), at: SourceLocation(path: ReportArchive.folderName))
            return nil
        }
    }

    /// `check`: renders without writing, and reports the paths a build would write.
    func renderOnly(
        _ renderer: SiteRenderer, keeping frozen: [OutputFile], archivedPrefixes: [String], _ diagnostics: Diagnostics, _ timings: [(String, Double)]
    ) -> Report {
        var diagnostics = diagnostics, timings = timings
        let paths = Self.timed("render", &timings) { renderer.render().map(\.path) }
        diagnostics.append(contentsOf: renderer.renderErrors)
        guard !diagnostics.hasErrors else { return Report(diagnostics: diagnostics, files: nil, timings: timings) }
        let kept = paths.filter { path in !archivedPrefixes.contains { path.hasPrefix($0) } } + frozen.map(\.path)
        return Report(diagnostics: diagnostics, files: kept.sorted(), timings: timings)
    }

    /// Freezes the report of `year` in the archive (`arkiv/<year>/`), or, with a `correction`,
    /// re-freezes an archived one with that dated note. Nothing is archived when there are errors.
    /// The day (default: `options.today`, the one reading of the clock) may not be after
    /// `options.today`; a correction needs a note (not only white space) and a day not before
    /// the archiving nor before the last correction.
    public func publish(year: Int, on day: Day? = nil, correction: String? = nil, pdf: Bool = true) -> Report {
        let day = day ?? options.today
        var timings: [(String, Double)] = []
        let here = SourceLocation(path: "\(ReportArchive.folderName)/\(year)")
        var diagnostics = ReportArchive.checkRequest(day: day, note: correction, today: options.today, at: here)
        let correction = correction?.trimmingCharacters(in: .whitespacesAndNewlines)
        var loaded = Diagnostics()
        guard var prepared = prepare(&loaded, &timings, exceptArchived: correction == nil ? nil : year) else {
            diagnostics.append(contentsOf: loaded)
            return Report(diagnostics: diagnostics, files: nil, timings: timings)
        }
        diagnostics.append(contentsOf: loaded)
        guard let index = prepared.content.reports.firstIndex(where: { $0.year == year }) else {
            diagnostics.error("there is no report for \(year) in content/statusrapporter/", at: here)
            return Report(diagnostics: diagnostics, files: nil, timings: timings)
        }
        let existing = prepared.archive[year]
        Self.checkArchiveState(year: year, existing: existing, correcting: correction != nil, day: day, at: here, &diagnostics)
        ReportArchive(root: root).checkFreeze(year: year, manifest: existing?.manifest, &diagnostics)
        let printer = PDFPrinter.find()
        if pdf && printer == nil {
            diagnostics.error(PDFPrinter.missingMessage, at: here, hint: "or publish without a PDF: --no-pdf")
        }
        guard !diagnostics.hasErrors else { return Report(diagnostics: diagnostics, files: nil, timings: timings) }

        var stamp = existing?.stamp ?? ArchiveStamp(archived: day)
        if let correction { stamp.corrections.append(ArchiveStamp.Correction(date: day, note: correction)) }
        prepared.content.reports[index].archive = stamp
        let report = prepared.content.reports[index]
        let renderer = SiteRenderer(content: prepared.content, templates: prepared.templates, options: RenderOptions(pdf: pdf))
        var files = renderer.render()
        diagnostics.append(contentsOf: renderer.renderErrors)
        guard !diagnostics.hasErrors else { return Report(diagnostics: diagnostics, files: nil, timings: timings) }
        do {
            if pdf, let printer { files.append(try reportPDF(report, config: prepared.content.config, of: files, with: printer)) }
            let stylesheet = try Data(contentsOf: templates.appendingPathComponent("assets/style.css"))
            try ReportArchive(root: root).freeze(
                year: year, stamp: stamp, published: files, stylesheet: stylesheet,
                sources: ReportArchive.sources(of: report, in: SiteIndex(prepared.content)))
        } catch {
            diagnostics.error("the report was not archived: " + FileSystemError.sentence(for: error, "cannot archive", here.path), at: here)
            return Report(diagnostics: diagnostics, files: nil, timings: timings)
        }
        return Report(diagnostics: diagnostics, files: files.map(\.path).sorted(), timings: timings)
    }

    /// Publishing needs a report not archived yet; a correction an archived one, on a day not
    /// before its last stamp.
    static func checkArchiveState(
        year: Int, existing: ReportArchive.Entry?, correcting: Bool, day: Day, at here: SourceLocation, _ diagnostics: inout Diagnostics
    ) {
        switch (existing, correcting) {
        case (.some(let entry), false):
            diagnostics.error(
                "the \(year) report was already published and archived on \(entry.manifest.archived)", at: here,
                hint: "a change to it is a correction: indsats correct \(year) --note \"…\"")
        case (nil, true):
            diagnostics.error("the \(year) report has not been published yet", at: here, hint: "publish it first: indsats publish \(year)")
        case (.some(let entry), true):
            ReportArchive.checkCorrectionDate(day, after: entry.stamp, at: here, &diagnostics)
        default: break
        }
    }

    /// The PDF of the report of `year`, printed from a complete copy of the site (so that the
    /// page finds its stylesheet).
    func reportPDF(_ report: StatusReport, config: SiteConfig, of files: [OutputFile], with printer: PDFPrinter) throws -> OutputFile {
        let scratch = try FileSystem.makeTemporaryFolder("indsats-publish")
        defer { FileSystem.remove(scratch.path) }
        let site = scratch.appendingPathComponent("site")
        try SiteWriter(output: site).write(files, assets: templates.appendingPathComponent("assets"))
        let path = SitePaths.reportPDF(report.year)
        let failures = printer.print([PrintJobs(config: config, site: site).report(report)])
        if let failure = failures.first { throw PrintFailure(message: failure) }
        return OutputFile(path: path, data: try Data(contentsOf: site.appendingPathComponent(path)))
    }

    /// Load, validate (content, reserved names, archive) and read the templates.
    /// With a `cache`, only the content files in `changed` (and new ones) are read again.
    func prepare(
        _ diagnostics: inout Diagnostics, _ timings: inout [(String, Double)], exceptArchived: Int?,
        cache: ContentLoader.LoadCache? = nil, changed: Set<String> = []
    ) -> Prepared? {
        let loaded = Self.timed("load (files, front matter, YAML, Markdown, model)", &timings) {
            ContentLoader(root: root).load(reusing: cache, changed: changed)
        }
        Self.addParts(loaded.parts, to: &timings)
        diagnostics.append(contentsOf: loaded.diagnostics)
        guard var content = loaded.content else { return nil }
        let archive = ReportArchive(root: root)
        var entries: [Int: ReportArchive.Entry] = [:]
        Self.timed("validate", &timings) {
            diagnostics.append(contentsOf: SiteValidator.validate(content, today: options.today))
            checkReservedNames(content, &diagnostics)
            entries = archive.load(diagnostics: &diagnostics)
            archive.verify(entries, content: content, correcting: exceptArchived, diagnostics: &diagnostics)
        }
        for index in content.reports.indices {
            if let entry = entries[content.reports[index].year] { content.reports[index].archive = entry.stamp }
        }
        let templateSet = Self.timed("templates (read)", &timings) { TemplateSet.load(from: self.templates, diagnostics: &diagnostics) }
        guard !diagnostics.hasErrors else { return nil }
        return Prepared(content: content, archive: entries, templates: templateSet)
    }

    func checkReservedNames(_ content: SiteContent, _ diagnostics: inout Diagnostics) {
        for activity in content.activities where SitePaths.reservedActivitySlugs.contains(activity.slug) {
            diagnostics.error(
                "the file name \"\(activity.slug)\" is taken by a project bank page (projektbank/\(activity.slug)/)",
                at: activity.source, field: "slug",
                hint: "rename the file; reserved: " + SitePaths.reservedActivitySlugs.sorted().joined(separator: ", "))
        }
        for indicator in content.indicators where SitePaths.reservedIndicatorSlugs.contains(indicator.slug) {
            diagnostics.error(
                "the file name \"\(indicator.slug)\" is taken by the barometer's own pages (barometer/\(indicator.slug)/)",
                at: indicator.source, field: "slug", hint: "rename the file")
        }
    }

    /// PDFs of the annexes and of the reports not in the archive (the archive has its own).
    func printPDFs(with printer: PDFPrinter, in site: URL, content: SiteContent, archived: Set<Int>) throws {
        let jobs = PrintJobs(config: content.config, site: site)
        let failures = printer.print(content.annexes.map(jobs.annex) + content.reports.filter { !archived.contains($0.year) }.map(jobs.report))
        if !failures.isEmpty { throw PrintFailure(message: failures.joined(separator: "; ")) }
    }

    /// The parts of the stage just timed, as indented lines: time added up over the threads
    /// (on two cores the parts can add up to twice the stage's wall time).
    static func addParts(_ parts: [(part: String, seconds: Double)], to timings: inout [(String, Double)]) {
        for part in parts { timings.append(("  · \(part.part) (summed over threads)", part.seconds)) }
    }

    static func timed<T>(_ stage: String, _ timings: inout [(String, Double)], _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { timings.append((stage, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try work()
    }
}
