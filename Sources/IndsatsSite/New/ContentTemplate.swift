import IndsatsModel

/// The front matter and body of a new content file, as `indsats new` writes it: every field
/// the kind's reader knows, each with a short Danish comment for the consultant who fills it
/// in; required fields filled with values `check` accepts, optional ones left empty (an empty
/// field counts as absent) or, where a value has a shape to show, commented out.
/// Field names and their order follow docs/content-format.md.
struct ContentTemplate {
    /// The site's names (administrations, areas, themes, committees) to fill fields from.
    let config: SiteConfig
    /// The administration the new file belongs to (an id in `config`).
    let administration: SiteConfig.Administration
    let title: String
    let today: Day

    /// The committee of `administration`, else the site's first committee.
    var committee: String? { administration.committee ?? config.committees.first?.id }

    func text(for kind: NewContent.Kind) -> String {
        let (fields, body) = switch kind {
        case .activity: activity()
        case .indicator: indicator()
        case .annex: annex()
        case .report: report()
        }
        let intro = [
            // Editors with a YAML language server (VS Code's YAML extension) check the fields
            // against the schema `indsats schema` writes into the site's schemas/ folder.
            "# yaml-language-server: $schema=../../schemas/\(kind.rawValue).schema.json",
            "# Ny fil fra indsats new. Felter uden værdi tæller som udeladt; linjer med # foran er",
            "# valgfrie eksempler: fjern # og ret dem. Se docs/content-format.md. Kør derefter indsats check.",
        ]
        return (["---"] + intro + fields + ["---"] + body).joined(separator: "\n") + "\n"
    }

    // MARK: - Kinds

    func activity() -> ([String], [String]) {
        let area = config.areas.first
        let fields = [
            line("title", quoted(title), "påkrævet: aktivitetens navn"),
            line("summary", "", "kort beskrivelse"),
            line("administration", administration.id, "påkrævet: forvaltningens id i indsats.yml"),
            line("committee", "", "udvalgets id; standard: forvaltningens udvalg"),
            line("area", area.map(quoted) ?? "", "påkrævet: et område fra indsats.yml"),
            line("target_group", "", "målgruppe"),
            line("target_group_characteristics", "", "karakteristika for målgruppen"),
            line("expected_effect", "", "forventet effekt"),
            line("funding", "", "afsæt / finansiering, som trykt"),
            line("status", "", "kort status, fx Igangværende"),
            line("date", today.description, "dato for dokumentet (ÅÅÅÅ-MM-DD)"),
            example("period", "{start: \(today.year), end: \(today.year + 1)}", "periode: år eller datoer"),
            line("case_number", "", "sagsnr."),
            line("document_number", "", "dokumentnr."),
            example("contact", "{name: Navn Navnesen, unit: Enhed, email: navn@kk.dk, phone: 1234 5678}", "kontaktperson"),
            line("partners", "", "samarbejdspartnere: [A, B]"),
            line("tags", "", "emneord: [frivillige, netværk]"),
            line("indicators", "", "slugs på indikatorer, aktiviteten bidrager til"),
            line("budget", "", "budget pr. år i \(config.budgetUnit.rawValue), fx 2026: \"1,5\""),
            line("spent", "", "forbrug pr. år, fx 2026: \"117.590 kr.\""),
            line("footnotes", "", "fodnoter: - {mark: \"*\", text: …}"),
            line("total", "", "samlet beløb; kontrolleres mod finansieringen"),
            line("financing", "", "finansiering: - {source: …, amount: \"1,5\"}"),
            line("goals", "", "mål: - {text: …, target: 150, unit: brugere}"),
            line("cost_per", "", "pris pr. enhed: {goal: målets id, label: …}"),
            line("versions", "", "tidligere versioner, nyeste først"),
        ]
        return (fields, ["## Formål", "", "## Målgruppe", "", "## Indhold", "", "## Økonomi", ""])
    }

    func indicator() -> ([String], [String]) {
        let fields = [
            line("number", "", "barometerets nummer, hvis den har et"),
            line("title", quoted(title), "påkrævet: indikatorens navn"),
            line("theme", config.themes.first?.id ?? "", "temaets id i indsats.yml"),
            line("unit", Indicator.Unit.percent.rawValue, "påkrævet: pct, antal eller kr"),
            line("direction", Indicator.Direction.increase.rawValue, "påkrævet: increase (skal stige), decrease (falde) eller maintain"),
            line("baseline", "{value: \"0\", date: \(today)}", "påkrævet: udgangspunktet; ret værdien og datoen"),
            line("measurements", "", "målinger, ældste først: - {value: \"…\", date: …}"),
            line("target", "", "mål: {value: \"…\", date: …} eller {text: …}"),
            line("goal", "", "det politiske mål, som trykt"),
            line("source", "", "kilde"),
            line("footnotes", "", "fodnoter: - {mark: \"1\", text: …}"),
            line("breakdowns", "", "opdelinger: - {label: Kvinder, indicator: slug}"),
        ]
        return (fields, ["Om indikatoren og metoden."])
    }

    func annex() -> ([String], [String]) {
        let fields = [
            line("number", "\"1\"", "påkrævet: bilagets nummer, som trykt (\"1\", \"1.a\")"),
            line("title", quoted(title), "påkrævet: bilagets titel"),
            line("committee", committee ?? "", "påkrævet: udvalget, bilaget går til"),
            line("date", today.description, "dato (ÅÅÅÅ-MM-DD)"),
            line("meeting_date", "", "mødedato: udvalgsmødet, bilaget er på dagsordenen til"),
            line("case_number", "", "sagsnr."),
            line("document_number", "", "dokumentnr."),
            line("type", Annex.Kind.overview.rawValue, "påkrævet: overview, description eller status_note"),
            line("select", "{administration: \(administration.id)}", "oversigt: forvaltning, areas, years: {from: …, to: …}"),
            line("activities", "", "oversigt: eller en liste af aktiviteters slugs, i denne rækkefølge"),
            line("totals", "", "totaler pr. område og år (standard: true)"),
            line("group_by_area", "", "overskrift og subtotal pr. område (standard: true)"),
            line("footnotes", "", "fodnoter under tabellen"),
            line("activity", "", "description/status_note: aktiviteten, bilaget beskriver"),
            line("version", "", "description/status_note: hvilken version (standard: den nuværende)"),
        ]
        return (fields, ["Bilagets tekst før tabellen."])
    }

    func report() -> ([String], [String]) {
        let fields = [
            line("year", String(today.year), "påkrævet: året; filen hedder <år>.md"),
            line("title", quoted(title), "påkrævet: redegørelsens titel"),
            line("administration", administration.id, "forvaltningens id i indsats.yml"),
            line("committee", committee ?? "", "udvalgets id"),
            line("date", today.description, "status pr. denne dato"),
            line("published", "", "udgivelsesdato, som trykt"),
            line("meeting_date", "", "mødedato: udvalgsmødet, redegørelsen er på dagsordenen til"),
            line("case_number", "", "sagsnr."),
            line("indicators", "", "indikatortabellen, i rækkefølge: [slug, …]"),
            line("policy_goals", "", "de politiske måls status: - {goal: slug, status: …}"),
            line("sections", "", "statusskemaer: - {title: …, activities: [{number: \"2.1\", activity: slug}]}"),
            line("key_figures", "", "nøgletal: - {label: …, value: \"…\"}"),
            line("economy", "", "økonomisk oversigt: se docs/content-format.md"),
        ]
        return (fields, ["Redegørelsens indledning."])
    }

    // MARK: - Lines

    /// `key: value` with the comment in a column of its own.
    func line(_ key: String, _ value: String, _ comment: String) -> String {
        let field = value.isEmpty ? "\(key):" : "\(key): \(value)"
        return field.padding(toWidth: 34) + "# " + comment
    }

    /// An optional field shown with a value of the right shape, commented out.
    func example(_ key: String, _ value: String, _ comment: String) -> String {
        "# " + line(key, value, comment)
    }

    /// `text` in double quotes, so that a colon, a `#` or a comma cannot end it early.
    func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension String {
    /// The text followed by spaces up to `width` characters, and at least one.
    fileprivate func padding(toWidth width: Int) -> String {
        self + String(repeating: " ", count: Swift.max(1, width - count))
    }
}
