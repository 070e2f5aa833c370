import Foundation
import IndsatsModel

/// What a printed document says about itself in its PDF's document information: title, author
/// (the organisation), subject, and its dates, which are the document's own date and never the
/// clock's, so that the same content prints to the same bytes. The language is the catalogue's
/// `/Lang`, which Chromium takes from the page's `lang="da"`.
public struct PDFMetadata: Sendable, Equatable {
    public var title: String
    public var author: String?
    public var subject: String?
    public var keywords: String?
    /// The creation date (midnight UTC of the document's day); nil: none.
    public var date: Day?
    /// The modification date (a correction's day); nil: none.
    public var modified: Day?
    public var language = "da"

    public init(title: String, author: String? = nil, subject: String? = nil, keywords: String? = nil, date: Day? = nil, modified: Day? = nil) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.date = date
        self.modified = modified
    }

    /// The `/Info` dictionary; `producer` is Chromium's own (its PDF library and version).
    func infoDictionary(producer: String?) -> String {
        var entries = ["/Title " + Self.textString(title)]
        if let author { entries.append("/Author " + Self.textString(author)) }
        if let subject { entries.append("/Subject " + Self.textString(subject)) }
        if let keywords { entries.append("/Keywords " + Self.textString(keywords)) }
        entries.append("/Creator (indsats)")
        if let producer { entries.append("/Producer " + Self.textString(producer)) }
        func stamp(_ day: Day) -> String { "(D:" + day.iso.replacingOccurrences(of: "-", with: "") + "000000Z)" }
        if let date { entries.append("/CreationDate " + stamp(date)) }
        if let modified { entries.append("/ModDate " + stamp(modified)) }
        return "<<" + entries.joined(separator: "\n") + ">>"
    }

    /// A PDF text string: UTF-16BE with a byte-order mark, in hex (any character, no escapes).
    static func textString(_ text: String) -> String {
        "<FEFF" + text.utf16.map { String(format: "%04X", $0) }.joined() + ">"
    }

    /// A PDF literal string for an ASCII text such as an address.
    static func literal(_ text: String) -> String {
        "(" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "(", with: "\\(").replacingOccurrences(of: ")", with: "\\)") + ")"
    }
}

extension PDFFile {
    /// The file written again, object by object in its order, with a new cross-reference table:
    /// the document information replaced by `metadata`'s (Chromium's creation time and browser
    /// string gone), the catalogue given a `/Lang` if it has none, and every link to a page of
    /// the site (a `file:` address in the folder it was printed from) changed by `link`, and
    /// the tagged structure's element ids (`(node00000049)`: Chromium's DOM node numbers, which
    /// shift from one print to the next) numbered from 1 in their order.
    func rewritten(metadata: PDFMetadata, link: (String) -> String?) -> Data {
        let header = bytes[0..<(offsets.values.min() ?? 0)]
        var output = [UInt8](header)
        var newOffsets: [Int: Int] = [:]
        let producer = info.flatMap { Self.text("/Producer", in: dictionary($0)) }
        let ids = structureIDs()
        for (number, _) in offsets.sorted(by: { $0.value < $1.value }) {
            newOffsets[number] = output.count
            if number == info {
                output += Array("\(number) 0 obj\n\(metadata.infoDictionary(producer: producer))\nendobj\n".utf8)
            } else {
                output += rewrittenObject(number, metadata: metadata, ids: ids, link: link)
            }
        }
        let table = output.count
        var xref = "xref\n0 \(size)\n0000000000 65535 f \n"
        for number in 1..<size {
            xref += newOffsets[number].map { String(format: "%010d 00000 n \n", $0) } ?? "0000000000 00000 f \n"
        }
        xref += "trailer\n<</Size \(size)\n/Root \(root) 0 R" + (info.map { "\n/Info \($0) 0 R" } ?? "") + ">>\nstartxref\n\(table)\n%%EOF\n"
        return Data(output + Array(xref.utf8))
    }

    /// One object, its links and (the catalogue) its language changed; otherwise its bytes.
    func rewrittenObject(_ number: Int, metadata: PDFMetadata, ids: [String: String], link: (String) -> String?) -> [UInt8] {
        let slice = object(number)
        let original = Array(slice) + Array("\n".utf8)
        // Only what needs a change, and only as valid UTF-8 text (a byte of a literal string
        // in another encoding is kept as it is).
        let needsChange = number == root || ["/URI (", "(node"].contains { Self.firstRange(of: Array($0.utf8), in: slice) != nil }
        guard needsChange, Self.firstRange(of: Array("stream".utf8), in: slice) == nil,
            var text = String(validating: slice, as: UTF8.self)
        else { return original }
        if number == root && Self.keyRange("/Lang", in: text) == nil, let open = text.range(of: "<<") {
            text.replaceSubrange(open, with: "<</Lang " + PDFMetadata.literal(metadata.language) + "\n")
        }
        if !ids.isEmpty {
            text = Self.renumbered(text, ids)
        }
        var from = text.startIndex
        while let key = text.range(of: "/URI (", range: from..<text.endIndex) {
            let start = text.index(before: key.upperBound)
            guard let uri = Self.text("/URI", in: String(text[key.lowerBound...])),
                let end = Self.literalEnd(text, from: start)
            else { break }
            let replacement = link(uri).map(PDFMetadata.literal) ?? String(text[start..<end])
            text.replaceSubrange(start..<end, with: replacement)
            from = text.index(start, offsetBy: replacement.count)
        }
        return Array(text.utf8) + Array("\n".utf8)
    }

    /// Every structure element id (`(node00000049)`) → its number in order, from 1.
    func structureIDs() -> [String: String] {
        var numbers: Set<Int> = []
        for number in offsets.keys {
            var rest = Substring(dictionary(number))
            while let open = rest.range(of: "(node") {
                let digits = rest[open.upperBound...].prefix { $0.isNumber }
                if rest[open.upperBound...].dropFirst(digits.count).first == ")", let value = Int(digits) { numbers.insert(value) }
                rest = rest[open.upperBound...]
            }
        }
        var ids: [String: String] = [:]
        for (index, value) in numbers.sorted().enumerated() {
            ids[String(format: "(node%08d)", value)] = String(format: "(node%08d)", index + 1)
        }
        return ids
    }

    /// `text` with each structure element id replaced by its number in order.
    static func renumbered(_ text: String, _ ids: [String: String]) -> String {
        guard text.contains("(node") else { return text }
        var result = "", rest = Substring(text)
        while let open = rest.range(of: "(node") {
            result += rest[..<open.lowerBound]
            let candidate = rest[open.lowerBound...].prefix(14)
            if let replacement = ids[String(candidate)] {
                result += replacement
                rest = rest[candidate.endIndex...]
            } else {
                result += "(node"
                rest = rest[open.upperBound...]
            }
        }
        return result + rest
    }

    /// The index after the `)` that closes the literal string opening at `start`.
    static func literalEnd(_ text: String, from start: String.Index) -> String.Index? {
        var depth = 0, escaped = false, index = text.index(after: start)
        while index < text.endIndex {
            let character = text[index]
            if escaped {
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "(" {
                depth += 1
            } else if character == ")" {
                if depth == 0 { return text.index(after: index) }
                depth -= 1
            }
            index = text.index(after: index)
        }
        return nil
    }
}
