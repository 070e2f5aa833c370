import Foundation
import IndsatsModel
import IndsatsMustache
@testable import IndsatsRender
import Testing

/// The Mustache engine: escaping, sections, partials, layouts and the whitespace rules that
/// keep existing templates rendering byte for byte as they did under swift-mustache.
@Suite("Templates")
struct TemplateTests {
    /// Renders `context` through `main` of a library of the given templates.
    func render(_ templates: [String: String], _ context: TemplateObject, main: String = "t") throws -> String {
        var library = MustacheLibrary()
        for (name, text) in templates { library.register(try MustacheTemplate(parsing: text), named: name) }
        return String(decoding: try #require(try library.render(context, with: main)), as: UTF8.self)
    }

    func render(_ text: String, _ context: TemplateObject) throws -> String {
        try render(["t": text], context)
    }

    @Test func valuesAreEscapedForHTML() throws {
        let rendered = try render("{{x}}|{{{x}}}|{{&x}}", ["x": "<b class=\"a\">Æ & 'Ø'</b>"])
        #expect(rendered == "&lt;b class=&quot;a&quot;&gt;Æ &amp; &#39;Ø&#39;&lt;/b&gt;|<b class=\"a\">Æ & 'Ø'</b>|<b class=\"a\">Æ & 'Ø'</b>")
        #expect(MustacheLibrary.escapeHTML("ingen tegn at ændre") == "ingen tegn at ændre")
        #expect(try render("{{% CONTENT_TYPE: TEXT}}{{x}}", ["x": "<b>"]) == "<b>")
    }

    @Test func sectionsShowListsObjectsAndFlags() throws {
        let context: TemplateObject = [
            "items": [["n": "a"], ["n": "b"], ["n": "c"]] as [TemplateObject],
            "none": [String](), "yes": true, "no": false, "missing": nil, "empty": "",
            "person": ["name": "Åse"] as TemplateObject, "words": ["x", "y"],
        ]
        #expect(try render("{{#items}}{{n}}{{^last()}},{{/last()}}{{/items}}", context) == "a,b,c")
        #expect(try render("{{#items}}{{index()}}{{#first()}}*{{/first()}}{{/items}}", context) == "0*12")
        #expect(try render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}{{#missing}}M{{/missing}}{{^missing}}m{{/missing}}{{#empty}}E{{/empty}}", context) == "Ynm")
        #expect(try render("{{^empty(none)}}has{{/empty(none)}}{{#empty(none)}}none{{/empty(none)}}{{count(items)}}", context) == "none3")
        #expect(try render("{{#person}}{{name}} {{yes}}{{/person}}|{{person.name}}|{{#words}}{{.}}{{/words}}", context) == "Åse true|Åse|xy")
        #expect(try render("{{#reversed(words)}}{{.}}{{/reversed(words)}}{{uppercased(person.name)}}", context) == "yxÅSE")
    }

    /// An absent value inside an inner context hides the outer value of the same name.
    @Test func anAbsentKeyStopsTheLookUp() throws {
        let context: TemplateObject = ["title": "Side", "inner": ["title": nil] as TemplateObject, "other": ["x": "1"] as TemplateObject]
        #expect(try render("{{#inner}}[{{title}}]{{/inner}}{{#other}}[{{title}}]{{/other}}", context) == "[][Side]")
    }

    @Test func standaloneTagsTakeTheirLine() throws {
        let text = "<ul>\n{{#items}}\n  <li>{{.}}</li>\n{{/items}}\n{{! a comment }}\n</ul>\n"
        #expect(try render(text, ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
        // A tag sharing its line with text or another tag is not standalone.
        #expect(try render("a {{#yes}}\nb{{/yes}}\n", ["yes": true]) == "a \nb\n")
    }

    @Test func partialsAndLayouts() throws {
        let templates = [
            "base": "<title>{{title}}</title>\n{{$main}}default{{/main}}\n<footer>{{$foot}}fod{{/foot}}</footer>\n",
            "row": "<li>{{n}}</li>\n",
            "t": "{{<base}}{{$main}}\n<ul>\n{{#items}}\n  {{>row}}\n{{/items}}\n</ul>\n{{/main}}{{/base}}\n",
        ]
        let rendered = try render(templates, ["title": "Forside", "items": [["n": "1"], ["n": "2"]] as [TemplateObject]])
        #expect(rendered == "<title>Forside</title>\n<ul>\n  <li>1</li>\n  <li>2</li>\n</ul>\n\n<footer>fod</footer>\n")
    }

    @Test func errorsNameTheLineAndColumn() throws {
        func error(_ text: String) -> MustacheError? {
            do { _ = try MustacheTemplate(parsing: text); return nil } catch { return error }
        }
        let unclosed = try #require(error("<p>\n  {{#open}}</p>"))
        #expect((unclosed.line, unclosed.column) == (2, 3))
        #expect(unclosed.message.contains("{{#open}} is not closed"))
        let mismatched = try #require(error("{{#a}}\n{{/b}}"))
        #expect(mismatched.line == 2 && mismatched.message.contains("{{#a}}"))
        let unknown = try #require(error("x {{#size(list)}}{{/size(list)}}"))
        #expect(unknown.column == 3 && unknown.message.contains("no function size()"))
        #expect(error("{{name") != nil)
        #expect(error("{{#a}}{{/a}}{{b.c}}{{.}}{{=<% %>=}}<%d%>") == nil)
    }

    @Test func aTemplateErrorIsLocatedInTheUsersFile() throws {
        let folder = temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<p>{{#open}}</p>".write(to: folder.appendingPathComponent("t.mustache"), atomically: true, encoding: .utf8)
        try "{{>partials/nowhere}}".write(to: folder.appendingPathComponent("u.mustache"), atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        _ = TemplateSet.load(from: folder, diagnostics: &diagnostics)
        let error = try #require(diagnostics.errors.first { $0.location.path == "templates/t.mustache" })
        #expect(error.location.line == 1)
        #expect(error.location.column == 4)
        #expect(diagnostics.errors.contains { $0.location.path == "templates/u.mustache" && $0.message.contains("partials/nowhere") })
    }
}
