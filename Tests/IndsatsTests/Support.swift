import Foundation
import Testing
import IndsatsModel
import IndsatsSite

/// Paths of the repository and its fixtures, found from this file.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("templates")
    static let fixtures = root.appendingPathComponent("Tests/IndsatsTests/Fixtures")
}

/// The folder this test process makes its temporary folders in, removed when the process exits,
/// so that no test leaves anything behind: not the sites that shared `static let`s build once
/// for many tests, nor what a failed test did not get to remove.
let testScratch: URL = {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("indsats-tests-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: testScratch) }
    return url
}()

/// A fresh temporary folder in `testScratch`. A test may remove it when done (it is removed at
/// exit anyway).
func temporaryFolder(_ name: String = "indsats-test") -> URL {
    let url = testScratch.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Builds the site at `root` with the repository's templates into a temporary output folder
/// (in `testScratch`).
func buildSite(_ root: URL) -> (report: SiteBuilder.Report, output: URL) {
    let output = temporaryFolder("indsats-output").appendingPathComponent("output")
    let report = SiteBuilder(root: root, output: output, templates: Repo.templates).build()
    return (report, output)
}

func read(_ output: URL, _ path: String) -> String {
    (try? String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)) ?? ""
}

/// Every file below `folder`, relative, sorted.
func files(in folder: URL) -> [String] {
    (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [])
        .filter { !isDirectory(folder.appendingPathComponent($0)) }.sorted()
}

func isDirectory(_ url: URL) -> Bool {
    var flag: ObjCBool = false
    return FileManager.default.fileExists(atPath: url.path, isDirectory: &flag) && flag.boolValue
}

/// Text of an HTML fragment with the tags removed and white space folded, for phrase checks.
func visibleText(_ html: String) -> String {
    let noTags = html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    return noTags.replacingOccurrences(of: "\\s+", with: " ", options: .regularExpression)
}

/// Links and sources in the site's pages that point to no file: `page → target`.
func brokenLinks(in output: URL) throws -> [String] {
    let linkPattern = try NSRegularExpression(pattern: "(?:href|src)=\"([^\"#]*)(#[^\"]*)?\"")
    var broken: [String] = []
    for path in files(in: output) where path.hasSuffix(".html") {
        let html = read(output, path)
        let folder = output.appendingPathComponent(path).deletingLastPathComponent()
        for match in linkPattern.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
            let target = String(html[Range(match.range(at: 1), in: html)!])
            if target.isEmpty || target.contains(":") { continue }
            let resolved = folder.appendingPathComponent(target).standardizedFileURL
            if !FileManager.default.fileExists(atPath: resolved.path) || isDirectory(resolved) { broken.append("\(path) → \(target)") }
        }
    }
    return broken
}

/// A copy of a fixture site in a fresh folder (remove `.deletingLastPathComponent()` after),
/// with `config` appended to its indsats.yml.
func copyOfFixture(_ name: String, appendingToConfig config: String? = nil) throws -> URL {
    let site = temporaryFolder(name).appendingPathComponent("site")
    try FileManager.default.copyItem(at: Repo.fixtures.appendingPathComponent(name), to: site)
    if let config {
        let file = site.appendingPathComponent("indsats.yml")
        try (String(contentsOf: file, encoding: .utf8) + config).write(to: file, atomically: true, encoding: .utf8)
    }
    return site
}

/// What a run of the `indsats` binary gave: its exit status and what it printed.
struct CommandRun {
    var status: Int32
    var output: String
    var errors: String
}

/// Runs the built `indsats` binary with `arguments` (in `folder`, when given) and waits for it.
func runIndsats(_ arguments: [String], in folder: URL? = nil) throws -> CommandRun {
    let binary = try #require(KilledBuildTests.binary as URL?, "build the indsats binary first: swift build --build-tests")
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    // What it prints is small, well under a pipe's buffer, so reading one stream after the
    // other cannot block.
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    let failed = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return CommandRun(status: process.terminationStatus, output: printed, errors: failed)
}
