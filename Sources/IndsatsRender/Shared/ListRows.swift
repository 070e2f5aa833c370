import IndsatsFormat
import IndsatsModel
import IndsatsMustache
import IndsatsPlatform

/// The project bank's rows (`partials/activity-row`), rendered once per activity and page
/// depth rather than once per list page: root (`../../`) → HTML by position in
/// `ActivityFacets.byTitle`.
struct ListRows: Sendable {
    let byRoot: [String: [String]]

    /// The templates of the pages that show rows, and the row's own.
    static let listTemplates: Set<String> = ["projektbank", "projektbank-liste"]
    static let rowTemplate = "partials/activity-row"

    /// The rows for every depth at which `pages` has a list page; a row that cannot be
    /// rendered is reported to `failed` (and left empty).
    static func render(
        _ activities: [Activity], for pages: [PageSpec], config: SiteConfig, templates: TemplateSet,
        failed: @escaping @Sendable (String, MustacheRenderError) -> Void
    ) -> ListRows {
        let roots = Set(pages.filter { listTemplates.contains($0.template) }.map { SitePaths.root(of: $0.path) }).sorted()
        // The "Budget i alt" column is a summary: one number of decimals, rounded (0,1 mio. kr.).
        let decimals = DanishFormat.summaryDecimals(config.budgetUnit)
        // One job per activity: its row's context is built once and rendered per depth.
        let rows = Collected<(Int, [String])>()
        ParallelMap.forEach(Array(activities.indices), sharing: templates) { templates, index in
            var context = row(activities[index], config: config, decimals: decimals)
            rows.append((index, roots.map { root in
                context["root"] = root
                do throws(MustacheRenderError) {
                    return String(decoding: try templates.render(context, with: rowTemplate, capacity: 1024), as: UTF8.self)
                } catch {
                    failed("the project bank's row of \(activities[index].slug)", error)
                    return ""
                }
            }))
        }
        var byRoot = Dictionary(uniqueKeysWithValues: roots.map { ($0, Array(repeating: "", count: activities.count)) })
        for (position, html) in rows.items {
            for (root, row) in zip(roots, html) { byRoot[root]![position] = row }
        }
        return ListRows(byRoot: byRoot)
    }

    /// The rows at `positions`, joined, for a page at depth `root`.
    func html(_ positions: [Int], root: String) -> String {
        var html = ""
        if let rendered = byRoot[root] {
            html.reserveCapacity(positions.count * 600)
            for position in positions { html += rendered[position] }
        }
        return html
    }

    /// One row of an activity list; its context is built once per activity.
    /// `decimals`: those of the column of totals (see `DanishFormat.summaryDecimals`).
    static func row(_ activity: Activity, config: SiteConfig, decimals: Int = 0) -> TemplateObject {
        let budget = activity.budget
        let years = budget.years
        var row = TemplateObject(capacity: 11)
        row.add("slug", activity.slug)
        row.add("title", activity.title)
        row.add("url", SitePaths.activity(activity.slug))
        row.add("summary", activity.summary)
        row.add("administration", activity.administration.slug)
        row.add("area", activity.area.slug)
        row.add("targetGroup", activity.targetGroup)
        row.add("years", DanishFormat.years(years))
        row.add("total", budget.hasAmounts ? DanishFormat.number(budget.total, decimals: decimals) : nil)
        return row
    }
}
