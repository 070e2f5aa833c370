import IndsatsFormat
import IndsatsModel

/// One way to narrow the project bank: an administration, an area, a target group or funding
/// basis (terms of `indsats.yml`'s vocabularies, by id), a budget year (the activities with an
/// amount in it), a status or a tag. Each value gets its own static pages, so the bank can be
/// browsed without JavaScript.
public enum Facet: Sendable, Hashable {
    case administration(String)
    case area(String)
    case targetGroup(String)
    case funding(String)
    case year(Int)
    case status(String)
    case tag(String)
}

/// A facet value with its page and the activities it holds, in title order.
public struct FacetValue: Sendable {
    public var facet: Facet
    /// What a reader sees: "Job og uddannelse", "2019".
    public var label: String
    /// Unique within its kind; the page's folder name.
    public var slug: String
    /// Positions in `ActivityFacets.byTitle` (an activity is a large value: a list of positions
    /// per value keeps tens of thousands of copies out of memory at 10,000 activities).
    public var members: [Int]
    public var count: Int { members.count }
    /// What the filter form and `projektbank/indeks.json` name the value by: the id of an
    /// administration or a vocabulary term, else the label.
    public var filterValue: String {
        switch facet {
        case .administration(let id), .targetGroup(let id), .funding(let id): id
        default: label
        }
    }
}

/// The project bank's facets, grouped once per build so that no page filters the whole site.
public struct ActivityFacets: Sendable {
    public let byTitle: [Activity]
    /// Each activity's budget amounts (by position in `byTitle`) as whole units at `unitScale`
    /// decimals, so that list pages add up thousands of amounts exactly with integer
    /// arithmetic; nil when some amount does not fit (list pages then add decimals).
    public let budgetUnits: [[YearUnits]]?
    public let unitScale: Int

    /// A budget year's amount as whole units at `ActivityFacets.unitScale` decimals.
    public struct YearUnits: Sendable {
        public var year: Int
        public var units: Int64
        /// The decimals the amount was written with.
        public var scale: Int
    }
    public let administrations: [FacetValue]
    public let areas: [FacetValue]
    public let targetGroups: [FacetValue]
    public let fundings: [FacetValue]
    public let years: [FacetValue]
    public let statuses: [FacetValue]
    public let tags: [FacetValue]

    /// The label used for activities with no status.
    public static let noStatus = "Ikke angivet"

    init(activities: [Activity], config: SiteConfig) {
        // Title order as a Danish reader expects (Å last, numbers by value), then by slug.
        byTitle = DanishOrder.sorted(activities.sorted { $0.slug < $1.slug }, by: \.title)
        (budgetUnits, unitScale) = Self.units(of: byTitle)
        // Administrations and areas in the order indsats.yml lists them; years ascending;
        // statuses and tags alphabetically.
        administrations = Self.group(byTitle, order: config.administrations.map(\.id), key: { [$0.administration.slug] }) { id in
            (.administration(id), config.administration(id)?.name ?? id, Slug.make(id))
        }
        areas = Self.group(byTitle, order: config.areas, key: { [$0.area.slug] }) { name in
            (.area(name), name, Slug.make(name))
        }
        targetGroups = Self.group(byTitle, vocabulary: config.targetGroups, text: \.targetGroup, facet: Facet.targetGroup)
        fundings = Self.group(byTitle, vocabulary: config.fundingBases, text: \.funding, facet: Facet.funding)
        // A budget year holds the activities with an amount in it (not a text or an empty cell).
        years = Self.group(byTitle, order: nil, key: { activity in
            activity.budget.years.filter { activity.budget[$0]?.amount != nil }.map(String.init)
        }) { year in
            (.year(Int(year)!), year, year)
        }
        statuses = Self.group(byTitle, order: nil, key: { [$0.status ?? Self.noStatus] }) { status in
            (.status(status), status, Slug.make(status))
        }
        tags = Self.group(byTitle, order: nil, key: \.tags) { tag in
            (.tag(tag), tag, Slug.make(tag))
        }
    }

    /// `budgetUnits` and `unitScale`: the most decimals any amount was written with (at most 9).
    static func units(of activities: [Activity]) -> ([[YearUnits]]?, Int) {
        // (Written plainly: Swift 6.3's optimizer crashed on a lazy flatMap of tuples here.)
        var scale = 0
        for activity in activities {
            for cell in activity.budget.cells.values {
                if let amount = cell.amount { scale = max(scale, amount.scale) }
            }
        }
        scale = min(scale, 9)
        var result: [[YearUnits]] = []
        result.reserveCapacity(activities.count)
        for activity in activities {
            let budget = activity.budget
            var row: [YearUnits] = []
            for year in budget.years {
                guard let amount = budget[year]?.amount else { continue }
                guard let units = amount.units(atScale: scale) else { return (nil, scale) }
                row.append(YearUnits(year: year, units: units, scale: amount.scale))
            }
            result.append(row)
        }
        return (result, scale)
    }

    /// Every facet value that has a page.
    public var all: [FacetValue] { administrations + areas + targetGroups + fundings + years + statuses + tags }

    /// The values of the facets that have pages when `facet_pages` is on, in the filter's order.
    public var filterable: [FacetValue] { administrations + areas + targetGroups + fundings + years + statuses }

    /// Groups activities by the terms of a vocabulary their text maps to, in the vocabulary's order.
    static func group(
        _ activities: [Activity], vocabulary: Vocabulary, text: (Activity) -> String?, facet: (String) -> Facet
    ) -> [FacetValue] {
        guard !vocabulary.isEmpty else { return [] }
        let names = Dictionary(vocabulary.terms.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return group(activities, order: vocabulary.terms.map(\.id), key: { activity in
            text(activity).map { vocabulary.terms(for: $0).map(\.id) } ?? []
        }) { id in (facet(id), names[id] ?? id, Slug.make(id)) }
    }

    /// Groups activities (already in title order) by a key; values in `order` first (in that
    /// order), then the rest sorted. Slugs that collide get `-2`, `-3`, … in order.
    static func group(
        _ activities: [Activity], order: [String]?, key: (Activity) -> [String],
        describe: (String) -> (Facet, String, String)
    ) -> [FacetValue] {
        var members: [String: [Int]] = [:]
        for (index, activity) in activities.enumerated() {
            // A value listed twice by one activity counts once: its list then already ends
            // with this activity's position.
            for value in key(activity) where members[value]?.last != index {
                members[value, default: []].append(index)
            }
        }
        let known = order ?? []
        let knownSet = Set(known)
        let rest = sortedForReaders(members.keys.filter { !knownSet.contains($0) })
        var slugs = UniqueSlugs()
        return (known + rest).compactMap { value in
            guard let positions = members[value] else { return nil }
            let (facet, label, base) = describe(value)
            return FacetValue(facet: facet, label: label, slug: slugs.claim(base), members: positions)
        }
    }

    /// Values in Danish alphabetical order; values a Danish reader sorts alike (`LGBT` and
    /// `lgbt`) in code point order, so that the order never depends on a dictionary's.
    static func sortedForReaders(_ values: [String]) -> [String] {
        DanishOrder.sorted(values.sorted(), by: { $0 })
    }
}

/// Hands out page slugs unique within one kind of facet: a slug taken already gets `-2`, `-3`,
/// … (the first number not taken). Each claim costs the same however many values share a
/// slug (it resumes from the last number given for the same base).
struct UniqueSlugs {
    private var used: Set<String> = []
    /// Base → the next number to try.
    private var next: [String: Int] = [:]

    /// The slug for a value whose slug would be `base`: `base` itself when free (`x` for an
    /// empty one), else `base-2`, `base-3`, … Marks it taken.
    mutating func claim(_ base: String) -> String {
        let stem = base.isEmpty ? "x" : base
        var counter = next[stem] ?? 1
        var slug = counter == 1 ? stem : "\(stem)-\(counter)"
        while used.contains(slug) {
            counter += 1
            slug = "\(stem)-\(counter)"
        }
        next[stem] = counter + 1
        used.insert(slug)
        return slug
    }
}
