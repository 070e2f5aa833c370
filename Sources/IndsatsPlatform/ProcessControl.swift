#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stopping child processes.
public enum ProcessControl {
    /// Stops the process `id` at once (`SIGKILL`: it cannot catch or ignore it).
    public static func kill(_ id: Int32) {
        _ = systemKill(id, SIGKILL)
    }
}

#if canImport(Glibc)
private let systemKill = Glibc.kill
#elseif canImport(Darwin)
private let systemKill = Darwin.kill
#endif
