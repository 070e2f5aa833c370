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
                let from = years.int("from", required: true, range: Day.plausibleYears), to = years.int("to", required: true, range: Day.plausibleYears)
                if let from, let to {
                    if from <= to { selection.years = from...to } else { years.error("\"from\" is after \"to\"", key: "to", at: years.node) }
                }
            }
        }
        let activity = map.reference("activity")
        let version = map.day("version").map { Declared($0, at: map.document.location(map.value("version"))) }
        let date = map.day("date"), caseNumber = map.string("case_number"), documentNumber = map.string("document_number")
        let activities = map.references("activities"), showTotals = map.bool("totals") ?? true, meetingDate = map.day("meeting_date")
        let footnotes = map.footnotes(), groupByArea = map.bool("group_by_area") ?? true
        if let kind, kind != .overview && activity == nil && !map.has("activity") {
            map.error("a \(kind.rawValue) annex needs the activity it describes", key: "activity", at: map.node)
        }
        guard let number, let title, let committee, let kind else { return nil }
        var annex = Annex(
            slug: slug, source: SourceLocation(path: map.document.path), number: number, title: title,
            committee: committee, date: date, caseNumber: caseNumber,
            documentNumber: documentNumber, kind: kind, selection: selection,
            activities: activities, showTotals: showTotals,
            footnotes: footnotes, activity: activity, version: version, body: body)
        annex.groupByArea = groupByArea
        annex.meetingDate = meetingDate
        return annex
    }

    func readReport(_ map: MappingReader, slug: String, body: MarkdownDocument) -> StatusReport? {
        defer { map.finish() }
        let year = map.int("year", required: true, range: Day.plausibleYears)
        let title = map.string("title", required: true)
        if let year, slug != String(year) {
            map.error("the file of the \(year) report must be named \(year).md", key: "year", at: map.value("year"))
        }
        let policyGoals = map.mappings("policy_goals").compactMap { item -> StatusReport.GoalStatus? in
            defer { item.finish() }
            let goal = item.reference("goal", required: true), status = item.string("status", required: true)
            guard let goal, let status else { return nil }
            return StatusReport.GoalStatus(goal: goal, status: status)
        }
        let sections = map.mappings("sections").compactMap { item -> StatusReport.Section? in
            defer { item.finish() }
            let title = item.string("title", required: true)
            let activities = item.mappings("activities", required: true).compactMap { entry -> StatusReport.NumberedActivity? in
                defer { entry.finish() }
                let number = entry.string("number", required: true), activity = entry.reference("activity", required: true)
                guard let number, let activity else { return nil }
                return StatusReport.NumberedActivity(number: number, activity: activity)
            }
            return title.map { StatusReport.Section(title: $0, activities: activities) }
        }
        let keyFigures = map.mappings("key_figures").compactMap { item -> StatusReport.KeyFigure? in
            defer { item.finish() }
            let label = item.string("label", required: true), value = item.string("value", required: true)
            guard let label, let value else { return nil }
            return StatusReport.KeyFigure(label: label, value: value)
        }
        let administration = map.reference("administration"), committee = map.reference("committee")
        let date = map.day("date"), published = map.day("published"), indicators = map.references("indicators")
        let economy = map.mapping("economy").map(readEconomy)
        let meetingDate = map.day("meeting_date"), caseNumber = map.string("case_number")
        guard let year, let title else { return nil }
        var report = StatusReport(
            source: SourceLocation(path: map.document.path), year: year, title: title,
            administration: administration, committee: committee,
            date: date, published: published, indicators: indicators,
            policyGoals: policyGoals, sections: sections, keyFigures: keyFigures,
            economy: economy, body: body)
        report.meetingDate = meetingDate
        report.caseNumber = caseNumber
        return report
    }

    func readEconomy(_ map: MappingReader) -> EconomicOverview {
        defer { map.finish() }
        let unreadableBefore = map.document.unreadableFigures
        let years = map.list("years", required: true).compactMap { node -> Int? in
            guard let year = Int(node.scalar?.string ?? ""), Day.plausibleYears.contains(year) else {
                map.error("\"\(node.scalar?.string ?? "")\" is not a year", key: "years", at: node)
                return nil
            }
            return year
        }
        let sections = map.mappings("sections").map { item -> EconomicOverview.Section in
            defer { item.finish() }
            let title = item.string("title", required: true)
            let rows = item.mappings("rows").map { row -> EconomicOverview.Row in
                defer { row.finish() }
                let printed = row.string("label", required: true)
                let number = row.string("number"), activity = row.reference("activity")
                let values = row.yearCells("values", defaultUnit: config.budgetUnit)
                checkYears(values, years: years, in: row)
                let total = cell(row, "total").map { Declared($0, at: row.document.location(row.value("total"))) }
                // A row without its label (already an error) still counts in the totals.
                let (label, mark) = ValueParser.splitMark(printed ?? "")
                return EconomicOverview.Row(number: number, label: label, mark: mark, activity: activity, values: values, total: total, location: row.location)
            }
            let subtotal = item.mapping("subtotal").map { totalLine($0, label: title ?? "", years: years) }
            return EconomicOverview.Section(title: title ?? "", subtotal: subtotal, rows: rows)
        }
        let total = map.mapping("total").map { totalLine($0, label: nil, years: years) }
        let overview = EconomicOverview(title: map.string("title"), years: years, sections: sections, total: total, footnotes: map.footnotes())
        // A figure that could not be read is an error already: the totals over it would only
        // differ because of it, so they are not checked (the build stops anyway).
        return map.document.unreadableFigures > unreadableBefore ? overview.withoutDeclaredTotals : overview
    }

    func totalLine(_ map: MappingReader, label: String?, years: [Int]) -> EconomicOverview.TotalLine {
        defer { map.finish() }
        let (text, mark) = ValueParser.splitMark(map.string("label", required: label == nil) ?? label ?? "I alt")
        let values = map.yearCells("values", defaultUnit: config.budgetUnit)
        checkYears(values, years: years, in: map)
        return EconomicOverview.TotalLine(label: text, mark: mark, values: values, total: cell(map, "total"), location: map.location)
    }

    func cell(_ map: MappingReader, _ key: String) -> BudgetCell? {
        guard let node = map.value(key), let text = map.scalarText(node, key: key) else { return nil }
        return ValueParser.parseCell(text, unit: config.budgetUnit) { map.figureError($0, key: key, at: node, hint: $1) }
    }

    func checkYears(_ values: YearCells, years: [Int], in map: MappingReader) {
        for year in values.years where !years.contains(year) {
            map.error("\(year) is not one of the overview's years", key: "values.\(year)", at: map.value("values"))
        }
    }
}

extension EconomicOverview {
    /// The overview with no declared totals to check: rows, subtotals and the grand total.
    var withoutDeclaredTotals: EconomicOverview {
        var overview = self
        overview.total = nil
        for index in overview.sections.indices {
            overview.sections[index].subtotal = nil
            for row in overview.sections[index].rows.indices { overview.sections[index].rows[row].total = nil }
        }
        return overview
    }
}
