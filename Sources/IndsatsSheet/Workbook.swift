import Foundation

/// A cell to write: text, or a number shown with a fixed number of decimals and, after it, a
/// literal suffix (a footnote mark such as `*`), so that the cell stays a number a spreadsheet
/// can add up while it reads as printed (`46,4*`).
public enum SheetCell: Hashable, Sendable {
    case empty
    case text(String)
    case number(Decimal, decimals: Int, suffix: String = "")
}

/// One sheet to write: rows of cells, the first `frozenRows` of them kept in view (a header),
/// and optional column widths in characters.
public struct Worksheet: Sendable {
    public var name: String
    public var rows: [[SheetCell]]
    public var frozenRows: Int
    public var columnWidths: [Double]
    /// Rows shown in bold (0-based), such as the header and a total row.
    public var boldRows: Set<Int>

    public init(name: String, rows: [[SheetCell]], frozenRows: Int = 1, columnWidths: [Double] = [], boldRows: Set<Int> = [0]) {
        self.name = name
        self.rows = rows
        self.frozenRows = frozenRows
        self.columnWidths = columnWidths
        self.boldRows = boldRows
    }
}

/// A workbook to write: its sheets, in order.
public struct Workbook: Sendable {
    public var sheets: [Worksheet]

    public init(sheets: [Worksheet]) {
        self.sheets = sheets
    }
}

/// A cell as read: its text, or a number as the spreadsheet shows it (decimal comma, no
/// thousands separators, at the decimals of the cell's number format, with the format's
/// literal suffix), never a binary float's digits.
public enum ReadCell: Hashable, Sendable {
    case text(String)
    case number(String)

    /// What the cell shows.
    public var shown: String {
        switch self {
        case .text(let text), .number(let text): text
        }
    }
}

/// A sheet as read: the cells by 1-based row and column (empty cells are absent), and the
/// merged ranges, as `(first row, first column, last row, last column)`.
public struct ReadSheet: Sendable {
    public let name: String
    public var cells: [Int: [Int: ReadCell]]
    public var merged: [(top: Int, left: Int, bottom: Int, right: Int)]

    public init(name: String, cells: [Int: [Int: ReadCell]] = [:], merged: [(top: Int, left: Int, bottom: Int, right: Int)] = []) {
        self.name = name
        self.cells = cells
        self.merged = merged
    }

    /// The last row with a cell (0 when the sheet is empty).
    public var lastRow: Int { cells.keys.max() ?? 0 }

    /// The cell at a 1-based row and column.
    public subscript(row: Int, column: Int) -> ReadCell? { cells[row]?[column] }
}

/// Why a spreadsheet cannot be read at all; `description` is a sentence for the user.
public struct SheetError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Column letters: 1 → A, 27 → AA.
public enum ColumnName {
    public static func letters(_ column: Int) -> String {
        var number = column, result = ""
        while number > 0 {
            let remainder = (number - 1) % 26
            result = String(UnicodeScalar(UInt8(65 + remainder))) + result
            number = (number - 1) / 26
        }
        return result
    }

    /// The 1-based row and column of a reference such as `B12`.
    public static func parse(_ reference: String) -> (row: Int, column: Int)? {
        var column = 0, row = 0, sawDigit = false
        for scalar in reference.unicodeScalars {
            switch scalar.value {
            case 65...90 where !sawDigit: column = column * 26 + Int(scalar.value - 64)
            case 97...122 where !sawDigit: column = column * 26 + Int(scalar.value - 96)
            case 48...57: sawDigit = true; row = row * 10 + Int(scalar.value - 48)
            case 36: continue  // `$` of an absolute reference
            default: return nil
            }
            if row > 10_000_000 || column > 100_000 { return nil }
        }
        return row > 0 && column > 0 ? (row, column) : nil
    }
}
