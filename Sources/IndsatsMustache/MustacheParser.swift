import Foundation

/// Where and why a template does not parse.
public struct MustacheError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// 1-based.
    public var line: Int
    public var column: Int

    public var description: String { message }
}

/// Parses Mustache text into nodes, with the whitespace rules of swift-mustache 2.1 (the
/// engine these templates were first written for, so existing templates render the same):
/// a section, comment, partial, parent, block or pragma tag alone on its line takes the line
/// with it, and a standalone partial indents every line it renders.
struct MustacheParser {
    private let bytes: [UInt8]
    private var position = 0
    /// The offset of the first byte of each line, to tell a tag's line and column.
    private let lineStarts: [Int]
    /// Where the parsed nodes' texts and objects are kept.
    let arena = TemplateArena()
    /// The delimiters, until a `{{=<% %>=}}` tag changes them for the rest of the template
    /// (also after the end of the section it is in).
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    init(_ text: String) {
        let bytes = Array(text.utf8)
        self.bytes = bytes
        lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
    }

    private struct State {
        /// The tag text of the section being read (`empty(list)`), and where it opened.
        var sectionName: String?
        var sectionStart = 0
        var newLine = true
        /// Whether lines lose `removedIndentation` at their start: inside a parent's overrides
        /// and a standalone block, whose indentation is put back where they are rendered.
        var removesIndentation = false
        /// Directly inside `{{<parent}}`, where blocks are overrides.
        var atParentDefinitionTop = false
        /// How many spaces each line loses; nil until the first line of an override sets it.
        var removedIndentation: Int?
        /// How many sections, blocks and parents enclose this one.
        var depth = 0

        func entering(section name: String, at start: Int, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.depth += 1
            state.atParentDefinitionTop = false
            if !newLine { state.newLine = false }
            return state
        }

        func enteringParent(_ name: String, at start: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.depth += 1
            state.newLine = true
            state.removesIndentation = true
            state.atParentDefinitionTop = true
            return state
        }
    }

    /// What is being read at one level of nesting: the nodes so far, and the whitespace that
    /// began the current line (kept back until it is known whether the line's tag is standalone).
    private struct Level {
        var state: State
        var nodes: [Node] = []
        var whitespaceBefore: [UInt8] = []

        /// Adds the whitespace kept back as text.
        mutating func flushWhitespace(into arena: TemplateArena) {
            if !whitespaceBefore.isEmpty {
                nodes.append(.text(arena.store(whitespaceBefore)))
                whitespaceBefore = []
            }
        }
    }

    mutating func parse() throws(MustacheError) -> [Node] {
        try parse(State())
    }

    /// How deep sections, blocks and parents may nest: far more than a page needs, and few
    /// enough that parsing and rendering them cannot run out of stack.
    static let maximumNesting = 100

    /// The nodes up to the end of the section `initial` opens (or of the template).
    private mutating func parse(_ initial: State) throws(MustacheError) -> [Node] {
        guard initial.depth <= Self.maximumNesting else {
            throw error(
                "more than \(Self.maximumNesting) sections are open here, one inside the other; most likely some are not closed "
                    + "(close each {{#name}} with {{/name}})", at: initial.sectionStart)
        }
        var level = Level(state: initial)
        while position < bytes.count {
            if level.state.newLine { readIndentation(&level) }
            let (text, foundTag) = readText(until: open)
            if !foundTag, let newline = newlineLength() {
                level.nodes.append(.text(arena.store(level.whitespaceBefore + text + bytes[position..<position + newline])))
                position += newline
                level.state.newLine = true
                continue
            }
            if !text.isEmpty {
                level.nodes.append(.text(arena.store(level.whitespaceBefore + text)))
                level.whitespaceBefore = []
                level.state.newLine = false
            }
            guard foundTag else { break }
            if try readTag(&level, tagStart: position - open.count) { return level.nodes }
        }
        if let open = level.state.sectionName {
            throw error("the section {{#\(open)}} is not closed", at: level.state.sectionStart)
        }
        return level.nodes
    }

    /// The spaces that begin a line, kept back in `level`; inside a parent's overrides, less
    /// the indentation of the override's first line, and inside a standalone block, less the
    /// block's own.
    private mutating func readIndentation(_ level: inout Level) {
        let whitespace = readSpaces()
        if level.state.removesIndentation && !level.state.atParentDefinitionTop {
            if let indent = level.state.removedIndentation {
                level.whitespaceBefore = Array(whitespace.dropFirst(indent))
            } else {
                level.state.removedIndentation = whitespace.count
            }
        } else {
            level.whitespaceBefore = Array(whitespace)
        }
    }

    /// Reads the tag whose opening delimiter ends before the current position, by its kind;
    /// true when it closes the section being read.
    private mutating func readTag(_ level: inout Level, tagStart: Int) throws(MustacheError) -> Bool {
        var standalone = false
        switch bytes.count > position ? bytes[position] : 0 {
        case UInt8(ascii: "#"), UInt8(ascii: "^"): standalone = try readSection(&level, tagStart: tagStart)
        case UInt8(ascii: "/"):
            try readClosing(&level, tagStart: tagStart)
            return true
        case UInt8(ascii: "!"): standalone = try readComment(level, tagStart: tagStart)
        case UInt8(ascii: "{"), UInt8(ascii: "&"): try readUnescapedVariable(&level, tagStart: tagStart)
        case UInt8(ascii: ">"): standalone = try readPartial(&level, tagStart: tagStart)
        case UInt8(ascii: "<"): standalone = try readParent(&level, tagStart: tagStart)
        case UInt8(ascii: "$"): standalone = try readBlock(&level, tagStart: tagStart)
        case UInt8(ascii: "="):
            position += 1
            try setDelimiters(&level.state, tagStart: tagStart)
            standalone = isStandalone(level.state)
        case UInt8(ascii: "%"):
            position += 1
            level.nodes.append(try readPragma(tagStart: tagStart))
            standalone = isStandalone(level.state)
        default:
            level.flushWhitespace(into: arena)
            let (_, name) = try readName(tagStart: tagStart)
            level.nodes.append(.variable(arena.keep(name), escaped: true))
        }
        level.state.newLine = standalone
        return false
    }

    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`; whether its opening tag is standalone.
    private mutating func readSection(_ level: inout Level, tagStart: Int) throws(MustacheError) -> Bool {
        let inverted = bytes[position] == UInt8(ascii: "^")
        position += 1
        let (raw, name) = try readName(tagStart: tagStart)
        let standalone = isStandalone(level.state)
        if !standalone { level.flushWhitespace(into: arena) }
        let content = try parse(level.state.entering(section: raw, at: tagStart, newLine: standalone))
        level.nodes.append(.section(arena.keep(name), arena.keep(NodeList(content)), inverted: inverted))
        return standalone
    }

    /// `{{/name}}`, which must close the section being read.
    private mutating func readClosing(_ level: inout Level, tagStart: Int) throws(MustacheError) {
        position += 1
        let (raw, _) = try readName(tagStart: tagStart)
        guard let open = level.state.sectionName else {
            throw error("{{/\(raw)}} closes no section", at: tagStart)
        }
        guard raw == open else {
            throw error("{{/\(raw)}} closes the section {{#\(open)}} (opened on line \(line(of: level.state.sectionStart)))", at: tagStart)
        }
        if !isStandalone(level.state) { level.flushWhitespace(into: arena) }
    }

    /// `{{! comment }}`; whether it is standalone.
    private mutating func readComment(_ level: Level, tagStart: Int) throws(MustacheError) -> Bool {
        position += 1
        guard let end = find(close) else { throw error("a comment is not closed with \(String(decoding: close, as: UTF8.self))", at: tagStart) }
        position = end + close.count
        return isStandalone(level.state)
    }

    /// `{{{name}}}` or `{{&name}}`.
    private mutating func readUnescapedVariable(_ level: inout Level, tagStart: Int) throws(MustacheError) {
        let triple = bytes[position] == UInt8(ascii: "{")
        level.flushWhitespace(into: arena)
        position += 1
        let (_, name) = try readName(tagStart: tagStart)
        if triple {
            guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else { throw error("{{{ is not closed with }}}", at: tagStart) }
            position += 1
        }
        level.nodes.append(.variable(arena.keep(name), escaped: false))
    }

    /// `{{>name}}` or `{{>*field}}`; whether it is standalone (only then it indents what it renders).
    private mutating func readPartial(_ level: inout Level, tagStart: Int) throws(MustacheError) -> Bool {
        position += 1
        skipWhitespace()
        let dynamic = position < bytes.count && bytes[position] == UInt8(ascii: "*")
        if dynamic { position += 1 }
        let name = try readPartialName(tagStart: tagStart)
        let whitespace = level.whitespaceBefore
        level.flushWhitespace(into: arena)
        let standalone = isStandalone(level.state)
        level.nodes.append(.partial(arena.keep(PartialCall(
            name: name, dynamic: dynamic, indentation: standalone ? whitespace : nil, overrides: nil, position: self.position(of: tagStart)))))
        return standalone
    }

    /// `{{<parent}}{{$block}}…{{/block}}{{/parent}}`; whether its opening tag is standalone.
    private mutating func readParent(_ level: inout Level, tagStart: Int) throws(MustacheError) -> Bool {
        position += 1
        skipWhitespace()
        let raw = try readPartialName(tagStart: tagStart)
        let dynamic = raw.hasPrefix("*")
        let whitespace = level.whitespaceBefore
        level.flushWhitespace(into: arena)
        let standalone = isStandalone(level.state)
        var overrides: [String: [Node]] = [:]
        var overridePositions: [String: TagPosition] = [:]
        for node in try parse(level.state.enteringParent(raw, at: tagStart)) {
            switch node {
            case .block(let block):
                overrides[block.object.name] = block.object.defaultContent
                overridePositions[block.object.name] = block.object.position
            case .text: break
            default: throw error("only {{$block}} sections and text can be inside {{<\(raw)}}", at: tagStart)
            }
        }
        if let cycle = Self.overrideCycle(overrides) {
            throw MustacheError(
                message: "the override of the block \"\(cycle.names[0])\" contains itself: \(cycle.names.joined(separator: " → ")) "
                    + "(a block's override may not contain the same block, directly or through other overrides, or it would repeat without end)",
                line: cycle.position.line, column: cycle.position.column)
        }
        level.nodes.append(.partial(arena.keep(PartialCall(
            name: dynamic ? String(raw.dropFirst()) : raw, dynamic: dynamic, indentation: whitespace, overrides: overrides,
            position: self.position(of: tagStart), overridePositions: overridePositions))))
        return standalone
    }

    /// `{{$name}}default{{/name}}`: a block, or directly inside `{{<parent}}` an override of
    /// one; whether its opening tag is standalone.
    ///
    /// A block's indentation is put before each line it renders after the first (the first
    /// follows the spaces before its tag). A standalone block's indentation is that of the line
    /// after its tag, taken off the default's lines and put before every line it renders
    /// (the specification's "intrinsic indentation"). An override keeps the whitespace before
    /// it to itself.
    private mutating func readBlock(_ level: inout Level, tagStart: Int) throws(MustacheError) -> Bool {
        position += 1
        let (raw, name) = try readName(tagStart: tagStart)
        guard case .path(let parts) = name.kind, parts.count == 1, name.functions.isEmpty else {
            throw error("a block's name is one plain name, not {{$\(raw)}}", at: tagStart)
        }
        let definesOverride = level.state.atParentDefinitionTop
        let standalone = isStandalone(level.state)
        var inner = level.state.entering(section: raw, at: tagStart, newLine: standalone)
        var indentation: [UInt8] = []
        if standalone && !definesOverride {
            let next = spaces(at: position)
            let removed = level.state.removesIndentation ? level.state.removedIndentation ?? 0 : 0
            indentation = Array(next.dropFirst(removed))
            inner.removesIndentation = true
            inner.removedIndentation = next.count
        } else if !definesOverride {
            indentation = level.whitespaceBefore
            level.flushWhitespace(into: arena)
        }
        let content = try parse(inner)
        level.nodes.append(.block(arena.keep(Block(
            name: raw, defaultContent: content, indentation: indentation, indentsFirstLine: standalone && !definesOverride,
            position: self.position(of: tagStart)))))
        return standalone
    }

    // MARK: Reading

    /// Text up to a newline (not read) or a tag's opening delimiter (read); whether a tag was found.
    private mutating func readText(until open: [UInt8]) -> ([UInt8], Bool) {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x0A || byte == 0x0D { return (Array(bytes[start..<position]), false) }
            if byte == open[0] && matches(open, at: position) {
                let text = Array(bytes[start..<position])
                position += open.count
                return (text, true)
            }
            position += 1
        }
        return (Array(bytes[start..<position]), false)
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

    private mutating func readSpaces() -> ArraySlice<UInt8> {
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

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    /// A tag that began its line is standalone when only spaces follow it on the line; the
    /// rest of the line, newline included, is then read.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
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
    private mutating func readName(tagStart: Int) throws(MustacheError) -> (String, Name) {
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
    private static func name(_ raw: String, at offset: Int, in parser: MustacheParser) throws(MustacheError) -> Name {
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
            return Name(kind: .loop(function), functions: [], text: raw, position: parser.position(of: offset))
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
        return Name(kind: kind, functions: functions, text: raw, position: parser.position(of: offset))
    }

    private mutating func readPartialName(tagStart: Int) throws(MustacheError) -> String {
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
    private mutating func setDelimiters(_ state: inout State, tagStart: Int) throws(MustacheError) {
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
        state.atParentDefinitionTop = false
    }

    /// `{{% CONTENT_TYPE: HTML}}` (escape values, the default) or `TEXT` (do not).
    private mutating func readPragma(tagStart: Int) throws(MustacheError) -> Node {
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
    private func position(of offset: Int) -> TagPosition {
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

    private func line(of offset: Int) -> Int {
        position(of: offset).line
    }

    private func error(_ message: String, at offset: Int) -> MustacheError {
        let position = position(of: offset)
        return MustacheError(message: message, line: position.line, column: position.column)
    }

    /// Overrides of one `{{<parent}}` that contain each other (`{{$a}}…{{$a}}…{{/a}}…{{/a}}`):
    /// rendering one would render the other without end. The names around the cycle, and
    /// where its first inner block is.
    static func overrideCycle(_ overrides: [String: [Node]]) -> (names: [String], position: TagPosition)? {
        func blocks(in nodes: [Node], into found: inout [(name: String, position: TagPosition)]) {
            for node in nodes {
                switch node {
                case .section(_, let list, _): blocks(in: list.object.nodes, into: &found)
                case .block(let block):
                    found.append((block.object.name, block.object.position))
                    blocks(in: block.object.defaultContent, into: &found)
                case .text, .variable, .partial, .contentType: break
                }
            }
        }
        var edges: [String: [(name: String, position: TagPosition)]] = [:]
        for (name, content) in overrides {
            var found: [(name: String, position: TagPosition)] = []
            blocks(in: content, into: &found)
            edges[name] = found.filter { overrides[$0.name] != nil }
        }
        var finished = Set<String>()
        func visit(_ name: String, _ path: [(name: String, position: TagPosition)]) -> (names: [String], position: TagPosition)? {
            if let start = path.firstIndex(where: { $0.name == name }) {
                return (path[start...].map(\.name) + [name], path[start].position)
            }
            guard !finished.contains(name) else { return nil }
            for edge in edges[name] ?? [] {
                if let cycle = visit(edge.name, path + [(name, edge.position)]) { return cycle }
            }
            finished.insert(name)
            return nil
        }
        for name in overrides.keys.sorted() {
            if let cycle = visit(name, []) { return cycle }
        }
        return nil
    }
}
