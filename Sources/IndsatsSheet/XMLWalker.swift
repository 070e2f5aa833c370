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
    /// A part that declares a document type (`<!DOCTYPE`, where entities are declared) is
    /// refused before parsing: spreadsheets never write one, and its entities could expand to
    /// gigabytes or stand for a file or address outside the spreadsheet (they are never
    /// expanded or fetched).
    static func walk(_ data: Data, part: String, start: @escaping (String, [String: String]) -> Void, end: @escaping (String, String) -> Void = { _, _ in }) throws {
        let documentType = SheetError("the spreadsheet's part \(part) declares XML entities of its own (<!DOCTYPE …>), which Excel and LibreOffice never write, so indsats does not read it: open the file in Excel or LibreOffice and save it again")
        if declaresDocumentType(data) { throw documentType }
        let walker = XMLWalker(onStart: start, onEnd: end)
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.delegate = walker
        let parsed = parser.parse()
        if walker.sawEntityDeclaration { throw documentType }
        guard parsed else {
            throw SheetError("the spreadsheet is damaged: its part \(part) is not readable XML (line \(parser.lineNumber))")
        }
    }

    /// Whether the prolog (the bytes before the first element) has a `<!DOCTYPE`.
    static func declaresDocumentType(_ data: Data) -> Bool {
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            // A UTF-16 part: its prolog checked as UTF-8.
            return String(data: data.prefix(65_536), encoding: .utf16).map { declaresDocumentType(Data($0.utf8)) } ?? true
        }
        let doctype = Array("<!DOCTYPE".utf8), open = UInt8(ascii: "<")
        var index = data.startIndex
        while let found = data[index...].firstIndex(of: open) {
            let next = data.index(after: found)
            guard next < data.endIndex else { return false }
            if data[found...].starts(with: doctype) { return true }
            let byte = data[next]
            if byte != UInt8(ascii: "?") && byte != UInt8(ascii: "!") { return false }  // the first element
            index = next
        }
        return false
    }

    /// Set when the parser reports an entity declaration (a `<!DOCTYPE` the byte check missed);
    /// the walk then fails.
    private(set) var sawEntityDeclaration = false

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        sawEntityDeclaration = true
        parser.abortParsing()
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        sawEntityDeclaration = true
        parser.abortParsing()
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
