#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads whole files with plain system calls (one `open`, `fstat`, usually one `read`):
/// content files are read ten thousand at a time, and Foundation's URL and `Data` layers
/// cost more than the reading itself.
public enum FileBytes {
    /// The bytes of the file at `path`, or the error that stopped the reading.
    public static func read(_ path: String) -> Result<[UInt8], SystemError> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(.last) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.last) }
        let size = max(Int(info.st_size), 0)
        var bytes = [UInt8](repeating: 0, count: size)
        var count = 0
        // Up to the size `fstat` gave (a file being written meanwhile is not this tool's concern).
        while count < size {
            let got = bytes.withUnsafeMutableBytes { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.last)
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeLast(size - count)
        return .success(bytes)
    }
}

#if canImport(Glibc)
let systemRead = Glibc.read
let systemWrite = Glibc.write
let systemClose = Glibc.close
let systemRename = Glibc.rename
#elseif canImport(Darwin)
let systemRead = Darwin.read
let systemWrite = Darwin.write
let systemClose = Darwin.close
let systemRename = Darwin.rename
#endif
