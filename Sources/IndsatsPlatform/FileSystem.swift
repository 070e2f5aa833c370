import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The system calls the site writer needs, behind a small safe API: each reports failure as
/// the `errno` (a `SystemError`), which the caller words for the user.
public enum FileSystem {
    public enum Kind: Equatable, Sendable { case folder, file, link, other }

    /// What is at `path`, without following a link there; nil when nothing is.
    public static func kind(_ path: String) -> Kind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return .file
        case S_IFLNK: return .link
        default: return .other
        }
    }

    /// Why `path` cannot be followed to something (`stat`, links followed); nil when it can.
    public static func unreachable(_ path: String) -> SystemError? {
        var info = stat()
        return stat(path, &info) == 0 ? nil : .last
    }

    /// The permission bits of `path` (`0o644`), without following a link there.
    public static func permissions(_ path: String) -> Result<UInt32, SystemError> {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .failure(.last) }
        return .success(UInt32(info.st_mode) & 0o7777)
    }

    /// Sets the permission bits of `path`; the error on failure.
    public static func setPermissions(_ path: String, _ bits: UInt32) -> SystemError? {
        chmod(path, mode_t(bits)) == 0 ? nil : .last
    }

    /// The path with every link and `..` resolved; nil when it does not exist.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Makes the folder `path` (its parent must exist); the error on failure (a folder that
    /// is already there is fine).
    public static func makeFolder(_ path: String) -> SystemError? {
        mkdir(path, 0o755) == 0 || errno == EEXIST ? nil : .last
    }

    /// Renames `from` to `to` (which must not be a non-empty folder); the error on failure.
    public static func rename(_ from: String, _ to: String) -> SystemError? {
        systemRename(from, to) == 0 ? nil : .last
    }

    /// Swaps the names of two existing entries in one step, so that at no moment is either
    /// name missing (Linux `renameat2` with `RENAME_EXCHANGE`). The error on failure:
    /// `EINVAL` or `ENOSYS` where the file system or system cannot exchange.
    public static func exchange(_ a: String, _ b: String) -> SystemError? {
        #if os(Linux)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0 ? nil : .last
        #else
        return SystemError(code: ENOSYS)
        #endif
    }

    /// Whether `exchange` failed only because the file system or the system cannot exchange.
    public static func cannotExchange(_ error: SystemError) -> Bool { error.code == EINVAL || error.code == ENOSYS }

    /// Opens a folder, to make files relative to it; the descriptor, or the error.
    public static func openFolder(_ path: String) -> Result<Int32, SystemError> {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return descriptor >= 0 ? .success(descriptor) : .failure(.last)
    }

    /// Closes a descriptor from `openFolder`.
    public static func close(_ descriptor: Int32) {
        _ = systemClose(descriptor)
    }

    /// Makes the folder `path` under the open folder `directory`; the error on failure
    /// (a folder that is already there is fine).
    public static func makeFolder(_ path: String, relativeTo directory: Int32) -> SystemError? {
        mkdirat(directory, path, 0o755) == 0 || errno == EEXIST ? nil : .last
    }

    /// Writes `data` to a new file at `path` under the open folder `directory`; the error on
    /// failure.
    public static func writeFile(_ path: String, relativeTo directory: Int32, _ data: Data) -> SystemError? {
        let descriptor = openat(directory, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return .last }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> SystemError? in
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return .last
                }
                offset += written
            }
            return nil
        }
    }
}

#if os(Linux)
/// glibc ≥ 2.28 has `renameat2`, but its header declares it only with `_GNU_SOURCE`, so
/// Swift's Glibc module does not show it.
@_silgen_name("renameat2")
private func renameat2(_ fromFolder: Int32, _ from: UnsafePointer<CChar>, _ toFolder: Int32, _ to: UnsafePointer<CChar>, _ flags: UInt32) -> Int32
#endif
