import Foundation
import IndsatsModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The system calls the writer needs, behind a small safe API: every failure is a
// `FileSystemError` (a sentence), never a raw errno or a Foundation error dump.

/// A file-system failure as a sentence: what could not be done, to which path, and why
/// (`cannot write output/index.html: the disk is full (free some space and build again)`).
public struct FileSystemError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What could not be done: "cannot write", "cannot make the folder", …
    public var action: String
    /// The path as the user knows it.
    public var path: String
    /// Why, as a sentence (see `reason(_:)`).
    public var reason: String

    public init(_ action: String, _ path: String, code: Int32) {
        self.init(action, path, reason: Self.reason(code))
    }

    public init(_ action: String, _ path: String, reason: String) {
        self.action = action
        self.path = path
        self.reason = reason
    }

    /// A Foundation or POSIX error, by its POSIX code where it has one.
    public init(_ action: String, _ path: String, error: Error) {
        self.init(action, path, reason: Self.code(of: error).map(Self.reason) ?? "the system gave no reason")
    }

    public var description: String { "\(action) \(path): \(reason)" }

    /// Any error as a sentence: ours as they are; a Foundation error as `action`, the path
    /// it names (else `path`) and the reason of its POSIX code — never its raw dump.
    public static func sentence(for error: Error, _ action: String, _ path: String) -> String {
        switch error {
        case let error as FileSystemError: return error.description
        case let error as PrintFailure: return error.description
        case let error as SiteWriter.Failure: return error.description
        default:
            let named = (error as NSError).userInfo[NSFilePathErrorKey] as? String
            return FileSystemError(action, named ?? path, error: error).description
        }
    }

    /// Why an operation failed, as a sentence (`FileProblem.reason`).
    public static func reason(_ code: Int32) -> String { FileProblem.reason(code) }

    /// The POSIX code inside a Foundation error (directly, or as its underlying error).
    static func code(of error: Error) -> Int32? {
        let error = error as NSError
        if error.domain == NSPOSIXErrorDomain { return Int32(error.code) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return ENOENT
        case .fileReadNoPermission, .fileWriteNoPermission: return EACCES
        case .fileWriteOutOfSpace: return ENOSPC
        case .fileWriteVolumeReadOnly: return EROFS
        case .fileWriteFileExists: return EEXIST
        default: return nil
        }
    }
}

/// The few file-system operations the writer needs, each returning a `FileSystemError`.
enum FileSystem {
    enum Kind: Equatable { case folder, file, link, other }

    /// What is at `path`, without following a link there; nil when nothing is.
    static func kind(_ path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// The path with every link and `..` resolved; nil when it does not exist.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Like `realPath`, for a path that need not exist yet: its longest existing part is
    /// resolved and the rest appended.
    static func resolvedPath(_ path: String) -> String {
        if let real = realPath(path) { return real }
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent().path
        if parent == path || parent.isEmpty { return path }
        let base = resolvedPath(parent)
        return (base == "/" ? "" : base) + "/" + url.lastPathComponent
    }

    /// The names in a folder (without `.` and `..`); nil when it cannot be read.
    static func entries(_ path: String) -> [String]? {
        try? FileManager.default.contentsOfDirectory(atPath: path)
    }

    /// Makes `path` and the folders above it that do not exist yet.
    static func makeFolders(_ path: String) throws(FileSystemError) {
        if kind(path) == .folder || realPath(path).map({ kind($0) == .folder }) == true { return }
        if kind(path) != nil { throw FileSystemError("cannot make the folder", path, reason: "a file with that name is already there") }
        let parent = URL(fileURLWithPath: path).deletingLastPathComponent().path
        if parent != path, !parent.isEmpty { try makeFolders(parent) }
        if mkdir(path, 0o755) != 0, errno != EEXIST { throw FileSystemError("cannot make the folder", path, code: errno) }
    }

    /// A new, empty folder `<prefix>-<random>` in the system's temporary folder, for the
    /// caller to remove when done.
    static func makeTemporaryFolder(_ prefix: String) throws(FileSystemError) -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try makeFolders(folder.path)
        return folder
    }

    /// Removes a file or a folder with everything in it; failures are ignored (used for
    /// staging folders, leftovers and temporary folders only).
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// Renames `from` to `to` (which must not be a non-empty folder); the errno on failure.
    static func rename(_ from: String, _ to: String) -> Int32? {
        #if canImport(Glibc)
        Glibc.rename(from, to) == 0 ? nil : errno
        #else
        Darwin.rename(from, to) == 0 ? nil : errno
        #endif
    }

    /// Swaps the names of two existing entries in one step, so that at no moment is either
    /// name missing (Linux `renameat2` with `RENAME_EXCHANGE`). Returns the errno on failure:
    /// `EINVAL` or `ENOSYS` where the file system or system cannot exchange.
    static func exchange(_ a: String, _ b: String) -> Int32? {
        #if os(Linux)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 ? nil : errno
        #else
        return ENOSYS
        #endif
    }

    /// Whether `exchange` failed only because the file system or the system cannot exchange.
    static func cannotExchange(_ code: Int32) -> Bool { code == EINVAL || code == ENOSYS }

    /// Opens a folder, to make files relative to it; the descriptor, or the errno.
    static func openFolder(_ path: String) -> Result<Int32, FileSystemError> {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return descriptor >= 0 ? .success(descriptor) : .failure(FileSystemError("cannot open the folder", path, code: errno))
    }

    static func close(_ descriptor: Int32) {
        #if canImport(Glibc)
        _ = Glibc.close(descriptor)
        #else
        _ = Darwin.close(descriptor)
        #endif
    }

    /// Makes the folder `path` under the open folder `directory`; the errno on failure
    /// (a folder that is already there is fine).
    static func makeFolder(_ path: String, relativeTo directory: Int32) -> Int32? {
        mkdirat(directory, path, 0o755) == 0 || errno == EEXIST ? nil : errno
    }

    /// Writes `data` to a new file at `path` under the open folder `directory`; the errno on
    /// failure.
    static func writeFile(_ path: String, relativeTo directory: Int32, _ data: Data) -> Int32? {
        let descriptor = openat(directory, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return errno }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                #if canImport(Glibc)
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #else
                let written = Darwin.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                #endif
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }
}

/// An exclusive lock on a folder (`flock`), held by one build at a time. The system releases
/// it when the process ends, however it ends, so a killed build never leaves it held.
public final class FolderLock: @unchecked Sendable {
    private var descriptor: Int32

    private init(descriptor: Int32) { self.descriptor = descriptor }

    /// Takes the lock on `folder`, waiting at most `seconds`; nil when another holder kept
    /// it that long.
    public static func acquire(_ folder: String, waitingAtMost seconds: Double) throws(FileSystemError) -> FolderLock? {
        let descriptor = try FileSystem.openFolder(folder).get()
        let deadline = Date().addingTimeInterval(seconds)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            // A file system without locks (some network drives): build without one.
            if code == ENOLCK || code == EOPNOTSUPP || code == EINVAL { break }
            guard code == EWOULDBLOCK || code == EINTR else {
                FileSystem.close(descriptor)
                throw FileSystemError("cannot lock the folder", folder, code: code)
            }
            if Date() >= deadline {
                FileSystem.close(descriptor)
                return nil
            }
            usleep(20_000)
        }
        return FolderLock(descriptor: descriptor)
    }

    /// Releases the lock (also done when the lock is dropped).
    public func release() {
        if descriptor >= 0 { FileSystem.close(descriptor) }
        descriptor = -1
    }

    deinit { release() }
}

#if os(Linux)
/// glibc ≥ 2.28 has `renameat2`, but its header declares it only with `_GNU_SOURCE`, so
/// Swift's Glibc module does not show it.
@_silgen_name("renameat2")
private func renameat2(_ fromFolder: Int32, _ from: UnsafePointer<CChar>, _ toFolder: Int32, _ to: UnsafePointer<CChar>, _ flags: UInt32) -> Int32
#endif
