import Foundation
import IndsatsPlatform

/// The site-wide search's index, written by the build from the model and read by
/// `assets/soeg.js`, in small script files so that a query loads only what it needs and the
/// search works from disk (a page opened as `file://` may load scripts, not fetch JSON):
///
/// - `soeg/t/<key>.js`, one per shard: every term whose first three characters are `key`
///   (a shorter term is a shard of its own), each with three sets of documents: where it is in
///   the title, in the lead fields, elsewhere (each document in its best set only).
/// - `soeg/d/<n>.js`: documents `n × docsPerChunk` … as `[kind, title, path, excerpt]`.
///
/// A set is written as whichever is shorter: the gaps between document numbers as base-64
/// variable-length numbers (5 bits a character, the sixth says "more follows"), or, after a
/// `!`, a bitmap with 6 documents a character.
public struct SearchIndex: Sendable {
    /// Documents per file of the document table.
    public static let docsPerChunk = 8
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    let documents: [SearchDocument]
    /// Term → (document number, best weight), in document order.
    let postings: [String: [Posting]]

    public var documentCount: Int { documents.count }

    init(documents: [SearchDocument]) {
        self.documents = documents
        // Runs of documents, each into a term table of its own (`SearchTermTable`), then joined
        // run after run, so every list stays in document order. The index is one job of the
        // render (`SiteRenderer`) and runs on its one thread while the other workers render
        // pages: spread over all cores it only competed with them and finished later.
        let runs = stride(from: 0, to: documents.count, by: Self.documentsPerRun).map { $0..<min($0 + Self.documentsPerRun, documents.count) }
        let partial = runs.map { run -> [(term: String, postings: [Posting])] in
            var table = SearchTermTable()
            for doc in run {
                let document = documents[doc], number = Int32(doc)
                for weight in SearchDocument.Weight.allCases {
                    let value = UInt8(weight.rawValue)
                    for text in document.texts[weight.rawValue - 1] {
                        SearchText.forEachWord(inUTF8: text) { table.add($0, hash: $1, doc: number, weight: value) }
                    }
                }
                for html in document.html {
                    SearchText.forEachWord(inUTF8: html, html: true) { table.add($0, hash: $1, doc: number, weight: UInt8(SearchDocument.Weight.body.rawValue)) }
                }
            }
            return table.lists()
        }
        var postings: [String: [Posting]] = [:]
        for run in partial {
            for (term, list) in run { postings[term, default: []].append(contentsOf: list) }
        }
        self.postings = postings
    }

    typealias Posting = (doc: Int32, weight: UInt8)
    /// Documents per term table.
    static let documentsPerRun = 512

    /// Every file of the index.
    func files() -> [OutputFile] {
        var byShard: [String: [String]] = [:]
        for term in postings.keys { byShard[SearchText.shardKey(term), default: []].append(term) }
        let shards = byShard.sorted { $0.key < $1.key }.map { (key: $0.key, terms: $0.value.sorted()) }
        let termFiles = shards.map { shard -> OutputFile in
            let name = "t/" + SearchText.shardFileName(shard.key)
            var out = Self.scriptStart(name, capacity: 256)
            out.append(UInt8(ascii: "{"))
            for (number, term) in shard.terms.enumerated() {
                if number > 0 { out.append(UInt8(ascii: ",")) }
                Self.appendJSString(term, to: &out)
                out.append(contentsOf: ":[".utf8)
                var sets: [[Int32]] = [[], [], []]
                for posting in postings[term]! { sets[3 - Int(posting.weight)].append(posting.doc) }
                for (index, set) in sets.enumerated() {
                    if index > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(UInt8(ascii: "\""))
                    Self.appendEncoded(set, to: &out)
                    out.append(UInt8(ascii: "\""))
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "}"))
            return Self.script(out, path: "soeg/\(name).js")
        }
        let documents = self.documents
        let chunks = stride(from: 0, to: documents.count, by: Self.docsPerChunk).map { start in
            let name = "d/\(start / Self.docsPerChunk)"
            var out = Self.scriptStart(name, capacity: 4096)
            out.append(UInt8(ascii: "["))
            for index in start..<min(start + Self.docsPerChunk, documents.count) {
                if index > start { out.append(contentsOf: ",\n".utf8) }
                let document = documents[index]
                out.append(UInt8(ascii: "["))
                for (field, text) in [document.kind, document.title, document.path, document.excerpt].enumerated() {
                    if field > 0 { out.append(UInt8(ascii: ",")) }
                    Self.appendJSString(text, to: &out)
                }
                out.append(UInt8(ascii: "]"))
            }
            out.append(UInt8(ascii: "]"))
            return Self.script(out, path: "soeg/\(name).js")
        }
        return termFiles + chunks
    }

    /// `indsatsSearch.add("name",` in a buffer of its own; `script` closes it.
    static func scriptStart(_ name: String, capacity: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(capacity)
        out.append(contentsOf: "indsatsSearch.add(\"\(name)\",".utf8)
        return out
    }

    static func script(_ start: [UInt8], path: String) -> OutputFile {
        var out = start
        out.append(contentsOf: ");\n".utf8)
        return OutputFile(path: path, data: Data(out))
    }

    /// Ascending document numbers as gaps or as a bitmap, whichever is shorter.
    static func encode(_ docs: [Int32]) -> String {
        var out: [UInt8] = []
        appendEncoded(docs, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `encode(docs)`, appended to `out`.
    static func appendEncoded(_ docs: [Int32], to out: inout [UInt8]) {
        guard let last = docs.last else { return }
        let start = out.count
        var previous: Int32 = -1
        for doc in docs {
            var gap = doc - previous - 1
            previous = doc
            repeat {
                let low = Int(gap & 31)
                gap >>= 5
                out.append(alphabet[low | (gap > 0 ? 32 : 0)])
            } while gap > 0
        }
        let bitmapLength = Int(last) / 6 + 2
        guard bitmapLength < out.count - start else { return }
        out.removeSubrange(start...)
        var bits = [Int](repeating: 0, count: Int(last) / 6 + 1)
        for doc in docs { bits[Int(doc) / 6] |= 1 << (Int(doc) % 6) }
        out.append(UInt8(ascii: "!"))
        for value in bits { out.append(alphabet[value]) }
    }

    static let hex = Array("0123456789abcdef".utf8)

    /// `text` as a JavaScript string literal in ASCII (other characters as `\uXXXX`), appended to `out`.
    static func appendJSString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for unit in text.utf16 {
            switch unit {
            case 0x22, 0x5C: out.append(UInt8(ascii: "\\")); out.append(UInt8(unit))
            case 0x20..<0x7F: out.append(UInt8(unit))
            default:
                out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "u"))
                for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int(unit >> UInt16(shift)) & 15]) }
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
