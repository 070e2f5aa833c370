import Foundation

/// A Markdown body rendered to HTML, with its headings for sections and tables of contents.
public struct MarkdownDocument: Hashable, Sendable {
    public struct Heading: Hashable, Sendable {
        public var level: Int
        public var text: String
        /// The `id` the heading has in `html`.
        public var anchor: String

        public init(level: Int, text: String, anchor: String) {
            self.level = level
            self.text = text
            self.anchor = anchor
        }
    }

    /// A part of the body under a `##` heading, as written: what versions are compared by.
    public struct Section: Hashable, Sendable {
        public var title: String
        public var markdown: String

        public init(title: String, markdown: String) {
            self.title = title
            self.markdown = markdown
        }
    }

    public var html: String
    public var headings: [Heading]
    public var sections: [Section]

    public init(html: String = "", headings: [Heading] = [], sections: [Section] = []) {
        self.html = html
        self.headings = headings
        self.sections = sections
    }

    public var isEmpty: Bool { html.isEmpty }
}

/// A reference by slug from one document to another, with where it was written.
public struct Reference: Hashable, Sendable {
    public var slug: String
    public var location: SourceLocation

    public init(_ slug: String, at location: SourceLocation) {
        self.slug = slug
        self.location = location
    }
}

/// A number that a document declares (a total, a subtotal), with where it was written.
public struct Declared<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}
