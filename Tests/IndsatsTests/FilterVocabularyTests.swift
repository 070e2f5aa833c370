import IndsatsModel
@testable import IndsatsRender
import Testing

/// The project bank's vocabularies (`target_groups`, `funding_bases` in indsats.yml) and the
/// pages its long lists are split into.
@Suite("Filter vocabularies and list pages")
struct FilterVocabularyTests {
    let vocabulary = Vocabulary([
        .init(id: "flygtninge", name: "Flygtninge", phrases: ["flygtning", "familiesammenført"]),
        .init(id: "unge", name: "Unge", phrases: ["unge", "elever"]),
        .init(id: "budget", name: "Kommunens budget", phrases: ["budget 2"]),
    ])

    @Test func aPhraseMatchesWhereAWordBeginsWhateverTheCase() {
        #expect(vocabulary.terms(for: "Kvinder med flygtningebaggrund").map(\.id) == ["flygtninge"])
        #expect(vocabulary.terms(for: "UNGE flygtninge").map(\.id) == ["flygtninge", "unge"])
        // Inside a word is no match: "unge" in "Forundringer", "budget 2" in "Driftsbudget 2019".
        #expect(vocabulary.terms(for: "Forundringer").isEmpty)
        #expect(vocabulary.terms(for: "Driftsbudget 2019").isEmpty)
        #expect(vocabulary.terms(for: "Budget 2018").map(\.id) == ["budget"])
        // A term's name matches too.
        #expect(vocabulary.terms(for: "Kommunens budget").map(\.id) == ["budget"])
    }

    @Test func theNearestTermIsSuggestedOnlyWhenAWordIsClose() {
        #expect(vocabulary.nearest(to: "Flygninge i København")?.id == "flygtninge")
        #expect(vocabulary.nearest(to: "Seniorer") == nil)
    }

    @Test func aListOfTwoHundredAndOneActivitiesHasThreePages() {
        #expect(ListPagination.pageCount(0) == 1)
        #expect(ListPagination.pageCount(100) == 1)
        #expect(ListPagination.pageCount(201) == 3)
        let last = ListPagination(first: "projektbank/index.html", count: 201, number: 3)
        #expect(last.range == 200..<201)
        #expect(SitePaths.listPage("projektbank/forvaltning/bif/index.html", number: 2) == "projektbank/forvaltning/bif/side/2/index.html")
        #expect(SitePaths.listPage("projektbank/index.html", number: 1) == "projektbank/index.html")
    }

    @Test func theNavigationLinksTheEndsAndTwoPagesEitherSideWithGapsBetween() throws {
        let context = try #require(ListPagination(first: "projektbank/index.html", count: 10_000, number: 50).context())
        guard case .list(let pages)? = context.value(for: "pages") else { Issue.record("no pages"); return }
        let shown = pages.map { page -> String in
            guard case .object(let item) = page else { return "?" }
            if case .text(let gap)? = item.value(for: "gap") { return gap }
            guard case .object(let link)? = item.value(for: "link"), case .text(let number)? = link.value(for: "number") else { return "?" }
            guard case .text? = item.value(for: "ariaCurrent") else { return number }
            return "[\(number)]"
        }
        #expect(shown.joined(separator: " ") == "1 … 48 49 [50] 51 52 … 100")
        guard case .text(let next)? = context.value(for: "next") else { Issue.record("no next page"); return }
        #expect(next == "projektbank/side/51/index.html")
        #expect(ListPagination(first: "projektbank/index.html", count: 100, number: 1).context() == nil)
    }
}
