import IndsatsFormat
import IndsatsModel

extension PageBuilder {
    static let statusText: [IndicatorProgress.Status: String] = [
        .achieved: "Målet er nået", .onTrack: "På rette vej", .notOnTrack: "Ikke på rette vej",
        .noNumericTarget: "Intet talmål", .noMeasurement: "Ingen måling endnu",
    ]

    static let directionText: [Indicator.Direction: String] = [
        .increase: "skal stige", .decrease: "skal falde", .maintain: "skal fastholdes",
    ]

    /// An indicator's figures as the barometer and the reports show them.
    func indicatorSummary(_ indicator: Indicator) -> Context {
        let progress = IndicatorProgress(indicator)
        let unit = indicator.unit
        let changeUnit = unit == .percent ? " procentpoint" : ""
        let target = indicator.target
        return makeContext([
            "number": indicator.number.map(String.init),
            "title": indicator.title,
            "url": SitePaths.indicator(indicator.slug),
            "theme": indicator.theme.flatMap { site.content.config.theme($0.slug)?.name },
            "direction": Self.directionText[indicator.direction],
            "baseline": DanishFormat.value(indicator.baseline.value, unit: unit),
            "baselineWhen": DanishFormat.when(indicator.baseline),
            "latest": indicator.latest.map { DanishFormat.value($0.value, unit: unit) },
            "latestWhen": indicator.latest.map(DanishFormat.when),
            "target": target?.value.map { DanishFormat.value($0, unit: unit) } ?? target?.text,
            "targetMark": target?.mark,
            "targetWhen": target?.label ?? target?.date.map(DanishFormat.date),
            "goal": indicator.goal,
            "change": progress.change.map { DanishFormat.signed($0) + changeUnit },
            "progress": progress.distance.flatMap { distance in
                progress.change.map { "\(DanishFormat.number($0)) af \(DanishFormat.number(distance))\(changeUnit)" }
            },
            "progressShare": progress.progress.map { DanishFormat.percent(Amount($0 * 100, scale: 0)) },
            "timeShare": progress.timeElapsed.map { DanishFormat.percent(Amount($0 * 100, scale: 0)) },
            "status": Self.statusText[progress.status],
            "statusClass": progress.status.rawValue,
            "moved": progress.movedAsWanted.map { $0 ? "Udvikling i den ønskede retning" : "Ingen udvikling i den ønskede retning" },
        ])
    }

    func indicatorContext(_ indicator: Indicator) -> Context {
        var page = indicatorSummary(indicator)
        let unit = indicator.unit
        let rows = [(indicator.baseline, "Startmåling")] + indicator.measurements.map { ($0, "Måling") }
        page.merge(makeContext([
            "measurements": rows.map { measurement, kind in
                makeContext(["when": DanishFormat.when(measurement), "kind": kind, "value": DanishFormat.value(measurement.value, unit: unit), "note": measurement.note])
            },
            "source": indicator.sourceNote,
            "footnotes": footnotesContext(indicator.footnotes),
            "breakdowns": indicator.breakdowns.compactMap { breakdown in
                site.indicator(breakdown.indicator.slug).map { other in
                    var summary = indicatorSummary(other)
                    summary["label"] = breakdown.label
                    return summary
                }
            },
            "activities": (site.activitiesContributing[indicator.slug] ?? []).map { ["title": $0.title, "url": SitePaths.activity($0.slug)] },
            "body": indicator.body.isEmpty ? nil : indicator.body.html,
        ])) { _, new in new }
        return page
    }
}
