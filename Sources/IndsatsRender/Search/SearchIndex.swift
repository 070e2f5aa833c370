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
                    for text in document.texts[weight] ?? [] {
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
        let postings = self.postings
        let termFiles = shards.map { shard -> OutputFile in
            let name = "t/" + SearchText.shardFileName(shard.key)
            let entries = shard.terms.map { term -> String in
                let sets = (1...3).reversed().map { weight in
                    Self.encode(postings[term]!.compactMap { $0.weight == weight ? $0.doc : nil })
                }
                return Self.jsString(term) + ":[" + sets.map { "\"\($0)\"" }.joined(separator: ",") + "]"
            }
            return Self.script(name, "{" + entries.joined(separator: ",") + "}", path: "soeg/\(name).js")
        }
        let documents = self.documents
        let chunks = stride(from: 0, to: documents.count, by: Self.docsPerChunk).map { start in
            let rows = documents[start..<min(start + Self.docsPerChunk, documents.count)].map { document in
                "[" + [document.kind, document.title, document.path, document.excerpt].map(Self.jsString).joined(separator: ",") + "]"
            }
            let name = "d/\(start / Self.docsPerChunk)"
            return Self.script(name, "[" + rows.joined(separator: ",\n") + "]", path: "soeg/\(name).js")
        }
        return termFiles + chunks
    }

    static func script(_ name: String, _ value: String, path: String) -> OutputFile {
        OutputFile(path: path, data: Data("indsatsSearch.add(\"\(name)\",\(value));\n".utf8))
    }

    /// Ascending document numbers as gaps or as a bitmap, whichever is shorter.
    static func encode(_ docs: [Int32]) -> String {
        guard let last = docs.last else { return "" }
        var gaps: [UInt8] = []
        var previous: Int32 = -1
        for doc in docs {
            var gap = doc - previous - 1
            previous = doc
            repeat {
                let low = Int(gap & 31)
                gap >>= 5
                gaps.append(alphabet[low | (gap > 0 ? 32 : 0)])
            } while gap > 0
        }
        let bitmapLength = Int(last) / 6 + 2
        guard bitmapLength < gaps.count else { return String(decoding: gaps, as: UTF8.self) }
        var bits = [Int](repeating: 0, count: Int(last) / 6 + 1)
        for doc in docs { bits[Int(doc) / 6] |= 1 << (Int(doc) % 6) }
        return "!" + String(decoding: bits.map { alphabet[$0] }, as: UTF8.self)
    }

    /// `text` as a JavaScript string literal in ASCII (other characters as `\uXXXX`).
    static func jsString(_ text: String) -> String {
        var out: [UInt8] = [UInt8(ascii: "\"")]
        out.reserveCapacity(text.utf8.count + 16)
        let hex = Array("0123456789abcdef".utf8)
        for unit in text.utf16 {
            switch unit {
            case 0x22, 0x5C: out.append(UInt8(ascii: "\\")); out.append(UInt8(unit))
            case 0x20..<0x7F: out.append(UInt8(unit))
            default:
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
                for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int(unit >> UInt16(shift)) & 15]) }
            }
        }
        out.append(UInt8(ascii: "\""))
        return String(decoding: out, as: UTF8.self)
    }
}
