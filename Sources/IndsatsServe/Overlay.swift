import Foundation
import IndsatsModel
import IndsatsMustache

/// The markup shown over every page while the content has diagnostics: errors over the whole
/// page, warnings alone in a small box. Every text in it is HTML-escaped.
enum Overlay {
    /// The element's id; the reload script replaces the element by this id.
    static let id = "indsats-overlay"

    static func html(_ diagnostics: Diagnostics, root: URL) -> String {
        let sorted = diagnostics.sorted
        guard !sorted.isEmpty else { return "<div id=\"\(id)\" hidden></div>" }
        let errors = diagnostics.errors.count, warnings = diagnostics.warnings.count
        let items = sorted.map { item($0, root: root) }.joined()
        let counts = "\(errors) fejl, \(warnings) \(warnings == 1 ? "advarsel" : "advarsler")"
        guard errors > 0 else {
            return """
                <div id="\(id)" role="status" style="position:fixed;right:1rem;bottom:1rem;max-width:40rem;max-height:50vh;overflow:auto;\
                z-index:2147483647;background:#fffbe6;color:#3d3000;border:1px solid #c9a400;border-radius:6px;padding:.5rem .8rem;\
                font:14px/1.4 system-ui,sans-serif">\(closeButton(color: "#3d3000"))<details><summary>Indholdet har \(counts)</summary><ol style="padding-left:1.2rem">\(items)</ol></details></div>
                """
        }
        return """
            <div id="\(id)" role="alert" style="position:fixed;inset:0;z-index:2147483647;overflow:auto;background:rgba(30,0,0,.92);\
            color:#fff;padding:2rem;font:15px/1.5 system-ui,sans-serif">\(closeButton(color: "#fff"))<h2 style="margin-top:0;color:#ffb3b3">Indholdet har \(counts)</h2>\
            <p>Siden herunder er den seneste udgave, der kunne bygges. Ret fejlene og gem filen: siden opdateres af sig selv.</p>\
            <ol style="padding-left:1.2rem">\(items)</ol></div>
            """
    }

    /// Hides the overlay (the reload script listens for it; Escape does the same) until the
    /// next build that has diagnostics.
    static func closeButton(color: String) -> String {
        """
        <button type="button" data-indsats-close aria-label="Luk (Esc)" title="Luk (Esc)" style="float:right;margin:0 0 .5rem .5rem;\
        font:inherit;font-size:1.2em;line-height:1;padding:.2rem .5rem;color:\(color);background:transparent;\
        border:1px solid currentColor;border-radius:4px;cursor:pointer">×</button>
        """
    }

    /// One diagnostic as `build` prints it, with the source line and its column marked.
    static func item(_ diagnostic: Diagnostic, root: URL) -> String {
        let color = diagnostic.severity == .error ? "#ffb3b3" : "inherit"
        var text = "<li style=\"margin-bottom:.8rem\"><code style=\"white-space:pre-wrap;color:\(color)\">\(escape(diagnostic.description))</code>"
        if let line = sourceLine(diagnostic.location, root: root) {
            let marker = String(repeating: " ", count: max(0, diagnostic.location.column - 1)) + "^"
            text += "<pre style=\"margin:.3rem 0 0;white-space:pre;overflow:auto\">\(escape(line))\n\(marker)</pre>"
        }
        return text + "</li>"
    }

    /// The line a diagnostic points at, when its file can be read (not too long a line).
    static func sourceLine(_ location: SourceLocation, root: URL) -> String? {
        guard location.line >= 1, !location.path.hasPrefix("/"), !location.path.contains(".."),
              let data = FileManager.default.contents(atPath: root.appendingPathComponent(location.path).path)
        else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line <= lines.count else { return nil }
        let line = lines[location.line - 1].replacingOccurrences(of: "\r", with: "")
        return line.count <= 500 ? line.replacingOccurrences(of: "\t", with: " ") : nil
    }

    /// The templates' escaping rule (`MustacheLibrary.escapeHTML`), the one the site uses.
    static func escape(_ text: String) -> String { MustacheLibrary.escapeHTML(text) }
}
