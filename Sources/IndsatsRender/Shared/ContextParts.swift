import Foundation
import IndsatsFormat
import IndsatsModel
import IndsatsMustache

// A page's template context is a `TemplateObject`: named values of a closed set of kinds
// (text, flag, list, object), cheap for the template engine to read. Built from name–value
// pairs (`TemplateObject(["title": title])`, nil and empty texts becoming absent values, which
// render as nothing and hide a `{{#name}}` section), or with the typed `add` on hot paths.
// Below: the parts that several page kinds show.

func footnotesContext(_ footnotes: [Footnote]) -> [TemplateObject] {
    footnotes.map { ["mark": $0.mark, "text": $0.text] }
}

/// A cell of a number column: an amount with the column's `decimals` (padded, never rounded:
/// see `DanishFormat.columnDecimals`), a text as printed, or, for an empty cell, a dash (the one
/// the source printed, else "–") that a screen reader reads as "ingen værdi".
func cellContext(_ cell: BudgetCell?, decimals: Int = 0) -> TemplateObject {
    var context = TemplateObject(capacity: 5)
    let text = cell.map { DanishFormat.cell($0, decimals: decimals) } ?? ""
    let isText: Bool
    if case .text(let printed)? = cell?.content { isText = !printed.isEmpty } else { isText = false }
    let blank = cell?.amount == nil && !isText
    context.add("text", blank ? (text.isEmpty ? "–" : text.replacingOccurrences(of: "-", with: "–")) : text)
    context.add("mark", cell?.mark)
    context.add("isText", isText)
    context.add("blank", blank)
    // What the rows add up to, shown to a reviewer where a declared total differs.
    context.add("computed", nil as String?)
    return context
}

/// The decimals of a column of budget cells (and of any computed figures shown in it).
func columnDecimals(_ cells: [BudgetCell?], and computed: [Amount] = []) -> Int {
    DanishFormat.columnDecimals(cells.compactMap { $0?.amount } + computed)
}

/// A table's cells, one per year, each carrying its year (`year`), which a phone shows as
/// the cell's label when the table's rows are stacked.
func yearCells(_ years: [Int], _ cell: (Int) -> TemplateObject) -> [TemplateObject] {
    years.map { year in
        var context = cell(year)
        context.add("year", String(year))
        return context
    }
}

func headingsContext(_ document: MarkdownDocument) -> [TemplateObject] {
    document.headings.filter { $0.level == 2 }.map { heading in
        var context = TemplateObject(capacity: 2)
        context.add("text", heading.text)
        context.add("anchor", heading.anchor)
        return context
    }
}

/// Text for a CSS string (`content: "…"` in a print header), escaped so that no content text
/// can end the string or the style element. Inserted raw (`{{{printHeader}}}`).
func cssString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"", "\\", "<", ">", "&": out += String(format: "\\%X ", scalar.value)
        case "\n", "\r", "\t": out += " "
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out + "\""
}
