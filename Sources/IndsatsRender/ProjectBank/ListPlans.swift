import Synchronization

/// A section of a project bank list: an administration's (or an area's) activities, or the
/// whole list sorted by budget, as positions in `ActivityFacets.byTitle` in the order shown.
struct ListSection: Sendable {
    var name: String?
    var anchor: String
    var positions: [Int]
}

/// Each list's sections and budget sums, worked out once per list and shared by its pages:
/// a list of 10,000 activities has 100 pages, which would otherwise each group, sort and add
/// up all 10,000. Filled as pages are rendered, on any thread; a list worked out twice at
/// once gives the same plan twice.
final class ListPlans: Sendable {
    struct Plan: Sendable {
        var sections: [ListSection]
        var sums: [Int: ProjectBankPages.YearSum]
    }

    private let plans = Mutex<[String: Plan]>([:])

    /// The plan of the list whose first page is `first`, made by `make` the first time.
    func plan(for first: String, make: () -> Plan) -> Plan {
        if let known = plans.withLock({ $0[first] }) { return known }
        let plan = make()
        plans.withLock { $0[first] = plan }
        return plan
    }
}
