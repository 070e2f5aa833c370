import Foundation
import IndsatsModel
import IndsatsMustache

/// The preview's quick pass: a few pages rendered again at once after an edit, from this
/// renderer's indexes and rows, before the whole site is built again. Each gives exactly the
/// bytes a full build gives those pages, or nil when it cannot (then only the full pass runs).
extension SiteRenderer {
    /// The content the renderer was made from.
    public var content: SiteContent { inputs.site.content }

    /// The pages of `activities`, new versions of activities of this site (same slug), each
    /// rendered with the rest of the site as it was. An activity's page shows only its own
    /// file, its indicators, the annexes and reports citing it, and links to the facet values
    /// it belongs to; so it is exact when the edit keeps what the site groups and cites the
    /// activity by (administration, committee, area, status, tags, indicators, budget years).
    /// Nil when one of them changed, an activity is not in this site (from the same file), or
    /// a page fails.
    public func activityPages(replacing activities: [Activity]) -> [OutputFile]? {
        for activity in activities {
            guard let old = inputs.site.activity(activity.slug), old.source.path == activity.source.path, Self.sameGrouping(old, activity) else { return nil }
        }
        guard let site = inputs.site.replacing(activities) else { return nil }
        let patched = RenderInputs(site: site, facets: inputs.facets, rows: inputs.rows, options: inputs.options)
        return render(activities.map { PageSpec.activity($0.slug) }, templates: templates, inputs: patched)
    }

    /// The pages at `paths` rendered with other `templates` (the content unchanged), after an
    /// edit of the template files `changed` (`templates/x.mustache`). List pages show rows
    /// rendered once per build with the row template: they are left out when the edit touches
    /// that template. Nil when a page fails.
    public func pages(_ paths: Set<String>, with templates: TemplateSet, changed: Set<String>) -> [OutputFile]? {
        let rowFiles = Set(TemplateFiles(templates).files(of: ListRows.rowTemplate) + TemplateFiles(self.templates).files(of: ListRows.rowTemplate))
        let rowsChanged = !changed.isDisjoint(with: rowFiles)
        let chosen = pages.filter { paths.contains($0.path) && !(rowsChanged && ListRows.listTemplates.contains($0.template)) }
        return render(chosen, templates: templates, inputs: inputs.detached())
    }

    /// Whether `new` belongs to the same facet values and is cited by the same documents as `old`.
    static func sameGrouping(_ old: Activity, _ new: Activity) -> Bool {
        old.slug == new.slug && old.administration.slug == new.administration.slug && old.committee?.slug == new.committee?.slug
            && old.area.slug == new.area.slug && old.status == new.status && old.tags == new.tags
            && old.indicators.map(\.slug) == new.indicators.map(\.slug) && old.budget.years == new.budget.years
    }

    /// Some pages, one after the other (there are few); nil when one fails.
    private func render(_ chosen: [PageSpec], templates: TemplateSet, inputs: RenderInputs) -> [OutputFile]? {
        let contexts = PageContexts(inputs: inputs)
        var files: [OutputFile] = []
        for page in chosen {
            guard let html = try? templates.render(contexts.context(for: page), with: page.template) else { return nil }
            files.append(OutputFile(path: page.path, data: Data(html)))
        }
        return files
    }
}

extension TemplateFiles {
    /// The template files a template uses: itself and what it includes.
    func files(of template: String) -> [String] { byTemplate[template] ?? [] }
}
