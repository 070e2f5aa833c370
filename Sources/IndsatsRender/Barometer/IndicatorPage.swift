import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// An indicator's page: its figures, chart, measurements, breakdowns and the activities that
/// contribute to it.
struct IndicatorPage: PageKindBuilder {
    let inputs: RenderInputs

    func context(_ indicator: Indicator) -> TemplateObject {
        let summary = IndicatorSummary(inputs: inputs)
        var page = summary.context(indicator)
        let unit = indicator.unit
        let breakdowns = self.breakdowns(indicator)
        let chart = self.chart(indicator, id: "graf")
        let series = chart.series
        page.merge(TemplateObject([
            "chart": chart.svg(),
            "chartDescription": chart.description,
            "seriesLabels": series.map(\.label),
            "measurements": seriesTable(series, unit: unit),
            "source": indicator.sourceNote,
            "footnotes": footnotesContext(indicator.footnotes),
            "breakdowns": breakdowns.map { label, other in
                var shown = summary.context(other)
                shown["label"] = label
                return shown
            },
            "activities": site.activities(contributingTo: indicator.slug).map { activity in
                var link = TemplateObject(capacity: 2)
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

    /// The indicators it is broken down into, with their labels.
    func breakdowns(_ indicator: Indicator) -> [(String, Indicator)] {
        indicator.breakdowns.compactMap { breakdown in site.indicator(breakdown.indicator.slug).map { (breakdown.label, $0) } }
    }

    /// The indicator's chart: its series and its breakdowns' against the baseline and the
    /// criterion, described by its key message. The indicator's page draws it large; the
    /// barometer draws it small (`layout: .small`) with the same text alternative.
    func chart(_ indicator: Indicator, id: String, layout: IndicatorChart.Layout = .full) -> IndicatorChart {
        let breakdowns = self.breakdowns(indicator)
        let series = [IndicatorChart.Series(label: breakdowns.isEmpty ? "Målt" : "Alle", indicator: indicator)]
            + breakdowns.map { IndicatorChart.Series(label: $0.0, indicator: $0.1) }
        return IndicatorChart(
            id: id, title: "Udvikling: \(indicator.title)", description: keyMessage(indicator, breakdowns: breakdowns),
            unit: indicator.unit, series: series, baseline: indicator.baseline, target: indicator.target,
            layout: layout)
    }

    /// The chart's numbers as a table: one row per time, one column per series.
    func seriesTable(_ series: [IndicatorChart.Series], unit: Indicator.Unit) -> [TemplateObject] {
        var order: [String] = []
        var cells: [String: [Int: String]] = [:]
        var kinds: [String: String] = [:]
        for (column, line) in series.enumerated() {
            for (index, point) in line.points.enumerated() {
                let when = DanishFormat.when(point)
                if cells[when] == nil { order.append(when) }
                cells[when, default: [:]][column] = DanishFormat.value(point.value, unit: unit, decimals: line.decimals)
                if column == 0 { kinds[when] = index == 0 ? "Startmåling" : "Måling" }
            }
        }
        return order.map { when in
            TemplateObject([
                "when": when, "kind": kinds[when],
                // Each with its series' name, which a phone shows as the value's label.
                "values": series.indices.map { TemplateObject(["label": series[$0].label, "text": cells[when]?[$0] ?? "–"]) },
            ])
        }
    }

    /// What the chart shows, in one or two sentences: where it started, where it is, what the
    /// criterion is and how that was judged.
    func keyMessage(_ indicator: Indicator, breakdowns: [(String, Indicator)]) -> String {
        let progress = IndicatorProgress(indicator)
        var sentences: [String] = []
        let start = "Startmåling \(DanishFormat.value(indicator.baseline.value, of: indicator)) (\(IndicatorSummary.baselineWhen(indicator.baseline)))"
        if let latest = indicator.latest {
            sentences.append(start + ", seneste måling \(DanishFormat.value(latest.value, of: indicator)) (\(DanishFormat.when(latest)))")
        } else {
            sentences.append(start + "; ingen målinger endnu")
        }
        if let target = indicator.target?.value {
            let when = indicator.target?.label ?? indicator.target?.date.map(DanishFormat.date)
            sentences.append("Succeskriterium \(DanishFormat.value(target, of: indicator))" + (when.map { " (\($0))" } ?? ""))
        }
        sentences.append("Vurdering: \(IndicatorSummary.statusText[progress.status]!)")
        for (label, other) in breakdowns {
            if let latest = other.latest {
                sentences.append("\(label): \(DanishFormat.value(other.baseline.value, of: other)) → \(DanishFormat.value(latest.value, of: other))")
            }
        }
        // "pct." already ends a sentence.
        return sentences.map { $0.hasSuffix(".") ? $0 : $0 + "." }.joined(separator: " ")
    }
}

extension IndicatorPage {
    /// The content files the page shows: the indicator's own, its breakdowns' and the
    /// activities that contribute to it.
    func sources(_ indicator: Indicator) -> [String] {
        [indicator.source.path]
            + indicator.breakdowns.compactMap { site.indicator($0.indicator.slug)?.source.path }
            + site.activities(contributingTo: indicator.slug).map(\.source.path)
    }
}
