import Dispatch

/// `map` over an array on all cores, keeping the input order in the output.
public enum ParallelMap {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let buffer = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        buffer.initialize(repeating: nil)
        defer { buffer.deallocate() }
        nonisolated(unsafe) let output = buffer
        DispatchQueue.concurrentPerform(iterations: items.count) { index in
            output[index] = transform(items[index])
        }
        return buffer.map { $0! }
    }
}
