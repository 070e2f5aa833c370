import IndsatsModel

/// Lookups by slug and reverse indexes (who cites whom), built once per build so that no page
/// searches the whole site.
public struct SiteIndex: Sendable {
    // `var` only for `replacing(_:)`; nothing else changes an index once built.
    public private(set) var content: SiteContent
    private(set) var activitiesBySlug: [String: Activity]
    let indicatorsBySlug: [String: Indicator]
    let goalsBySlug: [String: PolicyGoal]
    let annexesBySlug: [String: Annex]
    let reportsByYear: [Int: StatusReport]
    /// Indicator slug → positions in `content.activities` of the activities that contribute to it.
    let contributing: [String: [Int]]
    /// Activity slug → the annexes and reports that cite it.
    let annexesCiting: [String: [Annex]]
    let reportsCiting: [String: [StatusReport]]
    /// The barometer's editions (`BarometerPage.editions`), oldest first.
    let barometerEditions: [Day]

    public init(_ content: SiteContent) {
        self.content = content
        activitiesBySlug = Dictionary(content.activities.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        indicatorsBySlug = Dictionary(content.indicators.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        goalsBySlug = Dictionary(content.policyGoals.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        annexesBySlug = Dictionary(content.annexes.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        reportsByYear = Dictionary(content.reports.map { ($0.year, $0) }, uniquingKeysWith: { a, _ in a })
        var contributing: [String: [Int]] = [:]
        for (index, activity) in content.activities.enumerated() {
            for reference in activity.indicators { contributing[reference.slug, default: []].append(index) }
        }
        self.contributing = contributing
        var annexes: [String: [Annex]] = [:]
        var reports: [String: [StatusReport]] = [:]
        // In list order, so that an activity's "Omtalt i" lists its annexes as the annex list does.
        for annex in DocumentOrder.annexes(content.annexes, config: content.config) {
            let cited = annex.kind == .overview
                ? Self.select(annex, from: content.activities, bySlug: activitiesBySlug).map(\.slug)
                : annex.activity.map { [$0.slug] } ?? []
            for slug in cited { annexes[slug, default: []].append(annex) }
        }
        for report in DocumentOrder.reports(content.reports, config: content.config) {
            for entry in report.activities { reports[entry.activity.slug, default: []].append(report) }
        }
        annexesCiting = annexes
        reportsCiting = reports
        barometerEditions = BarometerPage.editions(of: content)
    }

    /// This index with some activities replaced by new versions of themselves (same slug, same
    /// place in the content); nil when one has no activity of its slug here. Only the lookups
    /// by slug and position change: the caller makes sure that the reverse indexes still hold
    /// (see `SiteRenderer.activityPages(replacing:)`).
    func replacing(_ activities: [Activity]) -> SiteIndex? {
        var copy = self
        for activity in activities {
            guard let position = content.activities.firstIndex(where: { $0.slug == activity.slug }) else { return nil }
            copy.content.activities[position] = activity
            copy.activitiesBySlug[activity.slug] = activity
        }
        return copy
    }

    public func activity(_ slug: String) -> Activity? { activitiesBySlug[slug] }
    /// The activities that contribute to an indicator, in content order.
    public func activities(contributingTo indicator: String) -> [Activity] {
        (contributing[indicator] ?? []).map { content.activities[$0] }
    }
    public func indicator(_ slug: String) -> Indicator? { indicatorsBySlug[slug] }
    public func policyGoal(_ slug: String) -> PolicyGoal? { goalsBySlug[slug] }
    public func annex(_ slug: String) -> Annex? { annexesBySlug[slug] }
    public func report(_ year: Int) -> StatusReport? { reportsByYear[year] }

    /// The activities an overview annex shows, in its order.
    public func activities(for annex: Annex) -> [Activity] {
        Self.select(annex, from: content.activities, bySlug: activitiesBySlug)
    }

    static func select(_ annex: Annex, from activities: [Activity], bySlug: [String: Activity]) -> [Activity] {
        if !annex.activities.isEmpty {
            return annex.activities.compactMap { bySlug[$0.slug] }
        }
        let selection = annex.selection
        return activities.filter { activity in
            if let administration = selection.administration, activity.administration.slug != administration.slug { return false }
            if !selection.areas.isEmpty, !selection.areas.contains(where: { $0.slug == activity.area.slug }) { return false }
            if let years = selection.years { return activity.budget.years.contains(where: years.contains) }
            return true
        }
    }
}
