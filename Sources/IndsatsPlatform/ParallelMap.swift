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

/// A value every parallel worker copies for itself before it starts (`ParallelMap.forEach(_:sharing:_:)`):
/// a deep copy that shares no reference-counted storage with the original, so that two cores
/// never count references on the same objects (template trees and the template values every
/// page shows; that counting cost a tenth of the build's CPU samples). Adopting this protocol is
/// the only way to hand a value to the workers, so a new shared value cannot skip the copy.
public protocol WorkerCopyable: Sendable {
    /// A deep copy for one worker.
    func detached() -> Self
}

extension ParallelMap {
    /// Runs `body` for every item on all cores, each worker with its own copy of `shared`
    /// (`detached()`, one per core, not one per item). Items are handed out in order.
    public static func forEach<T: Sendable, Shared: WorkerCopyable>(
        _ items: [T], sharing shared: Shared, _ body: @Sendable (inout Shared, T) -> Void
    ) {
        let workers = min(items.count, ProcessInfo.processInfo.activeProcessorCount)
        guard workers > 1 else {
            var state = shared
            for item in items { body(&state, item) }
            return
        }
        let next = NextIndex()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var state = shared.detached()
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
