import Foundation

/// An activity (indsats): one file in `content/aktiviteter/`, with its earlier versions.
public struct Activity: Hashable, Sendable {
    public var slug: String
    public var source: SourceLocation
    public var title: String
    public var summary: String?
    public var administration: Reference
    public var committee: Reference?
    public var area: Reference
    public var targetGroup: String?
    public var targetGroupCharacteristics: String?
    public var expectedEffect: String?
    public var funding: String?
    public var status: String?
    public var period: Period?
    public var contact: Contact?
    public var tags: [String]
    public var indicators: [Reference]
    public var spent: [Int: Money]
    /// The current version's figures and texts; `versions` holds the earlier ones.
    public var current: ActivityVersion
    /// Earlier versions, newest first, each complete (what a version left out is filled in
    /// from the next newer one when loading).
    public var versions: [ActivityVersion]

    public init(
        slug: String, source: SourceLocation, title: String, summary: String? = nil,
        administration: Reference, committee: Reference? = nil, area: Reference,
        targetGroup: String? = nil, targetGroupCharacteristics: String? = nil,
        expectedEffect: String? = nil, funding: String? = nil, status: String? = nil,
        period: Period? = nil, contact: Contact? = nil, tags: [String] = [],
        indicators: [Reference] = [], spent: [Int: Money] = [:],
        current: ActivityVersion, versions: [ActivityVersion] = []
    ) {
        self.slug = slug
        self.source = source
        self.title = title
        self.summary = summary
        self.administration = administration
        self.committee = committee
        self.area = area
        self.targetGroup = targetGroup
        self.targetGroupCharacteristics = targetGroupCharacteristics
        self.expectedEffect = expectedEffect
        self.funding = funding
        self.status = status
        self.period = period
        self.contact = contact
        self.tags = tags
        self.indicators = indicators
        self.spent = spent
        self.current = current
        self.versions = versions
    }

    public var budget: YearCells { current.budget }
    public var allVersions: [ActivityVersion] { [current] + versions }
}

/// What can change from one version of an activity to the next.
public struct ActivityVersion: Hashable, Sendable {
    public var date: Day?
    public var title: String?
    public var note: String?
    public var caseNumber: String?
    public var documentNumber: String?
    public var summary: String?
    public var budget: YearCells
    public var total: Declared<Money>?
    public var financing: [Financing]
    public var partners: [String]
    public var goals: [Goal]
    public var costPer: CostPer?
    public var footnotes: [Footnote]
    public var body: MarkdownDocument
    public var location: SourceLocation

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
public struct Goal: Hashable, Sendable {
    public var id: String?
    public var text: String
    public var target: Amount?
    public var unit: String?
    public var deadline: Day?
    public var qualitative: Bool
    public var results: [GoalResult]

    public init(
        id: String? = nil, text: String, target: Amount? = nil, unit: String? = nil,
        deadline: Day? = nil, qualitative: Bool = false, results: [GoalResult] = []
    ) {
        self.id = id
        self.text = text
        self.target = target
        self.unit = unit
        self.deadline = deadline
        self.qualitative = qualitative
        self.results = results
    }

    /// The latest result that has a value.
    public var latestResult: GoalResult? { results.last { $0.value != nil } }

    /// Result ÷ target, when both are numbers.
    public var shareReached: Decimal? {
        guard let target, target.value != 0, let value = latestResult?.value else { return nil }
        return value.value / target.value
    }

    public var isMet: Bool? { shareReached.map { $0 >= 1 } }
}

/// A measurement against a goal.
public struct GoalResult: Hashable, Sendable {
    public var value: Amount?
    public var date: Day?
    public var text: String?

    public init(value: Amount? = nil, date: Day? = nil, text: String? = nil) {
        self.value = value
        self.date = date
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
