import IndsatsModel

/// Reads committee annexes (`content/bilag/`) and yearly status reports (`content/statusrapporter/`).
struct DocumentReader {
    let config: SiteConfig

    func readAnnex(_ map: MappingReader, slug: String, body: MarkdownDocument) -> Annex? {
        defer { map.finish() }
        let number = map.string("number", required: true)
        let title = map.string("title", required: true)
        let committee = map.reference("committee", required: true)
        let kind = map.oneOf("type", Annex.Kind.self, required: true)
        var selection = Annex.Selection()
        if let select = map.mapping("select") {
            defer { select.finish() }
            selection.administration = select.reference("administration")
            selection.areas = select.references("areas")
            if let years = select.mapping("years") {
                defer { years.finish() }
                if let from = years.int("from", required: true, range: 1900...2200), let to = years.int("to", required: true, range: 1900...2200) {
                    if from <= to { selection.years = from...to } else { years.error("\"from\" is after \"to\"", key: "to", at: years.node) }
                }
            }
        }
        let activity = map.reference("activity")
        let version = map.day("version").map { Declared($0, at: map.document.location(map.value("version"))) }
        guard let number, let title, let committee, let kind else { return nil }
        if kind != .overview && activity == nil {
            map.error("a \(kind.rawValue) annex needs the activity it describes", key: "activity", at: map.node)
        }
        var annex = Annex(
            slug: slug, source: SourceLocation(path: map.document.path), number: number, title: title,
            committee: committee, date: map.day("date"), caseNumber: map.string("case_number"),
            documentNumber: map.string("document_number"), kind: kind, selection: selection,
            activities: map.references("activities"), showTotals: map.bool("totals") ?? true,
            footnotes: map.footnotes(), activity: activity, version: version, body: body)
        annex.groupByArea = map.bool("group_by_area") ?? true
        return annex
    }

    func readReport(_ map: MappingReader, slug: String, body: MarkdownDocument) -> StatusReport? {
        defer { map.finish() }
        let year = map.int("year", required: true, range: 1900...2200)
        let title = map.string("title", required: true)
        guard let year, let title else { return nil }
        if slug != String(year) {
            map.error("the file of the \(year) report must be named \(year).md", key: "year", at: map.value("year"))
        }
        let policyGoals = map.mappings("policy_goals").compactMap { item -> StatusReport.GoalStatus? in
            defer { item.finish() }
            guard let goal = item.reference("goal", required: true), let status = item.string("status", required: true) else { return nil }
            return StatusReport.GoalStatus(goal: goal, status: status)
        }
        let sections = map.mappings("sections").compactMap { item -> StatusReport.Section? in
            defer { item.finish() }
            guard let title = item.string("title", required: true) else { return nil }
            let activities = item.mappings("activities", required: true).compactMap { entry -> StatusReport.NumberedActivity? in
                defer { entry.finish() }
                guard let number = entry.string("number", required: true), let activity = entry.reference("activity", required: true) else { return nil }
                return StatusReport.NumberedActivity(number: number, activity: activity)
            }
            return StatusReport.Section(title: title, activities: activities)
        }
        let keyFigures = map.mappings("key_figures").compactMap { item -> StatusReport.KeyFigure? in
            defer { item.finish() }
            guard let label = item.string("label", required: true), let value = item.string("value", required: true) else { return nil }
            return StatusReport.KeyFigure(label: label, value: value)
        }
        return StatusReport(
            source: SourceLocation(path: map.document.path), year: year, title: title,
            administration: map.reference("administration"), committee: map.reference("committee"),
            date: map.day("date"), published: map.day("published"), indicators: map.references("indicators"),
            policyGoals: policyGoals, sections: sections, keyFigures: keyFigures,
            economy: map.mapping("economy").map(readEconomy), body: body)
    }

    func readEconomy(_ map: MappingReader) -> EconomicOverview {
        defer { map.finish() }
        let years = map.list("years", required: true).compactMap { node -> Int? in
            guard let year = Int(node.scalar?.string ?? "") else {
                map.error("\"\(node.scalar?.string ?? "")\" is not a year", key: "years", at: node)
                return nil
            }
            return year
        }
        let sections = map.mappings("sections").compactMap { item -> EconomicOverview.Section? in
            defer { item.finish() }
            guard let title = item.string("title", required: true) else { return nil }
            let rows = item.mappings("rows").compactMap { row -> EconomicOverview.Row? in
                defer { row.finish() }
                guard let printed = row.string("label", required: true) else { return nil }
                let (label, mark) = MappingReader.splitMark(printed)
                let values = row.yearCells("values", defaultUnit: config.budgetUnit)
                checkYears(values, years: years, in: row)
                return EconomicOverview.Row(
                    number: row.string("number"), label: label, mark: mark, activity: row.reference("activity"),
                    values: values, total: cell(row, "total").map { Declared($0, at: row.document.location(row.value("total"))) },
                    location: row.location)
            }
            return EconomicOverview.Section(title: title, subtotal: item.mapping("subtotal").map { totalLine($0, label: title, years: years) }, rows: rows)
        }
        let total = map.mapping("total").map { totalLine($0, label: nil, years: years) }
        return EconomicOverview(title: map.string("title"), years: years, sections: sections, total: total, footnotes: map.footnotes())
    }

    func totalLine(_ map: MappingReader, label: String?, years: [Int]) -> EconomicOverview.TotalLine {
        defer { map.finish() }
        let (text, mark) = MappingReader.splitMark(map.string("label", required: label == nil) ?? label ?? "I alt")
        let values = map.yearCells("values", defaultUnit: config.budgetUnit)
        checkYears(values, years: years, in: map)
        return EconomicOverview.TotalLine(label: text, mark: mark, values: values, total: cell(map, "total"), location: map.location)
    }

    func cell(_ map: MappingReader, _ key: String) -> BudgetCell? {
        guard let node = map.value(key), let text = map.scalarText(node, key: key) else { return nil }
        return MappingReader.parseCell(text) { map.error($0, key: key, at: node, hint: $1) }
    }

    func checkYears(_ values: YearCells, years: [Int], in map: MappingReader) {
        for year in values.years where !years.contains(year) {
            map.error("\(year) is not one of the overview's years", key: "values.\(year)", at: map.value("values"))
        }
    }
}
