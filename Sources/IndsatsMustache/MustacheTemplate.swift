import Foundation

/// One parsed Mustache template.
public struct MustacheTemplate: Sendable {
    let nodes: [Node]
    /// Keeps what the nodes point to alive: their texts, names and sections.
    fileprivate let arena: TemplateArena

    fileprivate init(nodes: [Node], arena: TemplateArena) {
        self.nodes = nodes
        self.arena = arena
    }

    public init(parsing text: String) throws(MustacheError) {
        var parser = MustacheParser(text)
        nodes = try parser.parse()
        arena = parser.arena
    }

    /// The partials and parents this template names (`{{>name}}`, `{{<name}}`), dynamic ones
    /// left out, in the order of their tags.
    public var references: [TemplateReference] {
        var references: [TemplateReference] = []
        func visit(_ tags: [TemplateTag]) {
            for tag in tags {
                switch tag {
                case .variable: break
                case .section(_, _, let content), .block(_, let content, _): visit(content)
                case .partial(let reference, let overrides):
                    if !reference.dynamic { references.append(reference) }
                    overrides?.forEach { visit($0.content) }
                }
            }
        }
        visit(tags)
        return references.sorted { $0.position < $1.position }
    }

    /// The template's tags as a tree (text left out).
    public var tags: [TemplateTag] {
        TemplateTag.tags(of: nodes)
    }
}

/// Templates by name, so that they can include each other; renders a context through one of them.
public struct MustacheLibrary: Sendable {
    private var templates: [String: MustacheTemplate] = [:]

    public init() {}

    public mutating func register(_ template: MustacheTemplate, named name: String) {
        templates[name] = template
    }

    public func template(named name: String) -> MustacheTemplate? {
        templates[name]
    }

    /// The nodes of a template (its arena is kept alive by the library).
    func nodes(named name: String) -> [Node]? {
        templates[name]?.nodes
    }

    /// The most partials, parents and blocks rendered inside each other: a recursive partial
    /// ends when its data ends (Mustache allows that), and one that does not is stopped here
    /// with an error rather than by running out of stack.
    public static let maximumDepth = 64

    /// The chains of templates that include each other (`{{>name}}` or `{{<name}}`, also
    /// inside sections and blocks; dynamic names left out), each reported once, in the order
    /// of the templates' names. Rendering such a template ends only if its data ends the
    /// recursion, as in the Mustache specification's recursive partials.
    public func cycles() -> [TemplateCycle] {
        // Each template's distinct targets, at their first tag.
        var edges: [String: [TemplateReference]] = [:]
        for (name, template) in templates {
            var seen = Set<String>()
            edges[name] = template.references.filter { templates[$0.name] != nil && seen.insert($0.name).inserted }
        }
        var cycles: [TemplateCycle] = []
        var finished = Set<String>()
        // The templates being visited, and the tag that leads from each to the next.
        var path: [String] = []
        var steps: [TemplateReference] = []
        func visit(_ name: String) {
            path.append(name)
            for reference in edges[name] ?? [] {
                if let start = path.firstIndex(of: reference.name) {
                    let around = steps[start...] + [reference]
                    cycles.append(TemplateCycle(
                        names: path[start...] + [reference.name], position: around.first!.position, inherits: around.allSatisfy(\.isParent)))
                } else if !finished.contains(reference.name) {
                    steps.append(reference)
                    visit(reference.name)
                    steps.removeLast()
                }
            }
            path.removeLast()
            finished.insert(name)
        }
        for name in templates.keys.sorted() where !finished.contains(name) {
            visit(name)
        }
        return cycles
    }

    /// A copy that shares no reference-counted object (names, sections, strings) with this
    /// one, for one thread to render with: two cores counting references on the same objects
    /// slow each other down. The texts stay shared; they are not counted.
    public func detached() -> MustacheLibrary {
        var copy = MustacheLibrary()
        for (name, template) in templates {
            let arena = TemplateArena(parent: template.arena)
            copy.templates[Node.detached(name)] = MustacheTemplate(nodes: template.nodes.map { $0.detached(into: arena) }, arena: arena)
        }
        return copy
    }

    /// The page as UTF-8, or nil when there is no template of that name. `capacity`: the
    /// bytes to reserve for it (a guess saves growing the buffer). Throws when partials,
    /// parents and blocks nest deeper than `maximumDepth`.
    public func render(_ context: TemplateObject, with name: String, capacity: Int = 4096) throws(MustacheRenderError) -> [UInt8]? {
        try render(.object(context), with: name, capacity: capacity)
    }

    /// The page as UTF-8 with any value as the root context, also a list or a text (`{{.}}`
    /// is then the value itself); otherwise as `render(_:with:capacity:)` with an object.
    public func render(_ root: TemplateValue, with name: String, capacity: Int = 4096) throws(MustacheRenderError) -> [UInt8]? {
        guard let template = templates[name] else { return nil }
        var renderer = Renderer(library: self, root: root, capacity: capacity)
        renderer.render(template.nodes)
        if var failure = renderer.failure {
            failure.chain.insert(name, at: 0)
            throw failure
        }
        return renderer.output
    }
}

/// Where the enclosing list is: what `first()`, `last()`, `index()`, `even()` and `odd()` answer.
private struct LoopPosition {
    var index: Int
    var count: Int
}

/// Renders nodes into one UTF-8 buffer. What partials and blocks pass on besides the context
/// stack (indentation, a parent's overrides, whether values are escaped) is state saved and
/// restored around them rather than copied into every call.
private struct Renderer {
    let library: MustacheLibrary
    var output: [UInt8] = []
    var stack: [TemplateValue]
    var loop: LoopPosition?
    /// Put before every line a standalone partial renders (`  {{>row}}`).
    var indentation: [UInt8] = []
    /// The blocks a parent's caller replaces (`{{<base}}{{$main}}…{{/main}}{{/base}}`).
    var overrides: [String: [Node]] = [:]
    var escapes = true
    /// How many partials, parents and blocks are being rendered inside each other.
    var depth = 0
    /// Set when `depth` would pass the limit; rendering then stops.
    var failure: MustacheRenderError?

    init(library: MustacheLibrary, root: TemplateValue, capacity: Int = 0) {
        self.library = library
        stack = [root]
        output.reserveCapacity(capacity)
    }

    mutating func render(_ nodes: [Node]) {
        // A content-type pragma lasts to the end of the template or section it is in.
        let escapesBefore = escapes
        defer { escapes = escapesBefore }
        guard !indentation.isEmpty else {
            for index in nodes.indices { render(nodes[index]) }
            return
        }
        // As swift-mustache does: a node that renders something right after a newline of
        // this template's own output gets the indentation first.
        let start = output.count
        for index in nodes.indices {
            let before = output.count
            render(nodes[index])
            if output.count > before, before > start, output[before - 1] == 0x0A {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    mutating func render(_ node: Node) {
        switch node {
        case .text(let run):
            output.append(contentsOf: run.bytes)

        case .variable(let name, let escaped):
            switch lookUp(name.object) {
            case .text(let text): escaped && escapes ? appendEscaped(text) : output.append(contentsOf: text.utf8)
            case .bool(let value): output.append(contentsOf: (value ? "true" : "false").utf8)
            case .absent, .list, .object: break
            }

        case .section(let name, let list, let inverted):
            renderSection(name, list, inverted: inverted)

        case .partial(let call):
            renderPartial(call)

        case .block(let block):
            renderBlock(block)

        case .contentType(let escapes):
            self.escapes = escapes
        }
    }

    /// `{{#name}}…{{/name}}`: the content once for a true flag, a text or an object (the
    /// value on top of the context stack), once per element of a list; `{{^name}}` once when
    /// the value is not truthy.
    mutating func renderSection(_ name: Uncounted<Name>, _ list: Uncounted<NodeList>, inverted: Bool) {
        let value = lookUp(name.object)
        let content = list.object.nodes
        if inverted {
            if !value.isTruthy { render(content) }
            return
        }
        switch value {
        case .absent, .bool(false): break
        case .bool(true): render(content)
        case .text(let text) where text.isEmpty: break
        case .list(let elements):
            let outer = loop
            for (index, element) in elements.enumerated() {
                loop = LoopPosition(index: index, count: elements.count)
                stack.append(element)
                render(content)
                stack.removeLast()
            }
            loop = outer
        case .text, .object:
            let outer = loop
            loop = nil
            stack.append(value)
            render(content)
            stack.removeLast()
            loop = outer
        }
    }

    /// `{{>name}}` or `{{<name}}…{{/name}}`: the template named (or, when dynamic, named by a
    /// value), with the tag's indentation and overrides; nothing once rendering has failed.
    mutating func renderPartial(_ call: Uncounted<PartialCall>) {
        guard failure == nil else { return }
        let name = call.object.name, partialIndentation = call.object.indentation, partialOverrides = call.object.overrides
        let templateName: String
        if call.object.dynamic {
            let field = Name(kind: .path(name.split(separator: ".").map(String.init)), functions: [], position: call.object.position)
            guard case .text(let text) = lookUp(field) else { return }
            templateName = text
        } else {
            templateName = name
        }
        guard let nodes = library.nodes(named: templateName) else { return }
        guard depth < MustacheLibrary.maximumDepth else {
            failure = MustacheRenderError(chain: [], refused: templateName, position: call.object.position)
            return
        }
        depth += 1
        let saved = (indentation, overrides, escapes)
        defer {
            (indentation, overrides, escapes) = saved
            depth -= 1
            // The chain is told from the outside in, as rendering unwinds.
            failure?.chain.insert(templateName, at: 0)
        }
        if let partialIndentation { indentation += partialIndentation }
        if let partialOverrides {
            // The outermost caller's override wins.
            overrides.merge(partialOverrides) { outer, _ in outer }
        }
        escapes = true
        render(nodes)
    }

    /// `{{$name}}…{{/name}}`: the outermost override of the block, or its default content.
    mutating func renderBlock(_ block: Uncounted<Block>) {
        guard failure == nil else { return }
        let name = block.object.name, defaultContent = block.object.defaultContent, blockIndentation = block.object.indentation
        guard depth < MustacheLibrary.maximumDepth else {
            failure = MustacheRenderError(chain: [], refused: "$" + name, position: block.object.position)
            return
        }
        depth += 1
        let savedIndentation = indentation
        defer {
            indentation = savedIndentation
            depth -= 1
        }
        indentation += blockIndentation
        let outer = loop
        loop = nil
        let start = output.count
        render(overrides[name] ?? defaultContent)
        if block.object.indentsFirstLine, output.count > start {
            output.insert(contentsOf: blockIndentation, at: start)
        }
        loop = outer
    }

    func lookUp(_ name: Name) -> TemplateValue {
        var value: TemplateValue
        switch name.kind {
        case .dot:
            value = stack.last ?? .absent
        case .loop(let function):
            guard let loop else { return .absent }
            switch function {
            case .first: return .bool(loop.index == 0)
            case .last: return .bool(loop.index == loop.count - 1)
            case .index: return .text(String(loop.index))
            case .even: return .bool(loop.index % 2 == 0)
            case .odd: return .bool(loop.index % 2 == 1)
            }
        case .path(let parts):
            value = .absent
            // By position, so that no context on the stack is copied on the way.
            var level = stack.endIndex
            while level > stack.startIndex {
                level -= 1
                if let found = stack[level].field(parts[0]) {
                    value = parts.count == 1 ? found : Self.descend(found, parts.dropFirst())
                    break
                }
            }
        case .local(let parts):
            value = Self.descend(stack.last ?? .absent, parts[...])
        }
        for function in name.functions { value = Self.apply(function, to: value) }
        return value
    }

    static func descend(_ value: TemplateValue, _ parts: ArraySlice<String>) -> TemplateValue {
        var value = value
        for part in parts {
            guard let child = value.field(part) else { return .absent }
            value = child
        }
        return value
    }

    static func apply(_ function: Function, to value: TemplateValue) -> TemplateValue {
        switch (function, value) {
        case (.empty, _): return .bool(!value.isTruthy)
        case (.count, .list(let elements)): return .text(String(elements.count))
        case (.count, .text(let text)): return .text(String(text.count))
        case (.count, _): return .text("0")
        case (.first, .list(let elements)): return elements.first ?? .absent
        case (.last, .list(let elements)): return elements.last ?? .absent
        case (.reversed, .list(let elements)): return .list(elements.reversed())
        case (.reversed, .text(let text)): return .text(String(text.reversed()))
        case (.uppercased, .text(let text)): return .text(text.uppercased())
        case (.lowercased, .text(let text)): return .text(text.lowercased())
        case (.capitalized, .text(let text)): return .text(text.capitalized)
        case (.first, _), (.last, _): return .absent
        case (.reversed, _), (.uppercased, _), (.lowercased, _), (.capitalized, _): return value
        }
    }

    /// Appends text escaped for HTML (`& < > " '`), copying the runs between those characters whole.
    mutating func appendEscaped(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var runStart = 0
            for index in 0..<bytes.count {
                let replacement: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): replacement = "&amp;"
                case UInt8(ascii: "<"): replacement = "&lt;"
                case UInt8(ascii: ">"): replacement = "&gt;"
                case UInt8(ascii: "\""): replacement = "&quot;"
                case UInt8(ascii: "'"): replacement = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                output.append(contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                runStart = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }
}

extension MustacheLibrary {
    /// Text escaped for HTML as `{{value}}` escapes it.
    public static func escapeHTML(_ text: String) -> String {
        var renderer = Renderer(library: MustacheLibrary(), root: .absent)
        renderer.appendEscaped(text)
        return String(decoding: renderer.output, as: UTF8.self)
    }
}

extension Node {
    /// A deep copy with its own names, lists and strings, kept by `arena` (see
    /// `MustacheLibrary.detached`).
    func detached(into arena: TemplateArena) -> Node {
        switch self {
        case .text, .contentType:
            return self
        case .variable(let name, let escaped):
            return .variable(arena.keep(name.object.detached()), escaped: escaped)
        case .section(let name, let list, let inverted):
            return .section(arena.keep(name.object.detached()), arena.keep(NodeList(list.object.nodes.map { $0.detached(into: arena) })), inverted: inverted)
        case .partial(let call):
            let call = call.object
            return .partial(arena.keep(PartialCall(
                name: Self.detached(call.name), dynamic: call.dynamic, indentation: call.indentation.map { $0.map { $0 } },
                overrides: call.overrides.map { Dictionary(uniqueKeysWithValues: $0.map { (Self.detached($0.key), $0.value.map { $0.detached(into: arena) }) }) },
                position: call.position, overridePositions: call.overridePositions)))
        case .block(let block):
            let block = block.object
            return .block(arena.keep(Block(
                name: Self.detached(block.name), defaultContent: block.defaultContent.map { $0.detached(into: arena) },
                indentation: block.indentation.map { $0 }, indentsFirstLine: block.indentsFirstLine, position: block.position)))
        }
    }

    /// A string with storage of its own (a short one is stored inline anyway).
    static func detached(_ text: String) -> String {
        String(decoding: Array(text.utf8), as: UTF8.self)
    }
}

extension Name {
    func detached() -> Name {
        let kind: Kind = switch self.kind {
        case .dot: .dot
        case .loop(let function): .loop(function)
        case .path(let parts): .path(parts.map(Node.detached))
        case .local(let parts): .local(parts.map(Node.detached))
        }
        return Name(kind: kind, functions: functions.map { $0 }, position: position)
    }
}
