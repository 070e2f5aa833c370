import Foundation
import IndsatsModel
import IndsatsPlatform
import IndsatsRender
import Synchronization

/// Writes a finished site atomically: everything goes into a fresh staging folder beside the
/// output folder, which takes the output's place in one step (`FileSystem.exchange`) only when
/// every file was written. A failed or killed build leaves the previous site as it was, and
/// there is no moment without a complete output folder.
///
/// One build at a time writes beside an output: the writer holds a lock on the output's parent
/// folder (`FolderLock`) from the staging folder's creation to the swap; a second build waits
/// for it (at most `lockTimeout` seconds), then removes what killed builds left there
/// (`.<output>.building-<pid>`, `.<output>.old-<pid>`).
public struct SiteWriter: Sendable {
    public let output: URL
    /// When set (by `build`), the output's location is checked against its rules and the
    /// output is marked as made by indsats; nil for the archive's own folders.
    public var location: OutputLocation?
    /// How long to wait for another build writing the same output.
    public var lockTimeout: Double
    /// The output as messages name it.
    public var shown: String

    public init(output: URL, location: OutputLocation? = nil, lockTimeout: Double = 60) {
        self.output = output.standardizedFileURL
        self.location = location
        self.lockTimeout = lockTimeout
        shown = location?.shown ?? output.standardizedFileURL.path
    }

    /// Why a build did not write: the output's location is refused (a diagnostic of its
    /// own), or a file-system operation failed.
    public enum Failure: Error, CustomStringConvertible {
        case refused(Diagnostic)
        case failed(FileSystemError)
        case busy(String)

        public var description: String {
            switch self {
            case .refused(let diagnostic): diagnostic.message
            case .failed(let error): error.description
            case .busy(let message): message
            }
        }
    }

    /// A staging folder being filled, from any number of threads at once.
    public final class Staging: Sendable {
        public let folder: URL
        /// The folder the staging folder replaces (the output, or what a link there points to).
        let target: String
        /// The output as messages name it.
        let shown: String
        let lock: FolderLock
        /// The staging folder, open, so that files are made relative to it (`openat`) without
        /// the kernel walking the whole path for every file.
        let descriptor: Int32
        /// What the writing threads share.
        private struct Shared {
            var failures: [FileSystemError] = []
            var paths: [String] = []
            /// Folders known to exist (relative paths), so that each is made once.
            var folders: Set<String> = [""]
        }
        private let shared = Mutex(Shared())

        init(folder: URL, target: String, shown: String, lock: FolderLock) throws(FileSystemError) {
            self.folder = folder
            self.target = target
            self.shown = shown
            self.lock = lock
            descriptor = try FileSystem.openFolder(worded: folder.path)
        }

        deinit { FileSystem.close(descriptor) }

        /// Writes one file, making its folders first when they are new. Thread-safe.
        public func write(_ file: OutputFile) {
            if add(file) { shared.withLock { $0.paths.append(file.path) } }
        }

        /// Writes one file without listing it among the site's files (assets, the marker);
        /// false when it failed (the failure is kept).
        @discardableResult
        func add(_ file: OutputFile) -> Bool {
            let folder = file.path.lastIndex(of: "/").map { String(file.path[..<$0]) } ?? ""
            if !shared.withLock({ $0.folders.contains(folder) }) { makeFolders(folder) }
            guard let error = FileSystem.writeFile(file.path, relativeTo: descriptor, file.data) else { return true }
            fail(FileSystemError("cannot write", "\(shown)/\(file.path)", error))
            return false
        }

        /// Makes `folder` and its parents (plain mkdir, parents first; a folder another
        /// thread made meanwhile is fine).
        private func makeFolders(_ folder: String) {
            var path = ""
            for component in folder.split(separator: "/") {
                path += (path.isEmpty ? "" : "/") + component
                if shared.withLock({ $0.folders.contains(path) }) { continue }
                if let error = FileSystem.makeFolder(path, relativeTo: descriptor) {
                    fail(FileSystemError("cannot make the folder", "\(shown)/\(path)", error))
                    return
                }
                shared.withLock { _ = $0.folders.insert(path) }
            }
        }

        func fail(_ error: FileSystemError) { shared.withLock { $0.failures.append(error) } }

        /// The paths written so far, and the first failure if any.
        public var written: [String] { shared.withLock { $0.paths } }
        var firstFailure: FileSystemError? { shared.withLock { $0.failures.first } }
    }

    /// Starts a build: checks where the output is (see `OutputLocation`), takes the lock,
    /// removes what killed builds left, and makes an empty staging folder beside the output.
    public func begin() throws(Failure) -> Staging {
        var target = try checkedTarget()
        let parent = URL(fileURLWithPath: target).deletingLastPathComponent().path
        do {
            try FileSystem.makeFolders(parent)
        } catch {
            throw .failed(error)
        }
        let held: FolderLock?
        do {
            held = try FolderLock.acquire(parent, waitingAtMost: lockTimeout)
        } catch {
            switch error {
            case .cannotOpen(let error): throw .failed(FileSystemError("cannot open the folder", parent, error))
            case .cannotLock(let error): throw .failed(FileSystemError("cannot lock the folder", parent, error))
            }
        }
        guard let lock = held else {
            throw .busy(
                "another build is writing \(shown) and did not finish within \(Wording.seconds(lockTimeout)); wait for it to finish (or stop it) and build again")
        }
        // A build killed between the two renames of a file system that cannot exchange left
        // the old site aside: it is put back.
        let name = URL(fileURLWithPath: target).lastPathComponent
        let entries = FileSystem.entries(parent) ?? []
        if FileSystem.kind(target) == nil, let aside = entries.sorted().first(where: { Self.leftoverKind($0, of: name) == .old }) {
            _ = FileSystem.rename(parent + "/" + aside, target)
        }
        // Checked again now that no other build can change it.
        target = try checkedTarget()
        guard URL(fileURLWithPath: target).deletingLastPathComponent().path == parent else {
            throw .failed(FileSystemError("cannot write", shown, reason: "the link there was changed while the build waited (build again)"))
        }
        for entry in FileSystem.entries(parent) ?? [] where Self.leftoverKind(entry, of: name) != nil {
            FileSystem.remove(parent + "/" + entry)
        }
        let folder = URL(fileURLWithPath: parent).appendingPathComponent(Self.ownName(.building, of: name))
        do {
            try FileSystem.makeFolders(folder.path)
            return try Staging(folder: folder, target: target, shown: shown, lock: lock)
        } catch {
            FileSystem.remove(folder.path)
            throw .failed(FileSystemError("cannot write in", "\(parent) (the new site is made there, then replaces \(shown))", reason: error.reason))
        }
    }

    /// The folders a build makes beside the output folder: the new site while it is written,
    /// and the old one while it is moved aside (where the file system cannot swap).
    enum Leftover: String, CaseIterable { case building, old }

    /// This process's folder of `kind` beside the output folder `name`: `.output.building-123`.
    static func ownName(_ kind: Leftover, of name: String) -> String {
        ".\(name).\(kind.rawValue)-\(ProcessInfo.processInfo.processIdentifier)"
    }

    /// Which of a build's folders `entry`, beside the output folder `name`, is (of any process:
    /// `.output.building-123`, `.output.old-123`), if any; nothing else is ever removed.
    static func leftoverKind(_ entry: String, of name: String) -> Leftover? {
        Leftover.allCases.first { kind in
            let prefix = ".\(name).\(kind.rawValue)-"
            return entry.hasPrefix(prefix) && entry.count > prefix.count && entry.dropFirst(prefix.count).allSatisfy { $0.isASCII && $0.isNumber }
        }
    }

    func checkedTarget() throws(Failure) -> String {
        guard let location else { return output.path }
        switch location.target() {
        case .replace(let target): return target
        case .refuse(let diagnostic): throw .refused(diagnostic)
        }
    }

    /// Finishes a build: adds the marker and `assets/`, lets `finish` add to the staging
    /// folder (PDFs printed from the written pages), then swaps it in. On any failure the
    /// staging folder is removed and the output folder is left as it was.
    public func commit(_ staging: Staging, assets: URL?, finish: ((URL) throws -> Void)? = nil) throws {
        defer { staging.lock.release() }
        do {
            if location != nil { staging.add(OutputFile(path: OutputLocation.markerName, data: OutputLocation.markerText)) }
            if let assets { copy(assets, into: staging, as: "assets") }
            if let failure = staging.firstFailure { throw Failure.failed(failure) }
            try finish?(staging.folder)
            try swapIn(staging)
        } catch {
            FileSystem.remove(staging.folder.path)
            throw error
        }
    }

    /// Gives up a build: removes its staging folder and releases the lock; the output folder
    /// is left as it was.
    public func abort(_ staging: Staging) {
        FileSystem.remove(staging.folder.path)
        staging.lock.release()
    }

    /// Writes a list of files (and copies `assets/`) into a staging folder, lets `finish`
    /// add to it, then swaps it in.
    public func write(_ files: [OutputFile], assets: URL?, finish: ((URL) throws -> Void)? = nil) throws {
        let staging = try begin()
        ParallelMap.forEach(files) { staging.write($0) }
        try commit(staging, assets: assets, finish: finish)
    }

    /// Copies every file below `folder` (if there is one) into the staging folder under `name`.
    func copy(_ folder: URL, into staging: Staging, as name: String) {
        guard FileSystem.kind(folder.path) != nil else { return }
        let fm = FileManager.default
        for path in (fm.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).sorted() {
            let file = folder.appendingPathComponent(path)
            if FileSystem.kind(FileSystem.realPath(file.path) ?? file.path) == .folder { continue }
            do {
                staging.add(OutputFile(path: "\(name)/\(path)", data: try Data(contentsOf: file)))
            } catch {
                staging.fail(FileSystemError("cannot read", file.path, error: error))
            }
        }
    }

    /// Puts the staging folder in the target's place in one step; the old site ends up in
    /// the staging folder's place and is removed. Where the file system cannot swap in one
    /// step, two renames (with a moment without an output folder).
    func swapIn(_ staging: Staging) throws(Failure) {
        let target = staging.target, folder = staging.folder.path
        guard FileSystem.kind(target) != nil else {
            if let error = FileSystem.rename(folder, target) { throw .failed(FileSystemError("cannot make", shown, error)) }
            return
        }
        switch FileSystem.exchange(folder, target) {
        case nil:
            break
        case .some(let error) where FileSystem.cannotExchange(error):
            let old = URL(fileURLWithPath: target).deletingLastPathComponent()
                .appendingPathComponent(Self.ownName(.old, of: URL(fileURLWithPath: target).lastPathComponent)).path
            if let error = FileSystem.rename(target, old) { throw .failed(FileSystemError("cannot replace", shown, error)) }
            if let error = FileSystem.rename(folder, target) {
                _ = FileSystem.rename(old, target)
                throw .failed(FileSystemError("cannot replace", shown, error))
            }
            FileSystem.remove(old)
            return
        case .some(let error):
            throw .failed(FileSystemError("cannot replace", shown, error))
        }
        FileSystem.remove(folder)
    }
}

/// Words shared by messages.
enum Wording {
    /// `1 second`, `60 seconds`, `0.5 seconds`.
    static func seconds(_ value: Double) -> String {
        value == 1 ? "1 second" : String(format: "%g seconds", value)
    }
}
