import Foundation
import IndsatsModel
import Yams

/// Reads typed fields from one YAML mapping, reporting every problem with its line and the
/// dotted field path (`goals.2.deadline`). Amounts and dates are read from the scalar's text,
/// never through Yams' float or date conversion. Keys that are never read are reported as
/// unknown by `finish()`, so that a misspelt field is not silently ignored.
final class MappingReader {
    let document: YAMLDocument
    let node: Node
    let prefix: String
    /// The fields this mapping may have (`FieldTable`); see `ask`.
    let fields: [Field]?
    /// The mapping's keys, key nodes and values, in file order; looked up by position so
    /// that no lookup copies a node.
    private var keys: [String] = []
    private var keyNodes: [Node] = []
    private var values: [Node] = []
    /// Whether some reader asked for the key at that position.
    private var wasRead: [Bool] = []
    /// Every key asked for (present or not), for the suggestions of `finish()`.
    private var asked: [String] = []
    /// Whether the mapping has a YAML merge key (`<<: {…}`): it is one error, and the fields
    /// it was meant to bring are not reported missing as well.
    private var hasMergeKey = false

    init(_ node: Node, document: YAMLDocument, prefix: String = "", fields: [Field]? = nil) {
        self.node = node
        self.document = document
        self.prefix = prefix
        self.fields = fields
        if let mapping = node.mapping {
            keys.reserveCapacity(mapping.count)
            for (key, value) in mapping {
                keys.append(key.scalar?.string ?? "")
                keyNodes.append(key)
                values.append(value)
            }
            wasRead = Array(repeating: false, count: keys.count)
        }
        for index in keys.indices where keys[index] == "<<" && keyNodes[index].scalar?.style == .plain {
            hasMergeKey = true
            wasRead[index] = true
            document.diagnostics.error("YAML merge keys (<<) are not supported: write the fields out", at: document.location(keyNodes[index]), field: path("<<"))
        }
    }

    /// A reader for `node` if it is a mapping; otherwise an error and nil.
    static func make(_ node: Node?, document: YAMLDocument, field: String, fields: [Field]? = nil) -> MappingReader? {
        guard let node else { return nil }
        guard node.mapping != nil else {
            document.diagnostics.error("expected a mapping of fields, found \(describe(node))", at: document.location(node), field: field)
            return nil
        }
        return MappingReader(node, document: document, prefix: field, fields: fields)
    }

    var location: SourceLocation { document.location(node) }

    func path(_ key: String) -> String { prefix.isEmpty ? key : "\(prefix).\(key)" }

    /// Whether `key` has a value, `""` included (a version's `summary: ""` says it had none);
    /// marks the key read, so that `summary:` with nothing after it is not an unknown field.
    func has(_ key: String) -> Bool {
        asked.append(key)
        document.asked(key, at: path(key), in: fields)
        guard let index = keys.firstIndex(of: key) else { return false }
        wasRead[index] = true
        return !values[index].isNull
    }

    /// The value of `key`, marking it read. A field with nothing after it (a YAML null), or
    /// only blanks or `""`, counts as absent; if it is required, that is one error (with
    /// `hint`, what to write).
    func value(_ key: String, required: Bool = false, hint: String? = nil) -> Node? {
        asked.append(key)
        document.asked(key, at: path(key), in: fields)
        guard let index = keys.firstIndex(of: key) else {
            if required && !hasMergeKey { error("required field is missing", key: key, at: node, hint: hint) }
            return nil
        }
        wasRead[index] = true
        let value = values[index]
        if value.isNull || value.scalar?.string.trimmed.isEmpty == true {
            if required { error("required field is empty", key: key, at: keyNodes[index], hint: hint ?? "write its value after \"\(key):\"") }
            return nil
        }
        return value
    }


    func error(_ message: String, key: String, at node: Node?, hint: String? = nil) {
        document.diagnostics.error(message, at: document.location(node), field: path(key), hint: hint)
    }

    func warning(_ message: String, key: String, at node: Node?, hint: String? = nil) {
        document.diagnostics.warning(message, at: document.location(node), field: path(key), hint: hint)
    }

    /// Reports keys that no reader asked for.
    func finish() {
        guard wasRead.contains(false) else { return }
        let known = Set(asked).sorted()
        for index in keys.indices where !wasRead[index] {
            let pair = (key: keys[index], keyNode: keyNodes[index], value: values[index])
            let suggestion = known.map { ($0, editDistance(pair.key, $0)) }.min { $0.1 < $1.1 }
            var hint = suggestion.flatMap { $0.1 <= 3 ? "did you mean \"\($0.0)\"?" : nil }
            // `{text: Heraf 0,2 fra puljen.}`: the comma ended the text and began a "field"
            // with no value. (Yams' composer does not keep the flow style, so judge by the key.)
            if pair.value.isNull, pair.key.contains(" ") || pair.key.first?.isNumber == true {
                hint = "a comma inside { } or [ ] separates fields: put text with a comma in quotes"
            }
            document.diagnostics.error("unknown field", at: document.location(pair.keyNode), field: path(pair.key), hint: hint)
        }
    }

    // MARK: - Scalars

    /// The text of a scalar; an error for a list or mapping. Every value read as text passes
    /// here (or through `checkedText`), so that a control character cannot reach a page.
    func scalarText(_ node: Node, key: String) -> String? {
        guard let scalar = node.scalar else {
            error("expected a single value, found \(Self.describe(node))", key: key, at: node)
            return nil
        }
        return checkedText(scalar, node: node, key: key)
    }

    /// YAML's standard tags of a scalar, and none (`""`, or `"!"` for a quoted one).
    static let plainTags = Set(["", "!"] + ["str", "int", "float", "bool", "null"].map { "tag:yaml.org,2002:" + $0 })

    /// The scalar's text; nil, with an error, when it has a tag such as `!!binary` (its text
    /// would be shown as it is written, not as what the tag means) or a control character.
    func checkedText(_ scalar: Node.Scalar, node: Node, key: String) -> String? {
        let tag = scalar.tag.description
        guard tag.isEmpty || tag == Tag.Name.str.rawValue || Self.plainTags.contains(tag) else {
            let standard = "tag:yaml.org,2002:"
            let written = tag.hasPrefix(standard) ? "!!" + tag.dropFirst(standard.count) : tag.hasPrefix("!") ? tag : "!<\(tag)>"
            error("YAML tags such as \(ValueParser.quoted(written)) are not supported", key: key, at: node, hint: "remove the tag and write the value as plain text")
            return nil
        }
        if let control = ControlCharacter.firstScalar(in: scalar.string) {
            error(ControlCharacter.message(control), key: key, at: node, hint: ControlCharacter.hint)
            return nil
        }
        return scalar.string
    }

    func string(_ key: String, required: Bool = false, hint: String? = nil) -> String? {
        guard let node = value(key, required: required, hint: hint), let text = scalarText(node, key: key) else { return nil }
        return text.trimmed
    }

    func int(_ key: String, required: Bool = false, range: ClosedRange<Int>? = nil) -> Int? {
        guard let node = value(key, required: required), let text = scalarText(node, key: key) else { return nil }
        guard let number = Int(text.trimmed), text.first != "0" || text == "0" else {
            error("\(ValueParser.quoted(text)) is not a whole number", key: key, at: node)
            return nil
        }
        if let range, !range.contains(number) {
            error("\(number) is out of range \(range.lowerBound)–\(range.upperBound)", key: key, at: node)
            return nil
        }
        return number
    }

    func bool(_ key: String) -> Bool? {
        guard let node = value(key), let text = scalarText(node, key: key) else { return nil }
        switch text.lowercased() {
        case "true", "yes", "ja": return true
        case "false", "no", "nej": return false
        default:
            error("\(ValueParser.quoted(text)) is not true or false", key: key, at: node)
            return nil
        }
    }

    func amount(_ key: String, required: Bool = false) -> Amount? {
        guard let node = value(key, required: required), let text = scalarText(node, key: key) else { return nil }
        return ValueParser.parseAmount(text) { self.error($0, key: key, at: node, hint: $1) }
    }

    func money(_ key: String, defaultUnit: MoneyUnit, required: Bool = false) -> Money? {
        guard let node = value(key, required: required), let text = scalarText(node, key: key) else { return nil }
        return ValueParser.parseMoney(text, defaultUnit: defaultUnit) { self.error($0, key: key, at: node, hint: $1) }
    }

    func day(_ key: String, required: Bool = false) -> Day? {
        guard let node = value(key, required: required), let text = scalarText(node, key: key) else { return nil }
        return day(text, key: key, node: node)
    }

    func day(_ text: String, key: String, node: Node) -> Day? {
        guard let day = Day(iso: text.trimmed) else {
            error("\(ValueParser.quoted(text)) is not a date", key: key, at: node, hint: "write an existing day as YYYY-MM-DD, e.g. 2011-04-07")
            return nil
        }
        return day
    }

    func oneOf<T: RawRepresentable & CaseIterable>(_ key: String, _ type: T.Type, required: Bool = false) -> T? where T.RawValue == String {
        guard let text = string(key, required: required) else { return nil }
        guard let value = T(rawValue: text) else {
            error("\(ValueParser.quoted(text)) is not one of \(T.allCases.map { $0.rawValue }.joined(separator: ", "))", key: key, at: self.value(key))
            return nil
        }
        return value
    }

    // MARK: - Collections

    /// The items of a list (a single scalar counts as a list of one).
    func list(_ key: String, required: Bool = false) -> [Node] {
        guard let node = value(key, required: required) else { return [] }
        switch node {
        case .sequence(let sequence):
            if required && sequence.isEmpty { error("required field is empty", key: key, at: node, hint: "list at least one item") }
            return Array(sequence)
        case .scalar: return [node]
        default:
            error("expected a list, found \(Self.describe(node))", key: key, at: node)
            return []
        }
    }

    func strings(_ key: String) -> [String] {
        list(key).enumerated().compactMap { index, node in
            scalarText(node, key: "\(key).\(index + 1)")?.trimmed
        }.filter { !$0.isEmpty }
    }

    func reference(_ key: String, required: Bool = false) -> Reference? {
        guard let node = value(key, required: required), let text = scalarText(node, key: key) else { return nil }
        return Reference(text.trimmed, at: document.location(node))
    }

    /// The slugs or names of a list; blank items are left out, as `strings` does.
    func references(_ key: String) -> [Reference] {
        list(key).enumerated().compactMap { index, node in
            scalarText(node, key: "\(key).\(index + 1)").map { Reference($0.trimmed, at: document.location(node)) }
        }.filter { !$0.slug.isEmpty }
    }

    func mapping(_ key: String, required: Bool = false) -> MappingReader? {
        MappingReader.make(value(key, required: required), document: document, field: path(key), fields: fields?.named(key)?.subfields)
    }

    /// Each item of a list of mappings, with its field path (`goals.2`).
    func mappings(_ key: String, required: Bool = false) -> [MappingReader] {
        list(key, required: required).enumerated().compactMap { index, node in
            MappingReader.make(node, document: document, field: path("\(key).\(index + 1)"), fields: fields?.named(key)?.subfields)
        }
    }

    func footnotes(_ key: String = "footnotes") -> [Footnote] {
        mappings(key).compactMap { item in
            defer { item.finish() }
            let mark = item.string("mark", required: true), text = item.string("text", required: true)
            // Kept without its text (already an error), so that its mark is still known.
            return mark.map { Footnote(mark: $0, text: text ?? "") }
        }
    }

    /// A mapping from year to budget cell: `{2018: "3,3", 2019: Driftsbudget, 2020: "46,4*"}`.
    func yearCells(_ key: String, defaultUnit: MoneyUnit) -> YearCells {
        guard let node = value(key) else { return YearCells() }
        guard let mapping = node.mapping else {
            error("expected years with amounts, e.g. {2018: \"3,3\"}, found \(Self.describe(node))", key: key, at: node)
            return YearCells()
        }
        var cells: [Int: BudgetCell] = [:]
        for (yearNode, cellNode) in mapping {
            let yearText = yearNode.scalar?.string ?? ""
            guard let year = Int(yearText), Day.plausibleYears.contains(year) else {
                figureError("\"\(yearText)\" is not a year", key: key, at: yearNode)
                continue
            }
            guard let scalar = cellNode.scalar else {
                figureError("expected a single value, found \(Self.describe(cellNode))", key: "\(key).\(year)", at: cellNode)
                continue
            }
            guard let text = cellNode.isNull ? "" : checkedText(scalar, node: cellNode, key: "\(key).\(year)") else {
                document.unreadableFigures += 1
                continue
            }
            if let cell = ValueParser.parseCell(text, unit: defaultUnit, fail: { self.figureError($0, key: "\(key).\(year)", at: cellNode, hint: $1) }) {
                cells[year] = cell
            }
        }
        return YearCells(cells)
    }

    /// A figure that cannot be read: an error, counted (`YAMLDocument.unreadableFigures`).
    func figureError(_ message: String, key: String, at node: Node?, hint: String? = nil) {
        document.unreadableFigures += 1
        error(message, key: key, at: node, hint: hint)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .scalar(let scalar): "\"\(scalar.string)\""
        case .alias: "an alias"
        }
    }
}

extension Node {
    var isNull: Bool {
        guard let scalar else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }
}
