import Foundation

/// How the site-wide search reads text: the same rules in the build (here) and in the browser
/// (`templates/assets/soeg.js`), which must agree character for character.
///
/// - **Folding**: lower case; æ → ae, ø → o, å → aa; accents dropped (é → e, ü → u); then every
///   "oe" → "o", so that ø, oe and o meet (`Nørrebro`, `Noerrebro` and `Norrebro` are all
///   `norrebro`; `bydelsmødre` and `bydelsmoedre` are `bydelsmodre`).
/// - **Words**: runs of letters and digits (Unicode categories L and N) of the folded text;
///   words of one character are left out.
/// - **Stemming** (of the query only): a Danish inflectional ending is cut from a query word
///   when at least four characters remain (`flygtninge` → `flygtning`, `bydelsmodre` →
///   `bydelsmodr`), and the rest is matched as the beginning of the site's words, so one
///   query word finds every inflection and compound that starts with it (`flygtningene`,
///   `flygtningeområdet`). The same prefix rule gives results as one types.
public enum SearchText {
    /// Inflectional endings cut from a query word, longest first.
    public static let endings = ["erne", "ende", "ene", "ere", "ede", "er", "en", "et", "e", "s"]
    /// The shortest stem an ending is cut down to.
    public static let shortestStem = 4
    /// Index terms are grouped into shards by their first this many characters.
    public static let shardPrefix = 3

    /// `text` folded (see the type's documentation), before it is cut into words.
    public static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.lowercased().unicodeScalars {
            switch scalar {
            case "æ": out.append(contentsOf: "ae".unicodeScalars)
            case "ø": out.append("o")
            case "å": out.append(contentsOf: "aa".unicodeScalars)
            default: out.append(scalar)
            }
        }
        let decomposed = String(out).decomposedStringWithCanonicalMapping.unicodeScalars
        return String(String.UnicodeScalarView(decomposed.filter { !(0x300...0x36F).contains($0.value) }))
    }

    /// The folded words of `text`, in order (repeats kept).
    public static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append($0) }
        return words
    }

    /// Calls `body` with each folded word of `text`, in order.
    public static func forEachWord(in text: String, _ body: (String) -> Void) {
        forEachWord(inUTF8: text) { word, _ in body(String(decoding: word, as: UTF8.self)) }
    }

    /// Calls `body` with the folded UTF-8 bytes of each word of `text` (valid only during the
    /// call) and their hash (`WordBuffer.hash`), in order. It folds as it goes, byte by byte (ASCII and æ, ø, å by table, other
    /// characters through `fold`), and makes no string per word, which is what makes indexing
    /// fast. With `html`, `text` is rendered HTML read as `PlainText` reads it: tags and the
    /// entities the renderer writes are left out (each stands where a separator would).
    static func forEachWord(inUTF8 text: String, html: Bool = false, _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        var text = text
        text.withUTF8 { forEachWord(inBytes: $0, html: html, body) }
    }

    static func forEachWord(inBytes bytes: UnsafeBufferPointer<UInt8>, html: Bool, _ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
        var word = WordBuffer()
        defer { word.release() }
        var index = 0
        let end = bytes.count
        while index < end {
            let byte = bytes[index]
            index += 1
            if byte < 0x80 {
                if isASCIIWordByte(byte) {
                    // A run of ASCII letters and digits, copied in one step.
                    var runEnd = index
                    while runEnd < end && isASCIIWordByte(bytes[runEnd]) { runEnd += 1 }
                    word.append(ascii: bytes, from: index - 1, to: runEnd)
                    index = runEnd
                    continue
                }
                switch byte {
                case UInt8(ascii: "<") where html:
                    word.flush(body)
                    while index < end && bytes[index] != UInt8(ascii: ">") { index += 1 }
                    index += 1
                case UInt8(ascii: "&") where html:
                    word.flush(body)
                    index += PlainText.entityLength(bytes, at: index)
                default: word.flush(body)
                }
                continue
            }
            // A scalar of two to four bytes.
            let count = byte >= 0xF0 ? 3 : byte >= 0xE0 ? 2 : 1
            var value = UInt32(byte) & (count == 3 ? 0x07 : count == 2 ? 0x0F : 0x1F)
            for _ in 0..<count {
                value = value << 6 | UInt32((index < end ? bytes[index] : 0x80) & 0x3F)
                index += 1
            }
            switch value {
            case 0xE6, 0xC6: word.append(UInt8(ascii: "a")); word.append(UInt8(ascii: "e"))
            case 0xF8, 0xD8: word.append(UInt8(ascii: "o"))
            case 0xE5, 0xC5: word.append(UInt8(ascii: "a")); word.append(UInt8(ascii: "a"))
            default:
                guard let scalar = Unicode.Scalar(value) else { word.flush(body); continue }
                for part in fold(String(scalar)).unicodeScalars {  // empty for a combining mark
                    if !isWordScalar(part) { word.flush(body) } else if part.value < 0x80 { word.append(UInt8(part.value)) } else { word.append(other: part) }
                }
            }
        }
        word.flush(body)
    }

    /// An ASCII letter or digit (`byte | 0x20` is then its folded form).
    @inline(__always) static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10
    }

    /// The word being read: its folded UTF-8 (in memory of its own, grown as needed), its
    /// length in scalars and the byte before (for "oe" → "o"). Its hash is taken when the word
    /// is done, eight bytes at a time (`hash(_:count:)`). Its memory is freed by `release()`.
    struct WordBuffer {
        /// Always at least 8 bytes more than `count`, so the hash may read a whole last word.
        var bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: 64)
        var capacity = 64
        var count = 0
        var length = 0
        var previous: UInt8 = 0

        func release() { bytes.deallocate() }

        mutating func append(_ byte: UInt8) {
            // "oe" → "o": an "e" right after an "o" (before this rule) is left out.
            if byte == UInt8(ascii: "e") && previous == UInt8(ascii: "o") { previous = byte; return }
            previous = byte
            store(byte)
            length += 1
        }

        /// Appends `source[start..<end]`, ASCII letters and digits, lower-cased (as `append` would
        /// one by one, but with the counts in registers: this is the inner loop of indexing).
        mutating func append(ascii source: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
            while count + (end - start) + 8 >= capacity { grow() }
            var count = self.count, length = self.length, previous = self.previous
            let bytes = self.bytes
            for index in start..<end {
                let byte = source[index] | 0x20
                if byte == UInt8(ascii: "e") && previous == UInt8(ascii: "o") { previous = byte; continue }
                previous = byte
                bytes[count] = byte
                count += 1
                length += 1
            }
            self.count = count
            self.length = length
            self.previous = previous
        }

        mutating func append(other scalar: Unicode.Scalar) {
            previous = 0
            for byte in UTF8.encode(scalar)! { store(byte) }
            length += 1
        }

        private mutating func store(_ byte: UInt8) {
            if count + 8 >= capacity { grow() }
            bytes[count] = byte
            count += 1
        }

        private mutating func grow() {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: 2 * capacity)
            larger.update(from: bytes, count: count)
            bytes.deallocate()
            bytes = larger
            capacity *= 2
        }

        mutating func flush(_ body: (UnsafeBufferPointer<UInt8>, UInt64) -> Void) {
            if length > 1 { body(UnsafeBufferPointer(start: bytes, count: count), Self.hash(bytes, count: count)) }
            count = 0
            length = 0
            previous = 0
        }

        /// A hash of `count` bytes at `bytes` (which may be read up to the next multiple of 8):
        /// eight bytes to a step, the bytes past the end masked off. For one `count` up to 8 it
        /// is one-to-one (xor, multiplying by an odd number and `h ^= h >> 29` can all be undone),
        /// which `SearchTermTable` relies on to compare short words by hash alone.
        static func hash(_ bytes: UnsafeMutablePointer<UInt8>, count: Int) -> UInt64 {
            var hash = 0xcbf2_9ce4_8422_2325 ^ UInt64(count)
            var offset = 0
            let raw = UnsafeRawPointer(bytes)
            while offset < count {
                var chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let left = count - offset
                if left < 8 { chunk &= (1 << UInt64(8 * left)) &- 1 }
                hash = (hash ^ chunk) &* 0x9e37_79b9_7f4a_7c15
                hash ^= hash >> 29
                offset += 8
            }
            return hash
        }
    }

    /// A letter or digit (JavaScript's `[\p{L}\p{N}]`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: true
        default: false
        }
    }

    /// A folded query word without its inflectional ending (see the type's documentation).
    public static func stem(_ word: String) -> String {
        let length = word.unicodeScalars.count
        for ending in endings where word.hasSuffix(ending) && length - ending.count >= shortestStem {
            return String(String.UnicodeScalarView(word.unicodeScalars.dropLast(ending.count)))
        }
        return word
    }

    /// The shard a term is in: its first `shardPrefix` characters.
    public static func shardKey(_ term: String) -> String {
        String(String.UnicodeScalarView(term.unicodeScalars.prefix(shardPrefix)))
    }

    /// The shard's file name (without `.js`): the key with every character other than a–z and
    /// 0–9 written as `_` and its code point in hexadecimal, so names are plain ASCII.
    public static func shardFileName(_ key: String) -> String {
        key.unicodeScalars.map { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? String(scalar) : "_" + String(scalar.value, radix: 16)
        }.joined()
    }

    /// The shards a query loads: one per query word (its stem's key). A stem shorter than the
    /// shard prefix matches only the term it is (its shard holds just that term).
    public static func shards(forQuery query: String) -> [String] {
        var seen = Set<String>()
        return words(query).map { shardKey(stem($0)) }.filter { seen.insert($0).inserted }
    }
}
