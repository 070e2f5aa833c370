import IndsatsModel
import Yams

/// Reads the site's configuration (`indsats.yml`).
///
/// Only `title` is required. Ids and names in the lists must be unique, also when written in
/// other letters that give the same page name (`BIF` and `bif`): a facet page is named after it.
enum ConfigReader {
    static func read(_ map: MappingReader, path: String) -> SiteConfig {
        defer { map.finish() }
        let title = map.string("title", required: true, hint: "the site's name, shown on every page, e.g. \"title: Integrationsindsatsen i Københavns Kommune\"")
        var config = SiteConfig(title: title ?? "", source: SourceLocation(path: path))
        config.organisation = map.string("organisation")
        config.baseURL = baseURL(map)
        if let unit = budgetUnit(map) { config.budgetUnit = unit }
        config.rawHTML = map.bool("raw_html") ?? false
        config.review = map.bool("review") ?? true
        config.disabled = disabledOutputs(map)
        publicSite(map, into: &config)
        var unique = UniqueNames(map: map)
        config.committees = map.mappings("committees").compactMap { item in
            defer { item.finish() }
            let id = item.string("id", required: true), name = item.string("name", required: true)
            // Kept without its name or with a name used twice (either already an error), so
            // that what refers to its id is no error too.
            guard let id, unique.check(id, what: "committee id", item: item, key: "id") else { return nil }
            if let name { unique.check(name, what: "committee name", item: item, key: "name") }
            return SiteConfig.Committee(id: id, name: name ?? "")
        }
        config.administrations = map.mappings("administrations").compactMap { item in
            defer { item.finish() }
            let id = item.string("id", required: true), name = item.string("name", required: true)
            let committee = item.reference("committee")
            if let committee, !config.committees.contains(where: { $0.id == committee.slug }) {
                item.error("\"\(committee.slug)\" is not one of the committees", key: "committee", at: item.value("committee"))
            }
            guard let id, unique.check(id, what: "administration id", item: item, key: "id") else { return nil }
            if let name { unique.check(name, what: "administration name", item: item, key: "name") }
            return SiteConfig.Administration(id: id, name: name ?? "", committee: committee?.slug)
        }
        config.sender = sender(map, administrations: config.administrations)
        for (index, node) in map.list("areas").enumerated() {
            let key = "areas.\(index + 1)"
            guard let area = map.scalarText(node, key: key)?.trimmed, !area.isEmpty else { continue }
            if unique.check(area, what: "area", at: node, field: key) { config.areas.append(area) }
        }
        config.themes = map.mappings("themes").compactMap { item in
            defer { item.finish() }
            let id = item.string("id", required: true), name = item.string("name", required: true)
            // Kept without its name or with a name used twice (either already an error), so
            // that what refers to its id is no error too.
            guard let id, unique.check(id, what: "theme id", item: item, key: "id") else { return nil }
            if let name { unique.check(name, what: "theme name", item: item, key: "name") }
            return SiteConfig.Theme(id: id, name: name ?? "")
        }
        config.targetGroups = vocabulary(map, key: "target_groups", what: "target group", unique: &unique)
        config.fundingBases = vocabulary(map, key: "funding_bases", what: "funding basis", unique: &unique)
        return config
    }

    /// `target_groups` or `funding_bases`: terms with an id, a name and the phrases that map
    /// an activity's text to them (`match`).
    static func vocabulary(_ map: MappingReader, key: String, what: String, unique: inout UniqueNames) -> Vocabulary {
        Vocabulary(map.mappings(key).compactMap { item in
            defer { item.finish() }
            let id = item.string("id", required: true), name = item.string("name", required: true)
            var phrases: [String] = []
            for (index, node) in item.list("match").enumerated() {
                guard let phrase = item.scalarText(node, key: "match.\(index + 1)")?.trimmed else { continue }
                // A phrase without a letter or digit matches nothing (empty) or any text with
                // that punctuation in it: either way not what the list means.
                guard phrase.contains(where: { $0.isLetter || $0.isNumber }) else {
                    item.error(
                        phrase.isEmpty ? "the phrase is empty, so it matches no activity" : "the phrase \"\(phrase)\" has no letter or digit, so it would match any activity whose text has it",
                        key: "match.\(index + 1)", at: node, hint: "remove it, or write the start of a word the activities' texts use, such as \"flygtning\"")
                    continue
                }
                phrases.append(phrase)
            }
            guard let id, unique.check(id, what: "\(what) id", item: item, key: "id") else { return nil }
            if let name { unique.check(name, what: "\(what) name", item: item, key: "name") }
            return Vocabulary.Term(id: id, name: name ?? id, phrases: phrases)
        })
    }

    /// `sender`: the administration that sends committee documents (one of `administrations`)
    /// and its address, for the sender block of annexes and reports.
    static func sender(_ map: MappingReader, administrations: [SiteConfig.Administration]) -> SiteConfig.Sender {
        guard let item = map.mapping("sender") else { return SiteConfig.Sender() }
        defer { item.finish() }
        var sender = SiteConfig.Sender(address: item.string("address"))
        if let id = item.string("administration") {
            if administrations.contains(where: { $0.id == id }) {
                sender.administration = id
            } else {
                item.error(
                    "\"\(id)\" is not one of the administrations", key: "administration", at: item.value("administration"),
                    hint: "one of " + administrations.map(\.id).joined(separator: ", "))
            }
        }
        return sender
    }

    /// `budget_unit`: the unit amounts without one are in.
    static func budgetUnit(_ map: MappingReader) -> MoneyUnit? {
        guard let unit = map.string("budget_unit") else { return nil }
        if let parsed = MoneyUnit(rawValue: unit) { return parsed }
        map.error("\"\(unit)\" is not a unit; use \"mio. kr.\" or \"kr.\"", key: "budget_unit", at: map.value("budget_unit"))
        return nil
    }

    /// `disable`: the outputs switched off.
    static func disabledOutputs(_ map: MappingReader) -> Set<SiteConfig.Output> {
        var disabled: Set<SiteConfig.Output> = []
        for (index, node) in map.list("disable").enumerated() {
            let key = "disable.\(index + 1)"
            guard let name = map.scalarText(node, key: key)?.trimmed, !name.isEmpty else { continue }
            guard let output = SiteConfig.Output(rawValue: name) else {
                map.error(
                    "\"\(name)\" is not an output that can be switched off", key: key, at: node,
                    hint: "one of " + SiteConfig.Output.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            disabled.insert(output)
        }
        return disabled
    }

    /// `base_url`: the address the site is published at, which canonical links, the sitemap
    /// and the feed are made from; only a web address (`http://` or `https://`) will do.
    static func baseURL(_ map: MappingReader) -> String? {
        guard let url = map.string("base_url") else { return nil }
        if let address = SiteConfig.webAddress(url) { return address }
        map.error(
            "\"\(url)\" is not a web address", key: "base_url", at: map.value("base_url"),
            hint: "write the address the site is published at, starting with https:// or http://, e.g. https://www.kk.dk/indsats/")
        return nil
    }

    /// The ids and names seen so far in each list, by the page name they give.
    struct UniqueNames {
        let map: MappingReader
        var seen: [String: [String: (text: String, line: Int)]] = [:]

        /// Whether `text` is new among the `what`s; if not, an error at it naming the first.
        @discardableResult
        mutating func check(_ text: String, what: String, item: MappingReader, key: String) -> Bool {
            guard let node = item.value(key) else { return true }
            return check(text, what: what, at: node, field: item.path(key))
        }

        @discardableResult
        mutating func check(_ text: String, what: String, at node: Node, field: String) -> Bool {
            let location = map.document.location(node)
            let slug = Slug.make(text)
            let name = slug.isEmpty ? text : slug
            guard let first = seen[what]?[name] else {
                seen[what, default: [:]][name] = (text, location.line)
                return true
            }
            let message = first.text == text
                ? "the \(what) \"\(text)\" is listed twice; the first is on line \(first.line)"
                : "the \(what) \"\(text)\" would get the same web address (\"\(name)\") as \"\(first.text)\" on line \(first.line)"
            let hint = first.text == text ? "remove one of them, or change it" : "they must differ in more than upper and lower case and accents; change one of them"
            map.document.diagnostics.error(message, at: location, field: field, hint: hint)
            return false
        }
    }
}
