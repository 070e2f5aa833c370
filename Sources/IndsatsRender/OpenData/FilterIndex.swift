import Foundation
import IndsatsFormat
import IndsatsModel

/// `projektbank/indeks.json`, what the filter script filters, sorts, adds up and shows rows
/// from, in columns: one array per field with an entry per activity (in title order), and
/// repeated texts (administrations, areas, target groups, statuses, years) as positions in a
/// list of their own. A slug the script can make from the title is written as 0 (or as the
/// number after its dash, `-2`). At 10,000 activities this is about a quarter of a list of
/// records with names and texts repeated in each.
struct FilterIndex {
    let facets: ActivityFacets
    let config: SiteConfig

    func json() -> JSONValue {
        let activities = facets.byTitle
        var texts = Interned(), spans = Interned()
        var columns: [String: [JSONValue]] = [:]
        let administrations = positions(facets.administrations)
        let areas = positions(facets.areas)
        let statuses = positions(facets.statuses)
        let years = Dictionary(uniqueKeysWithValues: facets.years.enumerated().map { ($0.element.label, $0.offset) })
        let targetGroups = memberships(facets.targetGroups, count: activities.count)
        let fundings = memberships(facets.fundings, count: activities.count)
        for (position, activity) in activities.enumerated() {
            func add(_ name: String, _ value: JSONValue) { columns[name, default: []].append(value) }
            add("slug", slugCode(activity))
            add("title", .string(activity.title))
            add("administration", number(administrations[.administration(activity.administration.slug)]))
            add("area", number(areas[.area(activity.area.slug)]))
            add("status", number(statuses[.status(activity.status ?? ActivityFacets.noStatus)]))
            add("targetGroup", .array(targetGroups[position].map(number)))
            add("funding", .array(fundings[position].map(number)))
            add("text", number(activity.targetGroup.map { texts.position($0) }))
            add("span", number(DanishFormat.years(activity.budget.years).map { spans.position($0) }))
            var budget: [JSONValue] = []
            for year in activity.budget.years {
                guard let amount = activity.budget[year]?.amount, let index = years[String(year)] else { continue }
                budget += [number(index), .string(DanishFormat.plain(amount))]
            }
            add("budget", .array(budget))
        }
        var record: [String: JSONValue?] = [
            "unit": .string(config.budgetUnit.rawValue),
            // The decimals the lists show budget sums with (`DanishFormat.summaryDecimals`).
            "decimals": number(DanishFormat.summaryDecimals(config.budgetUnit)),
            "pageSize": number(ListPagination.pageSize),
            "administrations": idsAndLabels(facets.administrations),
            "areas": .strings(facets.areas.map(\.label)),
            "targetGroups": idsAndLabels(facets.targetGroups), "fundings": idsAndLabels(facets.fundings),
            "statuses": .strings(facets.statuses.map(\.label)),
            "years": .strings(facets.years.map(\.label)),
            "texts": .strings(texts.values), "spans": .strings(spans.values),
        ]
        for (name, values) in columns { record[name] = .array(values) }
        return .record(record)
    }

    func number(_ value: Int?) -> JSONValue { value.map { .number(Decimal($0)) } ?? .number(-1) }

    /// Each facet value's position in its list, by facet.
    func positions(_ values: [FacetValue]) -> [Facet: Int] {
        Dictionary(values.enumerated().map { ($0.element.facet, $0.offset) }, uniquingKeysWith: { a, _ in a })
    }

    /// For each activity (by title position), the positions of the values it is a member of.
    func memberships(_ values: [FacetValue], count: Int) -> [[Int]] {
        var result = Array(repeating: [Int](), count: count)
        for (index, value) in values.enumerated() {
            for member in value.members { result[member].append(index) }
        }
        return result
    }

    /// `[[id, label], …]` of values named by an id (`FacetValue.filterValue`).
    func idsAndLabels(_ values: [FacetValue]) -> JSONValue {
        .array(values.map { .array([.string($0.filterValue), .string($0.label)]) })
    }

    /// 0 when the slug is the title's (`Slug.make`, which the script repeats), the number N
    /// when it is the title's with `-N` after it, else the slug itself.
    func slugCode(_ activity: Activity) -> JSONValue {
        let base = Slug.make(activity.title)
        if activity.slug == base { return .number(0) }
        let suffix = activity.slug.dropFirst(base.count + 1)
        if !base.isEmpty, activity.slug.hasPrefix(base + "-"), let number = Int(suffix), number > 1, String(number) == suffix {
            return .number(Decimal(number))
        }
        return .string(activity.slug)
    }

    /// Texts by their first position, so that each is written once.
    struct Interned {
        var values: [String] = []
        var index: [String: Int] = [:]

        mutating func position(_ text: String) -> Int {
            if let known = index[text] { return known }
            index[text] = values.count
            values.append(text)
            return values.count - 1
        }
    }
}
