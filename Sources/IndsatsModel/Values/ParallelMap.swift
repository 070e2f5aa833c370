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

extension ParallelMap {
    /// Runs `body` for every item on all cores; for work whose results go elsewhere (files
    /// written as they are rendered), so that they are not all held in memory at once.
    public static func forEach<T: Sendable>(_ items: [T], _ body: @Sendable (T) -> Void) {
        guard items.count > 1 else { items.forEach(body); return }
        DispatchQueue.concurrentPerform(iterations: items.count) { body(items[$0]) }
    }
}
