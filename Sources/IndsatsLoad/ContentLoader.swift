import Dispatch
import Foundation
import IndsatsModel
import Yams

/// The kinds of content file, by the folder under `content/` they live in.
public enum ContentKind: String, CaseIterable, Sendable {
    case activity = "aktiviteter"
    case indicator = "indikatorer"
    case policyGoal = "politiske-maal"
    case annex = "bilag"
    case report = "statusrapporter"
}

/// What loading a site gave: the typed content (nil when the configuration could not be
/// read), and every problem found in every file.
public struct LoadResult: Sendable {
    public var content: SiteContent?
    public var diagnostics: Diagnostics
    /// Time in each part of loading, added up over the files (and threads).
    public var parts: [(part: String, seconds: Double)] = []
}

/// Loads a site: reads `indsats.yml`, walks `content/`, splits and reads every file (in
/// parallel), and returns typed content in a stable order with all diagnostics.
public struct ContentLoader: Sendable {
    public static let configFile = "indsats.yml"
    public let root: URL

    /// The root folder's path, ending in `/`.
    let rootPath: String

    public init(root: URL) {
        self.root = root
        rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
    }

    public func load() -> LoadResult {
        var diagnostics = Diagnostics()
        let clock = TimeSums()
        guard let config = clock.measure("configuration", { loadConfig(&diagnostics) }) else {
            return LoadResult(content: nil, diagnostics: diagnostics)
        }
        let files = clock.measure("list files") { contentFiles(&diagnostics) }
        let renderer = MarkdownRenderer(allowRawHTML: config.rawHTML)
        let loaded = ParallelMap.map(files) { file in
            loadFile(file.path, kind: file.kind, config: config, markdown: renderer, clock: clock)
        }
        var content = clock.measure("collect") { () -> SiteContent in
            var content = SiteContent(config: config)
            for (item, fileDiagnostics) in loaded {
                diagnostics.append(contentsOf: fileDiagnostics)
                switch item {
                case .activity(let a): content.activities.append(a)
                case .indicator(let i): content.indicators.append(i)
                case .policyGoal(let g): content.policyGoals.append(g)
                case .annex(let a): content.annexes.append(a)
                case .report(let r): content.reports.append(r)
                case nil: break
                }
            }
            content.reports.sort { $0.year < $1.year }
            return content
        }
        return LoadResult(content: content, diagnostics: diagnostics, parts: clock.seconds)
    }

    // MARK: - Files

    func loadConfig(_ diagnostics: inout Diagnostics) -> SiteConfig? {
        let path = Self.configFile
        guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else {
            diagnostics.error("cannot read the site configuration", at: SourceLocation(path: path), hint: "run indsats in the site's folder, or pass --root")
            return nil
        }
        let document = YAMLDocument(path: path, lineOffset: 1)
        defer { diagnostics.append(contentsOf: document.diagnostics) }
        guard let node = document.compose(text), let map = MappingReader.make(node, document: document, field: "") else {
            return nil
        }
        return ConfigReader.read(map, path: path)
    }

    /// Every `.md` file under `content/<kind>/`, sorted, so that output order never depends
    /// on the file system.
    func contentFiles(_ diagnostics: inout Diagnostics) -> [(path: String, kind: ContentKind)] {
        let fm = FileManager.default
        let contentURL = root.appendingPathComponent("content")
        guard let folders = try? fm.contentsOfDirectory(atPath: contentURL.path) else {
            diagnostics.error("there is no content folder", at: SourceLocation(path: "content"))
            return []
        }
        var files: [(String, ContentKind)] = []
        for folder in folders.sorted() where !folder.hasPrefix(".") {
            guard let kind = ContentKind(rawValue: folder) else {
                diagnostics.warning(
                    "unknown content folder; it is not read", at: SourceLocation(path: "content/\(folder)"),
                    hint: "content folders are " + ContentKind.allCases.map(\.rawValue).joined(separator: ", "))
                continue
            }
            let names = FolderListing.files(under: contentURL.appendingPathComponent(folder).path) ?? []
            for name in names.sorted() where name.hasSuffix(".md") {
                files.append(("content/\(folder)/\(name)", kind))
            }
        }
        return files
    }

    enum Item: Sendable {
        case activity(Activity), indicator(Indicator), policyGoal(PolicyGoal), annex(Annex), report(StatusReport)
    }

    func loadFile(_ path: String, kind: ContentKind, config: SiteConfig, markdown: MarkdownRenderer, clock: TimeSums) -> (Item?, [Diagnostic]) {
        var diagnostics = Diagnostics()
        let read = clock.measure("read files") { TextFile.read(rootPath + path) }
        guard let text = read else {
            diagnostics.error("cannot read the file as UTF-8 text", at: SourceLocation(path: path))
            return (nil, diagnostics.all)
        }
        guard let file = clock.measure("front matter", { FrontMatterFile.split(text) }) else {
            diagnostics.error("no front matter: a content file starts with a line \"---\", its fields, and another \"---\"", at: SourceLocation(path: path))
            return (nil, diagnostics.all)
        }
        let document = YAMLDocument(path: path, lineOffset: file.yamlLine)
        guard let node = clock.measure("YAML", { document.compose(file.yaml) }) else { return (nil, document.diagnostics.all) }
        guard let map = MappingReader.make(node, document: document, field: "") else { return (nil, document.diagnostics.all) }
        let body = clock.measure("Markdown") { markdown.render(file.body) }
        let item: Item? = clock.measure("model (typed fields)") {
            let fileName = (path as NSString).lastPathComponent
            // A `slug` key (as Hugo's front matter has) overrides the file name, for every kind.
            let slug = map.string("slug") ?? String(fileName.dropLast(3))
            if kind != .report && !Slug.isValid(slug) {
                document.diagnostics.error(
                    "\"\(slug)\" is not a valid slug", at: document.location(map.value("slug") ?? map.node), field: "slug",
                    hint: "use lower-case letters a–z, digits and dashes, e.g. \"\(Slug.make(slug))\"")
            }
            switch kind {
            case .activity: return ActivityReader(config: config, markdown: markdown).read(map, slug: slug, body: body).map(Item.activity)
            case .indicator: return IndicatorReader.read(map, slug: slug, body: body).map(Item.indicator)
            case .policyGoal: return IndicatorReader.readPolicyGoal(map, slug: slug, body: body).map(Item.policyGoal)
            case .annex: return DocumentReader(config: config).readAnnex(map, slug: slug, body: body).map(Item.annex)
            case .report: return DocumentReader(config: config).readReport(map, slug: slug, body: body).map(Item.report)
            }
        }
        return (item, document.diagnostics.all)
    }
}
