import Foundation
import IndsatsLoad
import IndsatsModel
import IndsatsRender

/// `indsats new`: writes a new content file from a title, in the folder of its kind, named by
/// the title's slug, with every field present (see `ContentTemplate`). Never overwrites.
public enum NewContent {
    /// The kinds one can start, by their Danish names on the command line.
    public enum Kind: String, CaseIterable, Sendable {
        case activity = "aktivitet"
        case indicator = "indikator"
        case annex = "bilag"
        case report = "statusrapport"

        /// The folder under `content/`.
        public var folder: ContentKind {
            switch self {
            case .activity: .activity
            case .indicator: .indicator
            case .annex: .annex
            case .report: .report
            }
        }
    }

    /// Writes the new file below `root` and returns its path relative to `root`
    /// (`content/aktiviteter/<slug>.md`), or nil and the problems that kept it from being written.
    /// `administration` is an id from indsats.yml (default: its first administration);
    /// `today` fills the date fields (and the year of a status report, whose slug is its year).
    public static func write(
        _ kind: Kind, title: String, administration: String? = nil, today: Day, root: URL
    ) -> (path: String?, diagnostics: Diagnostics) {
        let (config, configProblems) = ContentLoader(root: root).loadConfig()
        guard let config, !configProblems.hasErrors else { return (nil, configProblems) }
        let title = title.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        let slug = kind == .report ? String(today.year) : Slug.make(title)
        let path = "content/\(kind.folder.rawValue)/\(slug).md"
        var diagnostics = Diagnostics()
        let chosen = self.administration(administration, in: config, &diagnostics)
        checkSlug(slug, of: kind, title: title, at: path, &diagnostics)
        guard let chosen, !diagnostics.hasErrors else { return (nil, diagnostics) }
        let text = ContentTemplate(config: config, administration: chosen, title: title, today: today).text(for: kind)
        let url = root.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url, options: .withoutOverwriting)
        } catch {
            let exists = FileManager.default.fileExists(atPath: url.path)
            diagnostics.error(
                exists ? "the file already exists; indsats new does not overwrite it" : "the file could not be written",
                at: SourceLocation(path: path),
                hint: !exists ? "check that the site's folder can be written to"
                    : kind == .report ? "a status report is named after its year: edit that file" : "edit that file, or give the new one another title")
            return (nil, diagnostics)
        }
        return (path, diagnostics)
    }

    /// The administration named (case as written in indsats.yml), else the site's first.
    static func administration(
        _ id: String?, in config: SiteConfig, _ diagnostics: inout Diagnostics
    ) -> SiteConfig.Administration? {
        let known = config.administrations.map(\.id).joined(separator: ", ")
        guard let id else {
            if let first = config.administrations.first { return first }
            diagnostics.error(
                "indsats.yml lists no administrations", at: config.source, field: "administrations",
                hint: "add the administrations under \"administrations:\"")
            return nil
        }
        if let found = config.administrations.first(where: { $0.id == id }) { return found }
        diagnostics.error(
            "--forvaltning: no administration in indsats.yml has the id \"\(id)\"", at: config.source, field: "administrations",
            hint: known.isEmpty ? "add it under \"administrations:\"" : "known: \(known)")
        return nil
    }

    /// A title must give a slug, and not one of the site's own pages.
    static func checkSlug(_ slug: String, of kind: Kind, title: String, at path: String, _ diagnostics: inout Diagnostics) {
        let location = SourceLocation(path: "content/\(kind.folder.rawValue)")
        if slug.isEmpty {
            diagnostics.error(
                "the title \"\(SourceLocation.escaped(title))\" has no letters or digits to name the file by", at: location,
                hint: "give a title with letters, e.g. \"Københavns Kommunes værtsprogram\"")
            return
        }
        let reserved: Set<String> = switch kind {
        case .activity: SitePaths.reservedActivitySlugs
        case .indicator: SitePaths.reservedIndicatorSlugs
        case .annex, .report: []
        }
        if reserved.contains(slug) {
            diagnostics.error(
                "the title gives the file name \"\(slug)\", which is taken by one of the site's own pages", at: location,
                hint: "give a longer title; reserved: " + reserved.sorted().joined(separator: ", "))
        }
    }
}
