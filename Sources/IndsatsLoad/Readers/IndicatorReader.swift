import IndsatsModel

/// Reads indicators (`content/indikatorer/`) and policy goals (`content/politiske-maal/`).
///
/// Every field is read before the reader decides that a required one is missing or invalid,
/// so that one bad value is one error and the file's other fields are still checked.
enum IndicatorReader {
    static func read(_ map: MappingReader, slug: String, body: MarkdownDocument) -> Indicator? {
        defer { map.finish() }
        let number = map.int("number")
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
            if target.value == nil && target.text == nil && !item.has("value") {
                item.error("a target needs a value or a text", key: "value", at: item.node)
            }
            return target
        }
        let breakdowns = map.mappings("breakdowns").compactMap { item -> Breakdown? in
            defer { item.finish() }
            let label = item.string("label", required: true), indicator = item.reference("indicator", required: true)
            guard let label, let indicator else { return nil }
            return Breakdown(label: label, indicator: indicator)
        }
        let goal = map.string("goal"), sourceNote = map.string("source"), footnotes = map.footnotes()
        guard let title, let unit, let direction, let baseline else { return nil }
        return Indicator(
            slug: slug, source: SourceLocation(path: map.document.path), number: number,
            title: title, theme: theme, unit: unit, direction: direction, baseline: baseline,
            measurements: measurements, target: target, goal: goal,
            sourceNote: sourceNote, footnotes: footnotes, breakdowns: breakdowns, body: body)
    }

    static func measurement(_ item: MappingReader) -> IndicatorMeasurement? {
        defer { item.finish() }
        let value = item.amount("value", required: true)
        let date = item.day("date"), label = item.string("label"), note = item.string("note")
        // A date that is there but invalid is already an error; it needs no second one.
        if date == nil && label == nil && !item.has("date") {
            item.error("a measurement needs a date or a label", key: "date", at: item.node)
        }
        guard let value else { return nil }
        return IndicatorMeasurement(value: value, date: date, label: label, note: note)
    }

    static func readPolicyGoal(_ map: MappingReader, slug: String, body: MarkdownDocument) -> PolicyGoal? {
        defer { map.finish() }
        let number = map.int("number")
        let title = map.string("title", required: true)
        let indicators = map.references("indicators"), footnotes = map.footnotes()
        guard let title else { return nil }
        return PolicyGoal(
            slug: slug, source: SourceLocation(path: map.document.path), number: number,
            title: title, indicators: indicators, footnotes: footnotes, body: body)
    }
}
