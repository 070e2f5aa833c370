/// Checks that dates, periods, breakdowns and annex numbers make sense together.
extension SiteValidator {
    // MARK: - Periods and measurements

    /// A period that ends before it starts. A year bound covers the whole year, so
    /// `{start: 2014-05-01, end: 2014}` is fine.
    mutating func check(_ period: Period, at location: SourceLocation) {
        guard let start = period.start, let end = period.end else { return }
        let reversed: Bool
        switch (start, end) {
        case (.day(let first), .day(let last)): reversed = last < first
        default: reversed = end.year < start.year
        }
        if reversed {
            diagnostics.error(
                "the period ends (\(text(end))) before it starts (\(text(start)))", at: location, field: "period",
                hint: "write the start first: {start: \(text(end)), end: \(text(start))}, if they were swapped")
        }
    }

    func text(_ bound: Period.Bound) -> String {
        switch bound {
        case .year(let year): String(year)
        case .day(let day): day.iso
        }
    }

    /// One value per day, none before the baseline, and a target not dated before the baseline.
    mutating func checkMeasurementDates(_ indicator: Indicator) {
        var seen: [Day: Int] = [:]
        for (offset, measurement) in indicator.measurements.enumerated() {
            guard let date = measurement.date else { continue }
            let field = "measurements.\(offset + 1).date"
            if let earlier = seen[date] {
                diagnostics.error(
                    "measurements \(earlier) and \(offset + 1) are both dated \(date.iso); an indicator has one value per day",
                    at: indicator.source, field: field, hint: "remove one, or correct its date")
            } else {
                seen[date] = offset + 1
            }
            if let baseline = indicator.baseline.date, date < baseline {
                diagnostics.error(
                    "the measurement is dated \(date.iso), before the baseline (\(baseline.iso))", at: indicator.source, field: field,
                    hint: "a measurement comes after the baseline it is compared with")
            }
        }
        if let deadline = indicator.target?.date, let baseline = indicator.baseline.date, deadline < baseline {
            diagnostics.error(
                "the target is dated \(deadline.iso), before the baseline (\(baseline.iso))", at: indicator.source, field: "target.date",
                hint: "the target's date is the deadline for reaching it")
        }
    }

    // MARK: - Annexes

    /// Two annexes with the same number, committee and date (or both undated): the second is
    /// an error that names the first.
    mutating func checkDuplicateAnnexes() {
        struct Key: Hashable {
            var number: String
            var committee: String
            var date: Day?
        }
        var first: [Key: Annex] = [:]
        for annex in content.annexes {
            let key = Key(number: annex.number, committee: annex.committee.slug, date: annex.date)
            guard let earlier = first[key] else {
                first[key] = annex
                continue
            }
            let dated = annex.date.map { "dated \($0.iso)" } ?? "without a date"
            diagnostics.error(
                "\(earlier.source.path) is already annex \(annex.number) to \(annex.committee.slug), \(dated)", at: annex.source, field: "number",
                hint: "give each annex to a committee its own number, or correct the date")
        }
    }

    /// Indicators, and policy goals, are numbered once each: the barometer lists them by number.
    mutating func checkUniqueNumbers() {
        func check(_ items: [(number: Int?, source: SourceLocation)], kind: String) {
            var first: [Int: SourceLocation] = [:]
            for item in items {
                guard let number = item.number else { continue }
                if let earlier = first[number] {
                    diagnostics.error(
                        "\(earlier.path) is already \(kind) \(number)", at: item.source, field: "number",
                        hint: "give each \(kind) its own number")
                } else {
                    first[number] = item.source
                }
            }
        }
        check(content.indicators.map { ($0.number, $0.source) }, kind: "indicator")
        check(content.policyGoals.map { ($0.number, $0.source) }, kind: "policy goal")
    }
}
