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
    static let configuration = CommandConfiguration(abstract: "Validates the site without writing anything.")
    @OptionGroup var site: SiteOptions

    func run() throws {
        let result = SiteChecker.check(root: site.rootURL)
        report(result.diagnostics)
        if result.diagnostics.hasErrors { throw ExitCode(1) }
        print("ok: no errors")
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Builds the site into output/, replacing it only when the whole build succeeds.")
    @OptionGroup var site: SiteOptions

    func run() throws {
        let result = SiteChecker.check(root: site.rootURL)
        report(result.diagnostics)
        if result.diagnostics.hasErrors { throw ExitCode(1) }
    }
}
