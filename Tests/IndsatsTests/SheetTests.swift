import Foundation
import Testing
@testable import IndsatsSheet
import ZIPFoundation

/// `.xlsx` written and read, and Danish CSV read, without the rest of the site.
@Suite("Spreadsheets")
struct SheetTests {
    static let workbook = Workbook(sheets: [
        Worksheet(name: "Job og uddannelse", rows: [
            [.text("slug"), .text("Indsats"), .text("2019")],
            [.text("welcome-house"), .text("Welcome House & <Co>"), .number(Decimal(string: "46.4")!, decimals: 2, suffix: "*")],
            [.text("center"), .text(" Driftsbudget "), .text("Driftsbudget")],
        ]),
        Worksheet(name: "Tom", rows: []),
    ])

    @Test("The same workbook written twice gives the same bytes")
    func deterministic() throws {
        let first = try XLSXWriter.data(Self.workbook), second = try XLSXWriter.data(Self.workbook)
        #expect(first == second)
        #expect(first.prefix(2) == Data([0x50, 0x4B]))
    }

    @Test("A written workbook reads back: text as text, a number as shown with its decimals and footnote mark")
    func roundTrip() throws {
        let sheets = try XLSXReader.sheets(try XLSXWriter.data(Self.workbook))
        #expect(sheets.map(\.name) == ["Job og uddannelse", "Tom"])
        let sheet = sheets[0]
        #expect(sheet[2, 2] == .text("Welcome House & <Co>"))
        #expect(sheet[2, 3] == .number("46,40*"))
        #expect(sheet[3, 2] == .text(" Driftsbudget "))
        #expect(sheet[3, 3] == .text("Driftsbudget"))
        #expect(sheets[1].cells.isEmpty)
    }

    @Test("A number is read at the digits its format shows, never a binary float's")
    func shownDigits() {
        #expect(NumberFormat.general.shown("0.30000000000000004") == "0,3")
        #expect(NumberFormat.general.shown("1.5E-3") == "0,0015")
        #expect(NumberFormat.general.shown("-2") == "-2")
        #expect(NumberFormat(code: "0.00\"*\"").shown("46.4") == "46,40*")
        #expect(NumberFormat(code: "#,##0.0").shown("1242.25") == "1242,3")
        #expect(NumberFormat(code: "0.000;[Red]-0.000").shown("-0.5") == "-0,500")
        #expect(NumberFormat(code: "0%").shown("0.25") == "25%")
        #expect(NumberFormat(code: "yyyy-mm-dd").decimals == nil)
    }

    @Test("Sheet names are cut to the 31 characters a spreadsheet allows and kept apart")
    func sheetNames() {
        let long = "Diskrimination og social kontrol i boligområder"
        #expect(SheetNames.unique([long, long, "a/b", ""]) == [String(long.prefix(31)), String(long.prefix(27)) + " (2)", "a-b", "Ark"])
    }

    @Test("CSV in Windows-1252 and in UTF-8 with a byte-order mark reads the same")
    func csvEncodings() throws {
        let folder = Repo.fixtures.appendingPathComponent("sheets")
        let utf8 = try CSVReader.sheet(try Data(contentsOf: folder.appendingPathComponent("utf8-bom.csv")), name: "a")
        let latin = try CSVReader.sheet(try Data(contentsOf: folder.appendingPathComponent("windows-1252.csv")), name: "a")
        #expect(utf8[1, 1] == .text("slug"))
        #expect(utf8[2, 2] == .text("Bydelsmødre"))
        #expect(latin[2, 2] == .text("Bydelsmødre"))
        #expect(utf8[2, 3] == .text("0,35"))
        #expect(utf8.cells == latin.cells)
    }

    @Test("An OpenDocument sheet from LibreOffice reads as its .xlsx: numbers as shown, General at a spreadsheet's digits")
    func openDocument() throws {
        let folder = Repo.fixtures.appendingPathComponent("sheets")
        let ods = try ODSReader.sheets(try Data(contentsOf: folder.appendingPathComponent("bilag1-changed-libreoffice.ods")))
        let xlsx = try XLSXReader.sheets(try Data(contentsOf: folder.appendingPathComponent("bilag1-changed-libreoffice.xlsx")))
        #expect(ods.map(\.name) == xlsx.map(\.name))
        for (a, b) in zip(ods, xlsx) { #expect(a.cells == b.cells, "\(a.name)") }
        let discrimination = try #require(ods.first { $0.name.hasPrefix("Diskrimination") })
        #expect(discrimination[2, 9] == .number("0,3"))
        #expect(discrimination[4, 4] == .number("1,25"))
        #expect(ods[0][2, 5] == .number("3,40"))
    }

    @Test("A password-protected workbook is recognised as one, not as a damaged zip")
    func passwordProtected() throws {
        let data = try Data(contentsOf: Repo.fixtures.appendingPathComponent("sheets/password.xlsx"))
        #expect { try XLSXReader.sheets(data) } throws: { ($0 as? SheetError)?.description.contains("password-protected") == true }
    }
}

/// Spreadsheets made to hurt: parts that unpack to far more than they hold, XML that declares
/// entities. (Whole files through the import: `BudgetImportTests.badSheet`.)
@Suite("Hostile spreadsheets")
struct HostileSheetTests {
    @Test("A part that unpacks past the limit is refused with its name, before it fills memory")
    func zipBomb() throws {
        let archive = try Archive(accessMode: .create)
        let spaces = Data(repeating: 0x20, count: 1 << 20)
        try archive.addEntry(with: "xl/sharedStrings.xml", type: .file, uncompressedSize: Int64(spaces.count), compressionMethod: .deflate) { position, size in
            spaces.subdata(in: Int(position)..<Int(position) + size)
        }
        #expect(try ZipPart.read(archive, "xl/sharedStrings.xml", saveAs: ".xlsx")?.count == 1 << 20)
        #expect(throws: SheetError.self) { try ZipPart.read(archive, "xl/sharedStrings.xml", saveAs: ".xlsx", limit: 1000) }
        do { _ = try ZipPart.read(archive, "xl/sharedStrings.xml", saveAs: ".xlsx", limit: 1000) } catch {
            #expect("\(error)".contains("part xl/sharedStrings.xml unpacks to more than"))
        }
        #expect(try ZipPart.read(archive, "xl/none.xml", saveAs: ".xlsx") == nil)
    }

    @Test("XML declaring a document type is refused in UTF-8 and UTF-16; a comment or instruction before the root is not one", arguments: [
        ("<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"x\">]><a>&e;</a>", true),
        ("<?xml version=\"1.0\"?><!-- note --><?pi x?><a>&lt;!DOCTYPE</a>", false),
        ("<a><![CDATA[<!DOCTYPE a>]]></a>", false),
    ])
    func documentType(xml: String, refused: Bool) throws {
        for data in [Data(xml.utf8), xml.data(using: .utf16)!] {
            #expect(XMLWalker.declaresDocumentType(data) == refused)
            if refused {
                #expect(throws: SheetError.self) { try XMLWalker.walk(data, part: "p.xml", start: { _, _ in }) }
            }
        }
    }
}
