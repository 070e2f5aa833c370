import Foundation
import IndsatsModel
import IndsatsSite

/// Paths of the repository and its fixtures, found from this file.
enum Repo {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let templates = root.appendingPathComponent("templates")
    static let fixtures = root.appendingPathComponent("Tests/IndsatsTests/Fixtures")
}

/// A fresh temporary folder, removed by the caller.
func temporaryFolder(_ name: String = "indsats-test") -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
    try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Builds the site at `root` with the repository's templates into a temporary output folder.
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
