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
        public let before: String
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
            files.append(FileChange(path: path, title: activity.title, cells: changes, before: text, after: after))
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

    /// Writes the changed files, each atomically (a temporary file beside it, then renamed
    /// over it). Refuses when the plan has errors. Returns the problems.
    public func write() -> Diagnostics {
        var problems = Diagnostics()
        guard !diagnostics.hasErrors else { return problems }
        for file in files {
            let target = root.appendingPathComponent(file.path)
            let folder = target.deletingLastPathComponent().path, name = target.lastPathComponent
            let temporary = "." + name + ".indsats-import"
            let descriptor: Int32
            switch FileSystem.openFolder(folder) {
            case .success(let opened): descriptor = opened
            case .failure(let error):
                problems.error("the file's folder cannot be opened: \(FileProblem.reason(error.code))", at: SourceLocation(path: file.path))
                continue
            }
            defer { FileSystem.close(descriptor) }
            if let error = FileSystem.writeFile(temporary, relativeTo: descriptor, Data(file.after.utf8)) {
                problems.error("the new version could not be written: \(FileProblem.reason(error.code))", at: SourceLocation(path: file.path))
                continue
            }
            if let error = FileSystem.rename(folder + "/" + temporary, target.path) {
                try? FileManager.default.removeItem(atPath: folder + "/" + temporary)
                problems.error("the file could not be replaced: \(FileProblem.reason(error.code))", at: SourceLocation(path: file.path))
            }
        }
        return problems
    }
}
