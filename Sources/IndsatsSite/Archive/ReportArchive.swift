import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsRender

/// The archive of published yearly reports: `arkiv/<year>/` in the site's folder, kept under
/// version control. Publishing a report freezes it there: its rendered page (with a copy of
/// the stylesheet it was rendered with), its CSV, JSON and PDF, and a copy of every source file
/// it was made from (`kilde/…`: the report, the activities, indicators and policy goals it
/// cites, `indsats.yml`). Every later build copies the frozen files instead of rendering the
/// report, so it reads byte for byte as published even after what it cites has changed. The
/// report's own file may not change; `indsats correct` re-freezes it with a dated correction.
public struct ReportArchive: Sendable {
    public static let folderName = "arkiv"

    /// `arkiv/<year>/manifest.json`.
    public struct Manifest: Codable, Sendable, Equatable {
        public struct Correction: Codable, Sendable, Equatable {
            public var date: String
            public var note: String
        }

        public var year: Int
        /// The day it was frozen (ISO).
        public var archived: String
        public var corrections: [Correction]
        /// The files published under `statusrapporter/<year>/`, with a checksum of each.
        public var files: [String: String]
        /// The source files copied under `kilde/`, relative to the site's folder.
        public var sources: [String]
    }

    public struct Entry: Sendable {
        public var folder: URL
        public var manifest: Manifest

        public var stamp: ArchiveStamp? {
            guard let archived = Day(iso: manifest.archived) else { return nil }
            return ArchiveStamp(
                archived: archived,
                corrections: manifest.corrections.compactMap { correction in Day(iso: correction.date).map { ArchiveStamp.Correction(date: $0, note: correction.note) } })
        }
    }

    public let root: URL
    public var folder: URL { root.appendingPathComponent(Self.folderName) }

    public init(root: URL) {
        self.root = root
    }

    /// Every archived year, read from its manifest.
    public func load(diagnostics: inout Diagnostics) -> [Int: Entry] {
        let fm = FileManager.default
        var entries: [Int: Entry] = [:]
        let years = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        for name in years {
            let manifestURL = folder.appendingPathComponent(name).appendingPathComponent("manifest.json")
            guard fm.fileExists(atPath: manifestURL.path) else { continue }
            let location = SourceLocation(path: "\(Self.folderName)/\(name)/manifest.json")
            do {
                let manifest = try JSONDecoder().decode(Manifest.self, from: Data(contentsOf: manifestURL))
                guard String(manifest.year) == name else {
                    diagnostics.error("the manifest is for \(manifest.year), but its folder is \(name)", at: location, field: "year")
                    continue
                }
                entries[manifest.year] = Entry(folder: folder.appendingPathComponent(name), manifest: manifest)
            } catch {
                diagnostics.error("cannot read the archive's manifest: \(error)", at: location)
            }
        }
        return entries
    }

    /// Checks the content against the archive. A published report whose file changed, or whose
    /// archived files were edited by hand, is an error; a cited source that changed since is a
    /// note that explains why the report did not change with it.
    public func verify(_ entries: [Int: Entry], content: SiteContent, diagnostics: inout Diagnostics) {
        for year in entries.keys.sorted() {
            let entry = entries[year]!
            let archivedOn = entry.stamp.map { DanishFormat.date($0.archived) } ?? entry.manifest.archived
            guard let report = content.reports.first(where: { $0.year == year }) else {
                diagnostics.error(
                    "the \(year) report is published and archived, but content/statusrapporter/ has no report for \(year)",
                    at: SourceLocation(path: "\(Self.folderName)/\(year)/manifest.json"),
                    hint: "a published report stays; restore its file from \(Self.folderName)/\(year)/kilde/")
                continue
            }
            for source in entry.manifest.sources {
                let current = try? Data(contentsOf: root.appendingPathComponent(source))
                let frozen = try? Data(contentsOf: entry.folder.appendingPathComponent("kilde").appendingPathComponent(source))
                guard current != frozen else { continue }
                if source == report.source.path {
                    diagnostics.error(
                        "the \(year) report was published and archived on \(archivedOn); it cannot be changed",
                        at: report.source,
                        hint: "undo the change (the archived file is \(Self.folderName)/\(year)/kilde/\(source)), or record it as a dated correction: indsats correct \(year) --note \"…\"")
                } else {
                    diagnostics.note(
                        current == nil
                            ? "was cited by the \(year) report and is gone; the report keeps the archived version (\(Self.folderName)/\(year)/), archived on \(archivedOn)"
                            : "has changed since the \(year) report that cites it was archived on \(archivedOn); the report keeps the figures as published (\(Self.folderName)/\(year)/)",
                        at: SourceLocation(path: source))
                }
            }
            for (name, checksum) in entry.manifest.files.sorted(by: { $0.key < $1.key }) {
                let url = entry.folder.appendingPathComponent(name)
                guard let data = try? Data(contentsOf: url) else {
                    diagnostics.error("an archived file is missing", at: SourceLocation(path: "\(Self.folderName)/\(year)/\(name)"))
                    continue
                }
                if Self.checksum(data) != checksum {
                    diagnostics.error(
                        "an archived file was changed by hand; the archive must read as published",
                        at: SourceLocation(path: "\(Self.folderName)/\(year)/\(name)"),
                        hint: "restore it with git, or re-freeze the report with indsats correct \(year) --note \"…\"")
                }
            }
        }
    }

    /// The archived files of a year, to be published under `statusrapporter/<year>/`.
    public func outputFiles(_ entry: Entry) throws -> [OutputFile] {
        try entry.manifest.files.keys.sorted().map { name in
            OutputFile(path: "statusrapporter/\(entry.manifest.year)/\(name)", data: try Data(contentsOf: entry.folder.appendingPathComponent(name)))
        }
    }

    /// Freezes a rendered report: its files (as published under `statusrapporter/<year>/`),
    /// the stylesheet, and copies of its sources. Replaces the year's folder atomically.
    public func freeze(year: Int, stamp: ArchiveStamp, published: [OutputFile], stylesheet: Data, sources: [String]) throws {
        let prefix = "statusrapporter/\(year)/"
        var files: [OutputFile] = []
        for file in published where file.path.hasPrefix(prefix) {
            var data = file.data
            let name = String(file.path.dropFirst(prefix.count))
            if name == "index.html" {
                // The page keeps the stylesheet it was published with, beside it.
                let html = String(decoding: data, as: UTF8.self)
                    .replacingOccurrences(of: "href=\"../../assets/style.css\"", with: "href=\"style.css\"")
                data = Data(html.utf8)
            }
            files.append(OutputFile(path: name, data: data))
        }
        files.append(OutputFile(path: "style.css", data: stylesheet))
        var checksums: [String: String] = [:]
        for file in files { checksums[file.path] = Self.checksum(file.data) }
        for source in sources {
            files.append(OutputFile(path: "kilde/" + source, data: try Data(contentsOf: root.appendingPathComponent(source))))
        }
        let manifest = Manifest(
            year: year, archived: stamp.archived.iso,
            corrections: stamp.corrections.map { Manifest.Correction(date: $0.date.iso, note: $0.note) },
            files: checksums, sources: sources.sorted())
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        files.append(OutputFile(path: "manifest.json", data: try encoder.encode(manifest) + Data("\n".utf8)))
        try SiteWriter(output: folder.appendingPathComponent(String(year))).write(files, assets: nil)
    }

    /// The source files a report is made from, relative to the site's folder.
    public static func sources(of report: StatusReport, in site: SiteIndex) -> [String] {
        var paths: Set<String> = [report.source.path, "indsats.yml"]
        let activities = report.sections.flatMap { $0.activities.map(\.activity) }
            + (report.economy?.sections.flatMap(\.rows).compactMap(\.activity) ?? [])
        for reference in activities { if let activity = site.activity(reference.slug) { paths.insert(activity.source.path) } }
        let indicators = report.indicators.compactMap { site.indicator($0.slug) }
        for indicator in indicators + indicators.flatMap({ $0.breakdowns.compactMap { site.indicator($0.indicator.slug) } }) {
            paths.insert(indicator.source.path)
        }
        for status in report.policyGoals { if let goal = site.policyGoal(status.goal.slug) { paths.insert(goal.source.path) } }
        return paths.sorted()
    }

    /// FNV-1a, 64 bits, as hex: enough to see that a file was edited (not a security measure).
    static func checksum(_ data: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}
