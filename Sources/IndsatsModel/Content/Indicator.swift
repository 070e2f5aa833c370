import Foundation

/// An indicator of the integration barometer: a baseline, measurements over time, and a target.
public struct Indicator: Hashable, Sendable {
    public enum Unit: String, Hashable, Sendable, CaseIterable {
        case percent = "pct"
        case count = "antal"
        case kroner = "kr"
    }

    public enum Direction: String, Hashable, Sendable, CaseIterable {
        case increase, decrease, maintain
    }

    public var slug: String
    public var source: SourceLocation
    public var number: Int?
    public var title: String
    /// The barometer theme it is grouped under; indicators without one are listed last.
    public var theme: Reference?
    public var unit: Unit
    public var direction: Direction
    public var baseline: IndicatorMeasurement
    /// Oldest first.
    public var measurements: [IndicatorMeasurement]
    public var target: Target?
    public var goal: String?
    public var sourceNote: String?
    public var footnotes: [Footnote]
    public var breakdowns: [Breakdown]
    public var body: MarkdownDocument

    public init(
        slug: String, source: SourceLocation, number: Int? = nil, title: String, theme: Reference? = nil,
        unit: Unit, direction: Direction, baseline: IndicatorMeasurement, measurements: [IndicatorMeasurement] = [],
        target: Target? = nil, goal: String? = nil, sourceNote: String? = nil,
        footnotes: [Footnote] = [], breakdowns: [Breakdown] = [], body: MarkdownDocument = MarkdownDocument()
    ) {
        self.slug = slug
        self.source = source
        self.number = number
        self.title = title
        self.theme = theme
        self.unit = unit
        self.direction = direction
        self.baseline = baseline
        self.measurements = measurements
        self.target = target
        self.goal = goal
        self.sourceNote = sourceNote
        self.footnotes = footnotes
        self.breakdowns = breakdowns
        self.body = body
    }

    /// The newest measurement, if any.
    public var latest: IndicatorMeasurement? { measurements.last }

    /// The measurement before the newest (the baseline when there is only one).
    public var previous: IndicatorMeasurement? {
        measurements.count >= 2 ? measurements[measurements.count - 2] : measurements.isEmpty ? nil : baseline
    }

    /// The baseline followed by the measurements: what a chart draws.
    public var series: [IndicatorMeasurement] { [baseline] + measurements }

    /// The indicator as it stood on `day`: only the measurements known by then.
    public func asOf(_ day: Day) -> Indicator {
        var copy = self
        copy.measurements = measurements.filter { ($0.date ?? day) <= day }
        return copy
    }
}

/// A value at a time: `54,40 pct., forår 2007`.
public struct IndicatorMeasurement: Hashable, Sendable {
    public var value: Amount
    public var date: Day?
    /// The period as the source words it ("forår 2007"); shown instead of the date.
    public var label: String?
    public var note: String?

    public init(value: Amount, date: Day? = nil, label: String? = nil, note: String? = nil) {
        self.value = value
        self.date = date
        self.label = label
        self.note = note
    }
}

/// The success criterion: a value by a date, or only words ("Andel skal stige").
public struct Target: Hashable, Sendable {
    public var value: Amount?
    /// The goal as a change from the baseline ("+10 procentpoint"), where the policy states it
    /// so; progress is then measured against it rather than against `value − baseline`.
    public var change: Amount?
    public var date: Day?
    public var label: String?
    public var text: String?
    public var mark: String?

    public init(value: Amount? = nil, change: Amount? = nil, date: Day? = nil, label: String? = nil, text: String? = nil, mark: String? = nil) {
        self.value = value
        self.change = change
        self.date = date
        self.label = label
        self.text = text
        self.mark = mark
    }
}

/// Another indicator that breaks this one down (women, men).
public struct Breakdown: Hashable, Sendable {
    public var label: String
    public var indicator: Reference

    public init(label: String, indicator: Reference) {
        self.label = label
        self.indicator = indicator
    }
}

/// A goal of the integration policy, measured by indicators.
public struct PolicyGoal: Hashable, Sendable {
    public var slug: String
    public var source: SourceLocation
    public var number: Int?
    public var title: String
    public var indicators: [Reference]
    public var footnotes: [Footnote]
    public var body: MarkdownDocument

    public init(
        slug: String, source: SourceLocation, number: Int? = nil, title: String,
        indicators: [Reference] = [], footnotes: [Footnote] = [], body: MarkdownDocument = MarkdownDocument()
    ) {
        self.slug = slug
        self.source = source
        self.number = number
        self.title = title
        self.indicators = indicators
        self.footnotes = footnotes
        self.body = body
    }
}
