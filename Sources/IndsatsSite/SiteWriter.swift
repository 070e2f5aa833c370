import Foundation
#if canImport(Glibc)
import Glibc
#endif
import IndsatsModel
import IndsatsRender

/// Writes a finished site atomically: everything goes into a fresh folder beside the output
/// folder, which replaces the old one only when every file was written. A failed build leaves
/// the previous site as it was.
public struct SiteWriter: Sendable {
    public let output: URL

    public init(output: URL) {
        self.output = output
    }

    /// A staging folder being filled, from any number of threads at once.
    public final class Staging: @unchecked Sendable {
        public let folder: URL
        /// The staging folder, open, so that files are made relative to it (`openat`) without
        /// the kernel walking the whole path for every file.
        let descriptor: Int32
        private let lock = NSLock()
        private var failures: [String] = []
        private var paths: [String] = []
        /// Folders known to exist (relative paths), so that each is made once.
        private var folders: Set<String> = [""]

        init(folder: URL) throws {
            self.folder = folder
            descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard descriptor >= 0 else { throw WriteError(message: "cannot open \(folder.path): \(String(cString: strerror(errno)))") }
        }

        deinit { close(descriptor) }

        /// Writes one file, making its folders first when they are new. Thread-safe.
        public func write(_ file: OutputFile) {
            let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
            if !lock.withLock({ folders.contains(folder) }) { makeFolders(folder) }
            let error = SiteWriter.writeFile(file.path, relativeTo: descriptor, file.data)
            lock.withLock {
                if let error { failures.append("\(file.path): \(error)") } else { paths.append(file.path) }
            }
        }

        /// Makes `folder` and its parents (plain mkdir, parents first; a folder another
        /// thread made meanwhile is fine).
        private func makeFolders(_ folder: String) {
            var path = ""
            for component in folder.split(separator: "/") {
                path += (path.isEmpty ? "" : "/") + component
                if lock.withLock({ folders.contains(path) }) { continue }
                _ = mkdirat(descriptor, path, 0o755)
                lock.withLock { _ = folders.insert(path) }
            }
        }

        /// The paths written so far, and the first failure if any.
        public var written: [String] { lock.withLock { paths } }
        var firstFailure: String? { lock.withLock { failures.first } }
    }

    /// Starts a build: an empty staging folder beside the output folder.
    public func begin() throws -> Staging {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let folder = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(getpid())")
        try? fm.removeItem(at: folder)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        return try Staging(folder: folder)
    }

    /// Finishes a build: copies `assets/`, lets `finish` add to the staging folder (PDFs
    /// printed from the written pages), then swaps it in. On any failure the staging folder is
    /// removed and the output folder is left as it was.
    public func commit(_ staging: Staging, assets: URL?, finish: ((URL) throws -> Void)? = nil) throws {
        do {
            if let failure = staging.firstFailure { throw WriteError(message: "cannot write \(failure)") }
            if let assets, FileManager.default.fileExists(atPath: assets.path) {
                try FileManager.default.copyItem(at: assets, to: staging.folder.appendingPathComponent("assets"))
            }
            try finish?(staging.folder)
            try swapIn(staging.folder)
        } catch {
            abort(staging)
            throw error
        }
    }

    public func abort(_ staging: Staging) {
        try? FileManager.default.removeItem(at: staging.folder)
    }

    /// Writes a list of files (and copies `assets/`) into a staging folder, lets `finish`
    /// add to it, then swaps it in.
    public func write(_ files: [OutputFile], assets: URL?, finish: ((URL) throws -> Void)? = nil) throws {
        let staging = try begin()
        ParallelMap.forEach(files) { staging.write($0) }
        try commit(staging, assets: assets, finish: finish)
    }

    /// Writes `data` to a new file at `path` under the open folder `directory`; returns the
    /// error, if any.
    static func writeFile(_ path: String, relativeTo directory: Int32, _ data: Data) -> String? {
        let descriptor = openat(directory, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    /// Replaces the output folder with `staging` by renames, so that there is never a
    /// half-written output folder.
    func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        try? fm.removeItem(at: old)
        try fm.moveItem(at: output, to: old)
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: old, to: output)
            throw error
        }
        try? fm.removeItem(at: old)
    }
}

public struct WriteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
