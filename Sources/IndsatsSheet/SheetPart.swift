import Foundation

/// The styles of a workbook: a bold font for header rows, and one cell format per number
/// format the numbers use (custom formats numbered from 164, as spreadsheets do).
struct StyleTable {
    /// The number formats in the order first used.
    let formats: [NumberFormat]
    private let index: [NumberFormat: Int]

    init(_ workbook: Workbook) {
        var formats: [NumberFormat] = [], index: [NumberFormat: Int] = [:]
        for sheet in workbook.sheets {
            for row in sheet.rows {
                for case .number(_, let decimals, let suffix) in row {
                    let format = NumberFormat(decimals: decimals, suffix: suffix)
                    if index[format] == nil {
                        index[format] = formats.count
                        formats.append(format)
                    }
                }
            }
        }
        self.formats = formats
        self.index = index
    }

    /// The cell format (`s`) of a cell: 0 plain, 1 bold text, then two per number format
    /// (plain, bold).
    func style(_ cell: SheetCell, bold: Bool) -> Int {
        guard case .number(_, let decimals, let suffix) = cell,
              let position = index[NumberFormat(decimals: decimals, suffix: suffix)] else { return bold ? 1 : 0 }
        return 2 + position * 2 + (bold ? 1 : 0)
    }

    var part: String {
        let numberFormats = formats.enumerated().map { position, format in
            "<numFmt numFmtId=\"\(164 + position)\" formatCode=\"\(XMLText.escape(format.code))\"/>"
        }.joined()
        var cellFormats = ["<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>",
                           "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"]
        for position in formats.indices {
            for font in 0...1 {
                cellFormats.append("<xf numFmtId=\"\(164 + position)\" fontId=\"\(font)\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"\(font == 1 ? " applyFont=\"1\"" : "")/>")
            }
        }
        return XLSXWriter.header + "<styleSheet xmlns=\"\(XLSXWriter.mainNamespace)\">"
            + (formats.isEmpty ? "" : "<numFmts count=\"\(formats.count)\">\(numberFormats)</numFmts>")
            + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
            + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
            + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
            + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
            + "<cellXfs count=\"\(cellFormats.count)\">\(cellFormats.joined())</cellXfs>"
            + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
            + "</styleSheet>"
    }
}

/// One worksheet's XML: the frozen header pane, column widths, and the cells (text inline,
/// numbers as numbers with their format).
struct SheetPart {
    let sheet: Worksheet
    let styles: StyleTable

    func xml() -> String {
        var xml = XLSXWriter.header + "<worksheet xmlns=\"\(XLSXWriter.mainNamespace)\" xmlns:r=\"\(XLSXWriter.relationNamespace)\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.frozenRows > 0 {
            xml += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"A\(sheet.frozenRows + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        }
        xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>" + sheet.columnWidths.enumerated().map { column, width in
                "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            let number = rowIndex + 1, bold = sheet.boldRows.contains(rowIndex)
            xml += "<row r=\"\(number)\">"
            for (columnIndex, cell) in row.enumerated() {
                xml += self.cell(cell, reference: ColumnName.letters(columnIndex + 1) + String(number), bold: bold)
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    func cell(_ cell: SheetCell, reference: String, bold: Bool) -> String {
        let style = styles.style(cell, bold: bold)
        let s = style == 0 ? "" : " s=\"\(style)\""
        switch cell {
        case .empty:
            return ""
        case .text(let text):
            let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
            return "<c r=\"\(reference)\"\(s) t=\"inlineStr\"><is><t\(space)>\(XMLText.escape(text))</t></is></c>"
        case .number(let value, _, _):
            return "<c r=\"\(reference)\"\(s)><v>\(value.description)</v></c>"
        }
    }
}
