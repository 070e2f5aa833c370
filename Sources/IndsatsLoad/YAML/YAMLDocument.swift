import Foundation
import IndsatsModel
import Yams

/// One file's front matter, composed into Yams nodes (which keep their positions), and the
/// diagnostics found while reading it. Positions are mapped back to lines of the file.
final class YAMLDocument {
    let path: String
    let lineOffset: Int
    var diagnostics = Diagnostics()
    /// How many figures (budget cells and their years) could not be read so far: a sum over
    /// them would be wrong, so a reader does not check totals once this grows.
    var unreadableFigures = 0
    /// Fields a reader asked for that its `FieldTable` does not list (dotted paths); always
    /// empty unless a reader and its table differ, which a test checks.
    var undeclaredFields: Set<String> = []

    init(path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
    }

    /// Notes that a reader handed the table `fields` asked for `key` (at `path`): a key the
    /// table lacks is recorded in `undeclaredFields`.
    func asked(_ key: String, at path: @autoclosure () -> String, in fields: [Field]?) {
        if let fields, fields.named(key) == nil { undeclaredFields.insert(path()) }
    }

    /// Composes `yaml`; syntax errors become diagnostics and the result is nil.
    func compose(_ yaml: String) -> Node? {
        do {
            // The basic resolver leaves every scalar a string: values are parsed from their
            // text by the readers anyway, and Yams' regex-based tag resolution is slow. The
            // encoding is given: by default Yams reads the process environment on every parse.
            // Every node's tag refers to the resolver and constructor: instances of this file's
            // own (rather than Yams' shared ones) keep the loading threads from counting
            // references on the same two objects for every scalar.
            return try Yams.compose(yaml: yaml, Resolver.basic.removing(.str), Constructor(), .utf8)
        } catch let error as YamlError {
            report(error, in: yaml)
        } catch {
            diagnostics.error("the YAML cannot be read", at: SourceLocation(path: path, line: lineOffset), hint: "check its indentation, colons and quotes")
        }
        return nil
    }

    func location(_ node: Node?) -> SourceLocation {
        guard let mark = node?.mark else { return SourceLocation(path: path, line: lineOffset, column: 1) }
        return location(mark)
    }

    func location(_ mark: Mark) -> SourceLocation {
        SourceLocation(path: path, line: mark.line + lineOffset - 1, column: mark.column)
    }

    /// Whether the character at `mark` in `yaml` is a tab.
    private func isTab(at mark: Mark, in yaml: String) -> Bool {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return false }
        let line = lines[mark.line - 1].unicodeScalars
        guard mark.column >= 1, mark.column <= line.count else { return false }
        return line[line.index(line.startIndex, offsetBy: mark.column - 1)] == "\t"
    }

    private func report(_ error: YamlError, in yaml: String) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            if problem.hasPrefix("Maximum nesting level reached") {
                // libyaml's own words name its C function; say what it means.
                diagnostics.error(
                    "invalid YAML: the value is nested too deeply (lists and mappings inside each other more than 1000 levels)",
                    at: location(mark), hint: "check the brackets [ ] and braces { }")
                return
            }
            if problem.contains("tab character") || isTab(at: mark, in: yaml) {
                diagnostics.error("invalid YAML: a tab is used to indent; YAML indents with spaces only", at: location(mark), hint: "replace the tab with spaces")
                return
            }
            let prefix = context.map { "\($0.text.trimmingCharacters(in: .whitespacesAndNewlines)): " } ?? ""
            diagnostics.error("invalid YAML: \(prefix)\(problem)", at: location(mark))
        case .duplicatedKeysInMapping(let duplicates, let context):
            diagnostics.error(
                "the key\(duplicates.count == 1 ? "" : "s") \(duplicates.map { "\"\($0)\"" }.joined(separator: ", ")) appear\(duplicates.count == 1 ? "s" : "") twice",
                at: location(context.mark))
        case .reader(let problem, _, _, _):
            diagnostics.error("invalid YAML: \(problem)", at: SourceLocation(path: path, line: lineOffset))
        default:
            // Not raised while reading (writing and decoding failures): no raw dump if it were.
            diagnostics.error("the YAML cannot be read", at: SourceLocation(path: path, line: lineOffset), hint: "check its indentation, colons and quotes")
        }
    }
}
