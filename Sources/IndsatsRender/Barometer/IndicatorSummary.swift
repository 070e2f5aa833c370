import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// An indicator's figures as the barometer, the reports and its own page show them.
struct IndicatorSummary: PageKindBuilder {
    let inputs: RenderInputs

    static let statusText: [IndicatorProgress.Status: String] = [
        .achieved: "Målet er nået", .onTrack: "På rette vej", .notOnTrack: "Ikke på rette vej",
        .noNumericTarget: "Intet talmål", .noMeasurement: "Ingen måling endnu",
    ]

    static let directionText: [Indicator.Direction: String] = [
        .increase: "skal stige", .decrease: "skal falde", .maintain: "skal fastholdes",
    ]

    /// When the baseline was measured, as the source words it; a baseline without a date
    /// says so rather than passing a word such as "udgangspunkt" off as its time.
    static func baselineWhen(_ baseline: IndicatorMeasurement) -> String {
        let when = DanishFormat.when(baseline)
        guard baseline.date == nil else { return when }
        return when.isEmpty ? "dato ikke oplyst" : "\(when), dato ikke oplyst"
    }

    func context(_ indicator: Indicator) -> TemplateObject {
        let progress = IndicatorProgress(indicator)
        let unit = indicator.unit
        let changeUnit = unit == .percent ? " procentpoint" : ""
        let target = indicator.target
        // One number of decimals for all of the indicator's figures (see `DanishFormat.decimals(of:)`).
        let decimals = DanishFormat.decimals(of: indicator)
        func shown(_ amount: Amount) -> String { DanishFormat.value(amount, of: indicator) }
        func difference(_ amount: Amount) -> String { DanishFormat.signed(amount, decimals: max(decimals, amount.scale)) }
        return TemplateObject([
            "number": indicator.number.map(String.init),
            "title": indicator.title,
            "url": SitePaths.indicator(indicator.slug),
            "theme": indicator.theme.flatMap { config.theme($0.slug)?.name },
            "direction": Self.directionText[indicator.direction],
            "decimals": String(decimals),
            "baseline": shown(indicator.baseline.value),
            "baselineWhen": Self.baselineWhen(indicator.baseline),
            "latest": indicator.latest.map { shown($0.value) },
            "latestWhen": indicator.latest.map(DanishFormat.when),
            "target": target?.value.map(shown) ?? target?.text,
            "targetMark": target?.mark,
            "targetWhen": target?.label ?? target?.date.map(DanishFormat.date),
            "goal": indicator.goal,
            "change": progress.change.map { difference($0) + changeUnit },
            // Only when it differs from the change since the baseline.
            "changeSincePrevious": (indicator.measurements.count < 2 ? nil : indicator.previous).flatMap { previous in
                indicator.latest.map { difference($0.value - previous.value) + changeUnit + " siden " + DanishFormat.when(previous) }
            },
            "progress": progress.distance.flatMap { distance in
                progress.change.map {
                    "\(DanishFormat.number($0, decimals: max(decimals, $0.scale))) af \(DanishFormat.number(distance, decimals: max(decimals, distance.scale)))\(changeUnit)"
                }
            },
            "progressShare": progress.progress.map { DanishFormat.percent(Amount($0 * 100, scale: 0)) },
            "timeShare": progress.timeElapsed.map { DanishFormat.percent(Amount($0 * 100, scale: 0)) },
            "status": Self.statusText[progress.status],
            "statusClass": progress.status.rawValue,
            "moved": progress.movedAsWanted.map { $0 ? "Udvikling i den ønskede retning" : "Ingen udvikling i den ønskede retning" },
            // The small chart, which only the barometer's rows draw (`BarometerPage`); a report
            // shows its indicator table as printed.
            "chart": nil as String?,
        ])
    }
}
