import Foundation
import IndsatsModel
import IndsatsMustache
import IndsatsPlatform

/// The user's Mustache templates (`templates/*.mustache`), parsed once and checked before any
/// page is rendered. Errors, each at its tag's line and column: a template that does not
/// parse, names a partial or parent that does not exist, or includes itself (directly or
/// through others); a required template that is missing. Warnings: a variable that the
/// page kind's context never provides (see `TemplateContexts`).
public struct TemplateSet: WorkerCopyable {
    public let library: MustacheLibrary
    public let names: Set<String>

    /// The templates every site needs, one per page kind, plus the layout.
    public static let required = ["base", "home", "projektbank", "aktivitet", "barometer", "indikator", "bilagsliste", "bilag", "statusrapporter", "statusrapport", "projektbank-liste", "emner", "data", "soeg", "partials/activity-row", "tilgaengelighed"]

    public static func load(from folder: URL, diagnostics: inout Diagnostics) -> TemplateSet {
        var library = MustacheLibrary()
        var names = Set<String>()
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            // One error, not one per missing template.
            diagnostics.error("there is no templates folder", at: SourceLocation(path: "templates"), hint: "give its place with --templates DIR")
            return TemplateSet(library: library, names: names)
        }
        let files = (fm.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".mustache") }.sorted()
        // Every template file, whether it parses or not: one that does not is reported once,
        // not again as missing wherever it is included.
        let present = Set(files.map { String($0.dropLast(".mustache".count)) })
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
            for reference in library.template(named: name)!.references where !present.contains(reference.name) {
                let suggestion = Self.closest(to: reference.name, among: present)
                diagnostics.error(
                    "the template \(reference.isParent ? "inherits" : "includes") \"\(reference.name)\", but there is no templates/\(reference.name).mustache",
                    at: location(of: name, reference.position), hint: suggestion.map { "did you mean \"\($0)\"?" })
            }
        }
        let cycles = library.cycles()
        for cycle in cycles {
            let first = cycle.names[0]
            diagnostics.error(
                "the \(first.hasPrefix("partials/") ? "partial" : "template") \"\(first)\" \(cycle.inherits ? "inherits" : "includes") itself: "
                    + cycle.names.joined(separator: " → "),
                at: location(of: first, cycle.position),
                hint: cycle.inherits ? "a layout may not inherit itself, directly or through others" : "a template may not include itself, directly or through others")
        }
        for name in required where !present.contains(name) {
            diagnostics.error("the template \(name).mustache is missing", at: SourceLocation(path: "templates/\(name).mustache"))
        }
        if cycles.isEmpty {
            diagnostics.append(contentsOf: TemplateVariableCheck.check(library))
        }
        return TemplateSet(library: library, names: names)
    }

    /// Where a tag is in the user's files.
    static func location(of template: String, _ position: TagPosition) -> SourceLocation {
        SourceLocation(path: "templates/\(template).mustache", line: position.line, column: position.column)
    }

    /// The name a misspelt one probably meant: at most 3 edits away, and fewer edits than it
    /// has characters. Of equally near names, one with the same letters (`titel`, `title`).
    static func closest(to name: String, among candidates: some Collection<String>) -> String? {
        let letters = name.sorted()
        return candidates.map { (name: $0, distance: editDistance(name, $0), otherLetters: $0.sorted() == letters ? 0 : 1) }
            .filter { $0.distance <= 3 && $0.distance < name.count }
            .min { ($0.distance, $0.otherLetters, $0.name) < ($1.distance, $1.otherLetters, $1.name) }?.name
    }

    /// A copy for one thread to render with (see `MustacheLibrary.detached`).
    public func detached() -> TemplateSet {
        TemplateSet(library: library.detached(), names: names)
    }

    /// A page as UTF-8; empty when there is no such template (`load` has reported it).
    /// Throws when partials nest too deep (see `MustacheLibrary.maximumDepth`).
    public func render(_ context: TemplateObject, with name: String, capacity: Int = 16 * 1024) throws(MustacheRenderError) -> [UInt8] {
        try library.render(context, with: name, capacity: capacity) ?? []
    }

    /// The errors of pages that could not be rendered (page path → why), one per tag and
    /// chain, naming the first page and how many others.
    static func diagnostics(for failures: [String: MustacheRenderError]) -> Diagnostics {
        var groups: [String: (error: MustacheRenderError, chain: String, pages: [String])] = [:]
        for (page, error) in failures {
            // The chain up to its first repetition: `aktivitet → x → y → x`.
            var shown: [String] = []
            for name in error.chain + [error.refused] {
                shown.append(name)
                if shown.dropLast().contains(name) { break }
            }
            let chain = shown.joined(separator: " → ") + (shown.count < error.chain.count + 1 ? " → …" : "")
            let key = "\(error.chain.last ?? "")|\(error.position)|\(chain)"
            groups[key, default: (error, chain, [])].pages.append(page)
        }
        var diagnostics = Diagnostics()
        for group in groups.values {
            let pages = group.pages.sorted()
            let others = pages.count > 1 ? " (and \(pages.count - 1) other page\(pages.count > 2 ? "s" : ""))" : ""
            diagnostics.error(
                "partials, parents and blocks are nested more than \(MustacheLibrary.maximumDepth) deep, so \(pages[0])\(others) was not made: \(group.chain)",
                at: location(of: group.error.chain.last ?? "", group.error.position),
                hint: "a template may not include itself, directly or through others")
        }
        return diagnostics
    }
}
