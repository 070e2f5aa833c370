import Foundation
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
            let folders = Set(files.map { ($0.path as NSString).deletingLastPathComponent }).filter { !$0.isEmpty }.sorted()
            for folder in folders {
                try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let failures = ParallelMap.map(files) { file -> String? in
                do {
                    try file.data.write(to: staging.appendingPathComponent(file.path))
                    return nil
                } catch {
                    return "\(file.path): \(error.localizedDescription)"
                }
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
