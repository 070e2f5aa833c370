import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Time spent in named parts of a stage, added up across the threads that do the work: what
/// `indsats build --timings` prints under a stage (as Hugo's `--templateMetrics` does), so a
/// slow site shows whether reading, YAML, Markdown or writing is the cost.
public final class TimeSums: Sendable {
    private struct Sums {
        var nanoseconds: [String: UInt64] = [:]
        var order: [String] = []
    }
    private let sums = Mutex(Sums())

    public init() {}

    /// Runs `work`, adding its duration to `part`.
    public func measure<T>(_ part: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(part, DispatchTime.now().uptimeNanoseconds - start) }
        return try work()
    }

    /// Runs `work`, adding the CPU time of the calling thread during it to `part`: the cost of
    /// work done on one thread, whatever else the machine is busy with (its duration is not).
    public func measureThreadCPU<T>(_ part: String, _ work: () throws -> T) rethrows -> T {
        let start = Self.threadCPUNanoseconds()
        defer { add(part, Self.threadCPUNanoseconds() - start) }
        return try work()
    }

    static func threadCPUNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    public func add(_ part: String, _ duration: UInt64) {
        sums.withLock { sums in
            if sums.nanoseconds[part] == nil { sums.order.append(part) }
            sums.nanoseconds[part, default: 0] += duration
        }
    }

    /// The parts in the order first measured, in seconds.
    public var seconds: [(part: String, seconds: Double)] {
        sums.withLock { sums in sums.order.map { ($0, Double(sums.nanoseconds[$0]!) / 1e9) } }
    }
}
