import Dispatch
import Foundation
import IndsatsModel
import IndsatsPlatform
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
        load(reusing: nil, changed: [])
    }

    /// Loads the site, reading again only the content files in `changed` (paths relative to
    /// the site's folder) and those `cache` does not hold; the rest come from `cache`, which is
    /// brought up to date. A change of `indsats.yml` reads every file again.
    public func load(reusing cache: LoadCache?, changed: Set<String>) -> LoadResult {
        var diagnostics = Diagnostics()
        let clock = TimeSums()
        guard let config = clock.measure("configuration", { loadConfig(&diagnostics) }) else {
            return LoadResult(content: nil, diagnostics: diagnostics)
        }
        let files = clock.measure("list files") { () -> [(path: String, kind: ContentKind)] in
            // Edits of files already known change no name: the last listing still holds.
            if let cache, let listing = cache.listing, !changed.contains(Self.configFile),
               changed.allSatisfy({ !$0.hasPrefix("content/") || (cache.files[$0] != nil && FileSystem.kind(rootPath + $0) == .file) }) {
                diagnostics.append(contentsOf: listing.diagnostics)
                return listing.files
            }
            var listed = Diagnostics()
            let files = contentFiles(&listed)
            cache?.listing = (files, listed)
            diagnostics.append(contentsOf: listed)
            return files
        }
        let renderer = MarkdownRenderer(allowRawHTML: config.rawHTML)
        // Taken out of the cache (not copied), so that it is updated in place.
        var known: [String: LoadedFile] = [:]
        if let cache, !changed.contains(Self.configFile) { swap(&known, &cache.files) }
        let stale = files.filter { known[$0.path] == nil || changed.contains($0.path) }
        let read = ParallelMap.map(stale) { file in
            loadFile(file.path, kind: file.kind, config: config, markdown: renderer, clock: clock)
        }
        for (file, loaded) in zip(stale, read) { known[file.path] = loaded }
        let loaded = files.map { known[$0.path]! }
        // Every listed file is known now: more known ones means some were removed.
        if known.count != files.count { known = Dictionary(zip(files.map(\.path), loaded)) { first, _ in first } }
        cache?.files = known
        let content = clock.measure("collect") { () -> SiteContent in
            var content = SiteContent(config: config)
            for file in loaded {
                diagnostics.append(contentsOf: file.diagnostics)
                switch file.item {
                case .activity(let a): content.activities.append(a)
                case .indicator(let i): content.indicators.append(i)
                case .policyGoal(let g): content.policyGoals.append(g)
                case .annex(let a): content.annexes.append(a)
                case .report(let r): content.reports.append(r)
                case nil: content.unreadable.insert(file.slug, kind: file.kind)
                }
            }
            content.reports.sort { $0.year < $1.year }
            return content
        }
        return LoadResult(content: content, diagnostics: diagnostics, parts: clock.seconds)
    }

    /// Only the site configuration (`indsats.yml`), with the problems found in it: for
    /// commands that need the site's names but not its content (`indsats new`).
    public func loadConfig() -> (config: SiteConfig?, diagnostics: Diagnostics) {
        var diagnostics = Diagnostics()
        let config = loadConfig(&diagnostics)
        return (config, diagnostics)
    }

    // MARK: - Files

    func loadConfig(_ diagnostics: inout Diagnostics) -> SiteConfig? {
        let path = Self.configFile
        let text: String
        switch TextFile.read(root.appendingPathComponent(path).path) {
        case .text(let read): text = read
        case .failed(let code):
            let site = "the site's folder, which holds indsats.yml, content/ and templates/,"
            let (message, hint): (String, String) =
                switch (code, isDirectory(root.path), FileManager.default.fileExists(atPath: root.path)) {
                case (ENOENT, true, _): ("\(root.path) has no indsats.yml, so it is not a site's folder", "run indsats in \(site) or name it with --root")
                case (ENOENT, false, false), (ENOTDIR, false, false): ("there is no folder \(root.path)", "name \(site) with --root")
                case (ENOENT, false, true), (ENOTDIR, false, true): ("\(root.path) is a file, not a site's folder", "name \(site) with --root")
                default: ("cannot read the site configuration: \(FileProblem.reason(code))", "run indsats in \(site) or name it with --root")
                }
            diagnostics.error(message, at: SourceLocation(path: path), hint: hint)
            return nil
        case .notUTF8(let line, let column):
            diagnostics.error(
                "the file is not UTF-8 text: this character is in another encoding", at: SourceLocation(path: path, line: line, column: column),
                hint: "save the file with the encoding UTF-8, for example with the editor's \"Save as\"")
            return nil
        }
        let document = YAMLDocument(path: path, lineOffset: 1)
        defer { diagnostics.append(contentsOf: document.diagnostics) }
        guard let node = document.compose(text) else {
            if !document.diagnostics.hasErrors {
                // Nothing in it (or only comments): everything the content refers to is missing.
                document.diagnostics.error(
                    "the site configuration is empty", at: SourceLocation(path: path),
                    hint: "write at least the site's name as \"title: …\", and the committees, administrations, areas and themes the content names; see docs/content-format.md")
            }
            return nil
        }
        guard let map = MappingReader.make(node, document: document, field: "", fields: FieldTable.config) else { return nil }
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
                let location = SourceLocation(path: "content/\(folder)")
                let kinds = ContentKind.allCases.map(\.rawValue).joined(separator: ", ")
                if let meant = ContentKind(rawValue: folder.lowercased()) {
                    // `Aktiviteter/`: meant as content, and the site would be published without it.
                    diagnostics.error("the folder is not read: content folders are named in lower case", at: location, hint: "rename it to \(meant.rawValue)")
                } else if isDirectory(contentURL.appendingPathComponent(folder).path) {
                    diagnostics.warning("unknown content folder; it is not read", at: location, hint: "content folders are " + kinds)
                } else {
                    diagnostics.warning("the file is not read: content files go in one of the folders \(kinds)", at: location)
                }
                continue
            }
            var loops: [String] = []
            let names = FolderListing.files(under: contentURL.appendingPathComponent(folder).path, loops: &loops) ?? []
            for loop in loops.sorted() {
                diagnostics.warning(
                    "the folder is a link back to a folder it is in, so it is not read again (everything in it is read once already)",
                    at: SourceLocation(path: "content/\(folder)/\(loop)"), hint: "remove the link")
            }
            for name in names.sorted() {
                let path = "content/\(folder)/\(name)"
                if let problem = Self.nameProblem(path) {
                    diagnostics.append(contentsOf: [problem])
                } else {
                    files.append((path, kind))
                }
            }
        }
        return files
    }

    func isDirectory(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// Why the file at `path` (under `content/<kind>/`) is not read, if it is not: a name with
    /// a control character or not in UTF-8 is an error (it cannot be a slug, and breaks
    /// other tools), as is a Markdown file not ending in `.md` (`Projekt.MD`, `a.markdown`:
    /// meant as content, and the site would be published without it); any other file is a
    /// warning.
    static func nameProblem(_ path: String) -> Diagnostic? {
        let location = SourceLocation(path: path)
        // Most names are printable ASCII, with neither a control character nor a U+FFFD.
        let printableASCII = ControlCharacter.isPrintableASCII(path)
        if !printableASCII && path.unicodeScalars.contains(where: SourceLocation.isControl) {
            return Diagnostic(
                .error, at: location, "the file name contains a control character (such as a line break or a tab), so the file is not read",
                hint: "rename the file: lower-case letters, digits and dashes, ending in .md")
        }
        if !printableASCII && path.unicodeScalars.contains("\u{FFFD}") {
            return Diagnostic(
                .error, at: location, "the file name is not UTF-8 text, so the file is not read",
                hint: "rename the file: lower-case letters, digits and dashes, ending in .md")
        }
        let name = String(lastComponent(path))
        if name.hasSuffix(".md") { return nil }
        let stem = (name as NSString).deletingPathExtension
        let markdown = ["md", "markdown", "mdown", "mkd", "mkdn", "mdwn", "mdtxt", "mdtext"]
        if markdown.contains((name as NSString).pathExtension.lowercased()), !stem.isEmpty {
            let slug = Slug.make(stem)
            return Diagnostic(
                .error, at: location, "the file is not read: content files end in \".md\", in lower case",
                hint: "rename it to \(slug.isEmpty ? stem : slug).md")
        }
        return Diagnostic(
            .warning, at: location, "the file is not read: only .md files are content",
            hint: "move it out of content/ if it is not content; rename it to end in .md if it is")
    }

    /// The part of `path` after its last `/` (`NSString`'s `lastPathComponent` without the
    /// bridging, which was a twentieth of loading; the paths here never end in `/`).
    static func lastComponent(_ path: String) -> Substring {
        var path = path
        let start = path.withUTF8 { bytes in bytes.lastIndex(of: UInt8(ascii: "/")).map { $0 + 1 } ?? 0 }
        return path[path.utf8.index(path.startIndex, offsetBy: start)...]
    }

    /// Each content file as last read (for `load(reusing:changed:)`).
    public final class LoadCache: @unchecked Sendable {
        var files: [String: LoadedFile] = [:]
        /// The content files as last listed, with what the listing found wrong with names.
        var listing: (files: [(path: String, kind: ContentKind)], diagnostics: Diagnostics)?
        public init() {}
    }

    enum Item: Sendable {
        case activity(Activity), indicator(Indicator), policyGoal(PolicyGoal), annex(Annex), report(StatusReport)
    }

    /// One file's content (nil when it could not be read: the diagnostics say why), and its
    /// slug, which other files may refer to either way.
    struct LoadedFile: Sendable {
        var item: Item?
        var diagnostics: [Diagnostic]
        var kind: ContentKind
        var slug: String
    }

    func loadFile(_ path: String, kind: ContentKind, config: SiteConfig, markdown: MarkdownRenderer, clock: TimeSums) -> LoadedFile {
        let fileSlug = String(Self.lastComponent(path).dropLast(3))
        func unreadable(_ diagnostics: [Diagnostic]) -> LoadedFile { LoadedFile(item: nil, diagnostics: diagnostics, kind: kind, slug: fileSlug) }
        let text: String
        switch clock.measure("read files", { TextFile.read(rootPath + path) }) {
        case .text(let read): text = read
        case .failed(let code):
            // A listed file that is not there is a link to nothing.
            let reason = code == ENOENT ? "it is a link to something that does not exist" : FileProblem.reason(code)
            return unreadable([Diagnostic(.error, at: SourceLocation(path: path), "cannot read the file: \(reason)")])
        case .notUTF8(let line, let column):
            return unreadable([Diagnostic(
                .error, at: SourceLocation(path: path, line: line, column: column), "the file is not UTF-8 text: this character is in another encoding",
                hint: "save the file with the encoding UTF-8, for example with the editor's \"Save as\"")])
        }
        guard let file = clock.measure("front matter", { FrontMatterFile.split(text) }) else {
            return unreadable([Diagnostic(
                .error, at: SourceLocation(path: path), "no front matter: a content file starts with a line \"---\", its fields, and another \"---\"")])
        }
        let document = YAMLDocument(path: path, lineOffset: file.yamlLine)
        // Front matter with nothing in it is a mapping with no fields (the required ones are missing).
        let composed = clock.measure("YAML") { document.compose(file.yaml) }
        guard let node = composed ?? (document.diagnostics.hasErrors ? nil : Node.mapping(Node.Mapping([]))),
            let map = MappingReader.make(node, document: document, field: "", fields: FieldTable.fields(for: kind))
        else { return unreadable(document.diagnostics.all) }
        let body = clock.measure("Markdown") { markdown.render(file.body) }
        if let control = ControlCharacter.first(in: file.body) {
            // cmark would pass it on to the page (all but NUL, which it makes a U+FFFD).
            document.diagnostics.error(
                ControlCharacter.message(control.scalar), at: SourceLocation(path: path, line: file.bodyLine + control.line - 1, column: control.column),
                hint: ControlCharacter.hint)
        }
        // A `slug` key (as Hugo's front matter has) overrides the file name, for every kind.
        let slug = map.string("slug") ?? fileSlug
        let item: Item? = clock.measure("model (typed fields)") {
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
        return LoadedFile(item: item, diagnostics: document.diagnostics.all, kind: kind, slug: slug)
    }
}

extension UnreadableFiles {
    mutating func insert(_ slug: String, kind: ContentKind) {
        switch kind {
        case .activity: activities.insert(slug)
        case .indicator: indicators.insert(slug)
        case .policyGoal: policyGoals.insert(slug)
        case .annex: annexes.insert(slug)
        case .report: reports.insert(slug)
        }
    }
}
