import Dispatch
import Foundation

/// Time spent in named parts of a stage, added up across the threads that do the work: what
/// `indsats build --timings` prints under a stage (as Hugo's `--templateMetrics` does), so a
/// slow site shows whether reading, YAML, Markdown or writing is the cost.
public final class TimeSums: @unchecked Sendable {
    private let lock = NSLock()
    private var nanoseconds: [String: UInt64] = [:]
    private var order: [String] = []

    public init() {}

    /// Runs `work`, adding its duration to `part`.
    public func measure<T>(_ part: String, _ work: () throws -> T) rethrows -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { add(part, DispatchTime.now().uptimeNanoseconds - start) }
        return try work()
    }

    public func add(_ part: String, _ duration: UInt64) {
        lock.withLock {
            if nanoseconds[part] == nil { order.append(part) }
            nanoseconds[part, default: 0] += duration
        }
    }

    /// The parts in the order first measured, in seconds.
    public var seconds: [(part: String, seconds: Double)] {
        lock.withLock { order.map { ($0, Double(nanoseconds[$0]!) / 1e9) } }
    }
}
