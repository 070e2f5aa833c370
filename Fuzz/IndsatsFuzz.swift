import Foundation
import IndsatsFormat
import IndsatsLoad
import IndsatsModel
import IndsatsMustache

// The fuzz target: what indsats reads from text a user writes, fed arbitrary bytes.
//
// The first byte of an input chooses what reads the rest (`Target`); the rest is a whole file's
// text. `scripts/fuzz` builds this with libFuzzer (`-sanitize=fuzzer`, and `-D INDSATS_FUZZ`, so
// that `main` runs libFuzzer's driver) and seeds it with the shipped content and templates.
// Built without them (`swift build`), it is a replayer: `swift run indsats-fuzz FILE…` runs
// saved inputs once each and prints what they gave, to debug a crash in an ordinary build.

/// What an input's first byte chooses (modulo the number of cases).
enum Target: UInt8, CaseIterable {
    /// `FrontMatterFile.split` on the text.
    case frontMatter
    /// The text as a content file of each kind, read by `ContentLoader` and validated.
    case activity, indicator, policyGoal, annex, report
    /// The text as `indsats.yml`.
    case config
    /// The text as an amount (`NumberParser`) and as a date (`Day(iso:)`), then formatted.
    case numbers
    /// The text as a template (`MustacheTemplate(parsing:)`), rendered against a small context
    /// with the shipped templates as its partials and layouts.
    case template

    init(_ byte: UInt8) { self = Target(rawValue: byte % UInt8(Target.allCases.count))! }
}

/// Runs one input. Returns normally unless the code under test crashes or breaks an invariant.
func fuzz(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let first = bytes.first else { return }
    let data = UnsafeBufferPointer(rebasing: bytes.dropFirst())
    let text = String(decoding: data, as: UTF8.self)
    switch Target(first) {
    case .frontMatter: splitFrontMatter(text)
    case .activity: readContent(data, kind: .activity)
    case .indicator: readContent(data, kind: .indicator)
    case .policyGoal: readContent(data, kind: .policyGoal)
    case .annex: readContent(data, kind: .annex)
    case .report: readContent(data, kind: .report)
    case .config: readConfig(data)
    case .numbers: parseNumbers(text)
    case .template: renderTemplate(text)
    }
}

func splitFrontMatter(_ text: String) {
    guard let file = FrontMatterFile.split(text) else { return }
    // Both parts are cut out of the text: the body is its end, the YAML comes before it.
    let bytes = Array(text.utf8), yaml = Array(file.yaml.utf8), body = Array(file.body.utf8)
    precondition(bytes.suffix(body.count).elementsEqual(body), "the body is not the end of the file")
    precondition(yaml.count + body.count <= bytes.count, "the front matter and the body overlap")
    precondition(file.bodyLine >= 3, "the body starts before the closing fence")
}

/// The repository (this file is `Fuzz/IndsatsFuzz.swift`): the shipped `indsats.yml` and
/// templates give the readers and the renderer something real to resolve names against.
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()

/// A site folder per content kind, made once: the shipped `indsats.yml` and one content file
/// that each input overwrites. Under `INDSATS_FUZZ_TMP` when set (the script removes it), else
/// the temporary folder, removed when the program exits normally.
let sites: URL = {
    let parent = ProcessInfo.processInfo.environment["INDSATS_FUZZ_TMP"].map { URL(fileURLWithPath: $0) }
        ?? FileManager.default.temporaryDirectory
    let folder = parent.appendingPathComponent("indsats-fuzz-\(getpid())")
    try! FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    atexit { try? FileManager.default.removeItem(at: sites) }
    return folder
}()

/// The site `name`, with a `content/<folder>` folder (made the first time).
func site(_ name: String, folder: String = "", config: Data?) -> URL {
    let root = sites.appendingPathComponent(name)
    if !FileManager.default.fileExists(atPath: root.path) {
        try! FileManager.default.createDirectory(at: root.appendingPathComponent("content/" + folder), withIntermediateDirectories: true)
        if let config { try! config.write(to: root.appendingPathComponent(ContentLoader.configFile)) }
    }
    return root
}

let shippedConfig = try! Data(contentsOf: repository.appendingPathComponent(ContentLoader.configFile))

func readContent(_ data: UnsafeBufferPointer<UInt8>, kind: ContentKind) {
    let root = site(kind.rawValue, folder: kind.rawValue, config: shippedConfig)
    // A report's file is named after its year; the shipped report is 2009.
    let file = root.appendingPathComponent("content/\(kind.rawValue)/" + (kind == .report ? "2009.md" : "fuzz.md"))
    write(data, to: file)
    check(ContentLoader(root: root).load())
}

func readConfig(_ data: UnsafeBufferPointer<UInt8>) {
    let root = site("config", config: nil)
    write(data, to: root.appendingPathComponent(ContentLoader.configFile))
    check(ContentLoader(root: root).load())
}

/// Writes `data` as the whole file (plain system calls: Foundation's `Data.write` waits for
/// the disk, `fsync`, which made every input take milliseconds).
func write(_ data: UnsafeBufferPointer<UInt8>, to file: URL) {
    let descriptor = open(file.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    precondition(descriptor >= 0, "cannot write \(file.path)")
    defer { close(descriptor) }
    var offset = 0
    while offset < data.count {
        let written = Foundation.write(descriptor, data.baseAddress! + offset, data.count - offset)
        precondition(written > 0, "cannot write \(file.path)")
        offset += written
    }
}

/// Whether to print what each input gave (when replaying).
nonisolated(unsafe) var verbose = false

/// Validates what was read and formats every diagnostic, as `indsats check` does (printed only
/// when replaying; the formatting is code under test too).
func check(_ result: LoadResult) {
    var diagnostics = result.diagnostics
    if let content = result.content {
        diagnostics.append(contentsOf: SiteValidator.validate(content))
    }
    for diagnostic in diagnostics.sorted {
        let line = diagnostic.description
        if verbose { print("  " + line) }
    }
}

func parseNumbers(_ text: String) {
    for pointsAreThousands in [false, true] {
        switch NumberParser.parse(text, pointsAreThousands: pointsAreThousands) {
        case .success(let amount):
            let shown = [DanishFormat.number(amount), DanishFormat.plain(amount), DanishFormat.percent(amount, decimals: 2)]
            if verbose { print("  amount\(pointsAreThousands ? " (points are thousands)" : ""): " + shown.joined(separator: " | ")) }
        case .failure(let failure):
            if verbose { print("  not an amount\(pointsAreThousands ? " (points are thousands)" : ""): \(failure)") }
        }
    }
    if let day = Day(iso: text) {
        precondition(day.iso == text, "\(text) is read as the day \(day.iso)")
        let shown = DanishFormat.date(day)
        if verbose { print("  day: \(shown), ordinal \(day.ordinal)") }
    }
}

/// The shipped templates, by name as `TemplateSet` names them (`partials/cell`).
let shippedTemplates: MustacheLibrary = {
    var library = MustacheLibrary()
    let folder = repository.appendingPathComponent("templates")
    for file in FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? [] where file.hasSuffix(".mustache") {
        let text = try! String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
        library.register(try! MustacheTemplate(parsing: text), named: String(file.dropLast(".mustache".count)))
    }
    return library
}()

/// A context with a value of every kind, some of them naming templates and HTML.
let context: TemplateObject = {
    let row: TemplateObject = ["text": "3,3", "mark": "*", "name": "a < b", "current": true]
    let other: TemplateObject = ["text": "Driftsbudget", "name": "<script>", "current": false]
    return [
        "root": "../", "pageTitle": "Side & titel", "title": "Titel \"citat\"", "body": "<p>brødtekst</p>",
        "site": TemplateObject(["title": "Integrationsindsatsen", "organisation": "Københavns Kommune"]),
        "nav": [row, other], "rows": [row, other, row], "cell": row, "empty": [TemplateObject](),
        "flag": true, "off": false, "absent": String?.none, "partial": "partials/cell", "count": "2",
    ]
}()

func renderTemplate(_ text: String) {
    let template: MustacheTemplate
    do {
        template = try MustacheTemplate(parsing: text)
    } catch {
        if verbose { print("  does not parse: \(error.line):\(error.column): \(error.message)") }
        return
    }
    let names = Set(template.references.map(\.name))
    _ = template.tags
    var library = shippedTemplates
    library.register(template, named: "fuzz")
    let cycles = library.cycles()
    let page: [UInt8]?
    do {
        page = try library.render(context, with: "fuzz")
    } catch {
        if verbose { print("  stops: \(error)") }
        return
    }
    if verbose { print("  includes \(names.sorted()), \(cycles.count) cycles; renders \(page.map { String(decoding: $0, as: UTF8.self) } ?? "nothing")") }
}

/// libFuzzer's entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    fuzz(UnsafeBufferPointer(start: data, count: size))
    return 0
}

#if INDSATS_FUZZ
/// libFuzzer's driver (its `main` without being `main`: SwiftPM names an executable's entry
/// point after the module and links `main` to it).
@_extern(c, "LLVMFuzzerRunDriver")
func runFuzzer(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt
#endif

@main
enum Main {
    static func main() {
        #if INDSATS_FUZZ
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(runFuzzer(&argc, &argv, testOneInput))
        #else
        replay(CommandLine.arguments.dropFirst())
        #endif
    }
}

/// Without libFuzzer: runs each saved input once, printing what the content readers report.
func replay(_ paths: ArraySlice<String>) {
    guard !paths.isEmpty else {
        print("usage: indsats-fuzz FILE… (runs saved fuzz inputs once each; scripts/fuzz fuzzes)")
        exit(2)
    }
    verbose = true
    for path in paths {
        guard let data = FileManager.default.contents(atPath: path) else {
            print("indsats-fuzz: cannot read \(path)")
            exit(2)
        }
        print("running \(path) (\(data.count) bytes, \(data.first.map { "\(Target($0))" } ?? "empty"))")
        data.withUnsafeBytes { fuzz($0.bindMemory(to: UInt8.self)) }
    }
    print("ran \(paths.count) inputs without a crash")
}
