import Foundation

/// The site's configuration (`indsats.yml`): its title and settings, and the names a
/// municipality uses, as data, so that another municipality needs no code changes.
public struct SiteConfig: Hashable, Sendable {
    public struct Committee: Hashable, Sendable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    public struct Administration: Hashable, Sendable {
        public var id: String
        public var name: String
        public var committee: String?

        public init(id: String, name: String, committee: String? = nil) {
            self.id = id
            self.name = name
            self.committee = committee
        }
    }

    public struct Theme: Hashable, Sendable {
        public var id: String
        public var name: String

        public init(id: String, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// Who sends the committee documents (`sender:` in indsats.yml), printed in the sender
    /// block of annexes and reports under the organisation.
    public struct Sender: Hashable, Sendable {
        /// An administration's id.
        public var administration: String?
        public var address: String?

        public init(administration: String? = nil, address: String? = nil) {
            self.administration = administration
            self.address = address
        }
    }

    public var title: String
    public var organisation: String?
    public var sender = Sender()
    public var baseURL: String?
    public var budgetUnit: MoneyUnit
    /// Pass raw HTML in Markdown through (off by default: content is escaped).
    public var rawHTML: Bool
    /// Optional outputs a site can switch off (`disable: [open_data]` in indsats.yml), as
    /// Hugo's `disableKinds` does: a site that does not need them builds faster.
    public enum Output: String, CaseIterable, Hashable, Sendable {
        /// CSV, JSON, the Atom feed and the sitemap.
        case openData = "open_data"
        /// The project bank's pages per administration, area, budget year and status, and the
        /// page sorted by budget (tag pages stay).
        case facetPages = "facet_pages"
        /// The barometer's page per update.
        case barometerEditions = "barometer_editions"
    }

    public var disabled: Set<Output> = []

    public func enabled(_ output: Output) -> Bool { !disabled.contains(output) }

    /// Reviewer mode (on by default): a report page marks each declared total its rows do not
    /// add up to with a lettered note under the table saying what the rows give. Published
    /// figures are never changed. On by default, since a printed total that does not match its
    /// rows is otherwise an unexplained contradiction on the page.
    public var review: Bool = true
    /// Whom readers contact (every footer, the accessibility statement).
    public var contact: Contact?
    /// The open data's licence (the data pages, the CSV and JSON files).
    public var licence: Licence?
    /// The accessibility statement; without it the site has no statement page.
    public var accessibility: AccessibilityStatement?
    public var committees: [Committee]
    public var administrations: [Administration]
    public var areas: [String]
    public var themes: [Theme]
    /// The target groups the project bank filters by (`target_groups`); empty: no such filter.
    public var targetGroups = Vocabulary()
    /// The funding bases the project bank filters by (`funding_bases`); empty: no such filter.
    public var fundingBases = Vocabulary()
    public var source: SourceLocation

    public init(
        title: String, organisation: String? = nil, baseURL: String? = nil,
        budgetUnit: MoneyUnit = .millionKroner, rawHTML: Bool = false, committees: [Committee] = [],
        administrations: [Administration] = [], areas: [String] = [], themes: [Theme] = [],
        source: SourceLocation
    ) {
        self.title = title
        self.organisation = organisation
        self.baseURL = baseURL
        self.budgetUnit = budgetUnit
        self.rawHTML = rawHTML
        self.committees = committees
        self.administrations = administrations
        self.areas = areas
        self.themes = themes
        self.source = source
    }

    /// `text` if it is a web address a site can be published at: `http://` or `https://`, a
    /// host, and no blanks, control characters or characters a link cannot hold. Anything else
    /// (`javascript:…`, `ftp://…`, a bare host) is nil.
    public static func webAddress(_ text: String) -> String? {
        let lowered = text.lowercased()
        guard let scheme = ["https://", "http://"].first(where: lowered.hasPrefix) else { return nil }
        let rest = text.dropFirst(scheme.count)
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        let forbidden: Set<Character> = ["\"", "<", ">", "\\", "`", "{", "}", "|", "^"]
        guard !host.isEmpty, !host.hasPrefix("."), !host.contains("@"),
            text.unicodeScalars.allSatisfy({ $0 != " " && !SourceLocation.isControl($0) }),
            !text.contains(where: forbidden.contains)
        else { return nil }
        return text
    }

    public func committee(_ id: String) -> Committee? { committees.first { $0.id == id } }
    public func administration(_ id: String) -> Administration? { administrations.first { $0.id == id } }
    public func theme(_ id: String) -> Theme? { themes.first { $0.id == id } }
}

/// Everything a site is made of, loaded and typed; the input of validation and rendering.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var activities: [Activity]
    public var indicators: [Indicator]
    public var policyGoals: [PolicyGoal]
    public var annexes: [Annex]
    public var reports: [StatusReport]
    /// Files that could not be read into content (their errors are reported): a reference to
    /// one of them is not an error of its own.
    public var unreadable = UnreadableFiles()

    public init(
        config: SiteConfig, activities: [Activity] = [], indicators: [Indicator] = [],
        policyGoals: [PolicyGoal] = [], annexes: [Annex] = [], reports: [StatusReport] = []
    ) {
        self.config = config
        self.activities = activities
        self.indicators = indicators
        self.policyGoals = policyGoals
        self.annexes = annexes
        self.reports = reports
    }
}

/// The slugs of the content files, by kind, that could not be read into content: their
/// problems are reported where they are, so references to them need no error of their own.
public struct UnreadableFiles: Sendable, Hashable {
    public var activities: Set<String> = []
    public var indicators: Set<String> = []
    public var policyGoals: Set<String> = []
    public var annexes: Set<String> = []
    public var reports: Set<String> = []

    public init() {}
}
