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

    @Test func sectionsNestedThousandsDeepAreAnErrorNotACrash() throws {
        func error(_ text: String) -> MustacheError? {
            do { _ = try MustacheTemplate(parsing: text); return nil } catch { return error }
        }
        // 5,000 unclosed sections overflowed the stack while parsing (SIGSEGV).
        let deep = try #require(error(String(repeating: "{{#a}}", count: 5000)))
        #expect((deep.line, deep.column) == (1, 601))
        #expect(deep.message.hasPrefix("more than 100 sections are open here"))
        // As deep as allowed, closed, still renders.
        let nested = String(repeating: "{{#a}}", count: 100) + "x" + String(repeating: "{{/a}}", count: 100)
        #expect(try render(nested, ["a": true]) == "x")
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

    /// Loads `templates` (name → text) as a site's templates folder; the diagnostics as printed.
    func load(_ templates: [String: String]) throws -> [String] {
        let folder = temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in templates {
            let file = folder.appendingPathComponent("\(name).mustache")
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
        }
        var diagnostics = Diagnostics()
        _ = TemplateSet.load(from: folder, diagnostics: &diagnostics)
        return diagnostics.sorted.map(\.description).filter { !$0.contains("is missing") }
    }

    @Test func tagsKeepTheirLineAndColumn() throws {
        let template = try MustacheTemplate(parsing: "<p>æøå {{title}}</p>\n\r\n  {{#rows}}{{>partials/row}}{{/rows}}\n{{<base}}{{/base}}")
        guard case .variable(let title) = template.tags[0], case .section(let rows, _, let content) = template.tags[1],
              case .partial(let row, nil) = content[0], case .partial(let base, _?) = template.tags[2]
        else { Issue.record("\(template.tags)"); return }
        // Columns count characters, not bytes.
        #expect(title.position == TagPosition(line: 1, column: 8))
        #expect(rows.position == TagPosition(line: 3, column: 3))
        #expect(row.position == TagPosition(line: 3, column: 12) && row.name == "partials/row" && !row.isParent)
        #expect(base.position == TagPosition(line: 4, column: 1) && base.isParent)
        #expect(template.references.map(\.name) == ["partials/row", "base"])
    }

    @Test func aMissingPartialOrParentIsReportedAtItsTag() throws {
        let diagnostics = try load([
            "base": "<main>{{$main}}{{/main}}</main>",
            "partials/footnotes": "<ol></ol>",
            "t": "<p>\n\n  {{#rows}}{{>partials/fodnoter}}{{/rows}}\n{{<basis}}{{/basis}}",
        ])
        #expect(diagnostics == [
            "templates/t.mustache:3:12: error: the template includes \"partials/fodnoter\", but there is no templates/partials/fodnoter.mustache (did you mean \"partials/footnotes\"?)",
            "templates/t.mustache:4:1: error: the template inherits \"basis\", but there is no templates/basis.mustache (did you mean \"base\"?)",
        ])
    }

    @Test func templatesThatIncludeThemselvesAreAnErrorWithTheChain() throws {
        let diagnostics = try load([
            "partials/a": "<p>\n  {{>partials/a}}",
            "partials/b": "{{>partials/c}}",
            "partials/c": "{{#rows}}\n{{>partials/b}}{{/rows}}",
            "partials/x": "{{>partials/y}}",
            "partials/y": "{{#z}}{{>partials/z}}{{/z}}",
            "partials/z": "{{^empty(x)}}{{>partials/x}}{{/empty(x)}}",
            "base": "{{<frame}}{{/frame}}",
            "frame": "{{$main}}{{<base}}{{/base}}{{/main}}",
        ])
        #expect(diagnostics == [
            "templates/base.mustache:1:1: error: the template \"base\" inherits itself: base → frame → base (a layout may not inherit itself, directly or through others)",
            "templates/partials/a.mustache:2:3: error: the partial \"partials/a\" includes itself: partials/a → partials/a (a template may not include itself, directly or through others)",
            "templates/partials/b.mustache:1:1: error: the partial \"partials/b\" includes itself: partials/b → partials/c → partials/b (a template may not include itself, directly or through others)",
            "templates/partials/x.mustache:1:1: error: the partial \"partials/x\" includes itself: partials/x → partials/y → partials/z → partials/x (a template may not include itself, directly or through others)",
        ])
    }

    @Test func aTemplateThatDoesNotParseIsReportedOnceAndARequiredOneThatIsMissing() throws {
        let folder = temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{#open}}".write(to: folder.appendingPathComponent("home.mustache"), atomically: true, encoding: .utf8)
        try "{{>home}}".write(to: folder.appendingPathComponent("emner.mustache"), atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        _ = TemplateSet.load(from: folder, diagnostics: &diagnostics)
        let printed = diagnostics.sorted.map(\.description)
        #expect(printed.filter { $0.contains("home") } == ["templates/home.mustache:1:1: error: the template does not parse: the section {{#open}} is not closed"])
        #expect(printed.contains("templates/aktivitet.mustache:1:1: error: the template aktivitet.mustache is missing"))
        #expect(printed.count == 1 + TemplateSet.required.count - 2)
    }

    @Test func aMissingTemplatesFolderIsOneError() {
        let scratch = temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(at: scratch) }
        var diagnostics = Diagnostics()
        _ = TemplateSet.load(from: scratch.appendingPathComponent("nowhere"), diagnostics: &diagnostics)
        #expect(diagnostics.all.map(\.description) == ["templates:1:1: error: there is no templates folder (give its place with --templates DIR)"])
    }

    /// The Mustache specification's recursive partial: it ends where the data ends.
    @Test func aPartialMayIncludeItselfWhereTheDataEndsTheRecursion() throws {
        let tree: TemplateObject = ["content": "X", "nodes": [["content": "Y", "nodes": [TemplateObject]()] as TemplateObject]]
        #expect(try render(["t": "{{>node}}", "node": "{{content}}<{{#nodes}}{{>node}}{{/nodes}}>"], tree) == "X<Y<>>")
    }

    @Test func recursionWithoutEndStopsAtTheDepthLimitWithTheChain() throws {
        var library = MustacheLibrary()
        library.register(try MustacheTemplate(parsing: "{{>a}}"), named: "t")
        // Twice per level: stopping must not take 2^64 steps either.
        library.register(try MustacheTemplate(parsing: "{{>b}}{{>b}}"), named: "a")
        library.register(try MustacheTemplate(parsing: "<p>\n {{>a}}{{>a}}"), named: "b")
        #expect(library.cycles().map(\.names) == [["a", "b", "a"]])
        do {
            _ = try library.render(["x": "1"], with: "t")
            Issue.record("rendered without end")
        } catch {
            #expect(error.chain.count == MustacheLibrary.maximumDepth + 1)
            #expect(Array(error.chain.prefix(4)) == ["t", "a", "b", "a"])
            #expect(error.refused == "a" && error.chain.last == "b")
            #expect(error.position == TagPosition(line: 2, column: 2))
            #expect(error.description.hasPrefix("partials, parents and blocks are nested more than 64 deep: t → a → b → a"))
        }
        // A partial named by a value is followed too.
        library.register(try MustacheTemplate(parsing: "{{>*name}}"), named: "self")
        #expect(throws: MustacheRenderError.self) { try library.render(["name": "self"], with: "self") }
    }

    @Test func aBlockInsideItsOwnOverrideIsAnError() throws {
        func error(_ text: String) -> MustacheError? {
            do { _ = try MustacheTemplate(parsing: text); return nil } catch { return error }
        }
        let own = try #require(error("{{<base}}{{$main}}\n  {{$main}}x{{/main}}{{/main}}{{/base}}"))
        #expect((own.line, own.column) == (2, 3))
        #expect(own.message.hasPrefix("the override of the block \"main\" contains itself: main → main"))
        let mutual = try #require(error("{{<base}}{{$a}}{{#x}}{{$b}}{{/b}}{{/x}}{{/a}}{{$b}}{{$a}}{{/a}}{{/b}}{{/base}}"))
        #expect((mutual.line, mutual.column) == (1, 22))
        #expect(mutual.message.hasPrefix("the override of the block \"a\" contains itself: a → b → a"))
        // Blocks of other names, and the same name outside an override, are fine.
        #expect(error("{{<base}}{{$main}}{{$head}}{{/head}}{{/main}}{{/base}}{{$a}}{{$a}}{{/a}}{{/a}}") == nil)
    }
}
