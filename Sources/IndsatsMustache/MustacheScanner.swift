import Foundation

/// Reads a Mustache template's bytes for `MustacheParser`: text up to the next tag, one tag's
/// name or parts, whether a tag stands alone on its line, and the delimiters, which a
/// `{{=<% %>=}}` tag changes for the rest of the template (also after the end of the section it
/// is in). Knows the line and column of every offset, for errors.
struct MustacheScanner {
    private let bytes: [UInt8]
    private var position = 0
    /// The offset of the first byte of each line, to tell a tag's line and column.
    private let lineStarts: [Int]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    init(_ text: String) {
        let bytes = Array(text.utf8)
        self.bytes = bytes
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
    }

    var isAtEnd: Bool { position >= bytes.count }

    /// The byte at the current position (0 at the end).
    var next: UInt8 { position < bytes.count ? bytes[position] : 0 }

    /// Reads `byte` if it is next; whether it was.
    mutating func skip(_ byte: UInt8) -> Bool {
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    /// Reads the newline at the current position (`\n`, `\r\n` or `\r`), if there is one.
    mutating func readNewline() -> ArraySlice<UInt8>? {
        guard let length = newlineLength() else { return nil }
        defer { position += length }
        return bytes[position..<position + length]
    }

    /// The spaces and tabs from the current position on, not read.
    var spacesAhead: ArraySlice<UInt8> { spaces(at: position) }

    /// The rest of a `{{! comment }}`.
    mutating func skipComment(tagStart: Int) throws(MustacheError) {
        guard let end = find(close) else { throw error("a comment is not closed with \(String(decoding: close, as: UTF8.self))", at: tagStart) }
        position = end + close.count
    }

    /// Text up to a newline (not read) or a tag's opening delimiter (read); where that tag
    /// starts, if one was found.
    mutating func readText() -> (text: [UInt8], tagStart: Int?) {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A || byte == 0x0D { return (Array(bytes[start..<position]), nil) }
            if byte == open[0] && matches(open, at: position) {
                let text = Array(bytes[start..<position])
                position += open.count
                return (text, position - open.count)
            }
            position += 1
        }
        return (Array(bytes[start..<position]), nil)
    }

    private func matches(_ pattern: [UInt8], at offset: Int) -> Bool {
        guard offset + pattern.count <= bytes.count else { return false }
        for index in pattern.indices where bytes[offset + index] != pattern[index] { return false }
        return true
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        var offset = position
        while offset + pattern.count <= bytes.count {
            if matches(pattern, at: offset) { return offset }
            offset += 1
        }
        return nil
    }

    /// The length of the newline at the current position (`\n`, `\r\n` or `\r`), if any.
    private func newlineLength() -> Int? {
        guard position < bytes.count else { return nil }
        switch bytes[position] {
        case 0x0A: return 1
        case 0x0D: return position + 1 < bytes.count && bytes[position + 1] == 0x0A ? 2 : 1
        default: return nil
        }
    }

    mutating func readSpaces() -> ArraySlice<UInt8> {
        let spaces = spaces(at: position)
        position = spaces.endIndex
        return spaces
    }

    /// The spaces and tabs from `offset` on.
    private func spaces(at offset: Int) -> ArraySlice<UInt8> {
        var end = offset
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        return bytes[offset..<end]
    }

    mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    /// A tag that began its line is standalone when only spaces follow it on the line; the
    /// rest of the line, newline included, is then read.
    mutating func isStandalone(afterLineStart newLine: Bool) -> Bool {
        guard newLine else { return false }
        if position >= bytes.count { return true }
        var end = position
        while end < bytes.count, bytes[end] == 0x20 || bytes[end] == 0x09 { end += 1 }
        let saved = position
        position = end
        if let newline = newlineLength() {
            position += newline
            return true
        }
        position = saved
        return false
    }

    private static func isNameByte(_ byte: UInt8, brackets: Bool, slash: Bool = false) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"):
            true
        case UInt8(ascii: "("), UInt8(ascii: ")"): brackets
        case UInt8(ascii: "/"): slash
        default: false
        }
    }

    /// A tag's name up to the closing delimiter: its text, and what it looks up.
    mutating func readName(tagStart: Int) throws(MustacheError) -> (String, Name) {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position], brackets: true) { position += 1 }
        let raw = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard matches(close, at: position) else {
            throw error("the tag is not closed with \(String(decoding: close, as: UTF8.self)), or its name has a character names cannot have", at: position)
        }
        position += close.count
        return (raw, try Self.name(raw, at: tagStart, in: self))
    }

    /// `a.b`, `.`, `.a`, or functions around a name: `empty(list)`, `count(reversed(list))`, `first()`.
    private static func name(_ raw: String, at offset: Int, in parser: MustacheScanner) throws(MustacheError) -> Name {
        var text = Substring(raw)
        var functionNames: [Substring] = []
        while let open = text.firstIndex(of: "(") {
            functionNames.append(text[..<open])
            text = text[text.index(after: open)...]
        }
        let closing = text.drop { $0 != ")" }
        text = text.prefix { $0 != ")" }
        guard closing.count == functionNames.count, closing.allSatisfy({ $0 == ")" }) else {
            throw parser.error("the brackets in {{\(raw)}} do not match", at: offset)
        }
        if text.isEmpty, !functionNames.isEmpty {
            guard functionNames.count == 1, let function = LoopFunction(rawValue: String(functionNames[0])) else {
                throw parser.error("{{\(raw)}}: a function without a value is one of \(LoopFunction.allCases.map { "\($0.rawValue)()" }.joined(separator: ", "))", at: offset)
            }
            return Name(kind: .loop(function), functions: [], position: parser.position(of: offset))
        }
        var functions: [Function] = []
        for name in functionNames.reversed() {
            guard let function = Function(rawValue: String(name)) else {
                throw parser.error("{{\(raw)}}: there is no function \(name)(); there are \(Function.allCases.map(\.rawValue).joined(separator: ", "))", at: offset)
            }
            functions.append(function)
        }
        let kind: Name.Kind
        if text == "." {
            kind = .dot
        } else if text.first == "." {
            kind = .local(text.split(separator: ".").map(String.init))
        } else {
            let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !parts.isEmpty, !parts.contains(where: \.isEmpty) else { throw parser.error("{{\(raw)}} names nothing", at: offset) }
            kind = .path(parts)
        }
        return Name(kind: kind, functions: functions, position: parser.position(of: offset))
    }

    mutating func readPartialName(tagStart: Int) throws(MustacheError) -> String {
        skipWhitespace()
        let start = position
        while position < bytes.count, Self.isNameByte(bytes[position], brackets: true, slash: true) { position += 1 }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        skipWhitespace()
        guard !name.isEmpty, matches(close, at: position) else {
            throw error("the partial's name is missing, or the tag is not closed with \(String(decoding: close, as: UTF8.self))", at: tagStart)
        }
        position += close.count
        return name
    }

    /// `{{=<% %>=}}`
    mutating func setDelimiters(tagStart: Int) throws(MustacheError) {
        func word() -> [UInt8] {
            let start = position
            while position < bytes.count, ![0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "=")].contains(bytes[position]) { position += 1 }
            return Array(bytes[start..<position])
        }
        skipWhitespace()
        let newOpen = word()
        skipWhitespace()
        let newClose = word()
        skipWhitespace()
        guard !newOpen.isEmpty, !newClose.isEmpty, position < bytes.count, bytes[position] == UInt8(ascii: "="),
              matches(close, at: position + 1)
        else { throw error("a delimiter tag has the form {{=<% %>=}}", at: tagStart) }
        position += 1 + close.count
        open = newOpen
        close = newClose
    }

    /// `{{% CONTENT_TYPE: HTML}}` (escape values, the default) or `TEXT` (do not).
    mutating func readPragma(tagStart: Int) throws(MustacheError) -> Node {
        guard let end = find(close) else { throw error("the pragma is not closed", at: tagStart) }
        let text = String(decoding: bytes[position..<end], as: UTF8.self)
        position = end + close.count
        let parts = text.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, parts[0] == "CONTENT_TYPE", ["HTML", "TEXT"].contains(parts[1]) else {
            throw error("the only pragma is {{% CONTENT_TYPE: HTML}} or {{% CONTENT_TYPE: TEXT}}", at: tagStart)
        }
        return .contentType(escapes: parts[1] == "HTML")
    }

    // MARK: Positions and errors

    /// The line and column of a byte offset.
    func position(of offset: Int) -> TagPosition {
        let offset = min(offset, bytes.count)
        // The last line that starts at or before the offset.
        var low = 0, high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
        }
        // Characters, not bytes: continuation bytes of UTF-8 do not start one.
        let column = 1 + bytes[lineStarts[low]..<offset].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
        return TagPosition(line: low + 1, column: column)
    }

    func line(of offset: Int) -> Int {
        position(of: offset).line
    }

    func error(_ message: String, at offset: Int) -> MustacheError {
        let position = position(of: offset)
        return MustacheError(message: message, line: position.line, column: position.column)
    }
}
