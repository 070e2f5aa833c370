#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text a C library returned in memory the caller must free (libcmark's rendered HTML).
public enum CBuffer {
    /// Runs `body` over the bytes of the NUL-terminated `text` (without the NUL), then frees
    /// `text` with the system's `free`.
    public static func consume<R>(_ text: UnsafeMutablePointer<CChar>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        defer { free(text) }
        let length = strlen(text)
        return UnsafeRawPointer(text).withMemoryRebound(to: UInt8.self, capacity: length) { start in
            body(UnsafeBufferPointer(start: start, count: length))
        }
    }

    /// The index of the first `byte` in `bytes` at or after `start` (`memchr`); nil when
    /// there is none.
    public static func firstIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count,
            let found = memchr(base + start, Int32(byte), bytes.count - start)
        else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }
}
