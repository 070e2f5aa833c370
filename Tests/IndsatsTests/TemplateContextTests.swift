import Foundation
import IndsatsLoad
import IndsatsModel
import IndsatsMustache
@testable import IndsatsRender
import Testing

/// Each template knows its context: the names declared per page kind (`TemplateContexts`) are
/// the names the contexts set, and a name no page of a kind provides is a warning.
@Suite("Template contexts")
struct TemplateContextTests {
    /// The names every page context of the shipped site and the fixture sites sets, per
    /// template (with the project bank's rows, rendered with a context of their own).
    static let actual: [String: ContextSchema] = {
        var schemas: [String: ContextSchema] = [:]
        for root in [Repo.root] + ["valid-site", "barometer", "project-bank"].map({ Repo.fixtures.appendingPathComponent($0) }) {
            guard let content = ContentLoader(root: root).load().content else { continue }
            var diagnostics = Diagnostics()
            let templates = TemplateSet.load(from: Repo.root.appendingPathComponent("templates"), diagnostics: &diagnostics)
            let renderer = SiteRenderer(content: content, templates: templates)
            let contexts = PageContexts(inputs: renderer.inputs)
            for page in renderer.pages {
                schemas[page.template, default: []].merge(ContextSchema(of: .object(contexts.context(for: page))))
            }
            for activity in content.activities {
                var row = ListRows.row(activity, config: content.config)
                row["root"] = "../"
                schemas["partials/activity-row", default: []].merge(ContextSchema(of: .object(row)))
            }
        }
        return schemas
    }()

    @Test(arguments: TemplateContexts.pages.map(\.template))
    func theDeclaredNamesAreTheNamesTheContextsSet(_ template: String) throws {
        let declared = try #require(TemplateContexts.pages.first { $0.template == template }).schema
        let actual = try #require(Self.actual[template], "no page of the shipped site uses \(template)")
        #expect(Self.difference(actual, declared).isEmpty, "set but not declared: \(Self.difference(actual, declared))")
        #expect(Self.difference(declared, actual, seen: true).isEmpty, "declared but never set: \(Self.difference(declared, actual, seen: true))")
    }

    @Test func everyPageTemplateHasItsContextDeclared() {
        let templates = Set(Self.actual.keys)
        #expect(templates == Set(TemplateContexts.pages.map(\.template)))
        #expect(Set(TemplateSet.required).subtracting(["base"]) == templates)
    }

    /// The dotted names in `a` that `b` does not have. With `seen`, `b` is what the sites'
    /// pages set, and the fields of an object none of them has (no activity of the shipped
    /// site has a contact) are left out; every key is set even when its value is absent.
    static func difference(_ a: ContextSchema, _ b: ContextSchema, seen: Bool = false, prefix: String = "") -> [String] {
        if seen && b.fields.isEmpty { return [] }
        return a.fields.keys.sorted().flatMap { name -> [String] in
            guard let other = b.fields[name] else { return [prefix + name] }
            return difference(a.fields[name]!, other, seen: seen, prefix: prefix + name + ".")
        }
    }

    @Test func theShippedTemplatesUseOnlyNamesTheirPagesProvide() {
        var diagnostics = Diagnostics()
        _ = TemplateSet.load(from: Repo.templates, diagnostics: &diagnostics)
        #expect(diagnostics.all.isEmpty, "\(diagnostics.all)")
    }

    /// The warnings for a library of the shipped templates with some replaced or added.
    func warnings(_ replaced: [String: String]) throws -> [String] {
        var library = MustacheLibrary()
        var diagnostics = Diagnostics()
        let shipped = TemplateSet.load(from: Repo.templates, diagnostics: &diagnostics)
        for name in shipped.names where replaced[name] == nil {
            library.register(try #require(shipped.library.template(named: name)), named: name)
        }
        for (name, text) in replaced { library.register(try MustacheTemplate(parsing: text), named: name) }
        return TemplateVariableCheck.check(library).map(\.description)
    }

    @Test func aMisspeltNameIsAWarningAtItsTagWithASuggestion() throws {
        let page = "{{<base}}{{$main}}\n<h1>{{titel}}</h1>\n{{/main}}{{/base}}"
        let found = try warnings(["aktivitet": page])
        #expect(found == [
            "templates/aktivitet.mustache:2:5: warning: \"titel\" is not a variable of the activity page (did you mean \"title\"?)",
        ], "\(found)")
    }

    @Test func namesAreLookedUpThroughTheEnclosingSections() throws {
        let page = """
            {{<base}}{{$main}}
            {{#budget}}{{#rows}}{{year}} {{unit}} {{title}} {{#cell}}{{text}}{{/cell}} {{yeer}}{{/rows}}{{/budget}}
            {{budget.total}} {{budget.totl}} {{.title}} {{.year}}
            {{/main}}{{/base}}
            """
        let found = try warnings(["aktivitet": page])
        #expect(found == [
            "templates/aktivitet.mustache:2:76: warning: \"yeer\" is not a variable of the activity page (did you mean \"year\"?)",
            "templates/aktivitet.mustache:3:18: warning: \"budget.totl\" is not a variable of the activity page (did you mean \"budget.total\"?)",
            "templates/aktivitet.mustache:3:45: warning: \".year\" is not a variable of the activity page (did you mean \".area\"?)",
        ], "\(found)")
    }

    @Test func functionsAndListPositionsAreUnderstood() throws {
        let page = """
            {{<base}}{{$main}}
            {{^empty(partners)}}{{count(partners)}}{{/empty(partners)}}{{#first(goals)}}{{text}}{{/first(goals)}}
            {{#reversed(versions)}}{{index()}}{{#last()}}{{note}}{{/last()}}{{#changes}}{{.}}{{/changes}}{{/reversed(versions)}}
            {{uppercased(title)}}{{^empty(partnrs)}}{{/empty(partnrs)}}{{#first(goals)}}{{txt}}{{/first(goals)}}
            {{/main}}{{/base}}
            """
        let found = try warnings(["aktivitet": page])
        #expect(found == [
            "templates/aktivitet.mustache:4:22: warning: \"partnrs\" is not a variable of the activity page (did you mean \"partners\"?)",
            "templates/aktivitet.mustache:4:77: warning: \"txt\" is not a variable of the activity page (did you mean \"text\"?)",
        ], "\(found)")
    }

    @Test func aMisspeltSectionIsOneWarningNotOneForEachNameInside() throws {
        let page = "{{<base}}{{$main}}{{#budgt}}{{unit}} {{whatever}}{{/budgt}}{{/main}}{{/base}}"
        let found = try warnings(["aktivitet": page])
        #expect(found == [
            "templates/aktivitet.mustache:1:19: warning: \"budgt\" is not a variable of the activity page (did you mean \"budget\"?)",
        ], "\(found)")
    }

    /// `partials/cell` sees a cell inside `{{#cells}}`, and the page's names outside any section.
    @Test func aPartialIsCheckedInsideTheSectionItIsIncludedIn() throws {
        let inside = "{{<base}}{{$main}}{{#budget}}{{#rows}}{{#cell}}{{>partials/cell}}{{/cell}}{{/rows}}{{/budget}}{{/main}}{{/base}}"
        #expect(try warnings(["aktivitet": inside]).isEmpty)
        let outside = "{{<base}}{{$main}}{{>partials/cell}}{{/main}}{{/base}}"
        // Inside a section whose name is not there, nothing more is reported.
        let found = try warnings(["emner": outside])
        #expect(found == [
            "templates/partials/cell.mustache:1:1: warning: \"blank\" is not a variable of the tag page",
            "templates/partials/cell.mustache:1:109: warning: \"blank\" is not a variable of the tag page",
            "templates/partials/cell.mustache:1:119: warning: \"isText\" is not a variable of the tag page",
            "templates/partials/cell.mustache:1:180: warning: \"isText\" is not a variable of the tag page",
            "templates/partials/cell.mustache:1:191: warning: \"text\" is not a variable of the tag page (did you mean \"root\"?)",
            "templates/partials/cell.mustache:1:220: warning: \"mark\" is not a variable of the tag page (did you mean \"nav\"?)",
            "templates/partials/cell.mustache:1:257: warning: \"computed\" is not a variable of the tag page",
        ], "\(found)")
    }

    /// What a misspelt block holds is silently left out of the page.
    @Test func anOverrideOfABlockTheLayoutDoesNotHaveIsAWarning() throws {
        let page = "{{<base}}{{$head}}<style></style>{{/head}}\n{{$mian}}<h1>{{title}}</h1>{{/mian}}{{/base}}"
        let found = try warnings(["aktivitet": page])
        #expect(found == [
            "templates/aktivitet.mustache:2:1: warning: the layout \"base\" has no block \"mian\", so what {{$mian}} holds is not shown (did you mean \"main\"?)",
        ], "\(found)")
    }

    @Test func aPartialThatSeveralPagesShowNamesThePagesWithoutTheName() throws {
        let body = "{{#budget}}{{unit}}{{/budget}} {{idPrefix}}{{idPrefx}}"
        let found = try warnings(["partials/activity-body": body])
        #expect(found == [
            "templates/partials/activity-body.mustache:1:44: warning: \"idPrefx\" is not a variable of the activity page, the annex page or the report page (did you mean \"idPrefix\"?)",
        ], "\(found)")
        let layout = try String(contentsOf: Repo.templates.appendingPathComponent("base.mustache"), encoding: .utf8)
            .replacingOccurrences(of: "{{pageTitle}}", with: "{{pagetitle}}")
        let layoutWarnings = try warnings(["base": layout])
        #expect(layoutWarnings == [
            "templates/base.mustache:6:19: warning: \"pagetitle\" is not a variable of any page (did you mean \"pageTitle\"?)",
        ], "\(layoutWarnings)")
    }
}
