import Foundation

/// A Markdown body rendered to HTML, with its headings for sections and tables of contents.
public struct MarkdownDocument: Hashable, Sendable {
    public struct Heading: Hashable, Sendable {
        public var level: Int
        public var text: String
        /// The `id` the heading has in `html`.
        public var anchor: String
        /// Its line in the Markdown (1-based).
        public var line: Int

        public init(level: Int, text: String, anchor: String, line: Int = 0) {
            self.level = level
            self.text = text
            self.anchor = anchor
            self.line = line
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
    /// The Markdown as written, kept to cut it into sections when versions are compared.
    public var source: String

    public init(html: String = "", headings: [Heading] = [], source: String = "") {
        self.html = html
        self.headings = headings
        self.source = source
    }

    /// The body cut at its `##` headings, as written. Computed on demand: only version
    /// comparisons need it.
    public var sections: [Section] {
        let starts = headings.filter { $0.level == 2 }
        guard !starts.isEmpty else { return [] }
        let lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        return starts.enumerated().map { index, heading in
            let from = min(heading.line, lines.count)
            let to = index + 1 < starts.count ? starts[index + 1].line - 1 : lines.count
            let text = lines[from..<max(from, to)].map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
            return Section(title: heading.text, markdown: text.trimmed)
        }
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
