import Foundation
@testable import IndsatsRender
import Testing

/// How the site-wide search reads text (`SearchText`) and writes its index (`SearchIndex`).
@Suite("Site-wide search")
struct SearchTests {
    @Test("Folding makes ø, oe and o meet, æ into ae and å into aa, and drops case and accents")
    func folding() {
        #expect(SearchText.words("Nørrebro Noerrebro norrebro NØRREBRO") == ["norrebro", "norrebro", "norrebro", "norrebro"])
        #expect(SearchText.words("Værtsprogram") == ["vaertsprogram"])
        #expect(SearchText.words("Bydelsmødre bydelsmoedre") == ["bydelsmodre", "bydelsmodre"])
        #expect(SearchText.words("Åbne café São Müller") == ["aabne", "cafe", "sao", "muller"])
        #expect(SearchText.words("e\u{301}tape") == ["etape"])
    }

    @Test("Words are runs of letters and digits of two characters or more")
    func tokenizing() {
        #expect(SearchText.words("BIF's 2 indsatser i Brønshøj-Husum (2022–24), LGBT+-personer")
            == ["bif", "indsatser", "bronshoj", "husum", "2022", "24", "lgbt", "personer"])
        #expect(SearchText.words("") == [])
        #expect(SearchText.words("– · …") == [])
    }

    @Test("The fast word splitter agrees with folding the whole text and splitting it")
    func fastPathAgrees() {
        let text = "Ældre ÅRHUS-borgere, Æbleø og Zoë Ærø: naïve søer, ﬁne ΑΘΗΝΑ 12,5 pct. oeoe øe"
        let reference = SearchText.fold(text).unicodeScalars.split { !SearchText.isWordScalar($0) }
            .map { String(String.UnicodeScalarView($0)).replacingOccurrences(of: "oe", with: "o") }
            .filter { $0.unicodeScalars.count > 1 }
        #expect(SearchText.words(text) == reference)
    }

    @Test("Stemming cuts one Danish ending when four characters remain")
    func stemming() {
        #expect(SearchText.stem("flygtninge") == "flygtning")
        #expect(SearchText.stem("indsatserne") == "indsats")
        #expect(SearchText.stem("bydelsmodre") == "bydelsmodr")
        #expect(SearchText.stem("projekter") == "projekt")
        #expect(SearchText.stem("unge") == "unge")
        #expect(SearchText.stem("bif") == "bif")
        #expect(SearchText.stem("vaertsprogram") == "vaertsprogram")
    }

    @Test("A query loads one shard per word, named by the first three characters of its stem")
    func shardSelection() {
        #expect(SearchText.shards(forQuery: "Flygtninge på Nørrebro") == ["fly", "paa", "nor"])
        #expect(SearchText.shards(forQuery: "flygtningene flygtninge og") == ["fly", "og"])
        #expect(SearchText.shards(forQuery: "i") == [])
        #expect(SearchText.shardFileName("fly") == "fly")
        #expect(SearchText.shardFileName("αβ1") == "_3b1_3b21")
    }

    @Test("Document sets are written as gaps or as a bitmap, whichever is shorter, and read back")
    func encoding() {
        for docs: [Int32] in [[0], [5, 6, 7, 100], Array(0..<500), Array(stride(from: 3, to: 4000, by: 2)), [70_000]] {
            let encoded = SearchIndex.encode(docs)
            #expect(Self.decode(encoded) == docs)
        }
        #expect(SearchIndex.encode(Array(0..<600)).hasPrefix("!"))
        #expect(SearchIndex.encode([1000]).hasPrefix("!") == false)
        #expect(SearchIndex.encode([]) == "")
    }

    @Test("The index puts each document in its term's best set, in the term's shard")
    func index() throws {
        let documents = [
            SearchDocument(kind: "Indsats", title: "Værtsprogram", path: "projektbank/a/index.html", lead: ["Nørrebro"], body: ["værtsprogrammet"], excerpt: ["Om"]),
            SearchDocument(kind: "Indsats", title: "Andet", path: "projektbank/b/index.html", lead: [nil], body: ["Et værtsprogram på Nørrebro"], excerpt: [nil]),
        ]
        let files = SearchIndex(documents: documents).files()
        let shard = try #require(files.first { $0.path == "soeg/t/vae.js" }).text
        #expect(shard.hasPrefix("indsatsSearch.add(\"t/vae\",{"))
        #expect(shard.contains("\"vaertsprogram\":[\"\(SearchIndex.encode([0]))\",\"\",\"\(SearchIndex.encode([1]))\"]"))
        #expect(shard.contains("\"vaertsprogrammet\":[\"\",\"\",\"\(SearchIndex.encode([0]))\"]"))
        let nor = try #require(files.first { $0.path == "soeg/t/nor.js" }).text
        #expect(nor.contains("\"norrebro\":[\"\",\"\(SearchIndex.encode([0]))\",\"\(SearchIndex.encode([1]))\"]"))
        let table = try #require(files.first { $0.path == "soeg/d/0.js" }).text
        #expect(table.contains("[\"Indsats\",\"V\\u00e6rtsprogram\",\"projektbank/a/\",\"Om\"]"))
        #expect(SearchIndex(documents: documents).files().map(\.data) == files.map(\.data))
    }

    @Test("Rendered Markdown is indexed word for word as its plain text, and an excerpt reads only its start")
    func htmlBodies() {
        let html = "<h2>Formål</h2>\n<p>R&amp;D på <em>Nørre</em>bro &lt;b&gt; &quot;citat&quot; Rock&#39;n&#39;roll &amp;lt; AT&amp;T</p>\n<ul><li>ét</li></ul>"
        var fromHTML: [String] = []
        SearchText.forEachWord(inUTF8: html, html: true) { word, _ in fromHTML.append(String(decoding: word, as: UTF8.self)) }
        #expect(fromHTML == SearchText.words(PlainText.of(html)))
        #expect(fromHTML.contains("norre") && fromHTML.contains("bro") && fromHTML.contains("lt") && !fromHTML.contains("quot"))
        let long = String(repeating: "<p>Et afsnit med &amp; og &quot;ord&quot; i Brønshøj.</p>\n", count: 400)
        let start = PlainText.start(of: long), whole = PlainText.of(long)
        #expect(whole.hasPrefix(start) && start.utf8.count < whole.utf8.count / 4)
        #expect(SearchDocument.cut(start) == SearchDocument.cut(whole) && SearchDocument.cut(start).hasSuffix(" …"))
        let spaced = String(repeating: "<p>a   \n\n   b</p>\n", count: 400)
        #expect(PlainText.start(of: spaced).utf8.count > 4 * SearchDocument.excerptLength && SearchDocument.cut(PlainText.start(of: spaced)) == SearchDocument.cut(PlainText.of(spaced)))
        let asHTML = SearchDocument(kind: "Indsats", title: "A", path: "a/", lead: [], body: [], html: [long], excerpt: [start])
        let asText = SearchDocument(kind: "Indsats", title: "A", path: "a/", lead: [], body: [whole], excerpt: [whole])
        #expect(SearchIndex(documents: [asHTML]).files().map(\.data) == SearchIndex(documents: [asText]).files().map(\.data))
    }

    /// The reading `soeg.js` does, for the round trip.
    static func decode(_ set: String) -> [Int32] {
        let digits = Dictionary(uniqueKeysWithValues: SearchIndex.alphabet.enumerated().map { ($1, $0) })
        let bytes = Array(set.utf8)
        var docs: [Int32] = []
        if bytes.first == UInt8(ascii: "!") {
            for (index, byte) in bytes.dropFirst().enumerated() {
                for bit in 0..<6 where digits[byte]! & (1 << bit) != 0 { docs.append(Int32(index * 6 + bit)) }
            }
            return docs
        }
        var doc: Int32 = -1, gap = 0, shift = 0
        for byte in bytes {
            let value = digits[byte]!
            gap += (value & 31) << shift
            if value & 32 != 0 { shift += 5; continue }
            doc += Int32(gap) + 1
            docs.append(doc)
            gap = 0
            shift = 0
        }
        return docs
    }
}

extension OutputFile {
    fileprivate var text: String { String(decoding: data, as: UTF8.self) }
}
