/// A value a template can show: what a page context is made of.
///
/// A closed set of cases rather than `Any`, so that looking a name up is a dictionary read and
/// a switch, with no dynamic casts: that is what makes rendering cheap (see the README's
/// performance section).
public enum TemplateValue: Sendable {
    /// Nothing: renders as nothing and hides a `{{#name}}` section. An empty text is absent too.
    case absent
    case bool(Bool)
    case text(String)
    case list([TemplateValue])
    case object(TemplateObject)

    /// The field `key` of an object; nil for a missing key and for any other kind of value.
    func field(_ key: String) -> TemplateValue? {
        guard case .object(let object) = self else { return nil }
        return object.value(for: key)
    }

    /// A deep copy sharing no storage with this value, for another thread to read (see
    /// `MustacheLibrary.detached`).
    public func detached() -> TemplateValue {
        switch self {
        case .absent, .bool: self
        case .text(let text): .text(String(decoding: Array(text.utf8), as: UTF8.self))
        case .list(let elements): .list(elements.map { $0.detached() })
        case .object(let object): .object(object.detached())
        }
    }

    /// Whether `{{#name}}` shows its content (once, or per element of a list).
    var isTruthy: Bool {
        switch self {
        case .absent: false
        case .bool(let value): value
        case .text(let text): !text.isEmpty
        case .list(let elements): !elements.isEmpty
        case .object: true
        }
    }
}

/// Named values: a page's context, or one element of a list in it.
///
/// A key with an absent value is kept on purpose: Mustache looks a name up through the
/// enclosing contexts, so a missing key inside an embedded context (an activity inside a
/// report) would otherwise show the outer page's field of the same name.
///
/// The pairs are a list, not a dictionary: a context is built once and read a few times, so
/// comparing a name with some dozen short keys is cheaper than hashing every key on the way in.
/// Setting a key appends it; the last value of a key is the one read.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    private var pairs: [(key: String, value: TemplateValue)]

    public init(fields: [String: TemplateValue] = [:]) {
        pairs = fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// From name–value pairs; nil becomes absent (and so does an empty text).
    public init(_ elements: KeyValuePairs<String, (any TemplateValueConvertible)?>) {
        pairs = []
        pairs.reserveCapacity(elements.count)
        for (key, value) in elements { set(key, value?.templateValue ?? .absent) }
    }

    public init(dictionaryLiteral elements: (String, (any TemplateValueConvertible)?)...) {
        pairs = []
        pairs.reserveCapacity(elements.count)
        for (key, value) in elements { set(key, value?.templateValue ?? .absent) }
    }

    /// The value of `key`, nil when there is no such key (an absent value is `.absent`).
    public func value(for key: String) -> TemplateValue? {
        // Lengths first: most keys differ in length, and that test is cheaper than comparing.
        let length = key.utf8.count
        var index = pairs.endIndex
        while index > pairs.startIndex {
            index -= 1
            if pairs[index].key.utf8.count == length, pairs[index].key == key { return pairs[index].value }
        }
        return nil
    }

    /// The keys, each once, in the order they were first set.
    public var keys: [String] {
        var seen = Set<String>()
        return pairs.map(\.key).filter { seen.insert($0).inserted }
    }

    /// Sets `key` (a later value of a key replaces an earlier one).
    public mutating func set(_ key: String, _ value: TemplateValue) {
        pairs.append((key, value))
    }

    /// An empty object with room for `capacity` fields, to fill with `add`.
    public init(capacity: Int) {
        pairs = []
        pairs.reserveCapacity(capacity)
    }

    // Typed setters for contexts built on hot paths: the same values as a dictionary literal
    // makes, without going through `any TemplateValueConvertible` for every field.

    /// A text; nil or empty is absent.
    public mutating func add(_ key: String, _ text: String?) {
        pairs.append((key, text.map { $0.isEmpty ? .absent : .text($0) } ?? .absent))
    }

    public mutating func add(_ key: String, _ flag: Bool) {
        pairs.append((key, .bool(flag)))
    }

    /// An object; nil is absent.
    public mutating func add(_ key: String, _ object: TemplateObject?) {
        pairs.append((key, object.map { .object($0) } ?? .absent))
    }

    /// A list of objects (kept when empty).
    public mutating func add(_ key: String, _ objects: [TemplateObject]) {
        pairs.append((key, .list(objects.map { .object($0) })))
    }

    /// A list of texts (kept when empty).
    public mutating func add(_ key: String, _ texts: [String]) {
        pairs.append((key, .list(texts.map { $0.templateValue })))
    }

    /// Reads and replaces a field; assigning nil makes it absent (the key stays).
    public subscript(key: String) -> (any TemplateValueConvertible)? {
        get { value(for: key) }
        set { set(key, newValue?.templateValue ?? .absent) }
    }

    /// A deep copy (see `TemplateValue.detached`).
    public func detached() -> TemplateObject {
        var copy = TemplateObject()
        copy.pairs = pairs.map { (String(decoding: Array($0.key.utf8), as: UTF8.self), $0.value.detached()) }
        return copy
    }

    /// Adds `other`'s fields, replacing those of the same name.
    public mutating func merge(_ other: TemplateObject) {
        for (key, value) in other.pairs { set(key, value) }
    }
}

/// A Swift value that templates can show.
public protocol TemplateValueConvertible {
    var templateValue: TemplateValue { get }
}

extension TemplateValue: TemplateValueConvertible {
    public var templateValue: TemplateValue { self }
}

extension TemplateObject: TemplateValueConvertible {
    public var templateValue: TemplateValue { .object(self) }
}

extension String: TemplateValueConvertible {
    /// An empty text is absent: it renders as nothing and hides its section.
    public var templateValue: TemplateValue { isEmpty ? .absent : .text(self) }
}

extension Bool: TemplateValueConvertible {
    public var templateValue: TemplateValue { .bool(self) }
}

extension Int: TemplateValueConvertible {
    public var templateValue: TemplateValue { .text(String(self)) }
}

extension Optional: TemplateValueConvertible where Wrapped: TemplateValueConvertible {
    public var templateValue: TemplateValue { self?.templateValue ?? .absent }
}

extension Array: TemplateValueConvertible where Element: TemplateValueConvertible {
    /// A list, kept even when empty so that templates can test it with `{{^empty(list)}}`.
    public var templateValue: TemplateValue { .list(map { $0.templateValue }) }
}

extension Dictionary: TemplateValueConvertible where Key == String, Value: TemplateValueConvertible {
    public var templateValue: TemplateValue { .object(TemplateObject(fields: mapValues { $0.templateValue })) }
}
