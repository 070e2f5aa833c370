import Foundation
import IndsatsLoad
import IndsatsModel
import IndsatsRender
import Testing

/// Which pages a changed file touches, on the shipped site: checked against what the rendered
/// pages actually link to and against the templates' includes.
@Suite("Site dependencies: which pages a file touches")
struct SiteDependencyTests {
    static let site: (dependencies: SiteDependencies, pages: [String: String], content: SiteContent) = {
        let content = ContentLoader(root: Repo.root).load().content!
        var diagnostics = Diagnostics()
        let templates = TemplateSet.load(from: Repo.templates, diagnostics: &diagnostics)
        let renderer = SiteRenderer(content: content, templates: templates)
        let html = renderer.render().filter { $0.path.hasSuffix(".html") }
        let pages = Dictionary(uniqueKeysWithValues: html.map { ($0.path, String(decoding: $0.data, as: UTF8.self)) })
        return (renderer.dependencies(), pages, content)
    }()

    var dependencies: SiteDependencies { Self.site.dependencies }
    var allPages: Set<String> { Set(Self.site.pages.keys) }

    /// The pages whose HTML links to `path` (other than the page itself).
    func pages(linkingTo path: String) -> Set<String> {
        Set(Self.site.pages.filter { $0.key != path && $0.value.contains(path) }.keys)
    }

    @Test func everyPageIsListedWithItsInputs() {
        #expect(Set(dependencies.pages) == allPages)
        #expect(dependencies.pages.count == allPages.count)
        for page in dependencies.pages {
            let inputs = dependencies.inputs(of: page)
            #expect(inputs.contains("templates/base.mustache") && inputs.contains("indsats.yml"), "\(page): \(inputs.sorted())")
        }
        let activity = SitePaths.activity("koebenhavns-kommunes-vaertsprogram")
        #expect(dependencies.inputs(of: activity).isSuperset(of: [
            "content/aktiviteter/koebenhavns-kommunes-vaertsprogram.md", "content/bilag/vaertsprogram-2010.md",
            "templates/aktivitet.mustache", "templates/partials/activity-body.mustache",
        ]))
        #expect(dependencies.inputs(of: "no/such/page.html").isEmpty)
    }

    @Test func anActivityTouchesItsPageTheListsAndFacetsThatShowItAndTheAnnexesAndReportsThatCiteIt() throws {
        let activity = try #require(Self.site.content.activities.first { $0.slug == "koebenhavns-kommunes-vaertsprogram" })
        let touched = dependencies.pages(touchedBy: activity.source.path)
        #expect(touched.contains("projektbank/koebenhavns-kommunes-vaertsprogram/index.html"))
        #expect(touched.contains("projektbank/index.html"))
        #expect(touched.contains("projektbank/efter-budget/index.html"))
        #expect(touched.contains("projektbank/forvaltning/bif/index.html"))
        #expect(touched.isSuperset(of: ["bilag/vaertsprogram-2010/index.html", "bilag/vaertsprogram-2011/index.html", "bilag/bif-2018-22/index.html"]))
        #expect(!touched.contains("barometer/index.html"))
        #expect(!touched.contains("projektbank/forvaltning/suf/index.html"))
    }

    @Test func everyPageThatLinksToAnActivityIsTouchedByItsFile() {
        for activity in Self.site.content.activities {
            let missing = pages(linkingTo: SitePaths.activity(activity.slug)).subtracting(dependencies.pages(touchedBy: activity.source.path))
            #expect(missing.isEmpty, "\(activity.slug) is shown on \(missing.sorted()) without touching them")
        }
    }

    @Test func anActivityTouchesTheIndicatorsItContributesTo() throws {
        let activity = try #require(Self.site.content.activities.first { !$0.indicators.isEmpty })
        let touched = dependencies.pages(touchedBy: activity.source.path)
        for reference in activity.indicators {
            #expect(touched.contains(SitePaths.indicator(reference.slug)))
        }
    }

    @Test func anIndicatorTouchesItsPageTheBarometerItsEditionsAndEveryPageThatShowsIt() throws {
        for indicator in Self.site.content.indicators {
            let touched = dependencies.pages(touchedBy: indicator.source.path)
            #expect(touched.contains(SitePaths.indicator(indicator.slug)))
            #expect(touched.contains(SitePaths.barometer))
            #expect(touched.isSuperset(of: allPages.filter { $0.hasPrefix("barometer/udgave/") }))
            let missing = pages(linkingTo: SitePaths.indicator(indicator.slug)).subtracting(touched)
            #expect(missing.isEmpty, "\(indicator.slug) is shown on \(missing.sorted()) without touching them")
        }
        let editions = allPages.filter { $0.hasPrefix("barometer/udgave/") }
        #expect(!editions.isEmpty)
    }

    @Test func aPolicyGoalTouchesTheBarometerItsEditionsAndTheReportsThatListIt() throws {
        let goal = try #require(Self.site.content.policyGoals.first { $0.slug == "ingen-nye-udsatte-boligomraader" })
        let touched = dependencies.pages(touchedBy: goal.source.path)
        #expect(touched.contains(SitePaths.barometer))
        #expect(touched.contains(SitePaths.report(2009)))
        #expect(touched.allSatisfy { $0.hasPrefix("barometer/") || $0.hasPrefix("statusrapporter/") })
    }

    @Test func anAnnexAndAReportTouchTheirPagesTheirListsAndThePagesThatCiteThem() {
        for annex in Self.site.content.annexes {
            let touched = dependencies.pages(touchedBy: annex.source.path)
            #expect(touched.isSuperset(of: [SitePaths.annex(annex.slug), SitePaths.annexes]))
            let missing = pages(linkingTo: SitePaths.annex(annex.slug)).subtracting(touched)
            #expect(missing.isEmpty, "\(annex.slug) is shown on \(missing.sorted()) without touching them")
        }
        for report in Self.site.content.reports {
            let touched = dependencies.pages(touchedBy: report.source.path)
            #expect(touched.isSuperset(of: [SitePaths.report(report.year), SitePaths.reports, SitePaths.home]))
            let missing = pages(linkingTo: SitePaths.report(report.year)).subtracting(touched)
            #expect(missing.isEmpty, "\(report.year) is shown on \(missing.sorted()) without touching them")
        }
    }

    @Test func aPageTemplateTouchesThePagesOfItsKindOnly() {
        let indicators = Set(Self.site.content.indicators.map { SitePaths.indicator($0.slug) })
        #expect(dependencies.pages(touchedBy: "templates/indikator.mustache") == indicators)
        #expect(dependencies.pages(touchedBy: "templates/home.mustache") == [SitePaths.home])
    }

    @Test func aPartialTouchesEveryPageThatIncludesItDirectlyOrThroughAnother() {
        // `budget` is included by `activity-body`, which the activity, annex and report pages include.
        let touched = dependencies.pages(touchedBy: "templates/partials/budget.mustache")
        #expect(touched.isSuperset(of: Self.site.content.activities.map { SitePaths.activity($0.slug) }))
        #expect(touched.contains(SitePaths.report(2009)))
        #expect(!touched.contains(SitePaths.barometer))
        // The rows are rendered apart from their list pages, and still touch them.
        let rows = dependencies.pages(touchedBy: "templates/partials/activity-row.mustache")
        #expect(rows.contains(SitePaths.projectBank))
        #expect(rows.contains(SitePaths.projectBankByBudget))
        #expect(rows.allSatisfy { $0.hasPrefix("projektbank/") })
        #expect(!rows.contains { $0.hasPrefix("projektbank/koebenhavns-kommunes-vaertsprogram/") })
    }

    @Test func theLayoutAndTheSettingsTouchEveryPageAndAnAssetNone() {
        #expect(dependencies.pages(touchedBy: "templates/base.mustache") == allPages)
        #expect(dependencies.pages(touchedBy: "indsats.yml") == allPages)
        #expect(dependencies.pages(touchedBy: "templates/assets/style.css").isEmpty)
        #expect(dependencies.pages(touchedBy: "content/aktiviteter/no-such-file.md").isEmpty)
    }
}
