import Foundation

/// A PDF as headless Chromium (Skia) writes it, read just enough to finish it: one classic
/// cross-reference table, no object streams, every object `n 0 obj … endobj`. It finds the
/// outline (the headings and their pages, for a printed table of contents) and writes the file
/// again with its own document information and its links made public (`rewritten`).
struct PDFFile {
    struct Unreadable: Error, CustomStringConvertible {
        var description: String { "the PDF Chromium wrote has a form indsats cannot read (a cross-reference table was expected)" }
    }

    let bytes: [UInt8]
    /// Object number → offset of `n 0 obj`, for the objects in use.
    let offsets: [Int: Int]
    /// Offset of an object → where the next one (or the cross-reference table) starts.
    let ends: [Int: Int]
    let size: Int
    let root: Int
    let info: Int?

    init(_ data: Data) throws {
        bytes = [UInt8](data)
        let text = String(decoding: bytes.suffix(1024), as: UTF8.self)
        guard let start = text.range(of: "startxref", options: .backwards),
            let xrefOffset = Int(text[start.upperBound...].split(whereSeparator: \.isNewline).first ?? ""),
            xrefOffset < bytes.count
        else { throw Unreadable() }
        let table = String(decoding: bytes[xrefOffset...], as: UTF8.self)
        guard let trailerAt = table.range(of: "trailer") else { throw Unreadable() }
        let lines = table[..<trailerAt.lowerBound].split(whereSeparator: \.isNewline).map { $0.split(separator: " ") }
        guard lines.count >= 2, lines[0] == ["xref"], lines[1].count == 2, lines[1][0] == "0", let count = Int(lines[1][1]),
            lines.count == count + 2
        else { throw Unreadable() }
        var offsets: [Int: Int] = [:]
        for (number, entry) in lines.dropFirst(2).enumerated() where entry.count >= 3 && entry[2] == "n" {
            guard let offset = Int(entry[0]) else { throw Unreadable() }
            offsets[number] = offset
        }
        let trailer = String(table[trailerAt.upperBound...])
        guard let root = Self.reference("/Root", in: trailer) else { throw Unreadable() }
        self.offsets = offsets
        let starts = offsets.values.sorted() + [xrefOffset]
        self.ends = Dictionary(uniqueKeysWithValues: zip(starts, starts.dropFirst()))
        self.size = count
        self.root = root
        self.info = Self.reference("/Info", in: trailer)
    }

    /// The bytes of object `number`, from `n 0 obj` to `endobj` inclusive.
    func object(_ number: Int) -> ArraySlice<UInt8> {
        guard let start = offsets[number] else { return [] }
        let slice = bytes[start..<(ends[start] ?? bytes.count)]
        guard let last = Self.lastRange(of: Array("endobj".utf8), in: slice) else { return slice }
        return bytes[start..<last]
    }

    /// The dictionary of an object, as text (the part before a stream's data).
    func dictionary(_ number: Int) -> String {
        let slice = object(number)
        let head = Self.firstRange(of: Array("stream".utf8), in: slice).map { slice[slice.startIndex..<$0] } ?? slice
        return String(decoding: head, as: UTF8.self)
    }

    /// The page numbers (1-based), in the order of the page tree.
    func pageNumbers() -> [Int: Int] {
        var pages: [Int: Int] = [:]
        func walk(_ node: Int, depth: Int) {
            guard depth < 32 else { return }
            let dictionary = self.dictionary(node)
            if let kids = Self.array("/Kids", in: dictionary) {
                for kid in kids { walk(kid, depth: depth + 1) }
            } else {
                pages[node] = pages.count + 1
            }
        }
        if let tree = Self.reference("/Pages", in: dictionary(root)) { walk(tree, depth: 0) }
        return pages
    }

    /// The outline's entries (Chromium makes one per heading), in document order, with the
    /// page each points to.
    func outline() -> [(title: String, page: Int)] {
        let pages = pageNumbers()
        var entries: [(String, Int)] = []
        var seen: Set<Int> = []
        func walk(_ first: Int?) {
            var item = first
            while let number = item, seen.insert(number).inserted {
                let dictionary = self.dictionary(number)
                if let title = Self.text("/Title", in: dictionary), let target = Self.array("/Dest", in: dictionary)?.first, let page = pages[target] {
                    entries.append((title, page))
                }
                walk(Self.reference("/First", in: dictionary))
                item = Self.reference("/Next", in: dictionary)
            }
        }
        if let outlines = Self.reference("/Outlines", in: dictionary(root)) { walk(Self.reference("/First", in: dictionary(outlines))) }
        return entries
    }
}

extension PDFFile {
    /// `/Key 12 0 R` → 12.
    static func reference(_ key: String, in dictionary: String) -> Int? {
        guard let range = keyRange(key, in: dictionary) else { return nil }
        let rest = dictionary[range.upperBound...].drop { $0 == " " || $0.isNewline }
        let digits = rest.prefix { $0.isNumber }
        guard !digits.isEmpty, rest.dropFirst(digits.count).hasPrefix(" 0 R") else { return nil }
        return Int(digits)
    }

    /// `/Key [1 0 R 2 0 R …]` → the objects it refers to (`/Dest [2 0 R /XYZ …]` → [2]).
    static func array(_ key: String, in dictionary: String) -> [Int]? {
        guard let range = keyRange(key, in: dictionary) else { return nil }
        let rest = dictionary[range.upperBound...].drop { $0 == " " }
        guard rest.first == "[", let close = rest.firstIndex(of: "]") else { return nil }
        let words = rest[rest.index(after: rest.startIndex)..<close].split(whereSeparator: { $0 == " " || $0.isNewline })
        return words.indices.compactMap { index in
            index + 2 < words.count && words[index + 1] == "0" && words[index + 2] == "R" ? Int(words[index]) : nil
        }
    }

    /// A text string: `<FEFF…>` (UTF-16BE) or `(…)` (with its escapes).
    static func text(_ key: String, in dictionary: String) -> String? {
        guard let range = keyRange(key, in: dictionary) else { return nil }
        let rest = dictionary[range.upperBound...].drop { $0 == " " }
        if rest.first == "<", let close = rest.firstIndex(of: ">") {
            let hex = Array(rest[rest.index(after: rest.startIndex)..<close].utf8)
            var data = [UInt8]()
            var index = 0
            while index + 1 < hex.count, let byte = UInt8(String(decoding: hex[index...index + 1], as: UTF8.self), radix: 16) {
                data.append(byte)
                index += 2
            }
            let body = data.starts(with: [0xFE, 0xFF]) ? Array(data.dropFirst(2)) : data
            return String(data: Data(body), encoding: .utf16BigEndian)
        }
        guard rest.first == "(" else { return nil }
        var result = "", escaped = false, depth = 0
        for character in rest.dropFirst() {
            if escaped { result.append(character); escaped = false; continue }
            if character == "\\" { escaped = true; continue }
            if character == "(" { depth += 1 }
            if character == ")" { if depth == 0 { break }; depth -= 1 }
            result.append(character)
        }
        return result
    }

    static func keyRange(_ key: String, in dictionary: String) -> Range<String.Index>? {
        var from = dictionary.startIndex
        while let range = dictionary.range(of: key, range: from..<dictionary.endIndex) {
            // A whole name: `/Dest` but not `/Dests`.
            if range.upperBound == dictionary.endIndex || !(dictionary[range.upperBound].isLetter || dictionary[range.upperBound].isNumber) {
                return range
            }
            from = range.upperBound
        }
        return nil
    }

    static func firstRange(of needle: [UInt8], in slice: ArraySlice<UInt8>) -> Int? {
        guard slice.count >= needle.count else { return nil }
        var index = slice.startIndex
        while index + needle.count <= slice.endIndex {
            if slice[index] == needle[0] && slice[index..<index + needle.count].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The end of the last occurrence of `needle`.
    static func lastRange(of needle: [UInt8], in slice: ArraySlice<UInt8>) -> Int? {
        var index = slice.endIndex - needle.count
        while index >= slice.startIndex {
            if slice[index..<index + needle.count].elementsEqual(needle) { return index + needle.count }
            index -= 1
        }
        return nil
    }
}
