import IndsatsModel

/// Where pages live. Links are relative (`root` + path), so the site works under any base
/// path and from disk; they name `index.html` so that a browser opening files finds them.
public enum SitePaths {
    public static func activity(_ slug: String) -> String { "projektbank/\(slug)/index.html" }
    /// One version of an activity, by its source's date (`2011-04-07`) or `udateret`.
    public static func activityVersion(_ slug: String, _ key: String) -> String { "projektbank/\(slug)/version/\(key)/index.html" }
    public static func indicator(_ slug: String) -> String { "barometer/\(slug)/index.html" }
    public static func annex(_ slug: String) -> String { "bilag/\(slug)/index.html" }
    public static func report(_ year: Int) -> String { "statusrapporter/\(year)/index.html" }
    public static let home = "index.html"
    /// The accessibility statement (tilgængelighedserklæring), linked from every footer.
    public static let accessibility = "tilgaengelighed/index.html"
    public static let projectBank = "projektbank/index.html"
    public static let barometer = "barometer/index.html"
    public static let annexes = "bilag/index.html"
    public static let reports = "statusrapporter/index.html"
    public static let projectBankByBudget = "projektbank/efter-budget/index.html"
    public static let tags = "projektbank/emner/index.html"
    public static let openData = "projektbank/data/index.html"
    public static let projectBankCSV = "projektbank/projektbank.csv"
    public static let projectBankJSON = "projektbank/projektbank.json"
    public static let projectBankIndex = "projektbank/indeks.json"
    public static let projectBankFeed = "projektbank/aendringer.xml"
    public static let sitemap = "sitemap.xml"
    /// The site-wide search page; its index is in `soeg/t/` and `soeg/d/` (`SearchIndex`).
    public static let search = "soeg/index.html"
    public static func activityJSON(_ slug: String) -> String { "projektbank/\(slug)/aktivitet.json" }
    public static func indicatorData(_ slug: String, format: String) -> String { "barometer/\(slug)/indikator.\(format)" }
    public static let barometerCSV = "barometer/barometer.csv"
    public static let barometerJSON = "barometer/barometer.json"
    /// The barometer as it stood on a day: one stable page per published update.
    public static func barometerEdition(_ day: Day) -> String { "barometer/udgave/\(day.iso)/index.html" }

    /// The folders under `projektbank/` that are not activities; no activity may take these slugs.
    public static let reservedActivitySlugs: Set<String> = ["forvaltning", "omraade", "aar", "status", "emne", "emner", "efter-budget", "data", "maalgruppe", "afsaet", "side"]

    /// The PDF beside an annex's or a report's page.
    public static func annexPDF(_ slug: String) -> String { "bilag/\(slug)/bilag-\(slug).pdf" }
    public static func reportPDF(_ year: Int) -> String { "statusrapporter/\(year)/statusrapport-\(year).pdf" }
    public static func reportData(_ year: Int, format: String) -> String { "statusrapporter/\(year)/statusrapport-\(year).\(format)" }

    /// The folders under `barometer/` that are not indicators.
    public static let reservedIndicatorSlugs: Set<String> = ["udgave"]

    /// The page of one facet value: `projektbank/omraade/job-og-uddannelse/index.html`.
    public static func facet(_ value: FacetValue) -> String {
        let folder: String
        switch value.facet {
        case .administration: folder = "forvaltning"
        case .area: folder = "omraade"
        case .targetGroup: folder = "maalgruppe"
        case .funding: folder = "afsaet"
        case .year: folder = "aar"
        case .status: folder = "status"
        case .tag: folder = "emne"
        }
        return "projektbank/\(folder)/\(value.slug)/index.html"
    }

    /// Page `number` of a paginated list whose first page is `first`:
    /// `projektbank/forvaltning/bif/index.html` → `projektbank/forvaltning/bif/side/2/index.html`.
    public static func listPage(_ first: String, number: Int) -> String {
        guard number > 1 else { return first }
        return String(first.dropLast("index.html".count)) + "side/\(number)/index.html"
    }

    /// The site's `base_url`, ending in `/`; nil without one.
    public static func base(of config: SiteConfig) -> String? {
        config.baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// The absolute address of a page (without `index.html`) or file, under `base`.
    public static func absolute(_ path: String, base: String) -> String {
        base + (path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)
    }

    /// `../../` for a page two folders down.
    public static func root(of path: String) -> String {
        String(repeating: "../", count: path.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) })
    }
}
