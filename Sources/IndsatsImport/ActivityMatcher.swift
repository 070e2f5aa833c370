import IndsatsModel

/// Finds the activity a sheet row means: by slug, else by its exact title within the row's
/// administration (or among all activities when the row names none). Never guesses: a row
/// that matches nothing or more than one activity is a problem, with the nearest candidates.
struct ActivityMatcher {
    let activities: [Activity]
    private let bySlug: [String: Activity]
    private let byTitle: [String: [Activity]]

    init(_ activities: [Activity]) {
        self.activities = activities
        bySlug = Dictionary(activities.map { ($0.slug, $0) }, uniquingKeysWith: { a, _ in a })
        byTitle = Dictionary(grouping: activities, by: \.title)
    }

    func activity(_ slug: String) -> Activity? { bySlug[slug] }

    enum Match {
        case found(Activity)
        case problem(String, hint: String)
    }

    func match(_ row: BudgetRow) -> Match {
        if !row.slug.isEmpty {
            if let activity = bySlug[row.slug] { return .found(activity) }
            return .problem("no activity has the slug \"\(row.slug)\"", hint: nearest(row.slug, among: activities.map(\.slug)))
        }
        var candidates = byTitle[row.title] ?? []
        if !row.administration.isEmpty { candidates = candidates.filter { $0.administration.slug == row.administration } }
        switch candidates.count {
        case 1:
            return .found(candidates[0])
        case 0:
            let within = row.administration.isEmpty ? "" : " in the administration \(row.administration)"
            let pool = activities.filter { row.administration.isEmpty || $0.administration.slug == row.administration }.map(\.title)
            return .problem("no activity has the title \"\(row.title)\"\(within)", hint: nearest(row.title, among: pool))
        default:
            let slugs = candidates.map(\.slug).sorted().joined(separator: ", ")
            return .problem("\(candidates.count) activities have the title \"\(row.title)\"", hint: "write the slug of the one you mean in the column slug: \(slugs)")
        }
    }

    /// "did you mean …" with the three names closest to `name` (edit distance, case ignored).
    func nearest(_ name: String, among names: [String]) -> String {
        let wanted = name.lowercased()
        let ranked = names.map { (name: $0, distance: editDistance(wanted, $0.lowercased())) }
            .sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(3)
        guard !ranked.isEmpty else { return "check the spelling" }
        return "nearest: " + ranked.map { "\"\($0.name)\"" }.joined(separator: ", ")
    }
}
