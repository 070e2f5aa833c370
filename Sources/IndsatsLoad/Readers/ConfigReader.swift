import IndsatsModel

enum ConfigReader {
    static func read(_ map: MappingReader, path: String) -> SiteConfig {
        defer { map.finish() }
        var config = SiteConfig(title: map.string("title", required: true) ?? "", source: SourceLocation(path: path))
        config.organisation = map.string("organisation")
        config.baseURL = map.string("base_url")
        if let unit = map.string("budget_unit") {
            if let parsed = MoneyUnit(rawValue: unit) {
                config.budgetUnit = parsed
            } else {
                map.error("\"\(unit)\" is not a unit; use \"mio. kr.\" or \"kr.\"", key: "budget_unit", at: map.value("budget_unit"))
            }
        }
        config.rawHTML = map.bool("raw_html") ?? false
        config.review = map.bool("review") ?? false
        for (index, name) in map.strings("disable").enumerated() {
            guard let output = SiteConfig.Output(rawValue: name) else {
                map.error(
                    "\"\(name)\" is not an output that can be switched off", key: "disable.\(index + 1)", at: map.list("disable")[index],
                    hint: "one of " + SiteConfig.Output.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            config.disabled.insert(output)
        }
        config.committees = map.mappings("committees").compactMap { item in
            defer { item.finish() }
            guard let id = item.string("id", required: true), let name = item.string("name", required: true) else { return nil }
            return SiteConfig.Committee(id: id, name: name)
        }
        config.administrations = map.mappings("administrations").compactMap { item in
            defer { item.finish() }
            guard let id = item.string("id", required: true), let name = item.string("name", required: true) else { return nil }
            let committee = item.reference("committee")
            if let committee, !config.committees.contains(where: { $0.id == committee.slug }) {
                item.error("\"\(committee.slug)\" is not one of the committees", key: "committee", at: item.value("committee"))
            }
            return SiteConfig.Administration(id: id, name: name, committee: committee?.slug)
        }
        config.areas = map.strings("areas")
        config.themes = map.mappings("themes").compactMap { item in
            defer { item.finish() }
            guard let id = item.string("id", required: true), let name = item.string("name", required: true) else { return nil }
            return SiteConfig.Theme(id: id, name: name)
        }
        return config
    }
}
