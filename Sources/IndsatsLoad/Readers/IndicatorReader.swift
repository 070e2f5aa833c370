import IndsatsModel

/// Reads indicators (`content/indikatorer/`) and policy goals (`content/politiske-maal/`).
enum IndicatorReader {
    static func read(_ map: MappingReader, slug: String, body: MarkdownDocument) -> Indicator? {
        defer { map.finish() }
        let title = map.string("title", required: true)
        let theme = map.reference("theme")
        let unit = map.oneOf("unit", Indicator.Unit.self, required: true)
        let direction = map.oneOf("direction", Indicator.Direction.self, required: true)
        let baseline = map.mapping("baseline", required: true).flatMap(measurement)
        let measurements = map.mappings("measurements").compactMap(measurement)
        let target = map.mapping("target").map { item -> Target in
            defer { item.finish() }
            let target = Target(
                value: item.amount("value"), change: item.amount("change"), date: item.day("date"), label: item.string("label"),
                text: item.string("text"), mark: item.string("mark"))
            if target.value == nil && target.text == nil {
                item.error("a target needs a value or a text", key: "value", at: item.node)
            }
            return target
        }
        let breakdowns = map.mappings("breakdowns").compactMap { item -> Breakdown? in
            defer { item.finish() }
            guard let label = item.string("label", required: true), let indicator = item.reference("indicator", required: true) else { return nil }
            return Breakdown(label: label, indicator: indicator)
        }
        guard let title, let unit, let direction, let baseline else { return nil }
        return Indicator(
            slug: slug, source: SourceLocation(path: map.document.path), number: map.int("number"),
            title: title, theme: theme, unit: unit, direction: direction, baseline: baseline,
            measurements: measurements, target: target, goal: map.string("goal"),
            sourceNote: map.string("source"), footnotes: map.footnotes(), breakdowns: breakdowns, body: body)
    }

    static func measurement(_ item: MappingReader) -> IndicatorMeasurement? {
        defer { item.finish() }
        guard let value = item.amount("value", required: true) else { return nil }
        let measurement = IndicatorMeasurement(value: value, date: item.day("date"), label: item.string("label"), note: item.string("note"))
        if measurement.date == nil && measurement.label == nil {
            item.error("a measurement needs a date or a label", key: "date", at: item.node)
        }
        return measurement
    }

    static func readPolicyGoal(_ map: MappingReader, slug: String, body: MarkdownDocument) -> PolicyGoal? {
        defer { map.finish() }
        guard let title = map.string("title", required: true) else { return nil }
        return PolicyGoal(
            slug: slug, source: SourceLocation(path: map.document.path), number: map.int("number"),
            title: title, indicators: map.references("indicators"), footnotes: map.footnotes(), body: body)
    }
}
