import Foundation
import IndsatsLoad
import IndsatsModel
import Yams

/// Rewrites the cells of one activity file's `budget:` in place. Only the changed scalars are
/// replaced, in their own quoting style; every other byte of the file stays as it was. A new
/// year goes on its own line beside its neighbours (after the last earlier year, with their
/// indentation); a file without `budget:` gets one at the end of its front matter.
struct BudgetFileEdit {
    let text: String
    /// The problem, when the file's `budget:` cannot be edited safely.
    struct Problem: Error { let message: String; let line: Int }

    /// `text` with `cells` (year → the cell's new text) written in.
    func applying(_ cells: [Int: String]) throws(Problem) -> String {
        guard let file = FrontMatterFile.split(text) else { throw Problem(message: "the file has no front matter", line: 1) }
        // Split at each line feed as a scalar: a CRLF file's lines keep their "\r" (as a
        // Character, "\r\n" is one grapheme that splitting at "\n" would never find).
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        let lineEnd = { (line: String) in line.unicodeScalars.last == "\r" ? "\r" : "" }
        let node: Node?
        do { node = try Yams.compose(yaml: file.yaml, Resolver.basic, Constructor(), .utf8) } catch {
            throw Problem(message: "the front matter is not valid YAML; run indsats check", line: file.yamlLine)
        }
        guard let root = node?.mapping else { throw Problem(message: "the front matter is not a mapping", line: file.yamlLine) }
        let fileLine = { (mark: Mark) in mark.line + file.yamlLine - 1 }
        guard let budget = root.first(where: { $0.key.string == "budget" }) else {
            // After the front matter's last line (the closing fence is the line before the body).
            let closing = file.bodyLine - 2
            let end = lineEnd(lines[closing])
            let added = ["budget:" + end] + cells.keys.sorted().map { "  \($0): \(Self.scalar(cells[$0]!, like: .doubleQuoted))" + end }
            lines.insert(contentsOf: added, at: closing)
            return lines.joined(separator: "\n")
        }
        // A flow mapping (`{2018: "1"}`) starts with a brace where its value starts.
        let isFlow = budget.value.mark.map { mark in
            Array(lines[fileLine(mark) - 1].unicodeScalars).dropFirst(mark.column - 1).first == "{"
        } ?? false
        guard let mapping = budget.value.mapping, !isFlow else {
            throw Problem(message: "budget: is not written as one year per line, so it cannot be edited in place", line: budget.key.mark.map(fileLine) ?? file.yamlLine)
        }
        let budgetLine = budget.key.mark.map(fileLine) ?? file.yamlLine
        if let feature = Self.yamlFeature(after: "budget", on: lines[budgetLine - 1]), feature == "*" {
            throw Self.featureProblem("budget", feature, line: budgetLine)
        }
        var existing: [Int: (key: Node, value: Node.Scalar, line: Int)] = [:]
        for (key, value) in mapping {
            guard let year = key.string.flatMap({ Int($0) }), let mark = key.mark else { continue }
            // An anchor, alias or tag: the value's mark is not where its text is, or an edit of
            // one year would change another's.
            if let feature = Self.yamlFeature(after: key.string ?? "", on: lines[fileLine(mark) - 1]) {
                throw Self.featureProblem("budget.\(year)", feature, line: fileLine(mark))
            }
            guard let scalar = value.scalar else { continue }
            existing[year] = (key, scalar, fileLine(mark))
        }
        var inserts: [(line: Int, text: String)] = []
        for (year, newText) in cells {
            if let old = existing[year] {
                try replace(old.value, on: old.line, key: old.key, with: newText, lines: &lines, fileLine: fileLine)
            } else {
                inserts.append(insertion(year, newText, existing: existing, budgetLine: budgetLine, lines: lines))
            }
        }
        // Bottom-up, so that earlier line numbers stay right; same line: the later year last.
        for insert in inserts.sorted(by: { ($0.line, $0.text) > ($1.line, $1.text) }) {
            lines.insert(insert.text, at: insert.line)
        }
        return lines.joined(separator: "\n")
    }

    /// The anchor (`&`), alias (`*`) or tag (`!`) that starts the value after `key:` on `line`,
    /// nil when the value starts otherwise.
    static func yamlFeature(after key: String, on line: String) -> Character? {
        guard let keyRange = line.range(of: key), let colon = line[keyRange.upperBound...].firstIndex(of: ":") else { return nil }
        let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
        return value.first.flatMap { "&*!".contains($0) ? $0 : nil }
    }

    static func featureProblem(_ field: String, _ feature: Character, line: Int) -> Problem {
        let what = feature == "&" ? "a YAML anchor (&)" : feature == "*" ? "a YAML alias (*)" : "a YAML tag (!)"
        return Problem(message: "\(field) uses \(what), so it cannot be edited in place without changing another year with it; write each year's amount out, as 2018: \"0,9\"", line: line)
    }

    /// Replaces a scalar on its line (1-based `line`), keeping its quoting style.
    func replace(_ scalar: Node.Scalar, on keyLine: Int, key: Node, with newText: String, lines: inout [String], fileLine: (Mark) -> Int) throws(Problem) {
        guard let mark = scalar.mark, !(scalar.string.isEmpty && scalar.style == .plain) else {
            // `2022:` with nothing after it: the value goes after the colon.
            var line = Array(lines[keyLine - 1].unicodeScalars)
            guard let colon = line.firstIndex(of: ":") else { throw Problem(message: "the year's line has no colon", line: keyLine) }
            line.insert(contentsOf: (" " + Self.scalar(newText, like: .doubleQuoted)).unicodeScalars, at: colon + 1)
            lines[keyLine - 1] = String(String.UnicodeScalarView(line))
            return
        }
        let lineIndex = fileLine(mark) - 1
        var line = Array(lines[lineIndex].unicodeScalars)
        let start = mark.column - 1
        guard start < line.count, let end = Self.scalarEnd(line, from: start, style: scalar.style) else {
            throw Problem(message: "the budget cell is written over several lines, so it cannot be edited in place", line: lineIndex + 1)
        }
        line.replaceSubrange(start..<end, with: Self.scalar(newText, like: scalar.style).unicodeScalars)
        lines[lineIndex] = String(String.UnicodeScalarView(line))
    }

    /// Where a new year's line goes (0-based line index to insert at) and its text.
    func insertion(_ year: Int, _ newText: String, existing: [Int: (key: Node, value: Node.Scalar, line: Int)], budgetLine: Int, lines: [String]) -> (line: Int, text: String) {
        let earlier = existing.keys.filter { $0 < year }.max(), later = existing.keys.filter { $0 > year }.min()
        let neighbour = (earlier ?? later).flatMap { existing[$0] }
        let indent = neighbour.map { String(lines[$0.line - 1].prefix { $0 == " " }) } ?? "  "
        // The neighbour's quoting; double quotes beside a year with nothing after its colon.
        let style = neighbour.map { $0.value.style == .plain && $0.value.string.isEmpty ? .doubleQuoted : $0.value.style } ?? .doubleQuoted
        let end = neighbour.map { lines[$0.line - 1].unicodeScalars.last == "\r" ? "\r" : "" } ?? ""
        let text = "\(indent)\(year): \(Self.scalar(newText, like: style))\(end)"
        if let earlier, let line = existing[earlier]?.line { return (line, text) }
        if let later, let line = existing[later]?.line { return (line - 1, text) }
        return (budgetLine, text)
    }

    /// The end (exclusive) of a one-line scalar starting at `start`; nil when it goes on.
    static func scalarEnd(_ line: [Unicode.Scalar], from start: Int, style: Node.Scalar.Style) -> Int? {
        switch style {
        case .doubleQuoted:
            var index = start + 1
            while index < line.count {
                if line[index] == "\\" { index += 2; continue }
                if line[index] == "\"" { return index + 1 }
                index += 1
            }
            return nil
        case .singleQuoted:
            var index = start + 1
            while index < line.count {
                if line[index] == "'" {
                    if index + 1 < line.count, line[index + 1] == "'" { index += 2; continue }
                    return index + 1
                }
                index += 1
            }
            return nil
        case .plain, .any:
            var end = line.count
            for index in start..<line.count where line[index] == "#" && index > start && line[index - 1] == " " {
                end = index
                break
            }
            while end > start, line[end - 1] == " " || line[end - 1] == "\t" || line[end - 1] == "\r" { end -= 1 }
            return end
        default:
            return nil
        }
    }

    /// `text` as a YAML scalar in `style` (plain only where it reads back as the same text).
    static func scalar(_ text: String, like style: Node.Scalar.Style) -> String {
        switch style {
        case .singleQuoted:
            return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
        case .plain where isPlainSafe(text):
            return text
        default:
            return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        }
    }

    static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) else { return false }
        // A number with a comma is quoted, as the content format asks (`"3,3"`).
        return !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":") && !text.contains(",") && text == text.trimmed
            && !text.unicodeScalars.contains { "'\"\\\t\n\r".unicodeScalars.contains($0) }
    }
}
