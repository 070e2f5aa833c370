import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// An activity's own page (and, through `EmbeddedActivity`, an activity inside an annex or a report).
struct ActivityPage: PageKindBuilder {
    let inputs: RenderInputs

    /// Everything the activity page shows. On the activity's own page, a field the current
    /// version does not state is shown from the newest version that does, saying which; on a
    /// version's page (`versionPage`), `activity.current` is that version and only it is shown,
    /// without today's status and tags.
    func context(_ activity: Activity, versionPage: Bool = false) -> TemplateObject {
        let administration = config.administration(activity.administration.slug)
        let committeeID = activity.committee?.slug ?? administration?.committee
        let current = activity.current
        let versions = ActivityVersions(inputs: inputs)
        // Where each versioned part comes from: the current version, or on the activity's page
        // the newest older one that states it.
        func part(_ field: VersionField) -> (version: ActivityVersion, from: TemplateObject?) {
            versionPage ? (current, nil) : versions.origin(of: field, in: activity)
        }
        // A version other than the newest: today's status and tags are not its.
        let isOlder = versionPage && current != (site.activity(activity.slug)?.current ?? current)
        // Typed setters rather than a literal: this is built for every activity page.
        var page = TemplateObject(capacity: 48)
        page.add("title", activity.title)
        page.add("slug", activity.slug)
        // `h`: the tag of the section headings (`h2` here, lower inside an annex or a report).
        // A name the templates of existing sites use, so it stays short.
        page.add("h", "h2")
        // Ids need no prefix on the activity's own page (see `EmbeddedActivity`).
        page.add("idPrefix", nil as String?)
        page.add("summary", part(.summary).version.summary)
        page.add("administration", administration.map { TemplateObject(["id": $0.id, "name": $0.name, "url": facetURL(.administration($0.id))]) })
        page.add("areaURL", facetURL(.area(activity.area.slug)))
        page.add("json", SitePaths.activityJSON(activity.slug))
        page.add("committee", committeeID.flatMap(config.committee)?.name)
        page.add("area", activity.area.slug)
        page.add("targetGroup", part(.targetGroup).version.targetGroup)
        page.add("targetGroupCharacteristics", part(.targetGroupCharacteristics).version.targetGroupCharacteristics)
        page.add("expectedEffect", part(.expectedEffect).version.expectedEffect)
        page.add("funding", part(.funding).version.funding)
        page.add("status", isOlder ? nil : activity.status)
        page.add("period", activity.period.flatMap(Self.periodText))
        page.add("date", versions.date(of: current, in: activity).map(DanishFormat.date))
        page.add("caseNumber", current.caseNumber)
        page.add("documentNumber", current.documentNumber)
        page.add("contact", part(.contact).version.contact.map { TemplateObject(["name": $0.name, "unit": $0.unit, "email": $0.email, "phone": $0.phone, "address": $0.address]) })
        page.add("tags", isOlder ? [] : activity.tags.map(tagLink))
        page.add("partners", part(.partners).version.partners)
        let budget = part(.budget), economy = part(.economy), goals = part(.goals), body = part(.body)
        page.add("budget", budgetContext(budget.version.budget, spent: isOlder ? [:] : activity.spent, footnotes: part(.footnotes).version.footnotes))
        page.add("budgetFrom", budget.from)
        page.add("economy", economyContext(economy.version, period: economy.from != nil ? nil : activity.period))
        page.add("economyFrom", economy.from)
        page.add("goals", goals.version.goals.map(goalContext))
        page.add("goalsFrom", goals.from)
        page.set("indicators", .list(activity.indicators.compactMap { inputs.shared.indicatorLinks[$0.slug] }))
        page.add("toc", headingsContext(body.version.body))
        page.add("body", body.version.body.isEmpty ? nil : body.version.body.html)
        page.add("bodyFrom", body.from)
        page.add("inherited", versionPage ? [] : versions.inherited(in: activity))
        page.add("versions", activity.versions.isEmpty ? [] : versions.list(activity, shown: nil))
        page.add("version", nil as TemplateObject?)
        page.add("citedBy", citations(of: activity.slug))
        return page
    }

    /// A tag as a link to its page in the project bank.
    func tagLink(_ tag: String) -> TemplateObject {
        var link = TemplateObject(capacity: 2)
        link.add("label", tag)
        link.add("url", facetURL(.tag(tag)))
        return link
    }

    /// An indicator as an activity links to it: its title, page and latest measurement.
    static func indicatorLink(_ indicator: Indicator) -> TemplateObject {
        let shown = indicator.latest ?? indicator.baseline
        return TemplateObject([
            "title": indicator.title, "url": SitePaths.indicator(indicator.slug),
            "latest": DanishFormat.value(shown.value, of: indicator) + " (" + DanishFormat.when(shown) + ")",
        ])
    }

    /// The page of a facet value, when the project bank has one.
    func facetURL(_ facet: Facet) -> String? {
        if case .tag = facet {} else if !config.enabled(.facetPages) { return nil }
        return inputs.facetValues[facet].map(SitePaths.facet)
    }

    static func periodText(_ period: Period) -> String? {
        func text(_ bound: Period.Bound) -> String {
            switch bound {
            case .year(let year): String(year)
            case .day(let day): DanishFormat.date(day)
            }
        }
        switch (period.start, period.end) {
        case let (start?, end?): return "\(text(start))–\(text(end))"
        case let (start?, nil): return "fra \(text(start))"
        case let (nil, end?): return "til \(text(end))"
        default: return nil
        }
    }

    /// A budget as a table of years, with the total of its amounts and the actual spend.
    func budgetContext(_ budget: YearCells, spent: [Int: Money] = [:], footnotes: [Footnote]) -> TemplateObject? {
        // A row printed with no figures at all (every cell blank) has no table of its own.
        guard budget.hasPrintedCells else { return nil }
        let unit = config.budgetUnit
        let decimals = columnDecimals(budget.years.map { budget[$0] })
        return TemplateObject([
            "unit": unit.rawValue,
            "rows": budget.years.map { year in
                var row = TemplateObject(capacity: 3)
                row.add("year", String(year))
                row.add("cell", cellContext(budget[year], decimals: decimals))
                row.add("spent", spent[year].map { DanishFormat.money($0) })
                return row
            },
            "hasSpent": !spent.isEmpty,
            "total": budget.hasAmounts ? DanishFormat.number(budget.total, decimals: decimals) : nil,
            "footnotes": footnotesContext(footnotes),
        ])
    }

    /// The economy in words: the total over the activity's period (or over the budget's years
    /// with amounts), the financing, and the derived cost per unit of a goal.
    func economyContext(_ version: ActivityVersion, period: Period?) -> TemplateObject? {
        guard version.total != nil || !version.financing.isEmpty else { return nil }
        // The years the total covers, said with it, so that it cannot be read as the total of
        // a budget table of other years on the same page.
        let years: ClosedRange<Int>? = {
            if let start = period?.start?.year, let end = period?.end?.year, end >= start { return start...end }
            let years = version.budget.years.filter { version.budget[$0]?.amount != nil }
            return years.isEmpty ? nil : years.min()!...years.max()!
        }()
        let span = years.map { $0.count == 1 ? "i \($0.lowerBound)" : "over \($0.count) år (\($0.lowerBound)–\($0.upperBound))" }
        let cost = version.costPerUnit.flatMap { amount in
            version.costPer.map { "\(DanishFormat.money(Money(amount, .kroner), decimals: 0)) pr. \($0.label)" }
        }
        // A declared total that is not the budget table's sum (the table shows one source's
        // money, the total every source's) says so, rather than standing as a contradiction.
        let budgetSum = version.budget.hasAmounts ? Money(version.budget.total, config.budgetUnit) : nil
        let differs = version.total.map { total in budgetSum.map { $0.inKroner != total.value.inKroner } ?? false } ?? false
        let financed = version.financing.isEmpty ? nil : version.financing.map(\.amount.inKroner).reduce(0, +)
        let totalNote: String? = differs ? {
            let sum = DanishFormat.money(budgetSum!)
            let budgetYears = version.budget.years.filter { version.budget[$0]?.amount != nil }
            let range = budgetYears.count > 1 ? "\(budgetYears.min()!)–\(budgetYears.max()!)" : budgetYears.map(String.init).joined()
            let text = "Den samlede økonomi er ikke summen af budgettet for \(range) (\(sum))"
            return text + (financed == version.total!.value.inKroner ? ": den er summen af finansieringen nedenfor, fra alle kilder." : ": kilden opgiver begge tal.")
        }() : nil
        return TemplateObject([
            "total": version.total.map { DanishFormat.money($0.value) },
            "totalNote": totalNote,
            "span": span,
            "financing": financingRows(version.financing),
            "costPerUnit": cost,
        ])
    }

    /// The financing table's rows, the amounts of one unit with one number of decimals.
    func financingRows(_ financing: [Financing]) -> [TemplateObject] {
        var decimals: [MoneyUnit: Int] = [:]
        for item in financing { decimals[item.amount.unit] = max(decimals[item.amount.unit] ?? 0, item.amount.amount.scale) }
        return financing.map {
            TemplateObject(["source": $0.source, "amount": DanishFormat.money($0.amount, decimals: decimals[$0.amount.unit]), "note": $0.note])
        }
    }

    /// A row of the goal table: the target as a floor ("150 match") or a ceiling ("højst 18 pct."),
    /// the latest result and when it was measured (its period as printed, else its date), the
    /// share reached and the status in words.
    func goalContext(_ goal: Goal) -> TemplateObject {
        let latest = goal.latestResult
        func withUnit(_ amount: Amount) -> String {
            let unit = goal.unit.map { $0 == "pct" ? "pct." : $0 }
            return DanishFormat.number(amount) + (unit.map { " \($0)" } ?? "")
        }
        let target: String? = {
            switch (goal.target, goal.baseline, goal.direction) {
            case (let target?, _, .increase): return withUnit(target)
            case (let target?, _, .decrease): return "højst " + withUnit(target)
            // "skal falde fra udgangspunktet … på 27 pct.": no number to reach, only a start to move from.
            case (nil, let baseline?, .increase): return "over " + withUnit(baseline)
            case (nil, let baseline?, .decrease): return "under " + withUnit(baseline)
            case (nil, nil, _): return nil
            }
        }()
        let status: (text: String, css: String) = {
            switch goal.status {
            case .met: ("Nået", "achieved")
            case .notMet: ("Ikke nået", "notOnTrack")
            case .notMeasured: ("Ingen måling", "noMeasurement")
            case .noTarget: ("Intet talmål", "noNumericTarget")
            }
        }()
        var row = TemplateObject(capacity: 12)
        row.add("text", goal.text)
        row.add("target", target)
        row.add("baseline", goal.baseline.map(withUnit))
        row.add("direction", goal.direction.rawValue)
        row.add("deadline", goal.deadline.map(DanishFormat.date))
        row.add("qualitative", goal.qualitative)
        row.add("result", latest?.value.map { DanishFormat.number($0) })
        row.add("resultDate", latest.flatMap { $0.label ?? $0.date.map(DanishFormat.date) })
        row.add("resultTexts", goal.results.compactMap(\.text))
        row.add("share", goal.shareReached.map { DanishFormat.percent(Amount($0 * 100, scale: 0)) })
        row.add("status", status.text)
        row.add("statusClass", status.css)
        return row
    }

    /// The annexes and reports that cite an activity.
    func citations(of slug: String) -> [TemplateObject] {
        var result: [TemplateObject] = []
        for annex in site.annexesCiting[slug] ?? [] {
            result.append(["title": "Bilag \(annex.number): \(annex.title)", "url": SitePaths.annex(annex.slug)])
        }
        for report in site.reportsCiting[slug] ?? [] {
            result.append(["title": report.title, "url": SitePaths.report(report.year)])
        }
        return result
    }
}

extension ActivityPage {
    /// The content files the page shows: the activity's own, the indicators it links to (with
    /// their latest measurement), and the annexes and reports that cite it.
    func sources(_ activity: Activity) -> [String] {
        [activity.source.path]
            + activity.indicators.compactMap { site.indicator($0.slug)?.source.path }
            + (site.annexesCiting[activity.slug] ?? []).map(\.source.path)
            + (site.reportsCiting[activity.slug] ?? []).map(\.source.path)
    }
}
