import IndsatsFormat
import IndsatsModel

/// The order of committee documents (annexes and reports) wherever the site lists them: the
/// annex list, the report list and an activity's "Omtalt i".
///
/// The rule: by committee, in the order the configuration lists the committees (documents of a
/// committee the configuration does not list, or of none, come last, by the committee's id);
/// within a committee by meeting date, oldest first, undated documents last; then by number
/// (numbers compare by value, so 2 comes before 16); then by title; then by the file's slug, so
/// that equal entries keep one order from build to build.
enum DocumentOrder {
    /// One document's sort key.
    struct Key {
        var committee: String?
        var date: Day?
        var number: String
        var title: String
        var tiebreak: String
    }

    /// `items` in list order.
    static func sorted<T>(_ items: [T], config: SiteConfig, key: (T) -> Key) -> [T] {
        let rank = Dictionary(config.committees.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let keys = items.map(key)
        return items.indices.sorted { precedes(keys[$0], keys[$1], rank: rank) }.map { items[$0] }
    }

    /// Annexes in list order.
    static func annexes(_ annexes: [Annex], config: SiteConfig) -> [Annex] {
        sorted(annexes, config: config) {
            Key(committee: $0.committee.slug, date: $0.date, number: $0.number, title: $0.title, tiebreak: $0.slug)
        }
    }

    /// Reports in list order (a report's number is its year).
    static func reports(_ reports: [StatusReport], config: SiteConfig) -> [StatusReport] {
        sorted(reports, config: config) {
            Key(committee: $0.committee?.slug, date: $0.date, number: String($0.year), title: $0.title, tiebreak: String($0.year))
        }
    }

    static func precedes(_ a: Key, _ b: Key, rank: [String: Int]) -> Bool {
        let rankA = a.committee.flatMap { rank[$0] } ?? rank.count, rankB = b.committee.flatMap { rank[$0] } ?? rank.count
        if rankA != rankB { return rankA < rankB }
        if a.committee != b.committee { return DanishOrder.precedes(a.committee ?? "\u{10FFFF}", b.committee ?? "\u{10FFFF}") }
        if a.date != b.date {
            guard let dateA = a.date else { return false }
            guard let dateB = b.date else { return true }
            return dateA < dateB
        }
        if DanishOrder.key(a.number) != DanishOrder.key(b.number) { return DanishOrder.precedes(a.number, b.number) }
        if DanishOrder.key(a.title) != DanishOrder.key(b.title) { return DanishOrder.precedes(a.title, b.title) }
        return a.tiebreak < b.tiebreak
    }
}
