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
        return Context([
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
            // Only when it differs from the change since the baseline.
            "changeSincePrevious": (indicator.measurements.count < 2 ? nil : indicator.previous).flatMap { previous in
                indicator.latest.map { DanishFormat.signed($0.value - previous.value) + changeUnit + " siden " + DanishFormat.when(previous) }
            },
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
        let breakdowns = indicator.breakdowns.compactMap { breakdown in site.indicator(breakdown.indicator.slug).map { (breakdown.label, $0) } }
        let series = [IndicatorChart.Series(label: breakdowns.isEmpty ? "Målt" : "Alle", points: indicator.series)]
            + breakdowns.map { IndicatorChart.Series(label: $0.0, points: $0.1.series) }
        let chart = IndicatorChart(
            id: "graf", title: "Udvikling: \(indicator.title)", description: keyMessage(indicator, breakdowns: breakdowns),
            unit: unit, series: series, baseline: indicator.baseline, target: indicator.target)
        page.merge(Context([
            "chart": chart.svg(),
            "chartDescription": chart.description,
            "seriesLabels": series.map(\.label),
            "measurements": seriesTable(series, unit: unit),
            "source": indicator.sourceNote,
            "footnotes": footnotesContext(indicator.footnotes),
            "breakdowns": breakdowns.map { label, other in
                var summary = indicatorSummary(other)
                summary["label"] = label
                return summary
            },
            "activities": site.activities(contributingTo: indicator.slug).map { activity in
                var link = Context(capacity: 2)
                link.add("title", activity.title)
                link.add("url", SitePaths.activity(activity.slug))
                return link
            },
            "body": indicator.body.isEmpty ? nil : indicator.body.html,
            "csv": SitePaths.indicatorData(indicator.slug, format: "csv"),
            "json": SitePaths.indicatorData(indicator.slug, format: "json"),
        ]))
        return page
    }

    /// The chart's numbers as a table: one row per time, one column per series.
    func seriesTable(_ series: [IndicatorChart.Series], unit: Indicator.Unit) -> [Context] {
        var order: [String] = []
        var cells: [String: [Int: String]] = [:]
        var kinds: [String: String] = [:]
        for (column, line) in series.enumerated() {
            for (index, point) in line.points.enumerated() {
                let when = DanishFormat.when(point)
                if cells[when] == nil { order.append(when) }
                cells[when, default: [:]][column] = DanishFormat.value(point.value, unit: unit)
                if column == 0 { kinds[when] = index == 0 ? "Startmåling" : "Måling" }
            }
        }
        return order.map { when in
            Context([
                "when": when, "kind": kinds[when],
                "values": (0..<series.count).map { cells[when]?[$0] ?? "–" },
            ])
        }
    }

    /// What the chart shows, in one or two sentences: where it started, where it is, what the
    /// criterion is and how that was judged.
    func keyMessage(_ indicator: Indicator, breakdowns: [(String, Indicator)]) -> String {
        let unit = indicator.unit
        let progress = IndicatorProgress(indicator)
        var sentences: [String] = []
        let start = "Startmåling \(DanishFormat.value(indicator.baseline.value, unit: unit)) (\(DanishFormat.when(indicator.baseline)))"
        if let latest = indicator.latest {
            sentences.append(start + ", seneste måling \(DanishFormat.value(latest.value, unit: unit)) (\(DanishFormat.when(latest)))")
        } else {
            sentences.append(start + "; ingen målinger endnu")
        }
        if let value = indicator.target?.value {
            let when = indicator.target?.label ?? indicator.target?.date.map(DanishFormat.date)
            sentences.append("Succeskriterium \(DanishFormat.value(value, unit: unit))" + (when.map { " (\($0))" } ?? ""))
        }
        sentences.append("Vurdering: \(Self.statusText[progress.status]!)")
        for (label, other) in breakdowns {
            if let latest = other.latest {
                sentences.append("\(label): \(DanishFormat.value(other.baseline.value, unit: unit)) → \(DanishFormat.value(latest.value, unit: unit))")
            }
        }
        // "pct." already ends a sentence.
        return sentences.map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " ")
    }
}
