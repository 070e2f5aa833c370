import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// The list of committee annexes.
struct AnnexListPage: PageKindBuilder {
    let inputs: RenderInputs

    func context() -> TemplateObject {
        let kinds: [Annex.Kind: String] = [.overview: "Oversigt", .description: "Projektbeskrivelse", .statusNote: "Statusnotat"]
        return TemplateObject([
            "annexes": site.content.annexes.map { annex in
                TemplateObject([
                    "number": annex.number, "title": annex.title, "url": SitePaths.annex(annex.slug),
                    "kind": kinds[annex.kind], "date": annex.date.map(DanishFormat.date),
                    "committee": config.committee(annex.committee.slug)?.name,
                ])
            }
        ])
    }
}

extension AnnexListPage {
    /// The content files the list shows: every annex.
    func sources() -> [String] { site.content.annexes.map(\.source.path) }
}
