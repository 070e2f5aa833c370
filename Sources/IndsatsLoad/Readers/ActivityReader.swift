import IndsatsModel

/// Reads an activity file (`content/aktiviteter/`) into an `Activity`.
struct ActivityReader {
    let config: SiteConfig
    let markdown: MarkdownRenderer

    func read(_ map: MappingReader, slug: String, body: MarkdownDocument) -> Activity? {
        defer { map.finish() }
        let title = map.string("title", required: true)
        let administration = map.reference("administration", required: true)
        let area = map.reference("area", required: true)
        var current = ActivityVersion(location: map.location)
        current.date = map.day("date")
        current.title = title
        current.caseNumber = map.string("case_number")
        current.documentNumber = map.string("document_number")
        readVersionFields(map, into: &current)
        checkTerms(map, key: "target_group", text: current.targetGroup, in: config.targetGroups, what: "target group", list: "target_groups")
        checkTerms(map, key: "funding", text: current.funding, in: config.fundingBases, what: "funding basis", list: "funding_bases")
        current.body = body
        if !body.isEmpty { current.stated.insert(.body) }

        let versions = readVersions(map, after: current)

        // The Markdown as written is only needed to compare versions' sections.
        if versions.isEmpty { current.body.source = "" }

        let spent = readSpent(map)

        let period = map.mapping("period").map { item -> Period in
            defer { item.finish() }
            return Period(start: bound(item, "start"), end: bound(item, "end"))
        }
        let activity = Activity(
            slug: slug, source: SourceLocation(path: map.document.path), title: title ?? "",
            summary: current.summary,
            administration: administration ?? Reference("", at: map.location),
            committee: map.reference("committee"),
            area: area ?? Reference("", at: map.location),
            status: map.string("status"),
            period: period,
            tags: map.strings("tags"),
            indicators: map.references("indicators"),
            spent: spent, current: current, versions: versions)
        // Kept even when a required field is missing (that is already an error): dropping it
        // would make every reference to it an error too, hiding the one that matters.
        return activity
    }

    /// Earlier versions, newest first; each starts from the next newer one.
    func readVersions(_ map: MappingReader, after current: ActivityVersion) -> [ActivityVersion] {
        var versions: [ActivityVersion] = []
        var newer = current
        for item in map.mappings("versions") {
            defer { item.finish() }
            var version = newer
            version.stated = []
            version.location = item.location
            version.date = item.day("date", required: true)
            version.title = item.string("title") ?? newer.title
            version.note = item.string("note")
            version.caseNumber = item.string("case_number")
            version.documentNumber = item.string("document_number")
            readVersionFields(item, into: &version)
            if let text = item.string("body") { version.body = markdown.render(text); version.stated.insert(.body) }
            if let date = version.date, let newerDate = newer.date, date >= newerDate {
                item.error("versions must be listed newest first, each older than the one before", key: "date", at: item.value("date"))
            }
            versions.append(version)
            newer = version
        }
        return versions
    }

    /// The amounts spent, by year (`spent: {2018: "117.590 kr."}`).
    func readSpent(_ map: MappingReader) -> [Int: Money] {
        guard let node = map.value("spent") else { return [:] }
        guard let mapping = node.mapping else {
            map.error("expected years with amounts, e.g. {2018: \"117.590 kr.\"}", key: "spent", at: node)
            return [:]
        }
        var result: [Int: Money] = [:]
        for (yearNode, valueNode) in mapping {
            guard let year = Int(yearNode.scalar?.string ?? "") else {
                map.error("\"\(yearNode.scalar?.string ?? "")\" is not a year", key: "spent", at: yearNode)
                continue
            }
            let field = "spent.\(year)"
            if let text = map.scalarText(valueNode, key: field),
                let money = ValueParser.parseMoney(text, defaultUnit: config.budgetUnit, fail: { map.error($0, key: field, at: valueNode, hint: $1) })
            {
                result[year] = money
            }
        }
        return result
    }

    /// A warning when `text` maps to no term of a vocabulary `indsats.yml` declares: the
    /// project bank's filter would not find the activity under any value of it.
    func checkTerms(_ map: MappingReader, key: String, text written: String?, in vocabulary: Vocabulary, what: String, list: String) {
        guard let written, !vocabulary.isEmpty, vocabulary.terms(for: written).isEmpty else { return }
        let node = map.value(key)
        let text: String = written.split(whereSeparator: \.isNewline).joined(separator: " ")
        let isNumber = text.allSatisfy { (character: Character) -> Bool in
            character.isNumber || character == "," || character == "." || character == " "
        }
        if isNumber {
            map.warning(
                "\"\(text)\" is a number, not a \(what)", key: key, at: node,
                hint: "write what it is, such as \"\(vocabulary.terms[0].name)\"; amounts belong under budget")
            return
        }
        let shown: String = text.count > 60 ? String(text.prefix(57)) + "…" : text
        let suggestion: String = vocabulary.nearest(to: text).map { "did you mean \"\($0.name)\"? " } ?? ""
        map.warning(
            "\"\(shown)\" matches none of the \(list) in indsats.yml, so the project bank's filter does not offer it",
            key: key, at: node, hint: suggestion + "add one of its words to a value's match list in indsats.yml")
    }

    /// The fields that a version can change.
    func readVersionFields(_ map: MappingReader, into version: inout ActivityVersion) {
        if map.has("summary") { version.summary = map.string("summary"); version.stated.insert(.summary) }
        // An older version may word these differently (`""` clears one it did not have).
        if map.has("target_group") { version.targetGroup = map.string("target_group"); version.stated.insert(.targetGroup) }
        if map.has("target_group_characteristics") {
            version.targetGroupCharacteristics = map.string("target_group_characteristics")
            version.stated.insert(.targetGroupCharacteristics)
        }
        if map.has("expected_effect") { version.expectedEffect = map.string("expected_effect"); version.stated.insert(.expectedEffect) }
        if map.has("funding") { version.funding = map.string("funding"); version.stated.insert(.funding) }
        if let item = map.mapping("contact") {
            version.stated.insert(.contact)
            defer { item.finish() }
            let contact = Contact(
                name: item.string("name"), unit: item.string("unit"), email: item.string("email"),
                phone: item.string("phone"), address: item.string("address"))
            // `contact: {}` in an older version: it named no one.
            version.contact = [contact.name, contact.unit, contact.email, contact.phone, contact.address].allSatisfy { $0 == nil } ? nil : contact
        }
        if map.has("budget") { version.budget = map.yearCells("budget", defaultUnit: config.budgetUnit); version.stated.insert(.budget) }
        if map.has("total") || map.has("financing") || map.has("cost_per") { version.stated.insert(.economy) }
        if let total = map.money("total", defaultUnit: config.budgetUnit) {
            version.total = Declared(total, at: map.document.location(map.value("total")))
        }
        if map.has("financing") {
            let listed = map.value("financing").map { $0.sequence?.count ?? 1 } ?? 0
            let financing = map.mappings("financing").compactMap { item -> Financing? in
                defer { item.finish() }
                let source = item.string("source", required: true)
                let amount = item.money("amount", defaultUnit: config.budgetUnit, required: true)
                let note = item.string("note")
                guard let source, let amount else { return nil }
                return Financing(source: source, amount: amount, note: note)
            }
            // With an item that could not be read (already an error), the sum would differ
            // from the total because of it: none is kept to check.
            version.financing = financing.count == listed ? financing : []
        }
        if map.has("partners") { version.partners = map.strings("partners"); version.stated.insert(.partners) }
        if map.has("goals") { version.goals = map.mappings("goals").map(readGoal); version.stated.insert(.goals) }
        if let item = map.mapping("cost_per") {
            defer { item.finish() }
            let goal = item.reference("goal", required: true), label = item.string("label")
            if let goal { version.costPer = CostPer(goal: goal, label: label ?? "enhed") }
        }
        if map.has("footnotes") { version.footnotes = map.footnotes(); version.stated.insert(.footnotes) }
    }

    func readGoal(_ item: MappingReader) -> Goal {
        defer { item.finish() }
        let id = item.string("id")
        let text = item.string("text", required: true)
        let results = item.mappings("results").map { result -> GoalResult in
            defer { result.finish() }
            return GoalResult(
                value: result.amount("value"), date: result.day("date"), label: result.string("label"),
                text: result.string("text"))
        }
        // Kept without its text (already an error), so that `cost_per` still finds its id.
        return Goal(
            id: id, text: text ?? "", target: item.amount("target"), unit: item.string("unit"),
            deadline: item.day("deadline"), qualitative: item.bool("qualitative") ?? false,
            direction: item.oneOf("direction", Goal.Direction.self) ?? .increase,
            baseline: item.amount("baseline"), results: results)
    }

    func bound(_ map: MappingReader, _ key: String) -> Period.Bound? {
        guard let node = map.value(key), let text = map.scalarText(node, key: key) else { return nil }
        if text.count == 4, let year = Int(text) { return .year(year) }
        return map.day(text, key: key, node: node).map(Period.Bound.day)
    }
}
