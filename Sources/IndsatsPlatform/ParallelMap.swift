import Dispatch
import Foundation
import Synchronization

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

extension ParallelMap {
    /// Runs `body` for every item on all cores, each worker with its own `State` made by
    /// `makeState` (one per core, not one per item). For shared read-only data that would
    /// otherwise be reference-counted from every core at once (template trees): a copy per
    /// worker keeps each core's counts in its own cache lines. Items are handed out in order.
    public static func forEach<T: Sendable, State>(
        _ items: [T], perWorker makeState: @Sendable () -> State, _ body: @Sendable (inout State, T) -> Void
    ) {
        let workers = min(items.count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else {
            var state = makeState()
            for item in items { body(&state, item) }
            return
        }
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var state = makeState()
            while let index = next.take(below: items.count) { body(&state, items[index]) }
        }
    }
}

/// A shared counter that hands out 0, 1, 2, … once each.
private final class NextIndex: Sendable {
    private let value = Mutex(0)

    func take(below limit: Int) -> Int? {
        value.withLock { value in
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}

extension ParallelMap {
    /// Runs two independent computations at the same time and returns both results.
    public static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        nonisolated(unsafe) var a: A?
        nonisolated(unsafe) var b: B?
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { a = first() } else { b = second() }
        }
        return (a!, b!)
    }
}
