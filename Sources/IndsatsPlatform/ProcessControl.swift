#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

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

extension ProcessControl {
    /// Calls `handler` (on a background queue) when the process gets SIGINT (Ctrl-C) instead of
    /// being stopped by it; keep the returned source alive.
    public static func onInterrupt(_ handler: @escaping @Sendable () -> Void) -> any DispatchSourceSignal {
        signal(SIGINT, SIG_IGN)
        let source = DispatchSource.makeSignalSource(signal: SIGINT, queue: .global())
        source.setEventHandler(handler: handler)
        source.resume()
        return source
    }
}
