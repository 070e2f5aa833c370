import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsMustache

/// An activity shown inside an annex or a report.
struct EmbeddedActivity: PageKindBuilder {
    let inputs: RenderInputs

    /// An activity shown inside another document: its ids prefixed with its slug, and its
    /// section headings (and its body's) moved down to `headingLevel`, so the page's outline
    /// stays in order.
    /// An activity whose `current` is an older version (an annex describing that version) is
    /// shown as that version stood, without today's status and tags.
    func context(_ activity: Activity, headingLevel: Int) -> TemplateObject {
        let isOlder = activity.current != (site.activity(activity.slug)?.current ?? activity.current)
        var page = ActivityPage(inputs: inputs).context(activity, versionPage: isOlder)
        let prefix = activity.slug + "-"
        page["idPrefix"] = prefix
        page["h"] = "h\(headingLevel)"
        if case .text(let body)? = page.value(for: "body") {
            page["body"] = MarkdownHeadings.shift(body.replacingOccurrences(of: " id=\"", with: " id=\"\(prefix)"), by: headingLevel - 2)
        }
        return page
    }
}

/// Moves the headings of rendered Markdown down by some levels (`<h2>` → `<h5>`), at most to
/// `<h6>`. The HTML comes from cmark, whose heading tags have this exact form.
enum MarkdownHeadings {
    static func shift(_ html: String, by levels: Int) -> String {
        guard levels > 0 else { return html }
        var result = html
        for level in stride(from: 6, through: 1, by: -1) {
            let target = min(6, level + levels)
            result = result.replacingOccurrences(of: "<h\(level)", with: "<h\(target)")
                .replacingOccurrences(of: "</h\(level)>", with: "</h\(target)>")
        }
        return result
    }
}
