import Foundation

/// Checks what no single file can check alone: that every reference resolves, that slugs are
/// unique, and that every total a document declares equals the sum of its rows (`DeclaredTotals`);
/// and that dates and breakdowns make sense together (`SiteValidator+Consistency.swift`,
/// `BreakdownCycles`, `FutureDates`).
public struct SiteValidator {
    let content: SiteContent
    /// The build day: dates after it are warned about. Nil: dates are not compared with it.
    let today: Day?
    var diagnostics = Diagnostics()

    let activitySlugs: Set<String>
    let indicatorSlugs: Set<String>
    let goalSlugs: Set<String>
    let administrationIDs: [String]
    let committeeIDs: [String]

    /// Every problem found across the content. `today` is the build day (an input, so that the
    /// same content and day always give the same diagnostics); dates after it are warned about.
    public static func validate(_ content: SiteContent, today: Day? = nil) -> Diagnostics {
        var validator = SiteValidator(content: content, today: today)
        validator.run()
        return validator.diagnostics
    }

    /// The problems of some activities of `content` alone (their fields and references, as
    /// `validate` checks each activity; not the checks across files, such as unique slugs or
    /// future dates): the preview's quick pass after an edit of those files.
    public static func validate(activities: [Activity], in content: SiteContent) -> Diagnostics {
        // An activity's own checks need no set of every activity's slug (10,000 at a time).
        var validator = SiteValidator(content: content, today: nil, activitySlugs: false)
        activities.forEach { validator.check($0) }
        return validator.diagnostics
    }

    init(content: SiteContent, today: Day?, activitySlugs listed: Bool = true) {
        self.content = content
        self.today = today
        activitySlugs = listed ? Set(content.activities.map(\.slug)).union(content.unreadable.activities) : []
        indicatorSlugs = Set(content.indicators.map(\.slug)).union(content.unreadable.indicators)
        goalSlugs = Set(content.policyGoals.map(\.slug)).union(content.unreadable.policyGoals)
        administrationIDs = content.config.administrations.map(\.id)
        committeeIDs = content.config.committees.map(\.id)
    }

    mutating func run() {
        checkUniqueSlugs(content.activities.map { ($0.slug, $0.source) }, kind: "activity")
        checkUniqueSlugs(content.indicators.map { ($0.slug, $0.source) }, kind: "indicator")
        checkUniqueSlugs(content.policyGoals.map { ($0.slug, $0.source) }, kind: "policy goal")
        checkUniqueSlugs(content.annexes.map { ($0.slug, $0.source) }, kind: "annex")
        checkUniqueSlugs(content.reports.map { ($0.slug, $0.source) }, kind: "status report")
        content.activities.forEach { check($0) }
        content.indicators.forEach { check($0) }
        for goal in content.policyGoals {
            goal.indicators.forEach { resolve($0, in: indicatorSlugs, kind: "indicator", field: "indicators") }
        }
        content.annexes.forEach { check($0) }
        content.reports.forEach { check($0) }
        diagnostics.append(contentsOf: BreakdownCycles.check(content.indicators, known: indicatorSlugs))
        checkDuplicateAnnexes()
        checkUniqueNumbers()
        if let today { diagnostics.append(contentsOf: FutureDates.check(content, after: today)) }
    }

    // MARK: - References

    mutating func checkUniqueSlugs(_ items: [(String, SourceLocation)], kind: String) {
        var first: [String: SourceLocation] = [:]
        for (slug, location) in items {
            if let earlier = first[slug] {
                diagnostics.error("two files have the \(kind) slug \"\(slug)\"; the other is \(earlier.path)", at: location, field: "slug")
            } else {
                first[slug] = location
            }
        }
    }

    mutating func resolve(_ reference: Reference, in slugs: Set<String>, kind: String, field: String) {
        guard !slugs.contains(reference.slug) else { return }
        let hint = nearest(reference.slug, in: slugs).map { "did you mean \"\($0)\"?" }
        diagnostics.error("no \(kind) has the slug \"\(reference.slug)\"", at: reference.location, field: field, hint: hint)
    }

    mutating func resolveName(_ reference: Reference, in names: [String], kind: String, field: String) {
        guard !reference.slug.isEmpty, !names.contains(reference.slug) else { return }
        diagnostics.error(
            "\"\(reference.slug)\" is not a\(kind.first.map { "aeiou".contains($0) } == true ? "n" : "") \(kind) in indsats.yml",
            at: reference.location, field: field,
            hint: "known: " + names.map { "\"\($0)\"" }.joined(separator: ", "))
    }

    /// The closest slug by edit distance, to suggest for a typo.
    func nearest(_ slug: String, in slugs: Set<String>) -> String? {
        let best = slugs.map { ($0, editDistance(slug, $0)) }.min { ($0.1, $0.0) < ($1.1, $1.0) }
        guard let best, best.1 <= max(2, slug.count / 4) else { return nil }
        return best.0
    }

    // MARK: - Documents

    mutating func check(_ activity: Activity) {
        resolveName(activity.administration, in: administrationIDs, kind: "administration", field: "administration")
        if let committee = activity.committee {
            resolveName(committee, in: committeeIDs, kind: "committee", field: "committee")
        }
        resolveName(activity.area, in: content.config.areas, kind: "area", field: "area")
        activity.indicators.forEach { resolve($0, in: indicatorSlugs, kind: "indicator", field: "indicators") }
        if let period = activity.period { check(period, at: activity.source) }
        check(activity.current)
        activity.versions.forEach { check($0) }
    }

    mutating func check(_ version: ActivityVersion) {
        if !version.budget.cells.isEmpty {
            checkMarks(version.budget.marks, footnotes: version.footnotes, at: version.location, field: "budget")
        }
        if let costPer = version.costPer, !version.goals.contains(where: { $0.id == costPer.goal.slug }) {
            diagnostics.error("no goal has the id \"\(costPer.goal.slug)\"", at: costPer.goal.location, field: "cost_per.goal")
        }
        if let total = version.total, !version.financing.isEmpty {
            let sum = version.financing.map(\.amount.inKroner).reduce(0, +)
            if sum != total.value.inKroner {
                diagnostics.warning(
                    "the declared total \(plain(total.value)) is not the sum of the financing, \(plainKroner(sum, like: total.value))",
                    at: total.location, field: "total")
            }
        }
    }

    mutating func check(_ indicator: Indicator) {
        if let theme = indicator.theme {
            resolveName(theme, in: content.config.themes.map(\.id), kind: "theme", field: "theme")
        }
        for breakdown in indicator.breakdowns {
            resolve(breakdown.indicator, in: indicatorSlugs, kind: "indicator", field: "breakdowns")
        }
        if let mark = indicator.target?.mark {
            checkMarks([mark], footnotes: indicator.footnotes, at: indicator.source, field: "target.mark")
        }
        let dates = indicator.measurements.compactMap(\.date)
        if dates != dates.sorted() {
            diagnostics.error("measurements must be in date order, oldest first", at: indicator.source, field: "measurements")
        }
        checkMeasurementDates(indicator)
    }

    mutating func check(_ annex: Annex) {
        let config = content.config
        resolveName(annex.committee, in: committeeIDs, kind: "committee", field: "committee")
        if let administration = annex.selection.administration {
            resolveName(administration, in: administrationIDs, kind: "administration", field: "select.administration")
        }
        annex.selection.areas.forEach { resolveName($0, in: config.areas, kind: "area", field: "select.areas") }
        annex.activities.forEach { resolve($0, in: activitySlugs, kind: "activity", field: "activities") }
        if let reference = annex.activity {
            resolve(reference, in: activitySlugs, kind: "activity", field: "activity")
            if let version = annex.version, let activity = content.activities.first(where: { $0.slug == reference.slug }),
                !activity.allVersions.contains(where: { $0.date == version.value })
            {
                let known = activity.allVersions.compactMap(\.date?.iso).joined(separator: ", ")
                diagnostics.error("the activity has no version dated \(version.value.iso)", at: version.location, field: "version", hint: "its versions: \(known)")
            }
        }
    }

    mutating func check(_ report: StatusReport) {
        if let administration = report.administration {
            resolveName(administration, in: administrationIDs, kind: "administration", field: "administration")
        }
        if let committee = report.committee {
            resolveName(committee, in: committeeIDs, kind: "committee", field: "committee")
        }
        report.indicators.forEach { resolve($0, in: indicatorSlugs, kind: "indicator", field: "indicators") }
        report.policyGoals.forEach { resolve($0.goal, in: goalSlugs, kind: "policy goal", field: "policy_goals") }
        report.activities.forEach { resolve($0.activity, in: activitySlugs, kind: "activity", field: "sections") }
        for row in report.economy?.sections.flatMap(\.rows) ?? [] {
            if let activity = row.activity { resolve(activity, in: activitySlugs, kind: "activity", field: "economy") }
        }
        if let economy = report.economy { diagnostics.append(contentsOf: DeclaredTotals.check(economy)) }
    }

    mutating func checkMarks(_ marks: [String], footnotes: [Footnote], at location: SourceLocation, field: String) {
        guard !marks.isEmpty else { return }
        let known = Set(footnotes.map(\.mark))
        for mark in Set(marks).sorted() where !known.contains(mark) {
            diagnostics.error("the footnote mark \"\(mark)\" has no footnote", at: location, field: field, hint: "add {mark: \"\(mark)\", text: …} to footnotes")
        }
    }
}

/// A number for a diagnostic: Danish decimal comma, as the user wrote it.
func plain(_ amount: Amount) -> String {
    var text = "\(amount.value)"
    if let dot = text.firstIndex(of: ".") {
        let decimals = text.distance(from: dot, to: text.endIndex) - 1
        if decimals < amount.scale { text += String(repeating: "0", count: amount.scale - decimals) }
    } else if amount.scale > 0 {
        text += "." + String(repeating: "0", count: amount.scale)
    }
    return text.replacingOccurrences(of: ".", with: ",")
}

func plain(_ money: Money) -> String { "\(plain(money.amount)) \(money.unit.rawValue)" }

func plainKroner(_ kroner: Decimal, like money: Money) -> String {
    plain(Money(Amount(kroner / money.unit.kroner, scale: money.amount.scale), money.unit))
}
