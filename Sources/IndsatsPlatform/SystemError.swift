#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: its `errno`, read right after the call failed. What it means to a
/// user is worded by the caller (`FileProblem.reason` in IndsatsModel); this module only
/// reads it.
public struct SystemError: Error, Sendable, Equatable {
    /// The `errno` value (`ENOENT`, `EACCES`, …).
    public var code: Int32

    public init(code: Int32) { self.code = code }

    /// The error of the system call that just failed on this thread.
    static var last: SystemError { SystemError(code: errno) }

    /// The system's own short description of `code` (`strerror`), for codes nobody worded.
    public static func systemDescription(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}
