import Foundation

/// The terms of a run of documents and the documents each is in, built word by word without a
/// string per word: each term's folded bytes are stored once (interned) and found again by an
/// open-addressing hash table over the bytes; postings are kept in one flat list and grouped
/// by term at the end. This is the inner loop of indexing (every word of every document).
struct SearchTermTable {
    /// Term number + 1 per slot (0: empty); the count is a power of two, at most half full.
    private var slots = [Int32](repeating: 0, count: 1 << 12)
    /// Per term: its hash, where its bytes start in `bytes`, and its last posting (where it is
    /// in `postings`, its document and weight, kept here so that a word seen again is counted
    /// without reading the long list).
    private var hashes: [UInt64] = []
    private var starts: [Int] = [0]
    private var lastPosting: [Int] = []
    private var lastDoc: [Int32] = []
    private var lastWeight: [UInt8] = []
    /// Every term's folded UTF-8, one after the other.
    private var bytes: [UInt8] = []
    /// (term number, document, best weight), each term's entries in document order.
    private var postings: [(term: Int32, posting: SearchIndex.Posting)] = []

    /// Records that `word` is in `doc` with `weight` (raising the weight if the term was
    /// already seen in `doc`). Documents must come in ascending order.
    mutating func add(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, doc: Int32, weight: UInt8) {
        let term = number(of: word, hash: hash)
        if lastDoc[term] == doc {
            guard lastWeight[term] < weight else { return }
            lastWeight[term] = weight
            postings[lastPosting[term]].posting.weight = weight
        } else {
            lastPosting[term] = postings.count
            lastDoc[term] = doc
            lastWeight[term] = weight
            postings.append((Int32(term), (doc, weight)))
        }
    }

    /// The term's number, adding it if it is new (`hash`: of its bytes, as `WordBuffer` makes it).
    private mutating func number(of word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int {
        let mask = slots.count - 1
        var slot = Self.slot(hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { break }
            let term = entry - 1
            if hashes[term] == hash && equal(term, word) { return term }
            slot = (slot + 1) & mask
        }
        let term = hashes.count
        hashes.append(hash)
        bytes.append(contentsOf: word)
        starts.append(bytes.count)
        lastPosting.append(-1)
        lastDoc.append(-1)
        lastWeight.append(0)
        slots[slot] = Int32(term + 1)
        if 2 * hashes.count > slots.count { grow() }
        return term
    }

    /// The hash's high bits mixed down before a slot is taken from its low bits.
    private static func slot(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash ^ (hash >> 29)) &* 0xbf58_476d_1ce4_e5b9 >> 32)
    }

    private func equal(_ term: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[term]
        guard starts[term + 1] - start == word.count else { return false }
        // Of words of one length up to 8 bytes, `WordBuffer.hash` gives each its own hash (it is
        // a bijection of the bytes as one number), so equal hashes, checked before, are enough.
        if word.count <= 8 { return true }
        guard let base = word.baseAddress else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, word.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: 2 * slots.count)
        let mask = slots.count - 1
        for (term, hash) in hashes.enumerated() {
            var slot = Self.slot(hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(term + 1)
        }
    }

    /// Every term with its postings in document order.
    func lists() -> [(term: String, postings: [SearchIndex.Posting])] {
        var lists = [[SearchIndex.Posting]](repeating: [], count: hashes.count)
        for entry in postings { lists[Int(entry.term)].append(entry.posting) }
        return lists.enumerated().map { term, list in
            (String(decoding: bytes[starts[term]..<starts[term + 1]], as: UTF8.self), list)
        }
    }
}
