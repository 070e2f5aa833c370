import Foundation
import IndsatsModel
@testable import IndsatsRender
import Testing

/// Templates escape every `{{value}}` for HTML; only `{{{value}}}` is inserted as it is.
@Suite("Templates")
struct TemplateTests {
    func library(_ text: String) throws -> TemplateSet {
        let folder = temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(at: folder) }
        try text.write(to: folder.appendingPathComponent("t.mustache"), atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        return TemplateSet.load(from: folder, diagnostics: &diagnostics)
    }

    @Test func valuesAreEscapedForHTML() throws {
        let templates = try library("{{x}}|{{{x}}}")
        let rendered = templates.render(["x": "<b class=\"a\">Æ & 'Ø'</b>"], with: "t")
        #expect(rendered == "&lt;b class=&quot;a&quot;&gt;Æ &amp; &#39;Ø&#39;&lt;/b&gt;|<b class=\"a\">Æ & 'Ø'</b>")
        #expect(HTMLEscaping.escape("ingen tegn at ændre") == "ingen tegn at ændre")
    }

    @Test func aParseErrorIsLocatedInTheUsersFile() throws {
        let folder = temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(at: folder) }
        try "<p>{{#open}}</p>".write(to: folder.appendingPathComponent("t.mustache"), atomically: true, encoding: .utf8)
        var diagnostics = Diagnostics()
        _ = TemplateSet.load(from: folder, diagnostics: &diagnostics)
        let error = try #require(diagnostics.errors.first { $0.location.path == "templates/t.mustache" })
        #expect(error.location.line == 1)
        #expect(error.location.column <= 17)
    }
}
