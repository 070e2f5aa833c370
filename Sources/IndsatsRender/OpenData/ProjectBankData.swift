import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsPlatform

/// The project bank as open data: CSV and JSON of the whole bank, JSON per activity, the
/// compact index the filter script reads, an Atom feed of changed activities and a sitemap.
struct ProjectBankData {
    let inputs: RenderInputs
    var site: SiteIndex { inputs.site }
    var config: SiteConfig { site.content.config }

    /// The CSV columns: machine-readable name, and what it holds (shown on the open data page).
    static let csvColumns: [(name: String, description: String)] = [
        ("slug", "Indsatsens faste id (også sidens adresse)"),
        ("titel", "Indsatsens navn"),
        ("forvaltning", "Forvaltningens forkortelse"),
        ("forvaltning_navn", "Forvaltningens navn"),
        ("omraade", "Område"),
        ("maalgruppe", "Målgruppe"),
        ("forventet_effekt", "Forventet effekt"),
        ("afsaet", "Afsæt (finansieringsgrundlag)"),
        ("status", "Status"),
        ("aar", "Budgetår (tom, hvis indsatsen ikke har et budget pr. år)"),
        ("beloeb", "Budget for året som tal med punktum som decimaltegn (maskinlæsbart); tom for tekst og tomme celler"),
        ("beloeb_dk", "Samme beløb med dansk decimalkomma (til regneark på dansk)"),
        ("celle", "Cellen som trykt, fx \"46,4\" eller \"Driftsbudget\""),
        ("fodnote", "Fodnotemærke på cellen, fx \"*\""),
        ("enhed", "Beløbenes enhed"),
        ("url", "Indsatsens side"),
    ]

    func files(into sink: @Sendable (OutputFile) -> Void) {
        let activities = inputs.facets.byTitle
        let data = self
        ParallelMap.forEach(activities) { activity in
            sink(OutputFile(path: SitePaths.activityJSON(activity.slug), data: OpenDataLicence.adding(to: data.record(activity), data.config).data()))
        }
        var files: [OutputFile] = []
        files.append(OutputFile(path: SitePaths.projectBankCSV, data: csv(activities)))
        files += [OpenDataLicence.csvMetadata(for: SitePaths.projectBankCSV, title: "Projektbanken: \(config.title)", config: config)].compactMap { $0 }
        let whole = JSONValue.record([
            "titel": .string(config.title),
            "licens": OpenDataLicence.json(config),
            "enhed": .string(config.budgetUnit.rawValue),
            "antal": .number(Decimal(activities.count)),
            "aktiviteter": .array(activities.map(record)),
        ])
        files.append(OutputFile(path: SitePaths.projectBankJSON, data: whole.data()))
        if let base = baseURL {
            files.append(OutputFile(path: SitePaths.projectBankFeed, data: Data(feed(base: base).utf8)))
        }
        files.forEach(sink)
    }

    /// `projektbank/indeks.json`, which the filter script reads.
    func filterIndexFile() -> OutputFile {
        OutputFile(path: SitePaths.projectBankIndex, data: FilterIndex(facets: inputs.facets, config: config).json().data(indent: nil))
    }

    var baseURL: String? { SitePaths.base(of: config) }


    // MARK: JSON

    /// Everything known about an activity, as data.
    func record(_ activity: Activity) -> JSONValue {
        let current = activity.current
        func number(_ amount: Amount?) -> JSONValue { amount.map { .number($0.value) } ?? .null }
        func day(_ day: Day?) -> JSONValue { .text(day?.iso) }
        func money(_ money: Money?) -> JSONValue {
            money.map { .record(["beloeb": .number($0.amount.value), "enhed": .string($0.unit.rawValue)]) } ?? .null
        }
        let administration = config.administration(activity.administration.slug)
        return .record([
            "slug": .string(activity.slug),
            "url": baseURL.map { .string(SitePaths.absolute(SitePaths.activity(activity.slug), base: $0)) },
            "titel": .string(activity.title),
            "resume": .text(activity.summary),
            "forvaltning": .record(["id": .string(activity.administration.slug), "navn": .text(administration?.name)]),
            "omraade": .string(activity.area.slug),
            "maalgruppe": .text(activity.targetGroup),
            "maalgruppe_karakteristika": .text(activity.targetGroupCharacteristics),
            "forventet_effekt": .text(activity.expectedEffect),
            "afsaet": .text(activity.funding),
            "status": .text(activity.status),
            "periode": .text(activity.period.flatMap(ActivityPage.periodText)),
            "emner": .strings(activity.tags),
            "indikatorer": .strings(activity.indicators.map(\.slug)),
            "samarbejdspartnere": .strings(current.partners),
            "sagsnummer": .text(current.caseNumber),
            "dokumentnummer": .text(current.documentNumber),
            "dato": day(current.date),
            "enhed": .string(config.budgetUnit.rawValue),
            "budget": .array(activity.budget.years.map { year in
                let cell = activity.budget[year]!
                return .record([
                    "aar": .number(Decimal(year)), "beloeb": number(cell.amount),
                    "celle": .string(DanishFormat.cell(cell)), "fodnote": .text(cell.mark),
                ])
            }),
            "budget_i_alt": activity.budget.hasAmounts ? number(activity.budget.total) : .null,
            "forbrug": .array(activity.spent.keys.sorted().map { year in
                .record(["aar": .number(Decimal(year)), "beloeb": money(activity.spent[year])])
            }),
            "fodnoter": .array(current.footnotes.map { .record(["maerke": .string($0.mark), "tekst": .string($0.text)]) }),
            "samlet_oekonomi": money(current.total?.value),
            "finansiering": .array(current.financing.map {
                .record(["kilde": .string($0.source), "beloeb": money($0.amount), "note": .text($0.note)])
            }),
            "maal": .array(current.goals.map(goalRecord)),
            "versioner": .array(activity.allVersions.map { version in
                .record(["dato": day(version.date), "titel": .text(version.title), "note": .text(version.note)])
            }),
        ])
    }

    func goalRecord(_ goal: Goal) -> JSONValue {
        let latest = goal.latestResult
        let status: String = switch goal.status {
        case .met: "naaet"
        case .notMet: "ikke_naaet"
        case .notMeasured: "ingen_maaling"
        case .noTarget: "intet_maaltal"
        }
        let fields: [String: JSONValue?] = [
            "tekst": .string(goal.text), "maal": goal.target.map { .number($0.value) }, "enhed": .text(goal.unit),
            "retning": .string(goal.direction.rawValue), "udgangspunkt": goal.baseline.map { .number($0.value) },
            "frist": .text(goal.deadline?.iso), "kvalitativt": .bool(goal.qualitative),
            "resultat": latest?.value.map { .number($0.value) }, "resultat_dato": .text(latest?.date?.iso),
            "resultat_tidspunkt": .text(latest?.label), "status": .string(status),
            "andel_naaet": goal.shareReached.map { .number($0) }, "naaet": goal.isMet.map { .bool($0) },
        ]
        return .record(fields)
    }

    // MARK: CSV

    /// One row per activity and budget year (one row with an empty year when there is no
    /// budget), with decimal commas in `beloeb_dk` for a Danish spreadsheet.
    func csv(_ activities: [Activity]) -> Data {
        var lines = [Self.csvColumns.map(\.name).joined(separator: ";")]
        lines.reserveCapacity(activities.count * 4)
        for activity in activities {
            let years = activity.budget.years
            if years.isEmpty {
                lines.append(CSV.line(csvFields(activity, year: nil, cell: nil)))
            }
            for year in years {
                lines.append(CSV.line(csvFields(activity, year: year, cell: activity.budget[year])))
            }
        }
        return CSV.file(lines)
    }

    /// One CSV row: the activity's columns, then the year's cell (empty without a budget).
    func csvFields(_ activity: Activity, year: Int?, cell: BudgetCell?) -> [String] {
        let administration = config.administration(activity.administration.slug)
        let url = baseURL.map { SitePaths.absolute(SitePaths.activity(activity.slug), base: $0) } ?? SitePaths.activity(activity.slug)
        var fields: [String] = [
            activity.slug, activity.title, activity.administration.slug, administration?.name ?? "",
            activity.area.slug, activity.targetGroup ?? "", activity.expectedEffect ?? "", activity.funding ?? "",
            activity.status ?? "", year.map(String.init) ?? "",
        ]
        let amount = cell?.amount
        fields.append(amount.map(DanishFormat.plain) ?? "")
        fields.append(amount.map { DanishFormat.number($0) } ?? "")
        fields.append(cell.map(DanishFormat.cell) ?? "")
        fields.append(cell?.mark ?? "")
        fields.append(config.budgetUnit.rawValue)
        fields.append(url)
        return fields
    }

    // MARK: Atom

    /// Every dated version of every activity, newest first: what changed and when.
    func feed(base: String) -> String {
        struct Entry {
            var activity: Activity
            var version: ActivityVersion
            var date: Day
            var older: ActivityVersion?
        }
        var entries: [Entry] = []
        for activity in site.content.activities {
            let all = activity.allVersions
            for (index, version) in all.enumerated() {
                guard let date = version.date else { continue }
                entries.append(Entry(activity: activity, version: version, date: date, older: index + 1 < all.count ? all[index + 1] : nil))
            }
        }
        entries.sort { ($0.date, $0.activity.slug) > ($1.date, $1.activity.slug) }
        let feedURL = base + SitePaths.projectBankFeed
        var out = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="da">
            <title>\(XMLText.escape(config.title)): ændringer i projektbanken</title>
            <id>\(XMLText.escape(feedURL))</id>
            <link rel="self" href="\(XMLText.escape(feedURL))"/>
            <link href="\(XMLText.escape(SitePaths.absolute(SitePaths.projectBank, base: base)))"/>
            <updated>\(entries.first.map { $0.date.iso } ?? "1970-01-01")T00:00:00Z</updated>
            <author><name>\(XMLText.escape(config.organisation ?? config.title))</name></author>

            """
        for entry in entries {
            let url = SitePaths.absolute(SitePaths.activity(entry.activity.slug), base: base)
            let changes = entry.older.map { VersionDiff.changes(from: $0, to: entry.version, unit: config.budgetUnit) } ?? []
            var summary = entry.older == nil ? "Første version." : (changes.isEmpty ? "Ny version." : changes.joined(separator: " · "))
            if let note = entry.version.note { summary = note + " " + summary }
            out += """
                <entry>
                <title>\(XMLText.escape(entry.version.title ?? entry.activity.title)) (\(DanishFormat.date(entry.date)))</title>
                <id>\(XMLText.escape(url))#version-\(entry.date.iso)</id>
                <link href="\(XMLText.escape(url))"/>
                <updated>\(entry.date.iso)T00:00:00Z</updated>
                <summary>\(XMLText.escape(summary))</summary>
                </entry>

                """
        }
        return out + "</feed>\n"
    }

    /// Every HTML page, for search engines.
    static func sitemap(_ pages: [PageSpec], base: String) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in pages.map(\.path).sorted() {
            out += "<url><loc>\(XMLText.escape(SitePaths.absolute(path, base: base)))</loc></url>\n"
        }
        return out + "</urlset>\n"
    }
}
