import Foundation
import Testing
@testable import IndsatsImport
import IndsatsSite

/// `indsats import budget` on copies of the shipped site, with spreadsheets made by the export,
/// by openpyxl and by LibreOffice (`Fixtures/sheets/make.py`).
@Suite("Budget import", .serialized)
struct BudgetImportTests {
    static let sheets = Repo.fixtures.appendingPathComponent("sheets")

    /// A copy of the shipped site (content, configuration, archive).
    static func shippedCopy() throws -> URL {
        let site = temporaryFolder("import").appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        for item in ["content", "indsats.yml", "arkiv"] {
            try FileManager.default.copyItem(at: Repo.root.appendingPathComponent(item), to: site.appendingPathComponent(item))
        }
        return site
    }

    /// Every content file's bytes, by path.
    static func snapshot(_ site: URL) throws -> [String: Data] {
        let content = site.appendingPathComponent("content")
        var files: [String: Data] = [:]
        for case let url as URL in FileManager.default.enumerator(at: content, includingPropertiesForKeys: nil)! where url.pathExtension == "md" {
            files[url.path.replacingOccurrences(of: site.path + "/", with: "")] = try Data(contentsOf: url)
        }
        return files
    }

    static func lines(_ data: Data?) -> [String] {
        String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    @Test("Every exported annex and the project bank, read back, change nothing")
    func roundTrip() throws {
        let site = try Self.shippedCopy()
        let output = buildSite(site).output
        let exported = ["projektbank/projektbank.xlsx", "projektbank/projektbank.csv"]
            + (try FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("bilag").path)).map { "bilag/\($0)/bilag-\($0).xlsx" }
                .filter { FileManager.default.fileExists(atPath: output.appendingPathComponent($0).path) }
        #expect(exported.count == 9)
        for path in exported {
            let plan = BudgetImport(root: site, sheetPath: output.appendingPathComponent(path).path).plan()
            #expect(plan.diagnostics.all.isEmpty, "\(path): \(plan.diagnostics.all)")
            #expect(plan.files.isEmpty, "\(path): \(plan.report)")
            #expect(plan.rowsRead > 0)
        }
    }

    @Test("Three changed cells and a 2023 column from LibreOffice change exactly those lines, and a second import nothing", arguments: ["xlsx", "ods"])
    func changedCells(format: String) throws {
        let site = try Self.shippedCopy()
        let before = try Self.snapshot(site)
        let sheet = Self.sheets.appendingPathComponent("bilag1-changed-libreoffice.\(format)").path
        let plan = BudgetImport(root: site, sheetPath: sheet).plan()
        #expect(plan.diagnostics.all.isEmpty)
        #expect(plan.write().problems.all.isEmpty)
        let after = try Self.snapshot(site)
        let changed = Set(before.keys.filter { before[$0] != after[$0] })
        let expected: [String: (removed: [String], added: [String])] = [
            "content/aktiviteter/dialogaktiviteter.md": (["  2018: \"0,9\""], ["  2018: \"1,25\""]),
            "content/aktiviteter/forebyggelse-af-social-kontrol.md": ([], ["  2023: \"0,3\""]),
            "content/aktiviteter/haandholdt-og-kontinuerlig-virksomhedsindsats-for-ledige.md": (["  2019: \"3,3\""], ["  2019: \"3,4\"", "  2023: \"3,3\""]),
            "content/aktiviteter/saerlig-virksomhedsrettet-indsats-for-kvinder.md": (["  2020: \"2,9\""], ["  2020: \"3,1\""]),
        ]
        #expect(changed == Set(expected.keys))
        #expect(Set(after.keys) == Set(before.keys))
        for (path, lines) in expected {
            let old = Self.lines(before[path]), new = Self.lines(after[path])
            let diff = new.difference(from: old)
            #expect(diff.removals.map { if case .remove(_, let line, _) = $0 { line } else { "" } } == lines.removed, "\(path)")
            #expect(diff.insertions.map { if case .insert(_, let line, _) = $0 { line } else { "" } } == lines.added, "\(path)")
        }
        // 2023 goes right after 2022.
        let added = Self.lines(after["content/aktiviteter/forebyggelse-af-social-kontrol.md"])
        #expect(added.firstIndex(of: "  2023: \"0,3\"") == added.firstIndex(of: "  2022: \"1\"").map { $0 + 1 })
        let again = BudgetImport(root: site, sheetPath: sheet).plan()
        #expect(again.files.isEmpty && again.diagnostics.all.isEmpty)
        // The site shows the new figures: Bilag 1's 2019 total of its first area, and the bank's 2023.
        let built = buildSite(site)
        #expect(!built.report.diagnostics.hasErrors)
        #expect(visibleText(read(built.output, "bilag/bif-2018-22/index.html")).contains("17,68"))
        #expect(read(built.output, "projektbank/projektbank.csv").contains("haandholdt-og-kontinuerlig-virksomhedsindsats-for-ledige;Håndholdt og kontinuerlig virksomhedsindsats for ledige;BIF;") )
        #expect(read(built.output, "projektbank/projektbank.csv").contains(";2023;3.3;3,3;3,3;"))
    }

    @Test("Bilag 1 exported and saved by LibreOffice as .xlsx and as .ods changes nothing", arguments: ["bilag1-libreoffice.xlsx", "bilag1-libreoffice.ods"])
    func libreOfficeRoundTrip(name: String) throws {
        let site = try Self.shippedCopy()
        let plan = BudgetImport(root: site, sheetPath: Self.sheets.appendingPathComponent(name).path).plan()
        #expect(plan.diagnostics.all.isEmpty)
        #expect(plan.files.isEmpty, "\(plan.report)")
        #expect(plan.rowsRead == 25)
    }

    @Test("A bad sheet gives a located message and changes no file", arguments: [
        ("unknown.xlsx", 2, 1, "no activity has the slug \"bydelsmodre\" (nearest: \"bydelsmoedre\""),
        ("unknown-title.xlsx", 2, 1, "no activity has the title \"Bydelsmødrene\" in the administration BIF (nearest: \"Bydelsmødre\""),
        ("duplicate.xlsx", 3, 4, "bydelsmoedre 2019 is given twice: in row 2 of sheet \"Ark1\""),
        ("bad-cell.xlsx", 2, 4, "sheet \"Ark1\", D2: \"3,3x\" is not an amount"),
        ("bad-cell.xlsx", 3, 4, "\"1.242\" is ambiguous"),
        ("merged-header.xlsx", 1, 4, "the header row has merged cells (D1:E1)"),
        ("merged-header-libreoffice.ods", 1, 4, "the header row has merged cells (D1:E1)"),
        ("empty.xlsx", 1, 1, "the spreadsheet is empty"),
        ("corrupt.xlsx", 1, 1, "the spreadsheet is damaged"),
        ("password.xlsx", 1, 1, "password-protected"),
        ("entity-expansion.xlsx", 1, 1, "declares XML entities of its own"),
        ("external-entity.xlsx", 1, 1, "declares XML entities of its own"),
        ("external-entity-utf16.xlsx", 1, 1, "declares XML entities of its own"),
        ("formula-without-value.xlsx", 1, 1, "sheet \"Ark1\", B2: the cell has a formula but no calculated value"),
        ("error-cells.xlsx", 2, 2, "sheet \"Ark1\", B2: the cell shows the spreadsheet error #DIV/0! instead of an amount"),
        ("error-cells.xlsx", 3, 2, "sheet \"Ark1\", B3: the cell shows the spreadsheet error #REF! instead of an amount"),
        ("error-cells.csv", 3, 2, "the spreadsheet error Err:502 instead of an amount"),
        ("formula-as-text.csv", 2, 2, "sheet \"formula-as-text\", B2: the cell holds the formula \"=1+2\" as text, not its result"),
        ("year-with-decimals.csv", 1, 3, "sheet \"year-with-decimals\", C1: the heading \"2019.0\" is not a year as written, so its column would be ignored (write the year without decimals: 2019)"),
        ("no-such-file.xlsx", 1, 1, "there is no spreadsheet at this path; check the file's name and folder"),
    ])
    func badSheet(name: String, row: Int, column: Int, message: String) throws {
        let site = try Self.shippedCopy()
        let before = try Self.snapshot(site)
        let path = Self.sheets.appendingPathComponent(name).path
        let run = try runIndsats(["import", "budget", "--root", site.path, path, "--write"])
        #expect(run.status == 1)
        #expect(run.errors.contains("\(path):\(row):\(column): error: "), "\(run.errors)")
        #expect(run.errors.contains(message), "\(run.errors)")
        #expect(run.errors.contains("nothing was changed"))
        #expect(try Self.snapshot(site) == before)
    }

    @Test("--write with one changed file read-only replaces none of them, and a written file keeps its permissions")
    func readOnlyFile() throws {
        let site = try Self.shippedCopy()
        let sheet = site.appendingPathComponent("budget.csv")
        try Data("slug;2018\ndialogaktiviteter;1,5\nhotspot;2\n".utf8).write(to: sheet)
        let folder = site.appendingPathComponent("content/aktiviteter")
        let hotspot = folder.appendingPathComponent("hotspot.md").path, dialog = folder.appendingPathComponent("dialogaktiviteter.md").path
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: hotspot)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: dialog)
        let before = try Self.snapshot(site)
        let refused = try runIndsats(["import", "budget", "--root", site.path, sheet.path, "--write"])
        #expect(refused.status == 1)
        #expect(refused.errors.contains("content/aktiviteter/hotspot.md:1:1: error: the file is read-only, so its budget is not changed"), "\(refused.errors)")
        #expect(refused.errors.contains("nothing was changed"))
        #expect(try Self.snapshot(site) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: hotspot)
        let written = try runIndsats(["import", "budget", "--root", site.path, sheet.path, "--write"])
        #expect(written.output.contains("written: 2 files"), "\(written.errors)")
        #expect(try Self.snapshot(site) != before)
        #expect(try FileManager.default.attributesOfItem(atPath: dialog)[.posixPermissions] as? Int == 0o640)
    }

    @Test("A row is matched by its title within its administration; CSV in either encoding reads as the xlsx", arguments: ["by-title.xlsx", "utf8-bom.csv", "windows-1252.csv"])
    func byTitle(name: String) throws {
        let site = try Self.shippedCopy()
        let plan = BudgetImport(root: site, sheetPath: Self.sheets.appendingPathComponent(name).path).plan()
        #expect(plan.diagnostics.all.isEmpty)
        #expect(plan.files.map(\.path) == ["content/aktiviteter/bydelsmoedre.md"])
        #expect(plan.files.first?.cells == [CellChange(year: 2019, old: "0,3", new: "0,35")])
    }
}

/// Edits of one file's `budget:`, on text.
@Suite("Budget edits in place")
struct BudgetFileEditTests {
    static let file = """
        ---
        title: Test # a comment
        budget:
          2018: '1,5'   # single quotes
          2019: 2,5
          2020:
          2022: "Driftsbudget"
        funding: x
        ---
        Body with 2019: "2,5"

        """

    @Test("Only the changed scalars are rewritten, each in its own quoting, and every other byte stays")
    func inPlace() throws {
        let after = try BudgetFileEdit(text: Self.file).applying([2018: "1,75", 2019: "3", 2020: "0,5", 2022: "Drift \"A\""])
        #expect(after == Self.file
            .replacingOccurrences(of: "'1,5'", with: "'1,75'")
            .replacingOccurrences(of: "2019: 2,5\n", with: "2019: 3\n")
            .replacingOccurrences(of: "2020:\n", with: "2020: \"0,5\"\n")
            .replacingOccurrences(of: "\"Driftsbudget\"", with: "\"Drift \\\"A\\\"\""))
    }

    @Test("A new year goes on its own line after the last earlier year, indented as its neighbours")
    func newYear() throws {
        let after = try BudgetFileEdit(text: Self.file).applying([2021: "1", 2017: "2", 2030: "3"])
        #expect(after.contains("budget:\n  2017: '2'\n  2018: '1,5'   # single quotes\n  2019: 2,5\n  2020:\n  2021: \"1\"\n  2022: \"Driftsbudget\"\n  2030: \"3\"\nfunding: x\n"))
    }

    @Test("A file without budget: gets one at the end of its front matter")
    func noBudget() throws {
        let after = try BudgetFileEdit(text: "---\ntitle: A\n---\nBody\n").applying([2023: "1,5", 2022: "1"])
        #expect(after == "---\ntitle: A\nbudget:\n  2022: \"1\"\n  2023: \"1,5\"\n---\nBody\n")
    }

    @Test("A budget written as a flow mapping is refused, not rewritten")
    func flowRefused() {
        #expect(throws: BudgetFileEdit.Problem.self) { try BudgetFileEdit(text: "---\nbudget: {2018: \"1\"}\n---\n").applying([2018: "2"]) }
    }

    @Test("A budget with a YAML anchor, alias or tag is refused with its year and line, not written over the wrong bytes", arguments: [
        ("  2018: &a \"0,9\"\n  2019: *a\n", 2018, "budget.2018 uses a YAML anchor (&)", 3),
        ("  2018: \"0,9\"\n  2019:   *a\n", 2019, "budget.2019 uses a YAML alias (*)", 4),
        ("  2018: !!str \"0,9\"\n", 2018, "budget.2018 uses a YAML tag (!)", 3),
    ])
    func yamlFeaturesRefused(budget: String, year: Int, message: String, line: Int) {
        let text = "---\nother: &a \"1\"\nbudget:\n" + budget + "---\n"
        do {
            let after = try BudgetFileEdit(text: text).applying([year: "1,5"])
            Issue.record("written: \(after)")
        } catch {
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.line == line + 1)
        }
    }

    @Test("A file with Windows line endings (CRLF) is edited in place and keeps them, new lines included")
    func windowsLineEndings() throws {
        let crlf = { (text: String) in text.replacingOccurrences(of: "\n", with: "\r\n") }
        let after = try BudgetFileEdit(text: crlf("---\ntitle: A\nbudget:\n  2018: \"0,9\"\n  2019: ''\n---\nBody\n")).applying([2019: "2", 2020: "3"])
        #expect(after == crlf("---\ntitle: A\nbudget:\n  2018: \"0,9\"\n  2019: '2'\n  2020: '3'\n---\nBody\n"))
        let added = try BudgetFileEdit(text: crlf("---\ntitle: A\n---\nBody\n")).applying([2023: "1,5"])
        #expect(added == crlf("---\ntitle: A\nbudget:\n  2023: \"1,5\"\n---\nBody\n"))
    }
}
