import Foundation
#if canImport(Glibc)
import Glibc
#endif
import IndsatsModel
import IndsatsRender

/// Writes a finished site atomically: everything goes into a fresh folder beside the output
/// folder, which replaces the old one only when every file was written. A failed build leaves
/// the previous site as it was.
public struct SiteWriter: Sendable {
    public let output: URL

    public init(output: URL) {
        self.output = output
    }

    /// Writes `files` (and copies `assets/`) into a staging folder, lets `finish` add to it
    /// (PDFs printed from the written pages), then swaps it in.
    public func write(_ files: [OutputFile], assets: URL?, finish: ((URL) throws -> Void)? = nil) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).building-\(getpid())")
        try? fm.removeItem(at: staging)
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
            // Every folder once, parents first, with plain mkdir (FileManager checks each
            // ancestor again for every call); then the files in parallel with open/write/close.
            var folders = Set<String>()
            for file in files {
                var folder = Substring(file.path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    guard folders.insert(String(folder)).inserted else { break }
                }
            }
            for folder in folders.sorted() where mkdir(staging.path + "/" + folder, 0o755) != 0 && errno != EEXIST {
                throw WriteError(message: "cannot create \(folder): \(String(cString: strerror(errno)))")
            }
            let base = staging.path + "/"
            let failures = ParallelMap.map(files) { file -> String? in
                Self.writeFile(base + file.path, file.data).map { "\(file.path): \($0)" }
            }.compactMap { $0 }
            if let failure = failures.first { throw WriteError(message: "cannot write \(failure)") }
            if let assets, fm.fileExists(atPath: assets.path) {
                try fm.copyItem(at: assets, to: staging.appendingPathComponent("assets"))
            }
            try finish?(staging)
            try swapIn(staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
    }

    /// Writes `data` to a new file at `path`; returns the error, if any.
    static func writeFile(_ path: String, _ data: Data) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return String(cString: strerror(errno)) }
        defer { close(descriptor) }
        return data.withUnsafeBytes { buffer -> String? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return String(cString: strerror(errno))
                }
                offset += written
            }
            return nil
        }
    }

    /// Replaces the output folder with `staging` by renames, so that there is never a
    /// half-written output folder.
    func swapIn(_ staging: URL) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output.path) else {
            try fm.moveItem(at: staging, to: output)
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        try? fm.removeItem(at: old)
        try fm.moveItem(at: output, to: old)
        do {
            try fm.moveItem(at: staging, to: output)
        } catch {
            try? fm.moveItem(at: old, to: output)
            throw error
        }
        try? fm.removeItem(at: old)
    }
}

public struct WriteError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}
