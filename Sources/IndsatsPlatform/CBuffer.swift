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
}
