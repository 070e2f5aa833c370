import Foundation
import IndsatsModel
import IndsatsPlatform

/// Where `build` may put the site, and every rule that keeps it from replacing anything else
/// (all of them here, in one place). A build replaces its output folder whole, so:
/// - the output may be a folder an earlier build made (it holds the `.indsats-output`
///   marker, which every build writes), an empty folder, or a path where nothing is yet;
///   any other folder is refused unless `force` is set;
/// - never a file, and never the site's folder, `content/`, the templates or `arkiv/`, a
///   folder above one of them, or a folder inside `content/`, the templates or `arkiv/`
///   (`force` does not change this);
/// - never `/`, the user's home folder or a folder above it, nor a folder with a `.git` entry
///   (a git repository, whose history the build would delete), `force` or not;
/// - a link at the output is kept: the folder it points to is what gets replaced (checked
///   by the same rules), so a web server that follows the link sees the new site.
public struct OutputLocation: Sendable {
    /// The marker file every build writes into its output folder.
    public static let markerName = ".indsats-output"
    static let markerText = Data("This folder is made by indsats build, which replaces it whole on every build.\n".utf8)

    /// The output as named (absolute).
    public let output: URL
    public let root: URL
    public let templates: URL
    /// Replace a non-empty folder that an earlier build did not make (`build --force`).
    public let force: Bool
    /// The user's home folder, which the output may neither be nor contain.
    public let home: String?

    /// `home` is the user's home folder (by default `$HOME`, else the account's).
    public init(output: URL, root: URL, templates: URL, force: Bool = false, home: String? = OutputLocation.userHome) {
        self.output = output.standardizedFileURL
        self.root = root.standardizedFileURL
        self.templates = templates.standardizedFileURL
        self.force = force
        self.home = home
    }

    /// `$HOME`, else the home folder of the account.
    public static var userHome: String? {
        if let home = ProcessInfo.processInfo.environment["HOME"], home.hasPrefix("/") { return home }
        let home = NSHomeDirectory()
        return home.hasPrefix("/") ? home : nil
    }

    /// The output as the user knows it: relative to the site's folder when inside it.
    public var shown: String { show(output.path) }

    public enum Verdict: Sendable, Equatable {
        /// Replace this folder (a real path).
        case replace(String)
        /// Do not write; why, as an error at the output.
        case refuse(Diagnostic)
    }

    /// The folder to replace (the output, or the folder a link there points to, with every
    /// link resolved), or why the output may not be replaced.
    public func target() -> Verdict {
        let path = output.path
        let target: String
        switch FileSystem.kind(path) {
        case .link:
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            guard let real = FileSystem.realPath(path), FileSystem.kind(real) == .folder else {
                let which = switch FileSystem.unreachable(path)?.code {
                case nil: "is not a folder"
                case ELOOP: "goes round in a loop"
                case ENOENT, ENOTDIR: "does not exist"
                case let code?: "cannot be reached: \(FileProblem.reason(code))"
                }
                return refuse(
                    "\(shown) is a link to \(destination), which \(which)",
                    hint: "point the link at a folder, or name another folder with --output")
            }
            target = real
        case .file, .other:
            return refuse(
                "\(shown) is a file, not a folder: a build replaces its output folder whole, so it would delete this file",
                hint: "move the file away, or name another folder with --output")
        case .folder, nil:
            target = FileSystem.resolvedPath(path)
        }
        if let refusal = homeRefusal(target) { return refusal }
        for folder in protectedFolders {
            let real = FileSystem.resolvedPath(folder.path)
            if target == real || real.hasPrefix(target == "/" ? "/" : target + "/") {
                let what = target == real ? "is \(folder.name)" : "contains \(folder.name)"
                return refuse(
                    "the output folder \(what): a build replaces its output folder whole, so it would delete \(folder.loss)",
                    hint: "name a folder of its own with --output, such as output")
            }
            if folder.path != root.path, target.hasPrefix(real + "/") {
                return refuse(
                    "the output folder is inside \(folder.name), where the build must not write",
                    hint: "name a folder outside content/, the templates and arkiv/ with --output, such as output")
            }
        }
        if let refusal = repositoryRefusal(target) { return refusal }
        if FileSystem.kind(target) == .folder, !force {
            let entries = FileSystem.entries(target) ?? []
            if !entries.isEmpty, !entries.contains(Self.markerName) {
                return refuse(
                    "\(shown) is not a folder indsats made (it has no \(Self.markerName) file) and it is not empty: a build replaces its output folder whole, so it would delete what is in it",
                    hint: "move it away or name another folder with --output; or, if nothing in it is needed, build with --force to replace it")
            }
        }
        return .replace(target)
    }

    /// Why `target` may not be replaced, even with `--force`: it is `/`, the home folder or a
    /// folder above it.
    func homeRefusal(_ target: String) -> Verdict? {
        let forceHint = "name a folder of its own with --output, such as output; --force does not allow this"
        if target == "/" {
            return refuse(
                "the output folder is the top folder of the computer (/): a build replaces its output folder whole, so it would delete everything on the computer",
                hint: forceHint)
        }
        if let home, !home.isEmpty {
            let real = FileSystem.resolvedPath(home)
            if target == real {
                return refuse("the output folder is your home folder: a build replaces its output folder whole, so it would delete all your files", hint: forceHint)
            }
            if real.hasPrefix(target + "/") {
                return refuse("the output folder contains your home folder: a build replaces its output folder whole, so it would delete all your files", hint: forceHint)
            }
        }
        return nil
    }

    /// Why `target` may not be replaced, even with `--force`: it is a git repository.
    func repositoryRefusal(_ target: String) -> Verdict? {
        if FileSystem.kind(target) == .folder, FileSystem.kind(target + "/.git") != nil {
            return refuse(
                "\(shown) is a git repository (it has a .git entry): a build replaces its output folder whole, so it would delete the repository and its history",
                hint: "name another folder with --output; to keep the site in git, copy the built site into the repository; --force does not allow this")
        }
        return nil
    }

    /// The folders the output must never be, contain or (but for the site's folder) sit in.
    var protectedFolders: [(path: String, name: String, loss: String)] {
        [
            (root.path, "the site's folder", "indsats.yml, content/, templates/ and arkiv/"),
            (root.appendingPathComponent("content").path, "content/", "the site's content"),
            (templates.path, show(templates.path) + "/", "the templates"),
            (root.appendingPathComponent(ReportArchive.folderName).path, "\(ReportArchive.folderName)/", "the archive of published reports"),
        ]
    }

    func show(_ path: String) -> String {
        if path == root.path { return "." }
        return path.hasPrefix(root.path + "/") ? String(path.dropFirst(root.path.count + 1)) : path
    }

    func refuse(_ message: String, hint: String) -> Verdict {
        .refuse(Diagnostic(.error, at: SourceLocation(path: shown), message, hint: hint))
    }
}
