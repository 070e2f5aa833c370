import IndsatsModel

/// The fields of each kind of file, as docs/content-format.md describes them. The readers are
/// handed these tables (`MappingReader.fields`); a field a reader asks for that is not in its
/// table is recorded (`YAMLDocument.undeclaredFields`), and a test reads a file with every
/// field of every table, so that neither can name a field the other lacks.
public enum FieldTable {
    /// The table for a kind of content file.
    public static func fields(for kind: ContentKind) -> [Field] {
        switch kind {
        case .activity: activity
        case .indicator: indicator
        case .policyGoal: policyGoal
        case .annex: annex
        case .report: report
        }
    }

    static let slug = Field("slug", .text, "Overrides the file name as the page's address (lower-case letters, digits, dashes)")
    static let footnotes = Field("footnotes", .list(.mapping([
        Field("mark", .text, required: true, "The mark, as used in a cell or a title (\"*\", \"1\")"),
        Field("text", .text, required: true, "The footnote's text"),
    ])), "Footnotes: a list of {mark, text}")

    static let contact = Field("contact", .mapping([
        Field("name", .text, "Name"), Field("unit", .text, "Unit (enhed)"), Field("email", .text, "E-mail address"),
        Field("phone", .text, "Phone number"), Field("address", .text, "Postal address"),
    ]), "Contact person")

    static let goal: [Field] = [
        Field("id", .text, "Optional id, needed to refer to the goal (cost_per)"),
        Field("text", .text, required: true, "The goal as printed"),
        Field("target", .amount, "The number the goal aims at"),
        Field("unit", .text, "What is counted: match, brugere, pct"),
        Field("deadline", .date, "When the goal should be met"),
        Field("qualitative", .bool, "true for a qualitative success criterion"),
        Field("direction", .oneOf(Goal.Direction.allCases.map(\.rawValue)), "increase (a floor, the default) or decrease (a ceiling)"),
        Field("baseline", .amount, "The value the goal starts from"),
        Field("results", .list(.mapping([
            Field("value", .amount, "The measured value"), Field("date", .date, "The day it was measured"),
            Field("label", .text, "The period, as printed, instead of a day"), Field("text", .text, "The result as printed"),
        ])), "What was measured against it, oldest first"),
    ]

    /// The fields an earlier version of an activity can change (and the current one has).
    static let versionFields: [Field] = [
        Field("summary", .text, "Short description"),
        Field("target_group", .text, "Target group (målgruppe)"),
        Field("target_group_characteristics", .text, "Characteristics of the target group"),
        Field("expected_effect", .text, "Expected effect"),
        Field("funding", .text, "Funding basis (afsæt), as printed"),
        contact,
        Field("budget", .years(.cell), "Budget per year, in the site's budget unit"),
        Field("total", .money, "The declared total of the economy; checked against financing"),
        Field("financing", .list(.mapping([
            Field("source", .text, required: true, "Where the money comes from"),
            Field("amount", .money, required: true, "How much"),
            Field("note", .text, "A note, as printed"),
        ])), "Where the total comes from; the amounts must add up to total"),
        Field("partners", .list(.text), "Partners"),
        Field("goals", .list(.mapping(goal)), "Goals and success criteria"),
        Field("cost_per", .mapping([
            Field("goal", .text, required: true, "The id of the goal whose target divides the total"),
            Field("label", .text, "What one unit is called (matchet borger)"),
        ]), "Cost per unit: total ÷ the goal's target"),
        footnotes,
    ]

    static let activity: [Field] = [
        slug,
        Field("title", .text, required: true, "The activity's name"),
        Field("administration", .text, required: true, "An administration id from indsats.yml"),
        Field("committee", .text, "A committee id; default: the administration's committee"),
        Field("area", .text, required: true, "An area name from indsats.yml"),
        Field("status", .text, "Short status label (Igangværende)"),
        Field("date", .date, "Date of the current version's document"),
        Field("period", .mapping([
            Field("start", .yearOrDate, "First year or day"), Field("end", .yearOrDate, "Last year or day"),
        ]), "The period: years or ISO dates"),
        Field("case_number", .text, "Case number (sagsnr.)"),
        Field("document_number", .text, "Document number (dokumentnr.)"),
        Field("tags", .list(.text), "Tags"),
        Field("indicators", .list(.text), "Slugs of indicators it contributes to"),
        Field("spent", .years(.money), "Actual spend per year"),
        Field("versions", .list(.mapping([
            Field("date", .date, required: true, "Date of that version's document"),
            Field("title", .text, "Its title, if it differed"),
            Field("note", .text, "What changed and why"),
            Field("case_number", .text, "Case number (sagsnr.)"),
            Field("document_number", .text, "Document number (dokumentnr.)"),
            Field("body", .text, "The whole Markdown body of that version"),
        ] + versionFields)), "Earlier versions, newest first"),
    ] + versionFields

    static let measurement: [Field] = [
        Field("value", .amount, required: true, "The value, a plain number"),
        Field("date", .date, "The day it was measured"),
        Field("label", .text, "The period, as printed (forår 2007)"),
        Field("note", .text, "A note"),
    ]

    static let indicator: [Field] = [
        slug,
        Field("number", .integer, "The barometer's number, if it has one"),
        Field("title", .text, required: true, "The indicator's name"),
        Field("theme", .text, "A theme id from indsats.yml"),
        Field("unit", .oneOf(Indicator.Unit.allCases.map(\.rawValue)), required: true, "pct, antal or kr"),
        Field("direction", .oneOf(Indicator.Direction.allCases.map(\.rawValue)), required: true, "Which way it should go"),
        Field("baseline", .mapping(measurement), required: true, "The starting point"),
        Field("measurements", .list(.mapping(measurement)), "Measurements, oldest first"),
        Field("target", .mapping([
            Field("value", .amount, "The target value"), Field("change", .amount, "The target change from the baseline"),
            Field("date", .date, "By when"), Field("label", .text, "The period, as printed"),
            Field("text", .text, "The target in words, when it has no value"), Field("mark", .text, "A footnote mark"),
        ]), "The target: a value or a text"),
        Field("goal", .text, "The political goal, as printed"),
        Field("source", .text, "Source"),
        footnotes,
        Field("breakdowns", .list(.mapping([
            Field("label", .text, required: true, "What the part is (Kvinder)"),
            Field("indicator", .text, required: true, "The slug of the indicator"),
        ])), "Other indicators that break this one down"),
    ]

    static let policyGoal: [Field] = [
        slug,
        Field("number", .integer, "The goal's number"),
        Field("title", .text, required: true, "The goal as printed"),
        Field("indicators", .list(.text), "Slugs of the indicators that measure it"),
        footnotes,
    ]

    static let annex: [Field] = [
        slug,
        Field("number", .text, required: true, "The annex's number, as printed (\"1\", \"1.a\")"),
        Field("title", .text, required: true, "The annex's title"),
        Field("committee", .text, required: true, "The committee it goes to"),
        Field("type", .oneOf(Annex.Kind.allCases.map(\.rawValue)), required: true, "overview, description or status_note"),
        Field("select", .mapping([
            Field("administration", .text, "An administration id"),
            Field("areas", .list(.text), "Area names"),
            Field("years", .mapping([
                Field("from", .integer, required: true, "First year"), Field("to", .integer, required: true, "Last year"),
            ]), "The years shown"),
        ]), "Which activities an overview shows"),
        Field("activity", .text, "The activity a description or status note describes"),
        Field("version", .date, "Which version of it (default: the current one)"),
        Field("date", .date, "The annex's date"),
        Field("meeting_date", .date, "The day of the committee meeting it is on the agenda of (mødedato)"),
        Field("case_number", .text, "Case number (sagsnr.)"),
        Field("document_number", .text, "Document number (dokumentnr.)"),
        Field("activities", .list(.text), "An explicit list of activity slugs, in this order"),
        Field("totals", .bool, "Computed totals per area and year (default true)"),
        footnotes,
        Field("group_by_area", .bool, "A heading and a subtotal per area (default true)"),
    ]

    static let totalLine: [Field] = [
        Field("label", .text, "The label, as printed"),
        Field("values", .years(.cell), "The figures per year"),
        Field("total", .cell, "The declared total"),
    ]

    static let economy: [Field] = [
        Field("title", .text, "The overview's title"),
        Field("years", .list(.integer), required: true, "Its years"),
        Field("sections", .list(.mapping([
            Field("title", .text, required: true, "The section's title"),
            Field("rows", .list(.mapping([
                Field("label", .text, required: true, "The row's label, as printed"),
                Field("number", .text, "Its number (\"2.1\")"),
                Field("activity", .text, "The slug of its activity"),
                Field("values", .years(.cell), "The figures per year"),
                Field("total", .cell, "The declared total"),
            ])), "The rows"),
            Field("subtotal", .mapping(totalLine), "The declared subtotal, as printed"),
        ])), "Sections of rows"),
        Field("total", .mapping(totalLine), "The declared grand total"),
        footnotes,
    ]

    static let report: [Field] = [
        slug,
        Field("year", .integer, required: true, "The report's year; the file is named after it"),
        Field("title", .text, required: true, "The report's title"),
        Field("administration", .text, "An administration id"),
        Field("committee", .text, "A committee id"),
        Field("date", .date, "As of this date"),
        Field("published", .date, "The date it was published"),
        Field("meeting_date", .date, "The day of the committee meeting it is on the agenda of (mødedato)"),
        Field("case_number", .text, "Case number (sagsnr.)"),
        Field("indicators", .list(.text), "The indicator table, in order"),
        Field("policy_goals", .list(.mapping([
            Field("goal", .text, required: true, "The policy goal's slug"),
            Field("status", .text, required: true, "Its status, as printed"),
        ])), "The policy goals' status"),
        Field("sections", .list(.mapping([
            Field("title", .text, required: true, "The section's title"),
            Field("activities", .list(.mapping([
                Field("number", .text, required: true, "The number printed (\"2.1\")"),
                Field("activity", .text, required: true, "The activity's slug"),
            ])), required: true, "The numbered activities"),
        ])), "The status schemas, in the report's order"),
        Field("key_figures", .list(.mapping([
            Field("label", .text, required: true, "What the figure is"),
            Field("value", .text, required: true, "The figure, as printed"),
        ])), "Key figures"),
        Field("economy", .mapping(economy), "The economic overview"),
    ]

    static let named: [Field] = [
        Field("id", .text, required: true, "The id other files use"), Field("name", .text, required: true, "The name shown"),
    ]

    /// The fields of `indsats.yml`.
    public static let config: [Field] = [
        Field("title", .text, required: true, "The site's name, shown on every page"),
        Field("organisation", .text, "The organisation"),
        Field("sender", .mapping([
            Field("administration", .text, "The id of the administration that sends committee documents"),
            Field("address", .text, "Its postal address, as printed under the sender"),
        ]), "The sender block of annexes and reports"),
        Field("base_url", .text, "The address the site is published at (https://…)"),
        Field("budget_unit", .oneOf(["mio. kr.", "kr."]), "The unit of amounts without one"),
        Field("raw_html", .bool, "true passes raw HTML in Markdown through"),
        Field("review", .bool, "true (default): report pages note under the table what the rows give where a declared total differs; false: only the printed figures"),
        Field("disable", .list(.oneOf(SiteConfig.Output.allCases.map(\.rawValue))), "Optional outputs to skip"),
        Field("committees", .list(.mapping(named)), "Committees"),
        Field("administrations", .list(.mapping(named + [Field("committee", .text, "Its committee's id")])), "Administrations"),
        Field("areas", .list(.text), "Areas"),
        Field("themes", .list(.mapping(named)), "Barometer themes"),
        Field("target_groups", .list(.mapping(named + [vocabularyMatch])), "Target groups the project bank filters by"),
        Field("funding_bases", .list(.mapping(named + [vocabularyMatch])), "Funding bases the project bank filters by"),
        Field("contact", .mapping([
            Field("name", .text, "Who answers (an administration or unit)"), Field("email", .text, "E-mail address"),
            Field("phone", .text, "Phone number"), Field("address", .text, "Postal address"),
            Field("url", .text, "A web page with more ways to get in touch (https://…)"),
        ]), "Contact shown in every footer and in the accessibility statement"),
        Field("licence", .mapping([
            Field("name", .text, required: true, "The licence's name"), Field("url", .text, "Its text (https://…)"),
        ]), "The licence of the open data (CSV, JSON, feed)"),
        Field("accessibility", .mapping(accessibility), "The accessibility statement (tilgængelighedserklæring); without it, no statement page"),
    ]

    /// The fields of the accessibility statement: those of Digitaliseringsstyrelsen's model.
    static let accessibility: [Field] = [
        Field("compliance", .oneOf(SiteConfig.AccessibilityStatement.Compliance.allCases.map(\.rawValue)), required: true,
              "How far the site meets WCAG 2.1 AA (EN 301 549): full, partial or none"),
        Field("evaluation", .oneOf(SiteConfig.AccessibilityStatement.Evaluation.allCases.map(\.rawValue)), required: true,
              "Who assessed it: self, external or other"),
        Field("method", .text, "How it was assessed, in words"),
        Field("prepared", .date, required: true, "The day the statement was prepared"),
        Field("reviewed", .date, "The day it was last reviewed"),
        Field("statement_url", .text, "The statement in Digitaliseringsstyrelsen's WAS-Tool (https://www.was.digst.dk/…)"),
        Field("not_accessible", .list(.mapping([
            Field("content", .text, required: true, "The content that is not accessible"),
            Field("basis", .oneOf(SiteConfig.AccessibilityStatement.Basis.allCases.map(\.rawValue)), required: true,
                  "noncompliance, disproportionate_burden or out_of_scope"),
            Field("reason", .text, "Why"), Field("alternative", .text, "What a reader can use instead"),
        ])), "Content that is not accessible"),
    ]

    static let vocabularyMatch = Field(
        "match", .list(.text), "Phrases that map an activity's text to this value where they start a word, case ignored")
}
