import Foundation

/// A yearly status report (statusredegørelse) of an administration to its committee.
public struct StatusReport: Hashable, Sendable {
    public struct GoalStatus: Hashable, Sendable {
        public var goal: Reference
        public var status: String

        public init(goal: Reference, status: String) {
            self.goal = goal
            self.status = status
        }
    }

    /// A numbered group of status schemas ("2. BIF's enkelte indsatser …").
    public struct Section: Hashable, Sendable {
        public var title: String
        public var activities: [NumberedActivity]

        public init(title: String, activities: [NumberedActivity]) {
            self.title = title
            self.activities = activities
        }
    }

    public struct NumberedActivity: Hashable, Sendable {
        public var number: String
        public var activity: Reference

        public init(number: String, activity: Reference) {
            self.number = number
            self.activity = activity
        }
    }

    public struct KeyFigure: Hashable, Sendable {
        public var label: String
        public var value: String

        public init(label: String, value: String) {
            self.label = label
            self.value = value
        }
    }

    public var slug: String { String(year) }
    public var source: SourceLocation
    public var year: Int
    public var title: String
    public var administration: Reference?
    public var committee: Reference?
    public var date: Day?
    public var published: Day?
    /// The day of the committee meeting the report is put on the agenda of (mødedato).
    public var meetingDate: Day?
    /// Case number (sagsnr.).
    public var caseNumber: String?
    public var indicators: [Reference]
    public var policyGoals: [GoalStatus]
    public var sections: [Section]
    public var keyFigures: [KeyFigure]
    public var economy: EconomicOverview?
    public var body: MarkdownDocument
    /// Set when the report is frozen in the archive (`arkiv/<year>/`): the day it was archived
    /// and the dated corrections made since through `indsats correct`.
    public var archive: ArchiveStamp?

    public init(
        source: SourceLocation, year: Int, title: String, administration: Reference? = nil,
        committee: Reference? = nil, date: Day? = nil, published: Day? = nil,
        indicators: [Reference] = [], policyGoals: [GoalStatus] = [], sections: [Section] = [],
        keyFigures: [KeyFigure] = [], economy: EconomicOverview? = nil, body: MarkdownDocument = MarkdownDocument()
    ) {
        self.source = source
        self.year = year
        self.title = title
        self.administration = administration
        self.committee = committee
        self.date = date
        self.published = published
        self.indicators = indicators
        self.policyGoals = policyGoals
        self.sections = sections
        self.keyFigures = keyFigures
        self.economy = economy
        self.body = body
    }

    /// Every activity the report cites, in its order.
    public var activities: [StatusReport.NumberedActivity] { sections.flatMap(\.activities) }
}

/// An economic overview: rows grouped into sections with declared subtotals, one column per
/// year and a total column, and a declared grand total. Declared figures are kept as printed.
public struct EconomicOverview: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var number: String?
        public var label: String
        /// A footnote mark after the label (`Sprog og Integration³`).
        public var mark: String?
        public var activity: Reference?
        public var values: YearCells
        /// The row's total column as printed.
        public var total: Declared<BudgetCell>?
        public var location: SourceLocation

        public init(number: String? = nil, label: String, mark: String? = nil, activity: Reference? = nil, values: YearCells, total: Declared<BudgetCell>? = nil, location: SourceLocation) {
            self.number = number
            self.label = label
            self.mark = mark
            self.activity = activity
            self.values = values
            self.total = total
            self.location = location
        }
    }

    /// A line of declared totals: per year, and across the years.
    public struct TotalLine: Hashable, Sendable {
        public var label: String
        public var mark: String?
        public var values: YearCells
        public var total: BudgetCell?
        public var location: SourceLocation

        public init(label: String, mark: String? = nil, values: YearCells, total: BudgetCell?, location: SourceLocation) {
            self.label = label
            self.mark = mark
            self.values = values
            self.total = total
            self.location = location
        }
    }

    public struct Section: Hashable, Sendable {
        public var title: String
        public var subtotal: TotalLine?
        public var rows: [Row]

        public init(title: String, subtotal: TotalLine?, rows: [Row]) {
            self.title = title
            self.subtotal = subtotal
            self.rows = rows
        }
    }

    public var title: String?
    public var years: [Int]
    public var sections: [Section]
    public var total: TotalLine?
    public var footnotes: [Footnote]

    public init(title: String?, years: [Int], sections: [Section], total: TotalLine?, footnotes: [Footnote]) {
        self.title = title
        self.years = years
        self.sections = sections
        self.total = total
        self.footnotes = footnotes
    }
}

extension EconomicOverview {
    /// What the rows add up to: each section's sum per year, and all sections' per year.
    public var computedSums: (sections: [[Int: Amount]], grand: [Int: Amount]) {
        var grand = [Int: Amount]()
        let sections = self.sections.map { section -> [Int: Amount] in
            var sums = [Int: Amount]()
            for row in section.rows {
                for year in years { sums[year, default: .zero] = sums[year, default: .zero] + (row.values[year]?.amount ?? .zero) }
            }
            for (year, sum) in sums { grand[year, default: .zero] = grand[year, default: .zero] + sum }
            return sums
        }
        return (sections, grand)
    }
}

/// When a published report was frozen, and the corrections made to it since.
public struct ArchiveStamp: Hashable, Sendable {
    public struct Correction: Hashable, Sendable {
        public var date: Day
        public var note: String

        public init(date: Day, note: String) {
            self.date = date
            self.note = note
        }
    }

    public var archived: Day
    public var corrections: [Correction]

    public init(archived: Day, corrections: [Correction] = []) {
        self.archived = archived
        self.corrections = corrections
    }
}
