import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// The search page (`soeg/index.html`): the field, the results the script shows, and, for a
/// reader without script, the other ways into the site (facet pages, the A–Z list).
struct SearchPage: PageKindBuilder {
    let inputs: RenderInputs

    func context() -> TemplateObject {
        let lists = ProjectBankPages(inputs: inputs)
        let content = site.content
        let count = content.activities.count + content.indicators.count + content.annexes.count + content.reports.count
        return [
            "documentCount": String(count),
            "docsPerChunk": String(SearchIndex.docsPerChunk),
            "activityCountText": DanishFormat.count(content.activities.count, "indsats", "indsatser"),
            "administrations": facets.administrations.map(lists.facetLink),
            "areas": facets.areas.map(lists.facetLink),
            "hasTags": !facets.tags.isEmpty,
        ]
    }
}
