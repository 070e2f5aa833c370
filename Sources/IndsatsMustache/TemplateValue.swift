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
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    public var fields: [String: TemplateValue]

    public init(fields: [String: TemplateValue] = [:]) {
        self.fields = fields
    }

    public init(dictionaryLiteral elements: (String, (any TemplateValueConvertible)?)...) {
        fields = Dictionary(minimumCapacity: elements.count)
        for (key, value) in elements { fields[key] = value?.templateValue ?? .absent }
    }

    /// Reads and replaces a field; assigning nil makes it absent (the key stays).
    public subscript(key: String) -> (any TemplateValueConvertible)? {
        get { fields[key] }
        set { fields[key] = newValue?.templateValue ?? .absent }
    }

    /// Adds `other`'s fields, replacing those of the same name.
    public mutating func merge(_ other: TemplateObject) {
        fields.merge(other.fields) { _, new in new }
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
