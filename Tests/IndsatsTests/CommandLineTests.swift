import Foundation
import Testing

/// The `indsats` command itself, run as the real binary: exit codes, what it prints on which
/// stream, `--root`, and that `check` writes nothing.
@Suite("Command line: exit codes, the summary line, and errors on standard error only")
struct CommandLineTests {
    typealias Run = CommandRun

    /// Runs `indsats` with `arguments` in `folder` (so that `--root` is what finds the site).
    func indsats(_ arguments: [String], in folder: URL) throws -> Run {
        try runIndsats(arguments, in: folder)
    }

    /// A copy of the golden-site fixture with the repository's templates, in a scratch folder,
    /// and an empty folder elsewhere to run the command in.
    func site() throws -> (root: URL, elsewhere: URL) {
        let scratch = temporaryFolder("indsats-command-line")
        let root = scratch.appendingPathComponent("site")
        try FileManager.default.copyItem(at: Repo.fixtures.appendingPathComponent("golden-site"), to: root)
        try FileManager.default.copyItem(at: Repo.templates, to: root.appendingPathComponent("templates"))
        let elsewhere = scratch.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        return (root, elsewhere)
    }

    /// Pages and data files written below `output` (not the assets, not the build's marker).
    func counts(in output: URL) -> (pages: Int, data: Int) {
        let written = files(in: output).filter { !$0.hasPrefix("assets/") && $0 != ".indsats-output" }
        let pages = written.filter { $0.hasSuffix(".html") }.count
        return (pages, written.count - pages)
    }

    @Test func checkWritesNothingAndCountsWhatBuildThenWritesFromASiteElsewhere() throws {
        let (root, elsewhere) = try site()
        let output = root.appendingPathComponent("output")

        let checked = try indsats(["check", "--root", root.path], in: elsewhere)
        #expect(checked.status == 0)
        #expect(checked.errors == "")
        #expect(!FileManager.default.fileExists(atPath: output.path), "check created the output folder")
        #expect(files(in: elsewhere) == [], "check wrote into the folder it was run in")

        let built = try indsats(["build", "--root", root.path], in: elsewhere)
        #expect(built.status == 0)
        #expect(built.errors == "")
        #expect(files(in: elsewhere) == [], "build wrote into the folder it was run in, not the site's")
        let (pages, data) = counts(in: output)
        #expect(pages > 20 && data > 10)
        #expect(checked.output == "ok: \(pages) pages and \(data) data files would be written\n")
        let summary = try #require(built.output.wholeMatch(of: /wrote (\d+) pages and (\d+) data files to (.+) in (\d+\.\d\d) s\n/))
        #expect(Int(summary.1) == pages && Int(summary.2) == data)
        #expect(summary.3 == output.path)
    }

    @Test func warningsAndTheirCountGoToStandardErrorAndTheSummaryAloneToStandardOutput() throws {
        let (root, elsewhere) = try site()
        // A date far in the future: a warning, the site is still built.
        let activity = root.appendingPathComponent("content/aktiviteter/vaertsprogram.md")
        let text = try String(contentsOf: activity, encoding: .utf8).replacingOccurrences(of: "\ndate: 2011-04-07\n", with: "\ndate: 2099-04-07\n")
        try text.write(to: activity, atomically: true, encoding: .utf8)

        let built = try indsats(["build", "--root", root.path], in: elsewhere)
        #expect(built.status == 0)
        #expect(built.errors == """
            content/aktiviteter/vaertsprogram.md:2:1: warning: date: the activity is dated 2099-04-07, in the future (check the year; it is used as written)
            0 errors, 1 warning

            """)
        #expect(built.output.hasPrefix("wrote ") && built.output.filter { $0 == "\n" }.count == 1, "\(built.output)")
    }

    @Test func contentErrorsExitWithOneAndPrintOnlyToStandardError() throws {
        let (root, elsewhere) = try site()
        let activity = root.appendingPathComponent("content/aktiviteter/welcome-house.md")
        let text = try String(contentsOf: activity, encoding: .utf8).replacingOccurrences(of: "administration: BIF", with: "administration: XYZ")
        try text.write(to: activity, atomically: true, encoding: .utf8)
        let error = "content/aktiviteter/welcome-house.md:3:17: error: administration: \"XYZ\" is not an administration in indsats.yml (known: \"BIF\")\n1 error, 0 warnings\n"

        let checked = try indsats(["check", "--root", root.path], in: elsewhere)
        #expect(checked.status == 1)
        #expect(checked.output == "")
        #expect(checked.errors == error)

        let built = try indsats(["build", "--root", root.path], in: elsewhere)
        #expect(built.status == 1)
        #expect(built.output == "")
        #expect(built.errors == error + "build failed: nothing was written\n")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
    }

    @Test(arguments: [["build", "--no-such-option"], ["frobnicate"], ["check", "extra"]])
    func aUsageErrorExitsWithSixtyFourAndShowsTheUsageOnStandardError(_ arguments: [String]) throws {
        let (_, elsewhere) = try site()
        let run = try indsats(arguments, in: elsewhere)
        #expect(run.status == 64)
        #expect(run.output == "")
        #expect(run.errors.hasPrefix("Error: "), "\(run.errors)")
        #expect(run.errors.contains("Usage: indsats"), "\(run.errors)")
        #expect(files(in: elsewhere) == [])
    }

    @Test func helpListsTheSubcommandsOnStandardOutput() throws {
        let (_, elsewhere) = try site()
        let run = try indsats(["--help"], in: elsewhere)
        #expect(run.status == 0)
        #expect(run.errors == "")
        let listed = run.output.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        for command in ["build", "check", "publish", "correct"] {
            #expect(listed.contains("\n  \(command) "), "--help does not list \(command)")
        }
    }
}
