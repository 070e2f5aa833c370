import Foundation
import IndsatsModel
import IndsatsPlatform

// The writer's file-system failures as sentences: every failure is a `FileSystemError`, never
// a raw errno or a Foundation error dump. The system calls themselves are IndsatsPlatform's
// `FileSystem`; the operations here add the wording.

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

    /// A failed system call, worded.
    public init(_ action: String, _ path: String, _ error: SystemError) {
        self.init(action, path, code: error.code)
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

/// The writer's file-system operations that need more than one system call, each failing
/// with a `FileSystemError`.
extension FileSystem {
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
        if let error = makeFolder(path) { throw FileSystemError("cannot make the folder", path, error) }
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

    /// Opens a folder, to make files relative to it.
    static func openFolder(worded path: String) throws(FileSystemError) -> Int32 {
        switch openFolder(path) {
        case .success(let descriptor): return descriptor
        case .failure(let error): throw FileSystemError("cannot open the folder", path, error)
        }
    }
}
