import Foundation
import IndsatsModel
import Mustache

/// The user's Mustache templates (`templates/*.mustache`), parsed once. A template that does
/// not parse is a diagnostic with its line and column, like any content error.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    public let names: Set<String>

    /// The templates every site needs, one per page kind, plus the layout.
    public static let required = ["base", "home", "projektbank", "aktivitet", "barometer", "indikator", "bilagsliste", "bilag", "statusrapporter", "statusrapport", "projektbank-liste", "emner", "data", "partials/activity-row"]

    public static func load(from folder: URL, diagnostics: inout Diagnostics) -> TemplateSet {
        var library = MustacheLibrary()
        var names = Set<String>()
        let fm = FileManager.default
        let files = (fm.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        for file in files {
            let path = "templates/\(file)"
            let name = String(file.dropLast(".mustache".count))
            guard let text = try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8) else {
                diagnostics.error("cannot read the template", at: SourceLocation(path: path))
                continue
            }
            do {
                library.register(try MustacheTemplate(string: text), named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.error(
                    "the template does not parse: \(error.error)",
                    at: SourceLocation(path: path, line: error.context.lineNumber, column: error.context.columnNumber))
            } catch {
                diagnostics.error("the template does not parse: \(error)", at: SourceLocation(path: path))
            }
        }
        for name in required where !names.contains(name) {
            diagnostics.error("the template \(name).mustache is missing", at: SourceLocation(path: "templates/\(name).mustache"))
        }
        return TemplateSet(library: library, names: names)
    }

    public func render(_ context: [String: Any], with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
