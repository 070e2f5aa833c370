import IndsatsModel
@testable import IndsatsRender
import Testing

/// Lists a user can make as long as they like (tags, partners, footnotes, versions) are
/// grouped and compared by the helpers below; these tests pin what the helpers do, so that
/// rewriting them (they once scanned a list per item) cannot change a page.
@Suite("Long lists in activities")
struct LongListTests {
    let here = SourceLocation(path: "content/aktiviteter/a.md")
    let config = SiteConfig(
        title: "T", committees: [.init(id: "BIU", name: "Udvalget")], administrations: [.init(id: "BIF", name: "Forvaltningen")],
        areas: ["Job"], source: SourceLocation(path: "indsats.yml"))

    func activity(_ slug: String, tags: [String]) -> Activity {
        Activity(
            slug: slug, source: here, title: slug.uppercased(), administration: Reference("BIF", at: here),
            area: Reference("Job", at: here), tags: tags, current: ActivityVersion(location: here))
    }

    @Test func aTakenSlugGetsTheFirstFreeNumberFromTwo() {
        var slugs = UniqueSlugs()
        #expect(["a-2", "a", "a", "a", "b", "a-3"].map { slugs.claim($0) } == ["a-2", "a", "a-3", "a-4", "b", "a-3-2"])
    }

    @Test func anEmptySlugBecomesXAndItsRepeatsXWithANumber() {
        var slugs = UniqueSlugs()
        #expect(["", "", "x"].map { slugs.claim($0) } == ["x", "x-2", "x-3"])
    }

    @Test func tenThousandValuesWithTheSameSlugGetTenThousandDifferentOnesInOrder() {
        var slugs = UniqueSlugs()
        let claimed = (0..<10_000).map { _ in slugs.claim("emne") }
        #expect(claimed == ["emne"] + (2...10_000).map { "emne-\($0)" })
    }

    @Test func aTagListedTwiceByOneActivityCountsItOnce() {
        let facets = ActivityFacets(activities: [activity("a", tags: ["x", "y", "x", "x"]), activity("b", tags: ["y", "x"])], config: config)
        #expect(facets.tags.map(\.label) == ["x", "y"])
        #expect(facets.tags.map(\.members) == [[0, 1], [0, 1]])
    }

    @Test func thousandsOfTagsOnOneActivityEachGetAPageInDanishOrder() {
        let tags = (1...3_000).map { "t\($0)" }
        let facets = ActivityFacets(activities: [activity("a", tags: tags.reversed() + tags)], config: config)
        #expect(facets.tags.map(\.label) == tags)
        #expect(facets.tags.map(\.slug) == tags)
        #expect(facets.tags.allSatisfy { $0.members == [0] })
    }

    @Test func tagsThatSortAlikeAreInCodePointOrderWhateverTheirOrderInTheContent() {
        for tags in [["lgbt", "LGBT", "Æble", "æble"], ["æble", "LGBT", "lgbt", "Æble"]] {
            let facets = ActivityFacets(activities: [activity("a", tags: tags)], config: config)
            #expect(facets.tags.map(\.label) == ["LGBT", "lgbt", "Æble", "æble"])
            #expect(facets.tags.map(\.slug) == ["lgbt", "lgbt-2", "aeble", "aeble-2"])
        }
    }

    @Test func partnersAddedAndRemovedAreListedInTheirOrderAndSharedOnesNotAtAll() {
        let shared = (1...2_000).map { "Partner \($0)" }
        let old = ActivityVersion(partners: shared + ["Gammel B", "Gammel A"], location: here)
        var new = ActivityVersion(partners: ["Ny B"] + shared + ["Ny A"], location: here)
        new.stated = [.partners]
        #expect(VersionDiff.changes(from: old, to: new, unit: .millionKroner) == [
            "Nye partnere: Ny B, Ny A", "Ikke længere nævnt som partnere: Gammel B, Gammel A",
        ])
        new.partners = old.partners
        #expect(VersionDiff.changes(from: old, to: new, unit: .millionKroner).isEmpty)
    }

    @Test func aBodyAVersionSharesHasNoChangedSectionsAndAChangedOneHas() {
        let body = MarkdownDocument(
            html: "<h2>Formål</h2><p>Før</p>", headings: [.init(level: 2, text: "Formål", anchor: "formaal", line: 1)],
            source: "## Formål\nFør")
        var changed = body
        changed.source = "## Formål\nEfter"
        changed.html = "<h2>Formål</h2><p>Efter</p>"
        var old = ActivityVersion(body: body, location: here)
        old.stated = [.body]
        var new = ActivityVersion(body: changed, location: here)
        new.stated = [.body]
        #expect(VersionDiff.changes(from: old, to: old, unit: .millionKroner).isEmpty)
        #expect(VersionDiff.changes(from: old, to: new, unit: .millionKroner) == ["Afsnit ændret: Formål"])
    }
}
