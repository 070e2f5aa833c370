import Foundation
import IndsatsSite
import Testing

/// The last lines `indsats build` prints, run as the real binary.
@Suite("Build command: its closing line is one line and true")
struct BuildCommandTests {
    /// Runs `indsats build` with `arguments`.
    func build(_ arguments: [String]) throws -> CommandRun {
        try runIndsats(["build"] + arguments)
    }

    @Test func anOutputPathWithALineBreakIsPrintedEscaped() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let output = site.scratch.appendingPathComponent("out\nput")
        let built = try build(["--root", site.root.path, "--output", output.path])
        #expect(built.status == 0, "\(built.errors)")
        #expect(built.output.hasPrefix("wrote "))
        #expect(built.output.contains(" to \"\(site.scratch.path)/out\\nput\" in "), "\(built.output)")
        #expect(built.output.filter { $0 == "\n" }.count == 1)

        // A file in the way: the build fails, and says so on one line.
        let blocked = site.scratch.appendingPathComponent("blo\ncked")
        try Data("x".utf8).write(to: blocked)
        let failed = try build(["--root", site.root.path, "--output", blocked.path])
        #expect(failed.status == 1)
        #expect(failed.errors.hasSuffix("\nbuild failed: \"\(site.scratch.path)/blo\\ncked\" was left as it was\n"), "\(failed.errors)")
    }
}

extension BuildCommandTests {
    @Test func aRootThatIsAFileSaysNothingWasWrittenNotThatAnOutputBelowItWasKept() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        let file = site.root.appendingPathComponent("indsats.yml")
        let failed = try build(["--root", file.path])
        #expect(failed.status == 1)
        #expect(failed.errors.contains("error: \(file.path) is a file, not a site's folder"), "\(failed.errors)")
        #expect(failed.errors.hasSuffix("\nbuild failed: nothing was written\n"), "\(failed.errors)")
        #expect(!failed.errors.contains("was left as it was"))
    }

    @Test func aFailedBuildNamesTheOutputItLeftAsItWas() throws {
        let site = try ScratchSite()
        defer { site.remove() }
        try Data("x".utf8).write(to: site.output)
        let failed = try build(["--root", site.root.path])
        #expect(failed.status == 1)
        #expect(failed.errors.hasSuffix("\nbuild failed: \(site.output.path) was left as it was\n"), "\(failed.errors)")
    }
}
