import IndsatsPlatform

/// Reads a whole file as UTF-8 text (the bytes through `FileBytes`, IndsatsPlatform's plain
/// system calls).
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
        switch FileBytes.read(path) {
        case .failure(let error): return .failed(error.code)
        case .success(let bytes):
            if let text = String(validating: bytes, as: UTF8.self) { return .text(text) }
            return firstInvalidByte(bytes[...])
        }
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
