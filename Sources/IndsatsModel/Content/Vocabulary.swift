/// A controlled vocabulary declared in `indsats.yml` (`target_groups`, `funding_bases`): the
/// few values the project bank filters by, each with the phrases that map an activity's free
/// text to it. The free text stays what readers see on the activity; the terms are what the
/// filter offers ("Flygtninge (12)") instead of 77 one-off texts.
public struct Vocabulary: Hashable, Sendable {
    public struct Term: Hashable, Sendable {
        /// The term's id: the filter's value and its page's folder name.
        public var id: String
        /// What a reader sees: "Børn og unge".
        public var name: String
        /// Phrases that map a text to this term: a text has the term when one of them starts
        /// a word of it, ignoring case ("flygtning" matches "Flygtninge" and "flygtningebaggrund",
        /// not "ikke-flygtning…" inside a word).
        public var phrases: [String]

        public init(id: String, name: String, phrases: [String]) {
            self.id = id
            self.name = name
            self.phrases = phrases
        }
    }

    public var terms: [Term]

    public init(_ terms: [Term] = []) {
        self.terms = terms
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// The terms `text` maps to, in the order `indsats.yml` lists them: the term's name itself
    /// or one of its phrases starts a word of the text (case ignored).
    public func terms(for text: String) -> [Term] {
        let folded = text.lowercasedQuickly
        return terms.filter { term in
            ([term.name] + term.phrases).contains { Self.startsWord(of: folded, with: $0.lowercasedQuickly) }
        }
    }

    /// The term with a word nearest by edit distance to a word of `text` (words of four
    /// letters or more), for a "did you mean" hint; nil when none is close.
    public func nearest(to text: String) -> Term? {
        func words(_ text: String) -> [String] {
            text.lowercasedQuickly.split { !$0.isLetter }.map(String.init).filter { $0.count >= 4 }
        }
        let written = words(text)
        var best: (term: Term, distance: Int)?
        for term in terms {
            for word in ([term.name] + term.phrases).flatMap(words) {
                for candidate in written {
                    let distance = editDistance(candidate, word)
                    guard distance <= max(2, word.count / 3) else { continue }
                    if best == nil || distance < best!.distance { best = (term, distance) }
                }
            }
        }
        return best?.term
    }

    /// Whether `phrase` occurs in `text` where a word begins (at the start, or after a
    /// character that is not a letter or digit).
    static func startsWord(of text: String, with phrase: String) -> Bool {
        guard !phrase.isEmpty else { return false }
        var rest = text[...]
        while let range = rest.firstRange(of: phrase) {
            if range.lowerBound == text.startIndex { return true }
            let before = text[text.index(before: range.lowerBound)]
            if !before.isLetter && !before.isNumber { return true }
            rest = text[text.index(after: range.lowerBound)...]
        }
        return false
    }
}
