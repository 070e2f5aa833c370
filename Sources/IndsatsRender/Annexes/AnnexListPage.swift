import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// The list of committee annexes, in `DocumentOrder`: each with its meeting date (or
/// "Udateret"), its committee, and its PDF when the build prints PDFs.
struct AnnexListPage: PageKindBuilder {
    let inputs: RenderInputs

    func context() -> TemplateObject {
        let kinds: [Annex.Kind: String] = [.overview: "Oversigt", .description: "Projektbeskrivelse", .statusNote: "Statusnotat"]
        let annexes = DocumentOrder.annexes(site.content.annexes, config: config)
        return TemplateObject([
            "count": DanishFormat.count(annexes.count, "bilag", "bilag"),
            "hasPDF": options.pdf && !annexes.isEmpty,
            "annexes": annexes.map { annex in
                let committee = config.committee(annex.committee.slug)?.name
                let dateText = annex.date.map(DanishFormat.date) ?? "Udateret"
                return TemplateObject([
                    "number": annex.number, "title": annex.title, "url": SitePaths.annex(annex.slug),
                    "kind": kinds[annex.kind], "date": annex.date.map(DanishFormat.date), "dateText": dateText,
                    "committee": committee,
                    // What tells this entry apart from another with the same number, for a link's accessible name.
                    "label": ["Bilag \(annex.number)", committee ?? annex.committee.slug, dateText, annex.title].joined(separator: ", "),
                    "pdf": options.pdf ? SitePaths.annexPDF(annex.slug) : nil,
                ])
            },
        ])
    }
}

extension AnnexListPage {
    /// The content files the list shows: every annex.
    func sources() -> [String] { site.content.annexes.map(\.source.path) }
}
