import IndsatsModel
import IndsatsPlatform

/// One thing the search can find: a page, its kind, and its text by weight.
struct SearchDocument: Sendable {
    /// How much a word counts where it stands: in the title, in the lead fields (summary,
    /// former titles, administration, area, target group, tags) or anywhere else.
    enum Weight: Int, CaseIterable, Sendable {
        case body = 1, lead = 2, title = 3
    }

    var kind: String
    var title: String
    /// The page's path under the site's root, without `index.html`.
    var path: String
    /// Text by weight (`Weight.rawValue - 1`); each weight's texts are joined when words are counted.
    var texts: [[String]]
    /// Rendered Markdown counted as body text, read as `PlainText` reads it.
    var html: [String]
    /// The start of the page's text, shown under the title (the search marks the words in it).
    var excerpt: String

    /// The excerpt's length in characters, cut at a word.
    static let excerptLength = 280

    init(kind: String, title: String, path: String, title extra: [String] = [], lead: [String?], body: [String?], html: [String] = [], excerpt: [String?]) {
        self.kind = kind
        self.title = title
        self.path = path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path
        texts = [body.compactMap { $0 }, lead.compactMap { $0 }, [title] + extra]
        // A version's body is often the newer one's (unchanged text is filled in from it): read once.
        var bodies: [String] = []
        for text in html where !bodies.contains(text) { bodies.append(text) }
        self.html = bodies
        self.excerpt = Self.cut(excerpt.compactMap { $0?.utf8.prefix(4 * Self.excerptLength) }.filter { !$0.isEmpty }.map { String(decoding: $0, as: UTF8.self) }.joined(separator: " "))
    }

    /// `text` with runs of white space as one space, cut to `excerptLength` characters (Unicode
    /// scalars) at a word, by its UTF-8 bytes: an excerpt is made per document, so this is hot.
    static func cut(_ text: String) -> String {
        var out: [UInt8] = []
        var length = 0
        var lastSpace = -1
        var pendingSpace = false
        for byte in text.utf8 {
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace {
                lastSpace = out.count
                out.append(0x20)
                length += 1
                pendingSpace = false
            }
            if byte & 0xC0 != 0x80 { length += 1 }
            if length > excerptLength {
                return String(decoding: out[..<(lastSpace >= 0 ? lastSpace : out.count)], as: UTF8.self) + " …"
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// The site's searchable documents, built from the model: indicators, annexes and reports
/// first (few and often looked for), then every activity in title order.
struct SearchDocuments {
    let site: SiteIndex
    let activities: [Activity]
    var config: SiteConfig { site.content.config }

    func all() -> [SearchDocument] {
        let content = site.content
        let documents = self
        return content.indicators.map(indicator) + content.annexes.map(annex) + content.reports.map(report)
            + activities.map { documents.activity($0) }
    }

    func activity(_ activity: Activity) -> SearchDocument {
        let current = activity.current
        let administration = config.administration(activity.administration.slug)
        let formerTitles = activity.versions.compactMap(\.title) + activity.versions.compactMap(\.summary)
        var other: [String?] = [activity.targetGroupCharacteristics, activity.expectedEffect, activity.funding, activity.status]
        other += current.partners + current.goals.map(\.text) + current.goals.flatMap { $0.results.compactMap(\.text) }
        other += current.financing.flatMap { [$0.source, $0.note] } + current.footnotes.map(\.text)
        other += activity.versions.flatMap { [$0.note, $0.targetGroup, $0.expectedEffect, $0.funding] + $0.partners }
        other += [current.note, current.contact?.name, current.contact?.unit, current.caseNumber, current.documentNumber]
        let lead: [String?] = [activity.summary, activity.administration.slug, administration?.name, activity.area.slug, activity.targetGroup]
        return SearchDocument(
            kind: "Indsats", title: activity.title, path: SitePaths.activity(activity.slug),
            lead: lead + formerTitles + activity.tags, body: other, html: [current.body.html] + activity.versions.map(\.body.html),
            excerpt: [activity.summary, PlainText.start(of: current.body.html)])
    }

    func indicator(_ indicator: Indicator) -> SearchDocument {
        let theme = indicator.theme.flatMap { config.theme($0.slug)?.name }
        let notes = indicator.series.compactMap(\.note) + indicator.footnotes.map(\.text) + indicator.breakdowns.map(\.label)
        return SearchDocument(
            kind: "Indikator", title: indicator.title, path: SitePaths.indicator(indicator.slug),
            lead: [theme, indicator.goal], body: [indicator.sourceNote, indicator.target?.text] + notes, html: [indicator.body.html],
            excerpt: [indicator.goal, PlainText.start(of: indicator.body.html)])
    }

    func annex(_ annex: Annex) -> SearchDocument {
        let body = PlainText.of(annex.body.html)
        return SearchDocument(
            kind: "Udvalgsbilag", title: annex.title, path: SitePaths.annex(annex.slug), title: ["Bilag \(annex.number)"],
            lead: [config.committee(annex.committee.slug)?.name], body: [body, annex.caseNumber, annex.documentNumber] + annex.footnotes.map(\.text),
            excerpt: [body])
    }

    func report(_ report: StatusReport) -> SearchDocument {
        let body = PlainText.of(report.body.html)
        let lead: [String?] = [report.committee.flatMap { config.committee($0.slug)?.name }, report.administration.flatMap { config.administration($0.slug)?.name }]
        return SearchDocument(
            kind: "Statusredegørelse", title: report.title, path: SitePaths.report(report.year),
            lead: lead + report.sections.map(\.title) + report.keyFigures.map(\.label),
            body: [body] + (report.economy?.sections.flatMap { [$0.title] + $0.rows.map(\.label) } ?? []), excerpt: [body])
    }
}

/// The text of rendered Markdown: tags dropped (a block's end becomes a space), the five
/// entities the renderer writes decoded.
enum PlainText {
    static func of(_ html: String) -> String {
        of(html, upTo: Int.max)
    }

    /// The start of `of(html)` that an excerpt is cut from (`SearchDocument.cut` gives the same
    /// excerpt from it as from the whole text), without reading the rest of a long text: at least
    /// its first `4 × SearchDocument.excerptLength` bytes, or fewer once it has more characters
    /// other than white space than an excerpt shows.
    static func start(of html: String) -> String {
        of(html, upTo: 4 * SearchDocument.excerptLength, characters: SearchDocument.excerptLength)
    }

    /// `of(html)`, or a prefix of it with more than `limit` bytes or more than `characters`
    /// characters other than white space. Reading stops at a tag's end (never inside an entity)
    /// once the bytes kept decode to either even if every `&` began an entity (which leaves one
    /// byte or character of six).
    private static func of(_ html: String, upTo limit: Int, characters: Int = Int.max) -> String {
        var out: [UInt8] = []
        let whole = limit == Int.max
        out.reserveCapacity(whole ? html.utf8.count : min(html.utf8.count, limit + 64))
        var inTag = false
        var ampersands = 0
        var kept = 0  // scalars other than white space
        for byte in html.utf8 {
            switch byte {
            case UInt8(ascii: "<"): inTag = true
            case UInt8(ascii: ">"):
                inTag = false
                out.append(UInt8(ascii: " "))
                let lost = 5 * ampersands
                if !whole && (out.count - lost > limit || kept - lost > characters) { return decoded(out, ampersands > 0) }
            default:
                guard !inTag else { continue }
                if byte == UInt8(ascii: "&") { ampersands += 1 }
                if byte & 0xC0 != 0x80 && byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D { kept += 1 }
                out.append(byte)
            }
        }
        return decoded(out, ampersands > 0)
    }

    private static func decoded(_ out: [UInt8], _ entities: Bool) -> String {
        let text = String(decoding: out, as: UTF8.self)
        guard entities else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The entities `of` decodes, after their `&`.
    private static let entityNames: [[UInt8]] = ["lt;", "gt;", "quot;", "#39;", "amp;"].map { Array($0.utf8) }

    /// The length of the entity name at `index` (just after an `&`) if it is one `of` decodes, else 0.
    static func entityLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        for name in entityNames where index + name.count <= bytes.count {
            if name.indices.allSatisfy({ bytes[index + $0] == name[$0] }) { return name.count }
        }
        return 0
    }
}
