import IndsatsMustache

/// The names a template context provides: each field, and for an object or a list of
/// objects, the fields of that object (`budget.rows.year`). A text, a flag or a list of
/// texts has no fields.
struct ContextSchema: Sendable, Equatable, ExpressibleByArrayLiteral, CustomStringConvertible {
    var fields: [String: ContextSchema] = [:]

    /// One field: a name (`"title"`), or a name with the fields of its object or list
    /// elements (`.object("contact", ["name", "email"])`).
    struct Field: ExpressibleByStringLiteral {
        var name: String
        var schema: ContextSchema

        init(stringLiteral name: String) {
            self.name = name
            schema = []
        }

        init(_ name: String, _ schema: ContextSchema) {
            self.name = name
            self.schema = schema
        }

        static func object(_ name: String, _ schema: ContextSchema) -> Field {
            Field(name, schema)
        }
    }

    init(arrayLiteral fields: Field...) {
        for field in fields { self.fields[field.name, default: []].merge(field.schema) }
    }

    /// The names a value provides: an object's keys, and a list's elements' keys put together.
    init(of value: TemplateValue) {
        switch value {
        case .object(let object):
            for key in object.keys { fields[key] = ContextSchema(of: object.value(for: key) ?? .absent) }
        case .list(let elements):
            for element in elements { merge(ContextSchema(of: element)) }
        case .absent, .bool, .text:
            break
        }
    }

    /// Adds `other`'s fields (and their fields) to these.
    mutating func merge(_ other: ContextSchema) {
        for (name, schema) in other.fields { fields[name, default: []].merge(schema) }
    }

    /// These fields and `other`'s.
    func adding(_ other: ContextSchema) -> ContextSchema {
        var sum = self
        sum.merge(other)
        return sum
    }

    /// `title, budget{rows{year}, unit}`, sorted: for test failures.
    var description: String {
        fields.keys.sorted().map { name in
            let inner = fields[name]!
            return inner.fields.isEmpty ? name : "\(name){\(inner)}"
        }.joined(separator: ", ")
    }
}

/// What each template's context provides, in one place beside the code that builds the
/// contexts (the page builders), so that a template can be checked for names no page of its kind
/// ever has. `ContextSchemaTests` builds every page of the shipped site and checks that
/// these are exactly the names its contexts set.
enum TemplateContexts {
    /// A template rendered with a context of its own, and what a reader calls its pages.
    struct Page: Sendable {
        var template: String
        var name: String
        var schema: ContextSchema
    }

    /// Every page's layout values (`PageContexts`).
    static let layout: ContextSchema = [
        "root", "hasOpenData", "hasFacetPages", "pageTitle", "isHome", "canonical",
        .object("site", [
            "title", "organisation", "hasStatement", .object("contact", ["text", "link", "isLink"]), "licenceName", "licenceURL",
        ]),
        .object("nav", ["label", "url", "current"]),
    ]

    static let footnotes: ContextSchema = ["mark", "text"]
    /// `cellContext`.
    static let cell: ContextSchema = ["text", "mark", "isText", "blank", "computed"]
    /// A cell of a table with a column per year (`yearCells`).
    static let yearCell = cell.adding(["year"])
    static let link: ContextSchema = ["title", "url"]
    static let facetLink: ContextSchema = ["label", "url", "count"]
    static let headings: ContextSchema = ["text", "anchor"]
    /// `ActivityVersions.origin`: the older version a part of the activity page comes from.
    static let from: ContextSchema = ["label", "url"]
    static let sender: ContextSchema = ["organisation", "administration", "address"]

    /// `ActivityPage`.
    static let activity: ContextSchema = [
        "title", "slug", "h", "idPrefix", "summary", .object("administration", ["id", "name", "url"]), "areaURL", "json", "committee", "area",
        "targetGroup", "targetGroupCharacteristics", "expectedEffect", "funding", "status", "period", "date", "caseNumber",
        "documentNumber", .object("contact", ["name", "unit", "email", "phone", "address"]), .object("tags", ["label", "url"]), "partners",
        .object("budget", ["unit", .object("rows", ["year", .object("cell", cell), "spent"]), "hasSpent", "total", .object("footnotes", footnotes)]),
        .object("economy", ["total", "totalNote", "span", .object("financing", ["source", "amount", "note"]), "costPerUnit"]),
        .object("goals", [
            "text", "target", "baseline", "direction", "deadline", "qualitative", "result", "resultDate", "resultTexts", "share",
            "status", "statusClass",
        ]),
        .object("indicators", ["title", "url", "latest"]), .object("toc", headings), "body",
        .object("versions", [
            "date", "title", "note", "current", "here", "url", .object("source", link), "caseNumber", "documentNumber", "changes",
            "notRestated",
        ]),
        .object("budgetFrom", from), .object("economyFrom", from), .object("goalsFrom", from), .object("bodyFrom", from),
        .object("inherited", ["label", "url", "fields"]), .object("version", ["label", "isCurrent", "url", "notRestated"]),
        .object("citedBy", link),
    ]

    /// An activity inside an annex or a report (`EmbeddedActivity`).
    static let embeddedActivity = activity.adding(["url"])

    /// `IndicatorSummary`.
    static let indicator: ContextSchema = [
        "number", "title", "url", "theme", "direction", "decimals", "baseline", "baselineWhen", "latest", "latestWhen", "target", "targetMark",
        "targetWhen", "goal", "change", "changeSincePrevious", "progress", "progressShare", "timeShare", "status", "statusClass", "moved",
        "chart",
    ]

    /// `ProjectBankPages.listingContext`.
    static let listing: ContextSchema = [
        "count", "countText", "allText", "allLongText", .object("groups", ["name", "anchor", "count", "countText", "rowsHTML"]),
        .object("yearTotals", [.object("rows", ["year", "count", "total", "subtotal"]), "total", "totalLabel", "decimals"]), "unit", "sortedByBudget",
        .object("pagination", [
            "number", "count", "from", "to", "total", "previous", "next",
            .object("pages", ["gap", "ariaCurrent", .object("link", ["number", "url"])]),
        ]),
    ]

    /// A line of a report's economic overview (`EconomyTable`).
    static let economyLine: ContextSchema = ["label", "mark", .object("cells", yearCell), .object("total", cell)]

    static let pages: [Page] = [
        Page(template: "tilgaengelighed", name: "the accessibility statement", schema: layout.adding([
            "organisation", "siteURL", "compliance", .object("problemGroups", ["heading", .object("problems", ["content", "reason", "alternative"])]),
            "evaluation", "method", "prepared", "reviewed", "officialURL", "email", "phone", "contactName", "enforcementURL",
        ])),
        Page(template: "soeg", name: "the search page", schema: layout.adding([
            "documentCount", "docsPerChunk", "activityCountText", .object("administrations", facetLink), .object("areas", facetLink), "hasTags",
        ])),
        Page(template: "home", name: "the home page", schema: layout.adding([
            "activityCount", "indicatorCount", "annexCount", "activityCountText", "indicatorCountText", "annexCountText", .object("reports", ["title", "url", "year"]), "lastUpdated",
        ])),
        Page(template: "projektbank", name: "the project bank page", schema: layout.adding(listing).adding([
            .object("filters", ["name", "label", .object("options", ["value", "label"])]),
            .object("facets", [
                .object("administrations", facetLink), .object("areas", facetLink), .object("years", facetLink),
                .object("targetGroups", facetLink), .object("fundings", facetLink),
                .object("statuses", facetLink), "tagCount", "tagCountText",
            ]),
        ])),
        Page(template: "projektbank-liste", name: "the project bank's list pages", schema: layout.adding(listing).adding(["facetKind", "facetLabel"])),
        Page(template: "partials/activity-row", name: "a project bank row", schema: [
            "slug", "title", "url", "summary", "administration", "area", "targetGroup", "years", "total", "root",
        ]),
        Page(template: "emner", name: "the tag page", schema: layout.adding([.object("tags", facetLink), "count", "countText"])),
        Page(template: "data", name: "the open data page", schema: layout.adding([
            .object("columns", ["name", "description"]), "count", "countText", "unit", "hasFeed", .object("example", link),
        ])),
        Page(template: "aktivitet", name: "the activity page", schema: layout.adding(activity)),
        Page(template: "barometer", name: "the barometer page", schema: layout.adding([
            .object("themes", ["name", .object("indicators", indicator)]), "asOf", "current",
            .object("editions", ["date", "url", "isShown"]),
            .object("policyGoals", ["number", "title", .object("indicators", indicator)]),
        ])),
        Page(template: "indikator", name: "the indicator page", schema: layout.adding(indicator).adding([
            "chart", "chartDescription", "seriesLabels", .object("measurements", ["when", "kind", .object("values", ["label", "text"])]), "source",
            .object("footnotes", footnotes), .object("breakdowns", indicator.adding(["label"])), .object("activities", link), "body",
            "csv", "json",
        ])),
        Page(template: "bilagsliste", name: "the annex list", schema: layout.adding([
            "count", "hasPDF", .object("annexes", ["number", "title", "url", "kind", "date", "dateText", "committee", "label", "pdf"]),
        ])),
        Page(template: "bilag", name: "the annex page", schema: layout.adding([
            "number", "title", "committee", "date", "caseNumber", "documentNumber", "body", .object("footnotes", footnotes),
            "printHeader", "pdf", "xlsx", "meetingDate", .object("sender", sender),
            .object("overview", [
                "years", "unit", "columnCount",
                .object("areas", [
                    "name",
                    .object("rows", ["title", "url", "summary", "targetGroup", "expectedEffect", "funding", .object("cells", yearCell)]),
                    .object("totals", ["text", "year"]),
                ]),
                .object("grandTotals", ["text", "year"]), .object("footnotes", footnotes),
            ]),
            .object("description", embeddedActivity), .object("statusNote", embeddedActivity),
        ])),
        Page(template: "statusrapporter", name: "the report list", schema: layout.adding([
            .object("reports", ["year", "title", "url", "published", "dateText", "committee", "label", "pdf"]),
        ])),
        Page(template: "statusrapport", name: "the report page", schema: layout.adding([
            "year", "title", "administration", "committee", "date", "published", "archived", .object("corrections", ["date", "note"]),
            "printHeader", "pdf", "csv", "json", "body", .object("toc", headings), .object("indicators", indicator),
            .object("sender", sender), "meetingDate", "caseNumber", "dateLine", .object("printToc", ["text", "level"]),
            .object("indicatorFootnotes", footnotes), .object("policyGoals", ["title", "status", "marks"]),
            .object("policyGoalFootnotes", footnotes), .object("keyFigures", ["label", "value"]),
            .object("sections", ["title", .object("activities", embeddedActivity.adding(["number"]))]),
            .object("economy", [
                "title", "review", "years", .object("reviewNotes", ["mark", "text"]),
                .object("sections", ["title", .object("subtotal", economyLine), .object("rows", economyLine.adding(["number", "url"]))]),
                .object("total", economyLine), .object("footnotes", footnotes),
            ]),
        ])),
    ]
}
