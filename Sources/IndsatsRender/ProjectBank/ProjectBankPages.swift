import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// How a list of activities is laid out on a project bank page.
public enum ListingLayout: Sendable, Hashable {
    /// Sections per administration, titles A–Å inside each.
    case byAdministration
    /// Sections per area (on an administration's page).
    case byArea
    /// One table, largest budget first.
    case byBudget
}

/// The project bank's pages: the front page with every activity and the filters, a page per
/// facet value, the whole bank by budget, and the list of tags.
struct ProjectBankPages: PageKindBuilder {
    let inputs: RenderInputs

    /// A page of the project bank's front list (page 1 has the filters and the facet pages).
    func frontPage(root: String, page: Int = 1) -> TemplateObject {
        var context = listingContext(Array(facets.byTitle.indices), layout: .byAdministration, root: root, page: page, first: SitePaths.projectBank)
        guard page == 1 else { return context }
        context["filters"] = filterContext()
        context["facets"] = TemplateObject([
            "administrations": facets.administrations.map(facetLink),
            "areas": facets.areas.map(facetLink),
            "targetGroups": shown(facets.targetGroups).map(facetLink),
            "fundings": shown(facets.fundings).map(facetLink),
            "years": facets.years.map(facetLink),
            "statuses": shown(facets.statuses).map(facetLink),
            "tagCount": facets.tags.isEmpty ? nil : String(facets.tags.count),
            "tagCountText": facets.tags.isEmpty ? nil : DanishFormat.all(facets.tags.count, "emne", "emner"),
        ])
        return context
    }

    /// A facet's values, or none when it would not narrow anything: no values, or one value
    /// that every activity has (status "Ikke angivet" on a site that writes no statuses).
    func shown(_ values: [FacetValue]) -> [FacetValue] {
        if values.count == 1, values[0].count == facets.byTitle.count { return [] }
        return values
    }

    /// A page of one facet value (`Forvaltning: BIF`), or of the whole bank sorted by budget.
    func listing(_ value: FacetValue?, root: String, page: Int = 1) -> TemplateObject {
        guard let value else {
            return listingContext(Array(facets.byTitle.indices), layout: .byBudget, root: root, page: page, first: SitePaths.projectBankByBudget)
        }
        var year: Int?
        if case .year(let chosen) = value.facet { year = chosen }
        var context = listingContext(value.members, layout: {
            if case .administration = value.facet { return .byArea }
            return .byAdministration
        }(), root: root, page: page, first: SitePaths.facet(value), year: year)
        context["facetKind"] = Self.facetKindName(value.facet)
        context["facetLabel"] = value.label
        return context
    }

    /// The list of tags, each with its count.
    func tagIndex() -> TemplateObject {
        TemplateObject([
            "tags": facets.tags.map(facetLink), "count": String(facets.tags.count),
            "countText": DanishFormat.count(facets.tags.count, "emne", "emner"),
        ])
    }

    static func facetKindName(_ facet: Facet) -> String {
        switch facet {
        case .administration: "Forvaltning"
        case .area: "Område"
        case .targetGroup: "Målgruppe"
        case .funding: "Afsæt"
        case .year: "Budgetår"
        case .status: "Status"
        case .tag: "Emne"
        }
    }

    func facetLink(_ value: FacetValue) -> TemplateObject {
        ["label": value.label, "url": SitePaths.facet(value), "count": String(value.count)]
    }

    /// One page of activities in sections (or one table), with the count, the navigation
    /// between pages and the budget totals per year of the whole list (of `year` only, on a
    /// budget year's page). `positions` are places in `facets.byTitle`, in title order.
    func listingContext(
        _ positions: [Int], layout: ListingLayout, root: String, page: Int, first: String, year: Int? = nil
    ) -> TemplateObject {
        let pagination = ListPagination(first: first, count: positions.count, number: page)
        let plan = inputs.listPlans.plan(for: first) {
            ListPlans.Plan(sections: sections(positions, layout: layout), sums: wholeUnitSums(positions) ?? decimalSums(positions))
        }
        var groups: [TemplateObject] = []
        var offset = 0
        for section in plan.sections {
            let from = max(pagination.range.lowerBound, offset), to = min(pagination.range.upperBound, offset + section.positions.count)
            if from < to {
                let slice = Array(section.positions[(from - offset)..<(to - offset)])
                groups.append(groupContext(name: section.name, anchor: section.anchor, positions: slice, count: section.positions.count, root: root))
            }
            offset += section.positions.count
        }
        return TemplateObject([
            "count": String(positions.count),
            "countText": DanishFormat.count(positions.count, "indsats", "indsatser"),
            "allText": DanishFormat.all(positions.count, "indsats", "indsatser"),
            "allLongText": DanishFormat.all(positions.count, "integrationsindsats", "integrationsindsatser"),
            "groups": groups,
            "pagination": pagination.context(),
            "yearTotals": yearTotalsContext(plan.sums, year: year),
            "unit": config.budgetUnit.rawValue,
            "sortedByBudget": layout == .byBudget,
        ])
    }

    /// The sections of a whole list in the order they are shown, each with its activities in order.
    func sections(_ positions: [Int], layout: ListingLayout) -> [ListSection] {
        let byTitle = facets.byTitle
        switch layout {
        case .byAdministration:
            let members = Dictionary(grouping: positions) { byTitle[$0].administration.slug }
            return facets.administrations.compactMap { value in
                guard case .administration(let id) = value.facet, let list = members[id] else { return nil }
                return ListSection(name: value.label, anchor: "forvaltning-" + value.slug, positions: list)
            }
        case .byArea:
            let members = Dictionary(grouping: positions) { byTitle[$0].area.slug }
            return facets.areas.compactMap { value in
                guard case .area(let name) = value.facet, let list = members[name] else { return nil }
                return ListSection(name: value.label, anchor: "omraade-" + value.slug, positions: list)
            }
        case .byBudget:
            // Largest first; ties in title order (a position is the title rank).
            let sorted = positions.map { (total: byTitle[$0].budget.total.value, position: $0) }
                .sorted { $0.total != $1.total ? $0.total > $1.total : $0.position < $1.position }
                .map(\.position)
            return [ListSection(name: nil, anchor: "alle", positions: sorted)]
        }
    }

    /// A section of a list. `rowsHTML` is the rows already rendered through
    /// `partials/activity-row`, once per activity and page depth rather than once per page.
    /// `count` is the whole section's, on every page that shows part of it.
    func groupContext(name: String?, anchor: String, positions: [Int], count: Int, root: String) -> TemplateObject {
        TemplateObject([
            "name": name, "anchor": anchor, "count": String(count),
            "countText": DanishFormat.count(count, "indsats", "indsatser"),
            "rowsHTML": inputs.rows.html(positions, root: root),
        ])
    }

    /// The budget of the listed activities per year: how many have an amount, and the sum.
    /// Text cells ("Driftsbudget") and empty cells are not amounts and are not added. The sums
    /// are exact and shown rounded to the summary's decimals (`DanishFormat.summaryDecimals`:
    /// 0,1 mio. kr.). Years in one run without a gap are a budget period (2009 of the 2009
    /// report, 2018–2022 of the overview annexes): each period has its own sum, and the sum of
    /// all years says that it adds periods together. On a budget year's page, only `year`.
    func yearTotalsContext(_ sums: [Int: YearSum], year: Int? = nil) -> TemplateObject? {
        let sums = year.map { year in sums.filter { $0.key == year } } ?? sums
        guard !sums.isEmpty else { return nil }
        let decimals = DanishFormat.summaryDecimals(config.budgetUnit)
        let all = sums.values.map(\.total).sum()
        var periods: [[Int]] = []
        for year in sums.keys.sorted() {
            if let last = periods.last?.last, last + 1 == year { periods[periods.count - 1].append(year) } else { periods.append([year]) }
        }
        func row(_ label: String, count: String, total: Amount, subtotal: Bool) -> TemplateObject {
            ["year": label, "count": count, "total": DanishFormat.number(total, decimals: decimals), "subtotal": subtotal]
        }
        return TemplateObject([
            "rows": periods.flatMap { period in
                period.map { row(String($0), count: String(sums[$0]!.count), total: sums[$0]!.total, subtotal: false) }
                    + (periods.count > 1 ? [row("I alt \(DanishFormat.years(period)!)", count: "", total: period.map { sums[$0]!.total }.sum(), subtotal: true)] : [])
            },
            "total": DanishFormat.number(all, decimals: decimals),
            "decimals": String(decimals),
            "totalLabel": periods.count > 1 ? "I alt, \(periods.compactMap(DanishFormat.years).joined(separator: " og ")) lagt sammen" : "I alt",
        ])
    }

    /// How many amounts a year has and what they add up to.
    struct YearSum: Sendable {
        var count = 0
        var total = Amount.zero
    }

    /// The year sums by integer arithmetic on the facets' whole units: exact, and no decimal
    /// arithmetic per amount. Nil when the units are not there or a sum leaves 64 bits.
    func wholeUnitSums(_ positions: [Int]) -> [Int: YearSum]? {
        struct UnitSum {
            var count = 0
            var units: Int64 = 0
            /// The most decimals a term was written with.
            var scale = 0
        }
        guard let budgetUnits = facets.budgetUnits else { return nil }
        var units: [Int: UnitSum] = [:]
        for position in positions {
            for amount in budgetUnits[position] {
                var sum = units[amount.year, default: UnitSum()]
                let (total, overflow) = sum.units.addingReportingOverflow(amount.units)
                if overflow { return nil }
                sum.count += 1
                sum.units = total
                sum.scale = max(sum.scale, amount.scale)
                units[amount.year] = sum
            }
        }
        return units.mapValues { sum in
            YearSum(count: sum.count, total: Amount(units: sum.units, atScale: facets.unitScale, written: sum.scale))
        }
    }

    func decimalSums(_ positions: [Int]) -> [Int: YearSum] {
        var sums: [Int: YearSum] = [:]
        for position in positions {
            for (year, cell) in facets.byTitle[position].budget.cells {
                guard let amount = cell.amount else { continue }
                sums[year, default: YearSum()].count += 1
                sums[year, default: YearSum()].total = sums[year]!.total + amount
            }
        }
        return sums
    }

    /// The fields of the filter form (shown when the script has loaded the index): the facets
    /// that narrow something (see `shown`), each value with its count.
    func filterContext() -> [TemplateObject] {
        // `name` is the form field (and address parameter) the filter script reads.
        let fields: [(name: String, label: String, values: [FacetValue])] = [
            ("forvaltning", "Forvaltning", facets.administrations), ("omraade", "Område", facets.areas),
            ("maalgruppe", "Målgruppe", facets.targetGroups), ("afsaet", "Afsæt", facets.fundings),
            ("aar", "Budgetår", facets.years), ("status", "Status", facets.statuses),
        ]
        return fields.compactMap { field in
            let values = shown(field.values)
            guard !values.isEmpty else { return nil }
            let options: [TemplateObject] = values.map { ["value": $0.filterValue, "label": "\($0.label) (\($0.count))"] }
            return ["name": field.name, "label": field.label, "options": options]
        }
    }
}

extension ProjectBankPages {
    /// The content files a list page shows: the activities at `positions` in title order.
    func sources(_ positions: [Int]) -> [String] {
        positions.map { facets.byTitle[$0].source.path }
    }
}
