#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file as UTF-8 text with plain system calls (one `open`, `fstat`, usually one
/// `read`): content files are read ten thousand at a time, and Foundation's URL and `Data`
/// layers were a fifth of that.
enum TextFile {
    /// What reading a file gave.
    enum Outcome {
        case text(String)
        /// It could not be opened or read: the `errno`.
        case failed(Int32)
        /// It is not valid UTF-8: where the first byte that is not (1-based line and column,
        /// the column counting characters).
        case notUTF8(line: Int, column: Int)
    }

    /// The file's text, or why there is none.
    static func read(_ path: String) -> Outcome {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failed(errno) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failed(errno) }
        let size = max(Int(info.st_size), 0)
        var bytes = [UInt8](repeating: 0, count: max(size, 1))
        var count = 0
        // Up to the size `fstat` gave (a file being written meanwhile is not this tool's concern).
        while count < size {
            let got = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failed(errno)
            }
            if got == 0 { break }
            count += got
        }
        if let text = String(validating: bytes[..<count], as: UTF8.self) { return .text(text) }
        return firstInvalidByte(bytes[..<count])
    }

    /// The line and column of the first byte of `bytes` that is not UTF-8.
    static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Outcome {
        var line = 1
        var lineStart = bytes.startIndex
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xC2 && byte < 0xE0 ? 2 : byte >= 0xE0 && byte < 0xF0 ? 3 : byte >= 0xF0 && byte < 0xF5 ? 4 : 0
            let end = index + length
            if length == 0 || end > bytes.endIndex || String(validating: bytes[index..<end], as: UTF8.self) == nil {
                let column = (String(validating: bytes[lineStart..<index], as: UTF8.self)?.count ?? 0) + 1
                return .notUTF8(line: line, column: column)
            }
            if byte == 0x0A {
                line += 1
                lineStart = end
            }
            index = end
        }
        return .notUTF8(line: line, column: 1)
    }
}

/// Lists folders with plain system calls.
enum FolderListing {
    /// The paths of the files under `folder` (relative to it, in subfolders too), unsorted;
    /// names starting with a dot are skipped. Nil when the folder cannot be read. A folder
    /// that is (through a link) one of the folders it is in is not listed again: its path is
    /// added to `loops` instead (else the listing would go round until paths grow too long).
    static func files(under folder: String, loops: inout [String]) -> [String]? {
        files(under: folder, ancestors: [], loops: &loops)
    }

    private struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func files(under folder: String, ancestors: Set<FolderID>, loops: inout [String]) -> [String]? {
        var info = stat()
        guard stat(folder, &info) == 0 else { return nil }
        let id = FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        guard !ancestors.contains(id) else {
            loops.append("")
            return []
        }
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var result: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            let isFolder: Bool
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): isFolder = true
            case Int32(DT_UNKNOWN), Int32(DT_LNK):
                var info = stat()
                isFolder = stat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            default: isFolder = false
            }
            if isFolder {
                var inner: [String] = []
                result += (files(under: folder + "/" + name, ancestors: ancestors.union([id]), loops: &inner) ?? []).map { name + "/" + $0 }
                loops += inner.map { $0.isEmpty ? name : name + "/" + $0 }
            } else {
                result.append(name)
            }
        }
        return result
    }
}
