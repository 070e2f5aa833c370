import ArgumentParser
import Foundation
import IndsatsModel
import IndsatsSite

@main
struct Indsats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Builds a municipality's project bank, integration barometer, committee annexes and status reports from Markdown files.",
        subcommands: [Build.self, Check.self])
}

struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: "The site's folder (with indsats.yml, content/ and templates/).")
    var root: String = "."

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true).standardizedFileURL }
}

/// Prints diagnostics compiler-style to standard error, errors first, then a count.
func report(_ diagnostics: Diagnostics) {
    for diagnostic in diagnostics.sorted {
        FileHandle.standardError.write(Data((diagnostic.description + "\n").utf8))
    }
    let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
    if errors + warnings > 0 {
        FileHandle.standardError.write(Data("\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n".utf8))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Validates the content and the templates without writing anything.")
    @OptionGroup var site: SiteOptions

    func run() throws {
        let result = SiteBuilder(root: site.rootURL).build(write: false)
        report(result.diagnostics)
        if result.diagnostics.hasErrors { throw ExitCode(1) }
        print("ok: \(result.files?.count ?? 0) pages would be written")
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Builds the site into output/, replacing it only when the whole build succeeds.")
    @OptionGroup var site: SiteOptions
    @Option(name: .long, help: "The output folder (default: output/ in the site's folder).")
    var output: String?
    @Flag(name: .long, help: "Print how long each stage took.")
    var timings = false

    func run() throws {
        let start = Date()
        let builder = SiteBuilder(root: site.rootURL, output: output.map { URL(fileURLWithPath: $0).standardizedFileURL })
        let result = builder.build()
        report(result.diagnostics)
        if timings {
            for (stage, seconds) in result.timings {
                print(String(format: "%8.1f ms  %@", seconds * 1000, stage))
            }
        }
        guard let files = result.files, !result.diagnostics.hasErrors else {
            FileHandle.standardError.write(Data("build failed: \(builder.output.path) was left as it was\n".utf8))
            throw ExitCode(1)
        }
        let pages = files.filter { $0.path.hasSuffix(".html") }.count
        print("wrote \(pages) pages and \(files.count - pages) data files to \(builder.output.path) in \(String(format: "%.2f", Date().timeIntervalSince(start))) s")
    }
}
