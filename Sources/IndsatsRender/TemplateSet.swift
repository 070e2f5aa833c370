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
        HTMLEscaping.register()
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
                library.register(try MustacheTemplate(string: HTMLEscaping.pragma + text), named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                let line = error.context.lineNumber
                let column = line == 1 ? max(1, error.context.columnNumber - HTMLEscaping.pragma.count) : error.context.columnNumber
                diagnostics.error("the template does not parse: \(error.error)", at: SourceLocation(path: path, line: line, column: column))
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

/// HTML escaping for `{{name}}`, the same characters as swift-mustache's own (`& < > " '`) but
/// scanned as UTF-8 bytes, and a text without any of them is returned as it is: swift-mustache
/// escapes character by character through a dictionary, which was a tenth of a large build.
/// Every template is parsed with the pragma that selects it; a template that switched to
/// another content type itself would still be escaped by swift-mustache.
struct HTMLEscaping: MustacheContentType {
    static let name = "INDSATS_HTML"
    static let pragma = "{{% CONTENT_TYPE: \(name)}}"

    static func register() {
        MustacheContentTypes.register(HTMLEscaping(), named: name)
    }

    func escapeText(_ text: String) -> String { Self.escape(text) }

    static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }) else { return text }
        var out = [UInt8]()
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: out += Array("&amp;".utf8)
            case 0x3C: out += Array("&lt;".utf8)
            case 0x3E: out += Array("&gt;".utf8)
            case 0x22: out += Array("&quot;".utf8)
            case 0x27: out += Array("&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
