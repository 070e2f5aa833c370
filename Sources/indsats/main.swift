import ArgumentParser
import Foundation
import IndsatsImport
import IndsatsModel
import IndsatsPlatform
import IndsatsRender
import IndsatsServe
import IndsatsSite

@main
struct Indsats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds a municipality's project bank, integration barometer, committee annexes and status reports from Markdown files.",
        subcommands: [Build.self, Check.self, Publish.self, Correct.self, New.self, Schema.self, Serve.self, Import.self])
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site's folder (with indsats.yml, content/ and templates/).")
    var root: String = "."
    @Option(name: .long, help: "The templates folder (default: templates/ in the site's folder).")
    var templates: String?

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
    var templatesURL: URL? { templates.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL } }
}

/// Prints diagnostics compiler-style to standard error, errors first, then a count.
func report(_ diagnostics: Diagnostics) {
    for diagnostic in diagnostics.sorted {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
    let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count, notes = diagnostics.notes.count
    if errors + warnings + notes > 0 {
        var line = "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
        if notes > 0 { line += ", \(notes) note\(notes == 1 ? "" : "s")" }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validates the content and the templates without writing anything.")
    @OptionGroup var site: SiteOptions

    func run() throws {
        let result = SiteBuilder(root: site.rootURL, templates: site.templatesURL).build(write: false)
        report(result.diagnostics)
        if result.diagnostics.hasErrors { throw ExitCode(1) }
        // Counted as `build` counts: pages, and the data files (CSV, JSON, feed, sitemap) apart.
        let files = result.files ?? [], pages = files.filter { $0.hasSuffix(".html") }.count
        print("ok: \(pages) pages and \(files.count - pages) data files would be written")
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Builds the site into output/, replacing it only when the whole build succeeds.")
    @OptionGroup var site: SiteOptions
    @Option(name: .long, help: "The output folder (default: output/ in the site's folder).")
    var output: String?
    @Flag(name: .long, help: "Print how long each stage took.")
    var timings = false
    @Flag(name: .long, help: "Also print each annex and report to PDF (needs Chromium), linked from its page.")
    var pdf = false
    @Flag(name: .long, help: "Replace an output folder that indsats did not make (never the site's folder, content/, templates/, arkiv/, your home folder or a git repository).")
    var force = false

    func run() throws {
        let start = Date()
        var builder = SiteBuilder(
            root: site.rootURL, output: output.map { URL(fileURLWithPath: $0).standardizedFileURL }, templates: site.templatesURL,
            options: RenderOptions(pdf: pdf))
        builder.force = force
        let result = builder.build()
        report(result.diagnostics)
        if timings {
            for (stage, seconds) in result.timings {
                print(String(format: "%8.1f ms  %@", seconds * 1000, stage))
            }
        }
        // A path with a line break in it is printed escaped, as diagnostics print it.
        let shown = SourceLocation.printable(builder.output.path)
        guard let files = result.files, !result.diagnostics.hasErrors else {
            // A build that fails never writes; say so of the output only when there is one
            // (with --root naming a file, the output would be a path below that file).
            let there = FileSystem.kind(builder.output.path) != nil
            FileHandle.standardError.write(Data("build failed: \(there ? "\(shown) was left as it was" : "nothing was written")\n".utf8))
            throw ExitCode(1)
        }
        let pages = files.filter { $0.hasSuffix(".html") }.count
        print("wrote \(pages) pages and \(files.count - pages) data files to \(shown) in \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
    }
}

/// Options shared by `publish` and `correct`.
struct ArchiveOptions: ParsableArguments {
    @Argument(help: "The report's year.")
    var year: Int
    @Option(name: .long, help: "The date to record (YYYY-MM-DD; default: today).")
    var date: String?
    @Flag(name: .long, help: "Archive without a PDF (when Chromium is not installed).")
    var noPdf = false

    /// A `--date` that is no date is refused here, while the arguments are checked, so that
    /// the usage printed with the error is that of the command.
    func validate() throws {
        if let date, Day(iso: date) == nil {
            throw ValidationError("--date: \"\(date)\" is not a date (write an existing day as YYYY-MM-DD, e.g. 2026-12-01)")
        }
    }

    /// The day given with `--date`; nil for today (the builder's build day).
    func day() -> Day? {
        date.flatMap { Day(iso: $0) }
    }
}

struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Publishes a yearly report: freezes its page, data and PDF in arkiv/<year>/, so that every later build shows it as published.")
    @OptionGroup var site: SiteOptions
    @OptionGroup var archive: ArchiveOptions

    func run() throws {
        let result = SiteBuilder(root: site.rootURL, templates: site.templatesURL).publish(year: archive.year, on: archive.day(), pdf: !archive.noPdf)
        report(result.diagnostics)
        if result.diagnostics.hasErrors { throw ExitCode(1) }
        print("archived the \(archive.year) report in \(ReportArchive.folderName)/\(archive.year)/ (commit it)")
    }
}

struct Correct: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Corrects a published report: re-freezes it from the current content with a dated note, shown on the report.")
    @OptionGroup var site: SiteOptions
    @OptionGroup var archive: ArchiveOptions
    @Option(name: .long, help: "What was corrected and why; shown under \"Rettelser\" on the report.")
    var note: String

    func run() throws {
        let result = SiteBuilder(root: site.rootURL, templates: site.templatesURL).publish(year: archive.year, on: archive.day(), correction: note, pdf: !archive.noPdf)
        report(result.diagnostics)
        if result.diagnostics.hasErrors { throw ExitCode(1) }
        print("re-archived the \(archive.year) report with the correction in \(ReportArchive.folderName)/\(archive.year)/ (commit it)")
    }
}

extension NewContent.Kind: ExpressibleByArgument {}

struct New: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Starts a new content file (aktivitet, indikator, bilag or statusrapport) from a title, with every field and a comment on each.")
    @Argument(help: "What to start.")
    var kind: NewContent.Kind
    @Argument(help: "The title; the file is named after it (æ → ae, ø → oe, å → aa).")
    var title: String
    @Option(name: .long, help: "The administration's id in indsats.yml (default: the first listed there).")
    var forvaltning: String?
    @Option(name: .long, help: "The site's folder (with indsats.yml and content/).")
    var root: String = "."

    func run() throws {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        // The one reading of the clock: today's date in the date fields.
        let (path, diagnostics) = NewContent.write(kind, title: title, administration: forvaltning, today: .today(), root: rootURL)
        report(diagnostics)
        guard let path else { throw ExitCode(1) }
        print("wrote \(SourceLocation.printable(path))")
        print("next: fill in its fields, then run indsats check")
    }
}

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Writes a JSON Schema for each kind of content file and for indsats.yml, for editors that check fields as one types.")
    @Option(name: .long, help: "The site's folder (with indsats.yml and content/).")
    var root: String = "."
    @Option(name: .long, help: "The folder to write the schemas into (default: schemas/ in the site's folder).")
    var output: String?

    func run() throws {
        let rootURL = URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL
        let folder = output.map { URL(fileURLWithPath: $0, isDirectory: true).standardizedFileURL } ?? rootURL.appendingPathComponent("schemas")
        let shown = output.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? (root == "." ? "schemas/" : "\(root.hasSuffix("/") ? root : root + "/")schemas/")
        let (written, diagnostics) = SchemaFiles.write(into: folder, shown: shown)
        report(diagnostics)
        guard !diagnostics.hasErrors else { throw ExitCode(1) }
        for path in written { print("wrote \(SourceLocation.printable(path))") }
    }
}
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Previews the site at http://127.0.0.1:<port>/ (this computer only, unless --host), rebuilding it and reloading the browser on every change.")
    @OptionGroup var site: SiteOptions
    @Option(name: .long, help: "The port to serve on.")
    var port: UInt16 = 1414
    @Option(name: .long, help: "The address to serve on: 127.0.0.1 (default) is this computer only; 0.0.0.0 lets the network in.")
    var host = "127.0.0.1"
    @Flag(name: .long, help: "Print how long each stage of every rebuild took.")
    var timings = false

    func run() throws {
        let builder = SiteBuilder(root: site.rootURL, templates: site.templatesURL)
        let server = PreviewServer(builder: builder, host: host, port: port, report: { report($0) }, log: { say($0) })
        if !PreviewServer.isLoopback(host) {
            FileHandle.standardError.write(Data("warning: --host \(host) is not this computer only: anyone who can reach it on the network can read the preview, drafts and errors included\n".utf8))
        }
        server.timings = timings
        let done = DispatchSemaphore(value: 0)
        let failure = Failure()
        Task {
            do {
                try await server.start()
                let shown = host.contains(":") ? "[\(host)]" : host
                say("serving http://\(shown):\(await server.port ?? port)/ (Ctrl-C stops)")
            } catch {
                failure.message = "\(error)"
                done.signal()
            }
        }
        let interrupt = ProcessControl.onInterrupt {
            Task {
                await server.stop()
                done.signal()
            }
        }
        done.wait()
        interrupt.cancel()
        if let message = failure.message {
            FileHandle.standardError.write(Data("error: \(message)\n".utf8))
            throw ExitCode(1)
        }
        print("stopped")
    }

    final class Failure: @unchecked Sendable {
        var message: String?
    }
}

/// A line on standard output, at once (also when the output is a pipe).
func say(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}


struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Reads figures from a spreadsheet into the content files.",
        subcommands: [ImportBudget.self])
}

struct ImportBudget: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "budget",
        abstract: "Updates the activities' budget: from a spreadsheet (.xlsx, .ods or semicolon CSV), a row per activity and a column per year.",
        discussion: "Without --write it is a dry run: it prints each cell that would change, old → new. Rows are matched by slug, else by exact title within the row's administration; a row that matches nothing or more than one activity is an error, and nothing is written while there is any error.")
    @OptionGroup var site: SiteOptions
    @Argument(help: "The spreadsheet: .xlsx, .ods, or .csv separated by semicolons (UTF-8 or Windows-1252).")
    var file: String
    @Option(name: .long, help: "Read only this sheet of the workbook (default: every sheet with cells).")
    var sheet: String?
    @Flag(name: .long, help: "Change the files (each atomically), then run check.")
    var write = false

    func run() throws {
        let plan = BudgetImport(root: site.rootURL, sheetPath: file, sheetName: sheet).plan()
        report(plan.diagnostics)
        if plan.diagnostics.hasErrors {
            FileHandle.standardError.write(Data("nothing was changed: correct the sheet and import it again\n".utf8))
            throw ExitCode(1)
        }
        print(plan.report)
        guard write else {
            if !plan.files.isEmpty { print("dry run: nothing written; add --write to change the files") }
            return
        }
        let (problems, replaced) = plan.write()
        report(problems)
        if problems.hasErrors {
            FileHandle.standardError.write(Data((replaced == 0 ? "nothing was changed: correct the problem above and import again\n" : "some files were changed: run indsats check, then import again (the sheet's cells already written are no change the second time)\n").utf8))
            throw ExitCode(1)
        }
        print("written: \(plan.files.count) file\(plan.files.count == 1 ? "" : "s")")
        let result = SiteBuilder(root: site.rootURL, templates: site.templatesURL).build(write: false)
        report(result.diagnostics)
        if result.diagnostics.hasErrors { throw ExitCode(1) }
        print("check: ok")
    }
}
