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

    /// One number of decimals per indicator: the most that any of its figures (baseline,
    /// measurements, criterion) is written with, so that no printed digit is rounded away and
    /// `6,4` and `7,10` are shown as `6,40` and `7,10`. The one place the barometer decides
    /// this; the site's number rule for columns can take it over.
    static func decimals(_ indicator: Indicator) -> Int {
        let values = indicator.series.map(\.value) + [indicator.target?.value].compactMap { $0 }
        return values.map(\.scale).max() ?? 0
    }

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
        let decimals = Self.decimals(indicator)
        let changeUnit = unit == .percent ? " procentpoint" : ""
        let target = indicator.target
        return TemplateObject([
            "number": indicator.number.map(String.init),
            "title": indicator.title,
            "url": SitePaths.indicator(indicator.slug),
            "theme": indicator.theme.flatMap { config.theme($0.slug)?.name },
            "direction": Self.directionText[indicator.direction],
            "baseline": DanishFormat.value(indicator.baseline.value, unit: unit, decimals: decimals),
            "baselineWhen": Self.baselineWhen(indicator.baseline),
            "latest": indicator.latest.map { DanishFormat.value($0.value, unit: unit, decimals: decimals) },
            "latestWhen": indicator.latest.map(DanishFormat.when),
            "target": target?.value.map { DanishFormat.value($0, unit: unit, decimals: decimals) } ?? target?.text,
            "targetMark": target?.mark,
            "targetWhen": target?.label ?? target?.date.map(DanishFormat.date),
            "goal": indicator.goal,
            "change": progress.change.map { DanishFormat.signed($0, decimals: decimals) + changeUnit },
            // Only when it differs from the change since the baseline.
            "changeSincePrevious": (indicator.measurements.count < 2 ? nil : indicator.previous).flatMap { previous in
                indicator.latest.map { DanishFormat.signed($0.value - previous.value, decimals: decimals) + changeUnit + " siden " + DanishFormat.when(previous) }
            },
            "progress": progress.distance.flatMap { distance in
                progress.change.map { "\(DanishFormat.number($0)) af \(DanishFormat.number(distance))\(changeUnit)" }
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
