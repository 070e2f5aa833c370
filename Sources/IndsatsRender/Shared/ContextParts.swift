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

func cellContext(_ cell: BudgetCell?) -> TemplateObject {
    var context = TemplateObject(capacity: 4)
    if let cell {
        let text = DanishFormat.cell(cell)
        context.add("text", text)
        context.add("mark", cell.mark)
        context.add("isText", cell.amount == nil && !text.isEmpty)
    } else {
        context.add("text", nil as String?)
    }
    // What the rows add up to, shown to a reviewer where a declared total differs.
    context.add("computed", nil as String?)
    return context
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
