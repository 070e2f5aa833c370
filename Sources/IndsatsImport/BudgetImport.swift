import Foundation
import IndsatsFormat
import IndsatsLoad
import IndsatsModel
import IndsatsPlatform
import IndsatsSheet

/// `indsats import budget FILE`: reads a spreadsheet's budget cells, matches its rows to
/// activities and works out which cells of which files change. Nothing is written until
/// `ImportPlan.write()`, and never when anything in the sheet is wrong.
public struct BudgetImport {
    public let root: URL
    /// The spreadsheet's path as the user gave it (messages name it so).
    public let sheetPath: String
    public let sheetName: String?

    public init(root: URL, sheetPath: String, sheetName: String? = nil) {
        self.root = root
        self.sheetPath = sheetPath
        self.sheetName = sheetName
    }

    /// Reads the content and the sheet and works out the changes.
    public func plan() -> ImportPlan {
        var plan = ImportPlan(root: root)
        let loaded = ContentLoader(root: root).load()
        guard let content = loaded.content else {
            plan.diagnostics.append(contentsOf: loaded.diagnostics)
            return plan
        }
        let sheets: [ReadSheet]
        do { sheets = try selectedSheets(try SheetFile.read(sheetPath)) } catch let error as SheetError {
            plan.diagnostics.error(error.description, at: SourceLocation(path: sheetPath))
            return plan
        } catch {
            plan.diagnostics.error("the spreadsheet cannot be read", at: SourceLocation(path: sheetPath))
            return plan
        }
        var collector = RowCollector(sheetPath: sheetPath, matcher: ActivityMatcher(content.activities), unit: content.config.budgetUnit)
        for sheet in sheets {
            let rows = BudgetTable(sheet: sheet) { place, message, hint in collector.error(at: place, message, hint: hint) }.rows()
            rows.forEach { collector.add($0) }
        }
        plan.diagnostics.append(contentsOf: collector.diagnostics)
        plan.rowsRead = collector.rowsRead
        plan.unmatchedRows = collector.unmatchedRows
        for (slug, cells) in collector.cells.sorted(by: { $0.key < $1.key }) {
            guard let activity = collector.matcher.activity(slug) else { continue }
            let changes = cells.keys.sorted().compactMap { year in Self.change(year, activity.budget[year], cells[year]!) }
            if changes.isEmpty { continue }
            plan.add(activity, changes)
        }
        return plan
    }

    func selectedSheets(_ sheets: [ReadSheet]) throws -> [ReadSheet] {
        if let sheetName {
            guard let sheet = sheets.first(where: { $0.name == sheetName }) else {
                throw SheetError("the spreadsheet has no sheet \"\(sheetName)\"; its sheets are \(sheets.map { "\"\($0.name)\"" }.joined(separator: ", "))")
            }
            if sheet.cells.isEmpty { throw SheetError("the sheet \"\(sheetName)\" is empty") }
            return [sheet]
        }
        let filled = sheets.filter { !$0.cells.isEmpty }
        if filled.isEmpty { throw SheetError("the spreadsheet is empty: no sheet has any cells") }
        return filled
    }

    /// The change of one cell, or nil when the sheet says what the file says: the same amount
    /// (`0,30` is `0,3`: a sheet pads a column to its decimals), text, mark, or both empty.
    static func change(_ year: Int, _ old: BudgetCell?, _ new: BudgetCell) -> CellChange? {
        let newText = cellText(new)
        guard let old else {
            if case .empty = new.content, new.mark == nil { return nil }
            return CellChange(year: year, old: nil, new: newText)
        }
        switch (old.content, new.content) {
        case (.amount(let a), .amount(let b)) where a.value == b.value && old.mark == new.mark: return nil
        case (.empty, .empty) where old.mark == new.mark: return nil
        case (.text(let a), .text(let b)) where a == b && old.mark == new.mark: return nil
        default: return CellChange(year: year, old: cellText(old), new: newText)
        }
    }

    /// A cell as it is written in a content file: `0,3`, `46,4*`, `32,9^4`, `Driftsbudget`.
    static func cellText(_ cell: BudgetCell) -> String {
        let mark = cell.mark.map { mark in mark.allSatisfy { $0 == "*" || $0 == "†" } ? mark : "^" + mark } ?? ""
        return DanishFormat.cell(cell) + mark
    }
}

/// One cell's change: `old` nil for a year the file did not have.
public struct CellChange: Hashable, Sendable {
    public let year: Int
    public let old: String?
    public let new: String
}

/// The spreadsheet file, by its kind: `.xlsx` (also when named otherwise, by its first bytes),
/// a password-protected or old Excel file (refused, saying so), or CSV.
enum SheetFile {
    static func read(_ path: String) throws -> [ReadSheet] {
        let bytes: [UInt8]
        switch FileBytes.read(path) {
        case .success(let read): bytes = read
        case .failure(let error) where error.code == ENOENT:
            throw SheetError("there is no spreadsheet at this path; check the file's name and folder")
        case .failure(let error): throw SheetError("the spreadsheet cannot be read: \(FileProblem.reason(error.code))")
        }
        let data = Data(bytes), name = (path as NSString).lastPathComponent
        let lower = name.lowercased()
        if lower.hasSuffix(".ods") { return try ODSReader.sheets(data) }
        if lower.hasSuffix(".xlsx") || bytes.starts(with: [0x50, 0x4B]) || bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            return try XLSXReader.sheets(data)
        }
        return [try CSVReader.sheet(data, name: (name as NSString).deletingPathExtension)]
    }
}
