import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive lock on a folder (`flock`), held by one build at a time. The system releases
/// it when the process ends, however it ends, so a killed build never leaves it held.
public final class FolderLock: Sendable {
    /// The locked folder's descriptor; -1 once released.
    private let descriptor: Mutex<Int32>

    private init(descriptor: Int32) { self.descriptor = Mutex(descriptor) }

    /// Why the lock could not be taken: which call failed, and its error.
    public enum Failure: Error, Sendable {
        case cannotOpen(SystemError)
        case cannotLock(SystemError)
    }

    /// Takes the lock on `folder`, waiting at most `seconds`; nil when another holder kept
    /// it that long. A file system without locks (some network drives) gives a lock that
    /// holds nothing.
    public static func acquire(_ folder: String, waitingAtMost seconds: Double) throws(Failure) -> FolderLock? {
        let descriptor: Int32
        switch FileSystem.openFolder(folder) {
        case .success(let opened): descriptor = opened
        case .failure(let error): throw .cannotOpen(error)
        }
        let deadline = Date().addingTimeInterval(seconds)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == ENOLCK || code == EOPNOTSUPP || code == EINVAL { break }
            guard code == EWOULDBLOCK || code == EINTR else {
                FileSystem.close(descriptor)
                throw .cannotLock(SystemError(code: code))
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
        descriptor.withLock { descriptor in
            if descriptor >= 0 { FileSystem.close(descriptor) }
            descriptor = -1
        }
    }

    deinit { release() }
}
