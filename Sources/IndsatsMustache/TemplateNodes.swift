/// A template parsed into what is printed as it is and what is looked up.
///
/// Plain data: texts are pointers into the template's arena and everything else is an
/// uncounted reference to an object the arena keeps, so that visiting a node (millions of
/// times in a large build) copies a few words and counts no references.
enum Node: Sendable {
    case text(TextRun)
    case variable(Uncounted<Name>, escaped: Bool)
    case section(Uncounted<Name>, Uncounted<NodeList>, inverted: Bool)
    /// `{{>name}}`, or `{{<name}}…{{/name}}` with the blocks it overrides.
    case partial(Uncounted<PartialCall>)
    /// `{{$name}}default{{/name}}`, replaced by a parent's override of the same name.
    case block(Uncounted<Block>)
    /// `{{% CONTENT_TYPE: TEXT}}` switches escaping off for the rest of the template.
    case contentType(escapes: Bool)
}

/// A reference that is not counted: the template's `TemplateArena` keeps the object alive.
struct Uncounted<Object: AnyObject>: @unchecked Sendable {
    unowned(unsafe) let object: Object
}

/// The nodes of a section.
final class NodeList: Sendable {
    let nodes: [Node]

    init(_ nodes: [Node]) {
        self.nodes = nodes
    }
}

/// `{{>name}}` or `{{<name}}…{{/name}}`.
final class PartialCall: Sendable {
    let name: String
    /// `{{>*field}}`: the partial named by a value.
    let dynamic: Bool
    /// A standalone tag's indentation, put before every line the partial renders.
    let indentation: [UInt8]?
    let overrides: [String: [Node]]?
    /// Where the tag is, and where each override's `{{$name}}` tag is.
    let position: TagPosition
    let overridePositions: [String: TagPosition]

    init(name: String, dynamic: Bool, indentation: [UInt8]?, overrides: [String: [Node]]?, position: TagPosition, overridePositions: [String: TagPosition] = [:]) {
        self.name = name
        self.dynamic = dynamic
        self.indentation = indentation
        self.overrides = overrides
        self.position = position
        self.overridePositions = overridePositions
    }
}

/// `{{$name}}default{{/name}}`.
final class Block: Sendable {
    let name: String
    let defaultContent: [Node]
    /// Put before each line it renders after the first, and before the first too when
    /// `indentsFirstLine` (a standalone block).
    let indentation: [UInt8]
    let indentsFirstLine: Bool
    let position: TagPosition

    init(name: String, defaultContent: [Node], indentation: [UInt8], indentsFirstLine: Bool, position: TagPosition) {
        self.name = name
        self.defaultContent = defaultContent
        self.indentation = indentation
        self.indentsFirstLine = indentsFirstLine
        self.position = position
    }
}

/// Where a tag begins in its template: 1-based line and column (the column counts
/// characters, not bytes). The column is that of the tag's opening delimiter.
public struct TagPosition: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }

    public static func < (a: TagPosition, b: TagPosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// Text printed as it is: bytes in its template's `TemplateArena`, so that rendering copies them
/// without reference counting.
struct TextRun: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
}

/// The memory of a template's texts (freed with the template) and the objects its nodes
/// refer to without counting.
final class TemplateArena: @unchecked Sendable {
    private var blocks: [UnsafeMutableBufferPointer<UInt8>] = []
    private var objects: [AnyObject] = []
    /// The arena whose texts a detached copy still points into.
    private let parent: TemplateArena?

    init(parent: TemplateArena? = nil) {
        self.parent = parent
    }

    /// Keeps `object` as long as the arena, for nodes to refer to without counting.
    func keep<Object: AnyObject>(_ object: Object) -> Uncounted<Object> {
        objects.append(object)
        return Uncounted(object: object)
    }

    func store<C: Collection>(_ text: C) -> TextRun where C.Element == UInt8 {
        let block = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: text.count)
        _ = block.initialize(from: text)
        blocks.append(block)
        return TextRun(bytes: UnsafeBufferPointer(block))
    }

    deinit {
        for block in blocks { block.deallocate() }
    }
}

/// What a tag looks up: `name`, `a.b`, `.`, a name from the innermost context only (`.a`), or
/// the position in the enclosing list (`first()`, `index()`), with functions applied to it.
/// A class, so that rendering refers to it without copying its parts.
public final class Name: Sendable {
    public enum Kind: Sendable, Hashable {
        case dot
        case path([String])
        case local([String])
        case loop(LoopFunction)
    }

    public let kind: Kind
    /// Innermost first: `empty(reversed(list))` is `[.reversed, .empty]`.
    public let functions: [Function]
    /// Where its tag is.
    public let position: TagPosition

    init(kind: Kind, functions: [Function], position: TagPosition) {
        self.kind = kind
        self.functions = functions
        self.position = position
    }
}

/// The functions a tag can apply to a value (`{{^empty(list)}}`), as swift-mustache names them.
public enum Function: String, Sendable, CaseIterable {
    case empty, count, first, last, reversed, uppercased, lowercased, capitalized
}

/// What `{{#first()}}`, `{{index()}}` and the like say about the element being rendered.
public enum LoopFunction: String, Sendable, CaseIterable {
    case first, last, index, even, odd
}
