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
/// The archive is sealed: its manifest records a SHA-256 of every frozen file and a seal over
/// what it records, and `verify` refuses any difference (see `ArchiveManifest`).
public struct ReportArchive: Sendable {
    public static let folderName = "arkiv"

    public struct Entry: Sendable {
        public var folder: URL
        public var manifest: ArchiveManifest

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

    /// Every archived year, read from its manifest. A manifest that cannot be read is an error
    /// (and its year is left out). Hidden entries are not years: among them are the staging
    /// folders of a `publish` or `correct` that was stopped half-way (`.2009.building-123`).
    public func load(diagnostics: inout Diagnostics) -> [Int: Entry] {
        let fm = FileManager.default
        var entries: [Int: Entry] = [:]
        let names = ((try? fm.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        let years = names.filter { !$0.hasPrefix(".") }
        // Where the file system cannot swap folders in one step, a year's folder is moved aside
        // for a moment; stopped then, the report would silently be no longer archived.
        for aside in names where aside.hasPrefix(".") {
            let year = String(aside.dropFirst().prefix { $0 != "." })
            guard !year.isEmpty, !years.contains(year), SiteWriter.leftoverKind(aside, of: year) == .old else { continue }
            diagnostics.error(
                "the archived \(year) report was moved aside by a publish or correct that was stopped, so it is not in \(Self.folderName)/\(year)/",
                at: SourceLocation(path: "\(Self.folderName)/\(aside)"), hint: "rename \(Self.folderName)/\(aside) back to \(Self.folderName)/\(year)")
        }
        for name in years {
            let manifestURL = folder.appendingPathComponent(name).appendingPathComponent("manifest.json")
            let location = SourceLocation(path: "\(Self.folderName)/\(name)/manifest.json")
            let restore = "restore it from version control: git checkout -- \(location.path)"
            guard fm.fileExists(atPath: manifestURL.path) else {
                // A folder of frozen files without its manifest would no longer be frozen.
                let files = (try? fm.contentsOfDirectory(atPath: folder.appendingPathComponent(name).path)) ?? []
                if files.contains(where: { !$0.hasPrefix(".") }) {
                    diagnostics.error("the archive folder \(Self.folderName)/\(name)/ has lost its manifest; without it the report would no longer be frozen", at: location, hint: restore)
                }
                continue
            }
            guard let data = try? Data(contentsOf: manifestURL) else {
                diagnostics.error("the archive's manifest cannot be read", at: location, hint: "check that the file can be read")
                continue
            }
            let manifest: ArchiveManifest
            do {
                manifest = try JSONDecoder().decode(ArchiveManifest.self, from: data)
            } catch {
                diagnostics.error("the archive's manifest is not as indsats writes it: \(Self.describe(error))", at: location, hint: restore)
                continue
            }
            guard String(manifest.year) == name else {
                diagnostics.error("the manifest is for \(manifest.year), but its folder is \(name)", at: location, field: "year", hint: restore)
                continue
            }
            entries[manifest.year] = Entry(folder: folder.appendingPathComponent(name), manifest: manifest)
        }
        return entries
    }

    /// A decoding error as a sentence, naming the field.
    static func describe(_ error: Error) -> String {
        func field(_ path: [CodingKey], _ key: CodingKey? = nil) -> String {
            let names = (path + (key.map { [$0] } ?? [])).map { $0.intValue.map { String($0 + 1) } ?? $0.stringValue }
            return names.isEmpty ? "the file" : "\"\(names.joined(separator: "."))\""
        }
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?: return "\(field(context.codingPath, key)) is missing"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?: return "\(field(context.codingPath)) has the wrong form"
        case .dataCorrupted(let context)?: return context.codingPath.isEmpty ? "it is not valid JSON" : "\(field(context.codingPath)) has the wrong form"
        default: return "it cannot be decoded"
        }
    }

    /// Checks the archive and the content against it:
    /// - the manifest's seal matches what it records (else nothing in it can be trusted);
    /// - every frozen file, output and source (`kilde/…`), is there with its recorded SHA-256;
    /// - the report's own file is as archived; a cited source that changed since is a note that
    ///   explains why the report did not change with it.
    /// For `correcting`, the year being re-frozen by `indsats correct`, only the seal is checked:
    /// the correction replaces the frozen files from the content.
    public func verify(_ entries: [Int: Entry], content: SiteContent, correcting: Int? = nil, diagnostics: inout Diagnostics) {
        for year in entries.keys.sorted() {
            let entry = entries[year]!
            guard verifySeal(entry, diagnostics: &diagnostics), year != correcting else { continue }
            let intactSources = verifyFiles(entry, diagnostics: &diagnostics)
            let archivedOn = entry.stamp.map { DanishFormat.date($0.archived) } ?? entry.manifest.archived
            guard let report = content.reports.first(where: { $0.year == year }) else {
                diagnostics.error(
                    "the \(year) report is published and archived, but content/statusrapporter/ has no report for \(year)",
                    at: SourceLocation(path: "\(Self.folderName)/\(year)/manifest.json"),
                    hint: "a published report stays; restore its file from \(Self.folderName)/\(year)/kilde/")
                continue
            }
            for source in entry.manifest.sources.keys.sorted() where intactSources.contains(source) {
                // The frozen copy is intact (`verifyFiles`): its SHA-256 is the manifest's.
                let current = try? Data(contentsOf: root.appendingPathComponent(source))
                guard current.map(SHA256.hex) != entry.manifest.sources[source] else { continue }
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
        }
    }

    /// Whether the manifest is as `publish` or `correct` wrote it: well-formed, and its seal
    /// matches what it records. A hand edit of a date, a note or a checksum breaks the seal.
    func verifySeal(_ entry: Entry, diagnostics: inout Diagnostics) -> Bool {
        let manifest = entry.manifest
        let location = SourceLocation(path: "\(Self.folderName)/\(manifest.year)/manifest.json")
        let restore = "restore it from version control: git checkout -- \(location.path); only indsats publish and indsats correct write the archive"
        guard manifest.seal == manifest.computedSeal else {
            diagnostics.error(
                "the manifest of the \(manifest.year) report was changed by hand: its seal does not match what it records",
                at: location, field: "seal", hint: restore)
            return false
        }
        let problems = manifest.formProblems
        guard problems.isEmpty else {
            diagnostics.error("the manifest of the \(manifest.year) report is not as indsats writes it: " + problems.joined(separator: "; "), at: location, hint: restore)
            return false
        }
        return true
    }

    /// Checks every frozen file against its SHA-256, and warns about files the manifest does
    /// not list (they are not part of the report). Returns the sources whose frozen copy is intact.
    func verifyFiles(_ entry: Entry, diagnostics: inout Diagnostics) -> Set<String> {
        let year = entry.manifest.year
        let hint = { (path: String) in
            "restore it from version control: git checkout -- \(path); to change the published report, change its content and record a dated correction: indsats correct \(year) --note \"…\""
        }
        func check(_ relative: String, _ checksum: String) -> Bool {
            let path = "\(Self.folderName)/\(year)/\(relative)"
            guard let data = try? Data(contentsOf: entry.folder.appendingPathComponent(relative)) else {
                diagnostics.error("the manifest of the archived \(year) report lists this file, but it is missing", at: SourceLocation(path: path), hint: hint(path))
                return false
            }
            guard SHA256.hex(data) == checksum else {
                diagnostics.error(
                    "a file of the archived \(year) report was changed after it was published: its SHA-256 is not the one in the manifest",
                    at: SourceLocation(path: path), hint: hint(path))
                return false
            }
            return true
        }
        for (name, checksum) in entry.manifest.files.sorted(by: { $0.key < $1.key }) { _ = check(name, checksum) }
        var intact: Set<String> = []
        for (source, checksum) in entry.manifest.sources.sorted(by: { $0.key < $1.key }) where check("kilde/" + source, checksum) {
            intact.insert(source)
        }
        for path in Self.unlistedFiles(in: entry.folder, manifest: entry.manifest) where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            diagnostics.warning(
                "is not part of the archived \(year) report (its manifest does not list it), so it is not published",
                at: SourceLocation(path: "\(Self.folderName)/\(year)/\(path)"), hint: "remove it")
        }
        return intact
    }

    /// The files below a year's folder that are not the archive's own: not the manifest and
    /// not listed in it (every file when there is no manifest), hidden ones included; relative
    /// to `folder`, sorted.
    static func unlistedFiles(in folder: URL, manifest: ArchiveManifest?) -> [String] {
        var listed: Set<String> = ["manifest.json"]
        if let manifest { listed.formUnion(Array(manifest.files.keys) + manifest.sources.keys.map { "kilde/" + $0 }) }
        let present = FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []
        return present.filter { path in
            var isFolder: ObjCBool = false
            return !listed.contains(path)
                && FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    /// `freeze` replaces the year's folder whole: a file in it that is not the archive's own
    /// (a note put there by hand) is an error, so that publishing never deletes it.
    func checkFreeze(year: Int, manifest: ArchiveManifest?, _ diagnostics: inout Diagnostics) {
        let name = "\(Self.folderName)/\(year)"
        for path in Self.unlistedFiles(in: folder.appendingPathComponent(String(year)), manifest: manifest) {
            diagnostics.error(
                "is not part of the archived \(year) report; archiving replaces \(name)/ whole, so it would delete this file",
                at: SourceLocation(path: "\(name)/\(path)"), hint: "move it out of \(name)/ and run the command again")
        }
    }

    /// What `publish` and `correct` are asked to record: a day not after today, and for a
    /// correction a note that says something.
    static func checkRequest(day: Day, note: String?, today: Day, at here: SourceLocation) -> Diagnostics {
        var diagnostics = Diagnostics()
        if day > today {
            diagnostics.error(
                "the date \(day.iso) is in the future; the archive records the day a report was published or corrected", at: here,
                field: "--date", hint: "leave out --date to record today, or give a date up to today")
        }
        if let note, note.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            diagnostics.error(
                "a correction needs a note that says what was corrected and why; it is shown on the report under \"Rettelser\"", at: here,
                field: "--note", hint: "for example: --note \"Tabel 2: beløbet for 2009 rettet fra 88,4 til 86,4 mio. kr.\"")
        }
        return diagnostics
    }

    /// A correction is dated on or after the archiving and the last correction before it.
    static func checkCorrectionDate(_ day: Day, after stamp: ArchiveStamp?, at here: SourceLocation, _ diagnostics: inout Diagnostics) {
        guard let stamp else { return }
        let last = stamp.corrections.last?.date
        let earliest = max(last ?? stamp.archived, stamp.archived)
        guard day < earliest else { return }
        let what = last == earliest ? "the last correction, dated" : "the report was published and archived on"
        diagnostics.error(
            "the correction is dated \(DanishFormat.date(day)), before \(what) \(DanishFormat.date(earliest)); corrections are recorded in the order they are made",
            at: here, field: "--date", hint: "give --date \(earliest.iso) or later, or leave it out to record today")
    }

    /// The archived files of a year, to be published under `statusrapporter/<year>/`.
    public func outputFiles(_ entry: Entry) throws -> [OutputFile] {
        try entry.manifest.files.keys.sorted().map { name in
            OutputFile(path: "statusrapporter/\(entry.manifest.year)/\(name)", data: try Data(contentsOf: entry.folder.appendingPathComponent(name)))
        }
    }

    /// Freezes a rendered report: its files (as published under `statusrapporter/<year>/`),
    /// the stylesheet, and copies of its sources, with a sealed manifest. Replaces the year's
    /// folder atomically.
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
        for file in files { checksums[file.path] = SHA256.hex(file.data) }
        var sourceChecksums: [String: String] = [:]
        for source in sources {
            let data = try Data(contentsOf: root.appendingPathComponent(source))
            sourceChecksums[source] = SHA256.hex(data)
            files.append(OutputFile(path: "kilde/" + source, data: data))
        }
        var manifest = ArchiveManifest(
            year: year, archived: stamp.archived.iso,
            corrections: stamp.corrections.map { ArchiveManifest.Correction(date: $0.date.iso, note: $0.note) },
            files: checksums, sources: sourceChecksums, seal: "")
        manifest.seal = manifest.computedSeal
        files.append(OutputFile(path: "manifest.json", data: try manifest.encoded()))
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
}
