import Foundation

/// An activity (indsats): one file in `content/aktiviteter/`, with its earlier versions.
///
/// A value type whose fields live in one shared, copy-on-write box: an activity is copied
/// into indexes, facet lists and page jobs tens of thousands of times in a large build, and
/// a copy is then one reference count instead of one per field.
public struct Activity: Hashable, Sendable {
    struct Fields: Hashable, Sendable {
        let slug: String
        let source: SourceLocation
        let title: String
        let summary: String?
        let administration: Reference
        let committee: Reference?
        let area: Reference
        let status: String?
        let period: Period?
        let tags: [String]
        let indicators: [Reference]
        let spent: [Int: Money]
        var current: ActivityVersion
        let versions: [ActivityVersion]
    }

    /// Unchecked: its one `var` is changed only through `unique()`, never while shared.
    final class Storage: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    /// The box, copied first if another value shares it.
    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    public var slug: String { storage.fields.slug }
    public var source: SourceLocation { storage.fields.source }
    public var title: String { storage.fields.title }
    public var summary: String? { storage.fields.summary }
    public var administration: Reference { storage.fields.administration }
    public var committee: Reference? { storage.fields.committee }
    public var area: Reference { storage.fields.area }
    public var status: String? { storage.fields.status }
    public var period: Period? { storage.fields.period }
    public var tags: [String] { storage.fields.tags }
    public var indicators: [Reference] { storage.fields.indicators }
    public var spent: [Int: Money] { storage.fields.spent }
    /// The current version's figures and texts; `versions` holds the earlier ones. The one
    /// field that can be set: an annex shows the activity as an older version stood.
    public var current: ActivityVersion {
        get { storage.fields.current }
        set { unique().fields.current = newValue }
    }
    /// Earlier versions, newest first, each complete (what a version left out is filled in
    /// from the next newer one when loading).
    public var versions: [ActivityVersion] { storage.fields.versions }

    public init(
        slug: String, source: SourceLocation, title: String, summary: String? = nil,
        administration: Reference, committee: Reference? = nil, area: Reference, status: String? = nil,
        period: Period? = nil, tags: [String] = [],
        indicators: [Reference] = [], spent: [Int: Money] = [:],
        current: ActivityVersion, versions: [ActivityVersion] = []
    ) {
        storage = Storage(Fields(
            slug: slug, source: source, title: title, summary: summary, administration: administration, committee: committee,
            area: area, status: status, period: period, tags: tags, indicators: indicators, spent: spent,
            current: current, versions: versions))
    }

    public static func == (a: Activity, b: Activity) -> Bool {
        a.storage === b.storage || a.storage.fields == b.storage.fields
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(storage.fields)
    }

    // Read straight from the box rather than through `current`, which copies the whole version.
    public var budget: YearCells { storage.fields.current.budget }
    // What the current version says; an annex that describes an older version shows that one's.
    public var targetGroup: String? { storage.fields.current.targetGroup }
    public var targetGroupCharacteristics: String? { storage.fields.current.targetGroupCharacteristics }
    public var expectedEffect: String? { storage.fields.current.expectedEffect }
    public var funding: String? { storage.fields.current.funding }
    public var contact: Contact? { storage.fields.current.contact }
    public var allVersions: [ActivityVersion] { [current] + versions }

    /// The newest version (the current one first) whose source states `field` itself: where
    /// the latest known value of that field comes from. Nil when no version states it.
    public func latest(stating field: VersionField) -> ActivityVersion? {
        if current.stated.contains(field) { return current }
        return versions.first { $0.stated.contains(field) }
    }
}

/// A field, or a group of fields read together, that a version of an activity can state.
public enum VersionField: String, CaseIterable, Hashable, Sendable, Comparable {
    case summary, targetGroup, targetGroupCharacteristics, expectedEffect, funding, contact, budget
    /// The declared total, the financing and the cost per unit: the economy in words.
    case economy
    case partners, goals, footnotes, body

    public static func < (a: VersionField, b: VersionField) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What can change from one version of an activity to the next.
public struct ActivityVersion: Hashable, Sendable {
    public var date: Day?
    public var title: String?
    public var note: String?
    public var caseNumber: String?
    public var documentNumber: String?
    public var summary: String?
    public var targetGroup: String?
    public var targetGroupCharacteristics: String?
    public var expectedEffect: String?
    public var funding: String?
    public var contact: Contact?
    public var budget: YearCells
    public var total: Declared<Money>?
    public var financing: [Financing]
    public var partners: [String]
    public var goals: [Goal]
    public var costPer: CostPer?
    public var footnotes: [Footnote]
    public var body: MarkdownDocument
    public var location: SourceLocation
    /// The fields this version's source states itself. The rest are not restated in it: for
    /// an earlier version they are taken from the next newer one; the current version simply
    /// leaves them out (an overview row does not restate a project description's goals), and
    /// the activity's page shows them from the newest version that states them.
    public var stated: Set<VersionField> = []

    public init(
        date: Day? = nil, title: String? = nil, note: String? = nil, caseNumber: String? = nil,
        documentNumber: String? = nil, summary: String? = nil, budget: YearCells = YearCells(),
        total: Declared<Money>? = nil, financing: [Financing] = [], partners: [String] = [],
        goals: [Goal] = [], costPer: CostPer? = nil, footnotes: [Footnote] = [],
        body: MarkdownDocument = MarkdownDocument(), location: SourceLocation
    ) {
        self.date = date
        self.title = title
        self.note = note
        self.caseNumber = caseNumber
        self.documentNumber = documentNumber
        self.summary = summary
        self.budget = budget
        self.total = total
        self.financing = financing
        self.partners = partners
        self.goals = goals
        self.costPer = costPer
        self.footnotes = footnotes
        self.body = body
        self.location = location
    }

    /// The cost per unit of a goal (per match): the total divided by the goal's target, in kroner.
    public var costPerUnit: Amount? {
        guard let costPer, let total, let goal = goals.first(where: { $0.id == costPer.goal.slug }),
            let target = goal.target, target.value != 0
        else { return nil }
        return Amount(total.value.inKroner / target.value, scale: 0)
    }
}

/// A source of an activity's money: "Den tværgående integrationspulje 1,4 mio. kr.".
public struct Financing: Hashable, Sendable {
    public var source: String
    public var amount: Money
    public var note: String?

    public init(source: String, amount: Money, note: String? = nil) {
        self.source = source
        self.amount = amount
        self.note = note
    }
}

/// A goal of an activity: quantitative with a target and a deadline, or qualitative.
///
/// A goal is a floor by default ("min. 150 match": met when the result reaches the target) or,
/// with `direction: .decrease`, a ceiling ("ned på 18 pct.": met when the result is at or
/// below the target).
public struct Goal: Hashable, Sendable {
    /// Which way the measured value should go.
    public enum Direction: String, CaseIterable, Hashable, Sendable {
        /// A floor: the result should reach the target or more.
        case increase
        /// A ceiling: the result should come down to the target or less.
        case decrease
    }

    /// Where a goal stands against its latest measured result.
    public enum Status: Hashable, Sendable {
        /// The latest result is on the right side of the target.
        case met
        /// The latest result is on the wrong side of the target.
        case notMet
        /// There is no result with a value to judge by.
        case notMeasured
        /// There is a result, but no numeric target (nor a baseline) to judge it against.
        case noTarget
    }

    public var id: String?
    public var text: String
    public var target: Amount?
    public var unit: String?
    public var deadline: Day?
    public var qualitative: Bool
    public var direction: Direction
    /// The value the goal starts from ("skal falde fra udgangspunktet … på 27 pct."), when the
    /// source gives it.
    public var baseline: Amount?
    public var results: [GoalResult]

    public init(
        id: String? = nil, text: String, target: Amount? = nil, unit: String? = nil,
        deadline: Day? = nil, qualitative: Bool = false, direction: Direction = .increase,
        baseline: Amount? = nil, results: [GoalResult] = []
    ) {
        self.id = id
        self.text = text
        self.target = target
        self.unit = unit
        self.deadline = deadline
        self.qualitative = qualitative
        self.direction = direction
        self.baseline = baseline
        self.results = results
    }

    /// The latest result that has a value (results are listed oldest first).
    public var latestResult: GoalResult? { results.last { $0.value != nil } }

    /// How much of the way to the target the latest result has come (1 = all the way).
    ///
    /// With a baseline: (result − baseline) ÷ (target − baseline), which for a ceiling is
    /// (baseline − result) ÷ (baseline − target). Without one, a floor's share is
    /// result ÷ target; a ceiling has no share (coming down to 18 pct. from an unknown start
    /// cannot be expressed as a part of the way).
    public var shareReached: Decimal? {
        guard let target, let value = latestResult?.value?.value else { return nil }
        if let baseline = baseline?.value {
            let distance = target.value - baseline
            guard distance != 0 else { return nil }
            return (value - baseline) / distance
        }
        switch direction {
        case .increase: return target.value == 0 ? nil : value / target.value
        case .decrease: return nil
        }
    }

    /// Whether the latest result meets the goal: a floor when it is at or above the target, a
    /// ceiling when it is at or below it. Without a target but with a baseline, when the result
    /// has moved the wanted way from the baseline. Nil when there is nothing to judge.
    public var isMet: Bool? {
        guard let value = latestResult?.value?.value else { return nil }
        if let target = target?.value {
            switch direction {
            case .increase: return value >= target
            case .decrease: return value <= target
            }
        }
        if let baseline = baseline?.value {
            switch direction {
            case .increase: return value > baseline
            case .decrease: return value < baseline
            }
        }
        return nil
    }

    public var status: Status {
        if let met = isMet { return met ? .met : .notMet }
        return latestResult == nil ? .notMeasured : .noTarget
    }
}

/// A measurement against a goal: a value and when it was measured, as an exact `date` or, where
/// the source gives only a period ("i 2008", "første kvartal 2009"), as a `label`.
public struct GoalResult: Hashable, Sendable {
    public var value: Amount?
    public var date: Day?
    /// The period the result is for, as printed ("2008", "første kvartal 2009"); shown instead
    /// of the date.
    public var label: String?
    public var text: String?

    public init(value: Amount? = nil, date: Day? = nil, label: String? = nil, text: String? = nil) {
        self.value = value
        self.date = date
        self.label = label
        self.text = text
    }
}

/// "Cost per matched citizen": which goal's target divides the total, and what to call one unit.
public struct CostPer: Hashable, Sendable {
    public var goal: Reference
    public var label: String

    public init(goal: Reference, label: String) {
        self.goal = goal
        self.label = label
    }
}

/// From when to when an activity runs: years or days.
public struct Period: Hashable, Sendable {
    public enum Bound: Hashable, Sendable {
        case year(Int)
        case day(Day)

        public var year: Int {
            switch self {
            case .year(let y): y
            case .day(let d): d.year
            }
        }
    }

    public var start: Bound?
    public var end: Bound?

    public init(start: Bound?, end: Bound?) {
        self.start = start
        self.end = end
    }
}

public struct Contact: Hashable, Sendable {
    public var name: String?
    public var unit: String?
    public var email: String?
    public var phone: String?
    public var address: String?

    public init(name: String? = nil, unit: String? = nil, email: String? = nil, phone: String? = nil, address: String? = nil) {
        self.name = name
        self.unit = unit
        self.email = email
        self.phone = phone
        self.address = address
    }
}
