import Foundation

/// A committee annex (bilag): an overview table, a project description, or a status note.
public struct Annex: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case overview
        case description
        case statusNote = "status_note"
    }

    /// Which activities an overview annex shows.
    public struct Selection: Hashable, Sendable {
        public var administration: Reference?
        public var areas: [Reference]
        public var years: ClosedRange<Int>?

        public init(administration: Reference? = nil, areas: [Reference] = [], years: ClosedRange<Int>? = nil) {
            self.administration = administration
            self.areas = areas
            self.years = years
        }
    }

    public var slug: String
    public var source: SourceLocation
    public var number: String
    public var title: String
    public var committee: Reference
    public var date: Day?
    public var caseNumber: String?
    public var documentNumber: String?
    /// The day of the committee meeting the annex is put on the agenda of (mødedato).
    public var meetingDate: Day?
    public var kind: Kind
    public var selection: Selection
    /// An explicit list of activities, in order (overview), instead of a selection.
    public var activities: [Reference]
    public var showTotals: Bool
    /// Whether an overview table is grouped by area (with a heading and a subtotal per area), as
    /// most annexes print it; some print one ungrouped table.
    public var groupByArea: Bool = true
    public var footnotes: [Footnote]
    /// The activity described (description, status note).
    public var activity: Reference?
    /// Which version of it (default: the current one).
    public var version: Declared<Day>?
    public var body: MarkdownDocument

    public init(
        slug: String, source: SourceLocation, number: String, title: String, committee: Reference,
        date: Day? = nil, caseNumber: String? = nil, documentNumber: String? = nil, kind: Kind,
        selection: Selection = Selection(), activities: [Reference] = [], showTotals: Bool = true,
        footnotes: [Footnote] = [], activity: Reference? = nil, version: Declared<Day>? = nil,
        body: MarkdownDocument = MarkdownDocument()
    ) {
        self.slug = slug
        self.source = source
        self.number = number
        self.title = title
        self.committee = committee
        self.date = date
        self.caseNumber = caseNumber
        self.documentNumber = documentNumber
        self.kind = kind
        self.selection = selection
        self.activities = activities
        self.showTotals = showTotals
        self.footnotes = footnotes
        self.activity = activity
        self.version = version
        self.body = body
    }
}
