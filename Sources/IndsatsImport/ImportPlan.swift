import Foundation
import IndsatsModel
import IndsatsPlatform

/// What an import would change: per activity file, the cells old → new and the file's new
/// text; and the problems found. `write()` changes the files only when there are none.
public struct ImportPlan {
    public let root: URL
    public var diagnostics = Diagnostics()
    public var files: [FileChange] = []
    public var rowsRead = 0
    public var unmatchedRows = 0

    /// One activity file's change.
    public struct FileChange {
        /// Relative to the site's folder (`content/aktiviteter/x.md`).
        public let path: String
        public let title: String
        public let cells: [CellChange]
        /// The file's new text.
        public let after: String
    }

    init(root: URL) {
        self.root = root
    }

    mutating func add(_ activity: Activity, _ changes: [CellChange]) {
        let path = activity.source.path
        guard case .success(let bytes) = FileBytes.read(root.appendingPathComponent(path).path), let text = String(validating: bytes, as: UTF8.self) else {
            diagnostics.error("the file cannot be read to change its budget", at: SourceLocation(path: path))
            return
        }
        let cells = Dictionary(uniqueKeysWithValues: changes.map { ($0.year, $0.new) })
        do {
            let after = try BudgetFileEdit(text: text).applying(cells)
            files.append(FileChange(path: path, title: activity.title, cells: changes, after: after))
        } catch {
            diagnostics.error(error.message, at: SourceLocation(path: path, line: error.line), field: "budget", hint: "change the budget by hand, or write it as one `year: \"amount\"` per line")
        }
    }

    public var cellsChanged: Int { files.reduce(0) { $0 + $1.cells.count } }

    /// The dry run's text: per file, each cell old → new, then a summary line.
    public var report: String {
        var lines: [String] = []
        for file in files {
            lines.append("\(file.path) (\(file.title))")
            for cell in file.cells {
                lines.append("  \(cell.year): \(cell.old.map { "\"\($0)\"" } ?? "(new year)") → \"\(cell.new)\"")
            }
        }
        let newYears = files.flatMap(\.cells).filter { $0.old == nil }.count
        lines.append(
            "\(files.count) activit\(files.count == 1 ? "y" : "ies") changed, \(cellsChanged) cell\(cellsChanged == 1 ? "" : "s") changed"
                + (newYears > 0 ? " (\(newYears) in new years)" : "") + ", \(rowsRead) row\(rowsRead == 1 ? "" : "s") read, \(unmatchedRows) unmatched")
        return lines.joined(separator: "\n")
    }

    /// Writes the changed files, each atomically (a temporary file beside it, with the file's
    /// permissions, then renamed over it), and all or none: a read-only file, a link, or a
    /// temporary file that cannot be written stops the import before any file is replaced.
    /// Refuses when the plan has errors. Returns the problems and how many files were
    /// replaced (0 when the import stopped before replacing any).
    public func write() -> (problems: Diagnostics, replaced: Int) {
        var problems = Diagnostics()
        guard !diagnostics.hasErrors else { return (problems, 0) }
        var permissions: [UInt32] = []
        for file in files {
            let target = root.appendingPathComponent(file.path).path
            switch FileSystem.permissions(target) {
            case .failure(let error):
                problems.error("the file cannot be changed: \(FileProblem.reason(error.code))", at: SourceLocation(path: file.path))
            case .success where FileSystem.kind(target) == .link:
                problems.error("the file is a link to another file, which the import would replace by a copy", at: SourceLocation(path: file.path), hint: "change the budget in the file it points to, or replace the link by the file")
            case .success(let bits) where bits & 0o222 == 0:
                problems.error("the file is read-only, so its budget is not changed", at: SourceLocation(path: file.path), hint: "make it writable (or take its row out of the sheet) and import again")
            case .success(let bits): permissions.append(bits)
            }
        }
        guard !problems.hasErrors else { return (problems, 0) }
        var written: [(temporary: String, target: String)] = []
        for (file, bits) in zip(files, permissions) {
            let target = root.appendingPathComponent(file.path)
            let temporary = target.deletingLastPathComponent().path + "/." + target.lastPathComponent + ".indsats-import"
            if let problem = Self.writeTemporary(file.after, at: temporary, permissions: bits) {
                problems.error(problem, at: SourceLocation(path: file.path))
                written.forEach { try? FileManager.default.removeItem(atPath: $0.temporary) }
                return (problems, 0)
            }
            written.append((temporary, target.path))
        }
        var replaced = 0
        for (file, (temporary, target)) in zip(files, written) {
            if let error = FileSystem.rename(temporary, target) {
                try? FileManager.default.removeItem(atPath: temporary)
                problems.error("the file could not be replaced: \(FileProblem.reason(error.code))", at: SourceLocation(path: file.path))
            } else {
                replaced += 1
            }
        }
        return (problems, replaced)
    }

    /// Writes `text` to the new file `path` with `permissions`; the problem as a sentence.
    static func writeTemporary(_ text: String, at path: String, permissions: UInt32) -> String? {
        let folder = (path as NSString).deletingLastPathComponent, name = (path as NSString).lastPathComponent
        let descriptor: Int32
        switch FileSystem.openFolder(folder) {
        case .success(let opened): descriptor = opened
        case .failure(let error): return "the file's folder cannot be opened: \(FileProblem.reason(error.code))"
        }
        defer { FileSystem.close(descriptor) }
        if let error = FileSystem.writeFile(name, relativeTo: descriptor, Data(text.utf8)) ?? FileSystem.setPermissions(path, permissions) {
            try? FileManager.default.removeItem(atPath: path)
            return "the new version could not be written: \(FileProblem.reason(error.code))"
        }
        return nil
    }
}
