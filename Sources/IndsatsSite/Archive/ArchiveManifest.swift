import Foundation
import IndsatsModel

/// `arkiv/<year>/manifest.json`: what was frozen, with a SHA-256 of every file, and a seal
/// over all it records, so that a hand edit of a frozen file or of the manifest is caught.
public struct ArchiveManifest: Codable, Sendable, Equatable {
    public struct Correction: Codable, Sendable, Equatable {
        public var date: String
        public var note: String
    }

    public var year: Int
    /// The day it was frozen (ISO).
    public var archived: String
    public var corrections: [Correction]
    /// The files published under `statusrapporter/<year>/`, with the SHA-256 of each.
    public var files: [String: String]
    /// The source files copied under `kilde/`, relative to the site's folder, with the
    /// SHA-256 of each.
    public var sources: [String: String]
    /// The SHA-256 of `sealText`: everything above, in a fixed form.
    public var seal: String

    /// What the seal is a digest of: one field a line, every value preceded by its length
    /// in UTF-8 bytes (so that no value can be mistaken for the next field), files and
    /// sources sorted by name.
    public var sealText: String {
        var lines = ["indsats-arkiv-1"]
        func add(_ field: String, _ value: String) { lines.append("\(field) \(value.utf8.count):\(value)") }
        add("year", String(year))
        add("archived", archived)
        for correction in corrections {
            add("correction.date", correction.date)
            add("correction.note", correction.note)
        }
        for (name, checksum) in files.sorted(by: { $0.key < $1.key }) {
            add("file", name)
            add("sha256", checksum)
        }
        for (path, checksum) in sources.sorted(by: { $0.key < $1.key }) {
            add("source", path)
            add("sha256", checksum)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The seal these contents should have.
    public var computedSeal: String { SHA256.hex(Data(sealText.utf8)) }

    /// What makes a manifest other than `publish` and `correct` write it, even with a matching
    /// seal: dates that are not dates, files outside the archive, checksums that are not SHA-256.
    var formProblems: [String] {
        var problems: [String] = []
        if Day(iso: archived) == nil { problems.append("\"archived\" is not a date") }
        if corrections.contains(where: { Day(iso: $0.date) == nil }) { problems.append("a correction's date is not a date") }
        if !files.keys.allSatisfy(Self.isPlainName) || !sources.keys.allSatisfy(Self.isSourcePath) {
            problems.append("it names a file outside the archive")
        }
        if !(Array(files.values) + Array(sources.values)).allSatisfy(SHA256.isHex) {
            problems.append("a checksum is not a SHA-256")
        }
        return problems
    }

    /// A file name published beside the report: no folder, not hidden.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && !name.contains("/") && !name.hasPrefix(".") && name != "manifest.json"
    }

    /// A source path relative to the site's folder, inside it.
    static func isSourcePath(_ path: String) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        return !path.isEmpty && !path.hasPrefix("/") && !parts.contains { $0.isEmpty || $0 == "." || $0 == ".." }
    }

    /// The manifest as written: pretty-printed JSON with sorted keys and a final newline.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
