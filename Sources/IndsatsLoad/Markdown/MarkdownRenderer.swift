import CMark
import Foundation
import IndsatsModel
import IndsatsPlatform

/// Renders Markdown with the system libcmark. Safe by default: raw HTML is omitted and
/// `javascript:` links are emptied unless `allowRawHTML` is set.
public struct MarkdownRenderer: Sendable {
    public var allowRawHTML: Bool

    public init(allowRawHTML: Bool = false) {
        self.allowRawHTML = allowRawHTML
    }

    public func render(_ markdown: String) -> MarkdownDocument {
        guard markdown.utf8.contains(where: { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }) else { return MarkdownDocument() }
        let options = CMARK_OPT_DEFAULT | (allowRawHTML ? CMARK_OPT_UNSAFE : 0)
        var text = markdown
        let parsed = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, options) }
        }
        guard let root = parsed else { return MarkdownDocument() }
        defer { cmark_node_free(root) }

        // Headings in document order, with their text and start line.
        var found: [(level: Int, text: String, line: Int)] = []
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
                cmark_node_get_type(node) == CMARK_NODE_HEADING
            else { continue }
            found.append((Int(cmark_node_get_heading_level(node)), Self.plainText(node), Int(cmark_node_get_start_line(node))))
        }

        guard let rendered = cmark_render_html(root, options) else { return MarkdownDocument() }

        var used: [String: Int] = [:]
        let headings = found.map { heading -> MarkdownDocument.Heading in
            var anchor = Slug.make(heading.text)
            if anchor.isEmpty { anchor = "afsnit" }
            let seen = used[anchor, default: 0]
            used[anchor] = seen + 1
            if seen > 0 { anchor += "-\(seen + 1)" }
            return MarkdownDocument.Heading(level: heading.level, text: heading.text, anchor: anchor, line: heading.line)
        }
        let html = CBuffer.consume(rendered) { Self.addAnchors(headings, to: $0) }
        return MarkdownDocument(html: html, headings: headings, source: markdown)
    }

    /// The HTML as text, each `<hN>` in order given the `id` of its heading. cmark writes every
    /// heading as a bare `<hN>`: the text between them is copied in runs.
    static func addAnchors(_ headings: [MarkdownDocument.Heading], to html: UnsafeBufferPointer<UInt8>) -> String {
        guard !headings.isEmpty else { return String(decoding: html, as: UTF8.self) }
        var out = [UInt8]()
        out.reserveCapacity(html.count + headings.count * 32)
        var copied = 0
        var index = 0
        var next = 0
        while next < headings.count, index + 3 < html.count {
            // Jump to the next `<`, then see whether it opens the next heading.
            guard let found = html[index...].firstIndex(of: UInt8(ascii: "<")) else { break }
            index = found
            guard index + 3 < html.count else { break }
            if html[index + 1] == UInt8(ascii: "h"),
                html[index + 2] == UInt8(ascii: "0") + UInt8(headings[next].level), html[index + 3] == UInt8(ascii: ">")
            {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<index]))
                out.append(contentsOf: "<h\(headings[next].level) id=\"\(headings[next].anchor)\">".utf8)
                index += 4
                copied = index
                next += 1
            } else {
                index += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied...]))
        return String(decoding: out, as: UTF8.self)
    }

    static func plainText(_ node: OpaquePointer) -> String {
        var text = ""
        var child = cmark_node_first_child(node)
        while let current = child {
            if let literal = cmark_node_get_literal(current) {
                text += String(cString: literal)
            } else if cmark_node_get_type(current) == CMARK_NODE_SOFTBREAK {
                text += " "
            } else {
                text += plainText(current)
            }
            child = cmark_node_next(current)
        }
        return text
    }
}
