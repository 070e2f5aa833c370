import Foundation

/// Where and why a template does not parse.
public struct MustacheError: Error, Sendable, CustomStringConvertible {
    public var message: String
    /// 1-based.
    public var line: Int
    public var column: Int

    public var description: String { message }
}

/// Builds the tree of nodes of a Mustache template from the tags `MustacheScanner` reads, with
/// the whitespace rules of swift-mustache 2.1 (the engine these templates were first written
/// for, so existing templates render the same): a section, comment, partial, parent, block or
/// pragma tag alone on its line takes the line with it, and a standalone partial indents every
/// line it renders.
struct MustacheParser {
    private var scanner: MustacheScanner
    /// Where the parsed nodes' texts and objects are kept.
    let arena = TemplateArena()

    init(_ text: String) {
        scanner = MustacheScanner(text)
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
            throw scanner.error(
                "more than \(Self.maximumNesting) sections are open here, one inside the other; most likely some are not closed "
                    + "(close each {{#name}} with {{/name}})", at: initial.sectionStart)
        }
        var level = Level(state: initial)
        while !scanner.isAtEnd {
            if level.state.newLine { readIndentation(&level) }
            let (text, tagStart) = scanner.readText()
            if tagStart == nil, let newline = scanner.readNewline() {
                level.nodes.append(.text(arena.store(level.whitespaceBefore + text + newline)))
                level.state.newLine = true
                continue
            }
            if !text.isEmpty {
                level.nodes.append(.text(arena.store(level.whitespaceBefore + text)))
                level.whitespaceBefore = []
                level.state.newLine = false
            }
            guard let tagStart else { break }
            if try readTag(&level, tagStart: tagStart) { return level.nodes }
        }
        if let open = level.state.sectionName {
            throw scanner.error("the section {{#\(open)}} is not closed", at: level.state.sectionStart)
        }
        return level.nodes
    }

    /// The spaces that begin a line, kept back in `level`; inside a parent's overrides, less
    /// the indentation of the override's first line, and inside a standalone block, less the
    /// block's own.
    private mutating func readIndentation(_ level: inout Level) {
        let whitespace = scanner.readSpaces()
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
        switch scanner.next {
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
            _ = scanner.skip(UInt8(ascii: "="))
            try scanner.setDelimiters(tagStart: tagStart)
            level.state.atParentDefinitionTop = false
            standalone = isStandalone(level.state)
        case UInt8(ascii: "%"):
            _ = scanner.skip(UInt8(ascii: "%"))
            level.nodes.append(try scanner.readPragma(tagStart: tagStart))
            standalone = isStandalone(level.state)
        default:
            level.flushWhitespace(into: arena)
            let (_, name) = try scanner.readName(tagStart: tagStart)
            level.nodes.append(.variable(arena.keep(name), escaped: true))
        }
        level.state.newLine = standalone
        return false
    }

    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`; whether its opening tag is standalone.
    private mutating func readSection(_ level: inout Level, tagStart: Int) throws(MustacheError) -> Bool {
        let inverted = !scanner.skip(UInt8(ascii: "#")) && scanner.skip(UInt8(ascii: "^"))
        let (raw, name) = try scanner.readName(tagStart: tagStart)
        let standalone = isStandalone(level.state)
        if !standalone { level.flushWhitespace(into: arena) }
        let content = try parse(level.state.entering(section: raw, at: tagStart, newLine: standalone))
        level.nodes.append(.section(arena.keep(name), arena.keep(NodeList(content)), inverted: inverted))
        return standalone
    }

    /// `{{/name}}`, which must close the section being read.
    private mutating func readClosing(_ level: inout Level, tagStart: Int) throws(MustacheError) {
        _ = scanner.skip(UInt8(ascii: "/"))
        let (raw, _) = try scanner.readName(tagStart: tagStart)
        guard let open = level.state.sectionName else {
            throw scanner.error("{{/\(raw)}} closes no section", at: tagStart)
        }
        guard raw == open else {
            throw scanner.error("{{/\(raw)}} closes the section {{#\(open)}} (opened on line \(scanner.line(of: level.state.sectionStart)))", at: tagStart)
        }
        if !isStandalone(level.state) { level.flushWhitespace(into: arena) }
    }

    /// `{{! comment }}`; whether it is standalone.
    private mutating func readComment(_ level: Level, tagStart: Int) throws(MustacheError) -> Bool {
        _ = scanner.skip(UInt8(ascii: "!"))
        try scanner.skipComment(tagStart: tagStart)
        return isStandalone(level.state)
    }

    /// `{{{name}}}` or `{{&name}}`.
    private mutating func readUnescapedVariable(_ level: inout Level, tagStart: Int) throws(MustacheError) {
        let triple = scanner.skip(UInt8(ascii: "{"))
        if !triple { _ = scanner.skip(UInt8(ascii: "&")) }
        level.flushWhitespace(into: arena)
        let (_, name) = try scanner.readName(tagStart: tagStart)
        if triple, !scanner.skip(UInt8(ascii: "}")) { throw scanner.error("{{{ is not closed with }}}", at: tagStart) }
        level.nodes.append(.variable(arena.keep(name), escaped: false))
    }

    /// `{{>name}}` or `{{>*field}}`; whether it is standalone (only then it indents what it renders).
    private mutating func readPartial(_ level: inout Level, tagStart: Int) throws(MustacheError) -> Bool {
        _ = scanner.skip(UInt8(ascii: ">"))
        scanner.skipWhitespace()
        let dynamic = scanner.skip(UInt8(ascii: "*"))
        let name = try scanner.readPartialName(tagStart: tagStart)
        let whitespace = level.whitespaceBefore
        level.flushWhitespace(into: arena)
        let standalone = isStandalone(level.state)
        level.nodes.append(.partial(arena.keep(PartialCall(
            name: name, dynamic: dynamic, indentation: standalone ? whitespace : nil, overrides: nil, position: scanner.position(of: tagStart)))))
        return standalone
    }

    /// `{{<parent}}{{$block}}…{{/block}}{{/parent}}`; whether its opening tag is standalone.
    private mutating func readParent(_ level: inout Level, tagStart: Int) throws(MustacheError) -> Bool {
        _ = scanner.skip(UInt8(ascii: "<"))
        scanner.skipWhitespace()
        let raw = try scanner.readPartialName(tagStart: tagStart)
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
            default: throw scanner.error("only {{$block}} sections and text can be inside {{<\(raw)}}", at: tagStart)
            }
        }
        if let cycle = OverrideCycle.find(in: overrides) {
            throw MustacheError(
                message: "the override of the block \"\(cycle.names[0])\" contains itself: \(cycle.names.joined(separator: " → ")) "
                    + "(a block's override may not contain the same block, directly or through other overrides, or it would repeat without end)",
                line: cycle.position.line, column: cycle.position.column)
        }
        level.nodes.append(.partial(arena.keep(PartialCall(
            name: dynamic ? String(raw.dropFirst()) : raw, dynamic: dynamic, indentation: whitespace, overrides: overrides,
            position: scanner.position(of: tagStart), overridePositions: overridePositions))))
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
        _ = scanner.skip(UInt8(ascii: "$"))
        let (raw, name) = try scanner.readName(tagStart: tagStart)
        guard case .path(let parts) = name.kind, parts.count == 1, name.functions.isEmpty else {
            throw scanner.error("a block's name is one plain name, not {{$\(raw)}}", at: tagStart)
        }
        let definesOverride = level.state.atParentDefinitionTop
        let standalone = isStandalone(level.state)
        var inner = level.state.entering(section: raw, at: tagStart, newLine: standalone)
        var indentation: [UInt8] = []
        if standalone && !definesOverride {
            let next = scanner.spacesAhead
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
            position: scanner.position(of: tagStart)))))
        return standalone
    }

    /// Whether the tag just read stands alone on its line (then the rest of the line is read).
    private mutating func isStandalone(_ state: State) -> Bool {
        scanner.isStandalone(afterLineStart: state.newLine)
    }
}
