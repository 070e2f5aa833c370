import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Walks an XML part with Foundation's streaming parser, handing each element's start (with
/// its attributes) and end (with all the text inside it, its children's included, in order)
/// to closures. Namespace
/// prefixes are kept in names (`r:id`) as written.
final class XMLWalker: NSObject, XMLParserDelegate {
    private let onStart: (String, [String: String]) -> Void
    private let onEnd: (String, String) -> Void
    /// The text of each open element so far.
    private var texts: [String] = []

    private init(onStart: @escaping (String, [String: String]) -> Void, onEnd: @escaping (String, String) -> Void) {
        self.onStart = onStart
        self.onEnd = onEnd
    }

    /// Walks `data`; a part that is not well-formed XML is a `SheetError` naming `part`.
    static func walk(_ data: Data, part: String, start: @escaping (String, [String: String]) -> Void, end: @escaping (String, String) -> Void = { _, _ in }) throws {
        let walker = XMLWalker(onStart: start, onEnd: end)
        let parser = XMLParser(data: data)
        parser.delegate = walker
        guard parser.parse() else {
            throw SheetError("the spreadsheet is damaged: its part \(part) is not readable XML (line \(parser.lineNumber))")
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        texts.append("")
        onStart(name, attributes)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !texts.isEmpty { texts[texts.count - 1] += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        let text = texts.popLast() ?? ""
        if !texts.isEmpty { texts[texts.count - 1] += text }
        onEnd(name, text)
    }
}
