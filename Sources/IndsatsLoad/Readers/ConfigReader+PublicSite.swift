import IndsatsModel

/// `contact`, `licence` and `accessibility` in `indsats.yml`: what a Danish public site must
/// tell its readers.
extension ConfigReader {
    static func publicSite(_ map: MappingReader, into config: inout SiteConfig) {
        config.contact = contact(map)
        config.licence = licence(map)
        config.accessibility = accessibility(map)
        // The model statement asks for a written and a telephone way to give feedback (also
        // when the statement itself has a mistake, reported at its place).
        if map.value("accessibility") != nil, config.contact?.email == nil || config.contact?.phone == nil {
            map.error(
                "the accessibility statement needs an e-mail address and a phone number readers can use to report a problem",
                key: "accessibility", at: map.value("accessibility"),
                hint: "add both under contact:, e.g. contact: {email: integration@kk.dk, phone: 3317 3317}")
        }
    }

    static func contact(_ map: MappingReader) -> SiteConfig.Contact? {
        guard let item = map.mapping("contact") else { return nil }
        defer { item.finish() }
        var contact = SiteConfig.Contact(
            name: item.string("name"), email: item.string("email"), phone: item.string("phone"),
            address: item.string("address"), url: webAddress(item, "url"))
        if let email = contact.email, !isEmail(email) {
            item.error("\"\(email)\" is not an e-mail address", key: "email", at: item.value("email"), hint: "write it as name@domain.dk")
            contact.email = nil
        }
        return contact == SiteConfig.Contact() ? nil : contact
    }

    static func licence(_ map: MappingReader) -> SiteConfig.Licence? {
        guard let item = map.mapping("licence") else { return nil }
        defer { item.finish() }
        let name = item.string("name", required: true, hint: "the licence's name, e.g. \"Creative Commons Navngivelse 4.0 International (CC BY 4.0)\"")
        let url = webAddress(item, "url")
        return name.map { SiteConfig.Licence(name: $0, url: url) }
    }

    static func accessibility(_ map: MappingReader) -> SiteConfig.AccessibilityStatement? {
        guard let item = map.mapping("accessibility") else { return nil }
        defer { item.finish() }
        let compliance = item.oneOf("compliance", SiteConfig.AccessibilityStatement.Compliance.self, required: true)
        let evaluation = item.oneOf("evaluation", SiteConfig.AccessibilityStatement.Evaluation.self, required: true)
        let prepared = item.day("prepared", required: true)
        let method = item.string("method"), reviewed = item.day("reviewed"), url = webAddress(item, "statement_url")
        let problems = item.mappings("not_accessible").compactMap { problem -> SiteConfig.AccessibilityStatement.Problem? in
            defer { problem.finish() }
            let content = problem.string("content", required: true)
            let basis = problem.oneOf("basis", SiteConfig.AccessibilityStatement.Basis.self, required: true)
            let reason = problem.string("reason"), alternative = problem.string("alternative")
            guard let content, let basis else { return nil }
            return .init(content: content, basis: basis, reason: reason, alternative: alternative)
        }
        guard let compliance, let evaluation, let prepared else { return nil }
        return .init(
            compliance: compliance, evaluation: evaluation, method: method, prepared: prepared, reviewed: reviewed,
            problems: problems, officialURL: url)
    }

    /// A field that must be a web address (`https://…`); anything else is an error.
    static func webAddress(_ item: MappingReader, _ key: String) -> String? {
        guard let text = item.string(key) else { return nil }
        if let address = SiteConfig.webAddress(text) { return address }
        item.error("\"\(text)\" is not a web address", key: key, at: item.value(key), hint: "write a full address starting with https://")
        return nil
    }

    /// Roughly an e-mail address: something, one @, a domain with a dot, no blanks.
    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !text.contains(where: \.isWhitespace)
            && !parts[1].hasPrefix(".") && !parts[1].hasSuffix(".")
    }
}
