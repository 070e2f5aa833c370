import IndsatsLoad
import Testing

@Suite("Markdown through libcmark")
struct MarkdownTests {
    @Test func rawHTMLIsOmittedUnlessTheSiteAllowsIt() {
        let text = "Tekst <script>alert(1)</script>\n\n<div>blok</div>\n"
        let safe = MarkdownRenderer().render(text).html
        #expect(!safe.contains("<script>"))
        #expect(!safe.contains("<div>"))
        #expect(safe.contains("raw HTML omitted"))
        #expect(MarkdownRenderer(allowRawHTML: true).render(text).html.contains("<div>blok</div>"))
    }

    @Test func javascriptLinksAreEmptied() {
        #expect(!MarkdownRenderer().render("[x](javascript:alert(1))").html.contains("javascript:"))
    }

    @Test func headingsGetAnchorsAndSections() {
        let document = MarkdownRenderer().render("## Formål\nA\n\n## Målgruppe\nB\n\n## Formål\nC\n")
        #expect(document.headings.map(\.anchor) == ["formaal", "maalgruppe", "formaal-2"])
        #expect(document.html.contains("<h2 id=\"maalgruppe\">Målgruppe</h2>"))
        #expect(document.sections.map(\.markdown) == ["A", "B", "C"])
    }

    @Test func frontMatterIsSplitWithLineNumbers() throws {
        let file = try #require(FrontMatterFile.split("---\ntitle: A\n---\nBody\n"))
        #expect(file.yaml == "title: A")
        #expect(file.yamlLine == 2)
        #expect(file.body.hasPrefix("Body"))
        #expect(file.bodyLine == 4)
        #expect(FrontMatterFile.split("title: A\n") == nil)
    }
}
