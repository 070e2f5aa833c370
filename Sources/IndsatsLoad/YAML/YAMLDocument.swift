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

    init(path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
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
            report(error)
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

    private func report(_ error: YamlError) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
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
