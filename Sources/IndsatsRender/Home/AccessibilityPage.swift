import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// The accessibility statement (tilgængelighedserklæring), with the sections of
/// Digitaliseringsstyrelsen's model statement, from `accessibility` and `contact` in
/// `indsats.yml`.
struct AccessibilityPage: PageKindBuilder {
    let inputs: RenderInputs

    typealias Statement = SiteConfig.AccessibilityStatement

    static let complianceText: [Statement.Compliance: String] = [
        .full: "Webstedet overholder standarden fuldt ud.",
        .partial: "Webstedet overholder standarden delvist (det overholder de fleste krav).",
        .none: "Webstedet overholder ikke standarden (det overholder ikke de fleste krav).",
    ]

    static let evaluationText: [Statement.Evaluation: String] = [
        .selfEvaluation: "Vi har selv evalueret webstedet.",
        .external: "Vurderingen er foretaget af en ekstern part.",
        .other: "Vi har anvendt en anden metode.",
    ]

    /// The model statement's three kinds of non-accessible content, in its order.
    static let basisHeadings: [(Statement.Basis, String)] = [
        (.noncompliance, "Manglende overholdelse af lovgivningen"),
        (.disproportionateBurden, "Uforholdsmæssig stor byrde"),
        (.outOfScope, "Indhold, der ikke er omfattet af lovgivningen"),
    ]

    /// Where a reader who gets no satisfactory answer can turn: the enforcement body.
    static let enforcementURL = "https://digst.dk/digital-inklusion/webtilgaengelighed/oplever-du-ikke-tilgaengeligt-indhold/"

    func context() -> TemplateObject {
        guard let statement = config.accessibility else { return TemplateObject([:]) }
        let contact = config.contact
        return TemplateObject([
            "organisation": config.organisation ?? config.title,
            "siteURL": config.baseURL,
            "compliance": Self.complianceText[statement.compliance],
            "problemGroups": Self.basisHeadings.compactMap { basis, heading -> TemplateObject? in
                let problems = statement.problems.filter { $0.basis == basis }
                guard !problems.isEmpty else { return nil }
                return TemplateObject([
                    "heading": heading,
                    "problems": problems.map { ["content": $0.content, "reason": $0.reason, "alternative": $0.alternative] },
                ])
            },
            "evaluation": Self.evaluationText[statement.evaluation],
            "method": statement.method,
            "prepared": DanishFormat.date(statement.prepared),
            "reviewed": statement.reviewed.map(DanishFormat.date),
            "officialURL": statement.officialURL,
            "email": contact?.email, "phone": contact?.phone, "contactName": contact?.name,
            "enforcementURL": Self.enforcementURL,
        ])
    }
}
