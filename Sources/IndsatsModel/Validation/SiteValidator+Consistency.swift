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

    // MARK: - Breakdowns

    /// An indicator broken down into itself, directly (`a → a`) or through others
    /// (`a → b → a`). Each circle found is reported once, in the file of its first indicator by
    /// slug; every tangle of breakdowns gives at least one.
    mutating func checkBreakdownCycles() {
        var breakdowns: [String: [Reference]] = [:]
        for indicator in content.indicators where breakdowns[indicator.slug] == nil {
            breakdowns[indicator.slug] = indicator.breakdowns.map(\.indicator).filter { indicatorSlugs.contains($0.slug) }
        }
        var reported: Set<[String]> = []
        var finished: Set<String> = []
        for start in breakdowns.keys.sorted() where !finished.contains(start) {
            // Depth first, without recursion: the path so far, with the next breakdown to follow.
            var path: [(slug: String, next: Int)] = [(start, 0)]
            var onPath: Set<String> = [start]
            while let (slug, next) = path.last {
                let references = breakdowns[slug] ?? []
                guard next < references.count else {
                    finished.insert(slug)
                    onPath.remove(slug)
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let target = references[next].slug
                if onPath.contains(target) {
                    let slugs = path.map(\.slug)
                    let circle = Array(slugs[slugs.firstIndex(of: target)!...])
                    reportCircle(circle, breakdowns: breakdowns, reported: &reported)
                } else if !finished.contains(target) {
                    path.append((target, 0))
                    onPath.insert(target)
                }
            }
        }
    }

    /// Reports `circle` (each indicator broken down into the next, the last into the first),
    /// turned to start at its smallest slug, unless it was reported already.
    mutating func reportCircle(_ circle: [String], breakdowns: [String: [Reference]], reported: inout Set<[String]>) {
        let first = circle.indices.min { circle[$0] < circle[$1] }!
        let turned = Array(circle[first...] + circle[..<first])
        guard reported.insert(turned).inserted else { return }
        let second = turned.count > 1 ? turned[1] : turned[0]
        guard let reference = breakdowns[turned[0]]?.first(where: { $0.slug == second }) else { return }
        if turned.count == 1 {
            diagnostics.error(
                "the indicator is broken down into itself", at: reference.location, field: "breakdowns",
                hint: "a breakdown names another indicator, such as the figure for women or men")
        } else {
            diagnostics.error(
                "the breakdowns go round in a circle: \((turned + [turned[0]]).joined(separator: " → "))", at: reference.location,
                field: "breakdowns", hint: "an indicator cannot be broken down into itself through others; remove one of these breakdowns")
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

    // MARK: - Dates in the future

    /// Dates that record something that has happened (a measurement, a result, a document's
    /// date, a publication) and lie after the build day. A warning: the date is shown as
    /// written (a measurement also gets its barometer edition), so the output does not depend
    /// on the day of the build.
    mutating func checkFutureDates(after today: Day) {
        func warn(_ date: Day?, at location: SourceLocation, field: String, what: String = "the date") {
            guard let date, date > today else { return }
            diagnostics.warning(
                "\(what) \(date.iso), in the future", at: location, field: field, hint: "check the year; it is used as written")
        }
        for indicator in content.indicators {
            warn(indicator.baseline.date, at: indicator.source, field: "baseline.date", what: "the baseline is dated")
            for (offset, measurement) in indicator.measurements.enumerated() {
                guard let date = measurement.date, date > today else { continue }
                diagnostics.warning(
                    "the measurement is dated \(date.iso), in the future", at: indicator.source, field: "measurements.\(offset + 1).date",
                    hint: "check the year; it is shown as written, and the barometer gets an edition for that day")
            }
        }
        for activity in content.activities {
            warn(activity.current.date, at: activity.current.location, field: "date", what: "the activity is dated")
            for (offset, version) in activity.versions.enumerated() {
                warn(version.date, at: version.location, field: "versions.\(offset + 1).date", what: "the version is dated")
            }
            for (goal, item) in activity.current.goals.enumerated() {
                for (offset, result) in item.results.enumerated() {
                    warn(result.date, at: activity.current.location, field: "goals.\(goal + 1).results.\(offset + 1).date", what: "the result is dated")
                }
            }
        }
        for annex in content.annexes {
            warn(annex.date, at: annex.source, field: "date", what: "the annex is dated")
        }
        for report in content.reports {
            warn(report.date, at: report.source, field: "date", what: "the report is dated")
            warn(report.published, at: report.source, field: "published", what: "the publication is dated")
        }
    }
}
