import Foundation
import IndsatsModel
import IndsatsMustache

/// The user's Mustache templates (`templates/*.mustache`), parsed once. A template that does
/// not parse, or names a partial that does not exist, is a diagnostic with its line and
/// column, like any content error.
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
                library.register(try MustacheTemplate(parsing: text), named: name)
                names.insert(name)
            } catch {
                diagnostics.error("the template does not parse: \(error.message)", at: SourceLocation(path: path, line: error.line, column: error.column))
            }
        }
        for name in names.sorted() {
            for missing in library.template(named: name)!.referencedTemplates.subtracting(names).sorted() {
                diagnostics.error("the template includes \(missing), but there is no \(missing).mustache", at: SourceLocation(path: "templates/\(name).mustache"))
            }
        }
        for name in required where !names.contains(name) {
            diagnostics.error("the template \(name).mustache is missing", at: SourceLocation(path: "templates/\(name).mustache"))
        }
        return TemplateSet(library: library, names: names)
    }

    /// A copy for one thread to render with (see `MustacheLibrary.detached`).
    public func detached() -> TemplateSet {
        TemplateSet(library: library.detached(), names: names)
    }

    /// A page as UTF-8; empty when there is no such template (`load` has reported it).
    public func render(_ context: TemplateObject, with name: String, capacity: Int = 16 * 1024) -> [UInt8] {
        library.render(context, with: name, capacity: capacity) ?? []
    }
}
