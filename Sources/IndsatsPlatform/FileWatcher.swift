#if canImport(Glibc)
import Glibc
#endif
import Foundation

/// Watches folders (with their subfolders, new ones included) and single files of one base
/// folder through inotify, and hands out what changed in batches: `nextChanges` waits for a
/// change, then for a quiet spell, so that many quick saves come out as one batch.
public final class FileWatcher: @unchecked Sendable {
    private let base: String
    private let descriptor: Int32
    private let lock = NSLock()
    /// Watch descriptor → folder path relative to `base` ("" for the base folder).
    private var folders: [Int32: String] = [:]
    /// The names watched in the base folder itself (files such as `indsats.yml`, and the
    /// watched folders, so that a folder made later is picked up).
    private let topNames: Set<String>
    private let recursive: Set<String>

    /// Watches `folders` (relative to `base`, recursively) and `files` (relative to `base`, in
    /// the base folder). A folder that does not exist yet is watched once it is made.
    /// Throws when inotify cannot be used.
    public init(base: String, folders watched: [String], files: [String]) throws {
        self.base = base
        descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        guard descriptor >= 0 else { throw SystemError.last }
        topNames = Set(watched + files)
        recursive = Set(watched)
        _ = add("")
        for folder in watched { _ = addTree(folder) }
    }

    deinit { close(descriptor) }

    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO)

    /// Adds a watch on one folder; false when it cannot be watched (gone, or not a folder).
    private func add(_ folder: String) -> Bool {
        let path = folder.isEmpty ? base : base + "/" + folder
        let watch = inotify_add_watch(descriptor, path, Self.mask | UInt32(IN_ONLYDIR))
        guard watch >= 0 else { return false }
        lock.withLock { folders[watch] = folder }
        return true
    }

    /// Watches `folder` and every folder below it; returns the files found in it (relative).
    private func addTree(_ folder: String) -> [String] {
        guard add(folder) else { return [] }
        var found: [String] = []
        let path = base + "/" + folder
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            var isFolder: ObjCBool = false
            let child = folder + "/" + name
            guard FileManager.default.fileExists(atPath: base + "/" + child, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue { found += addTree(child) } else { found.append(child) }
        }
        return found
    }

    /// Waits until something changes (or `timeout` seconds pass: then an empty set), then
    /// until nothing has changed for a while; returns the paths that changed, relative to the
    /// base folder. The while is `settle` seconds when every file written to has been closed
    /// (or moved into place), as an editor's save ends, and `quiet` seconds while a file is
    /// still being written: a save is taken at once, and a burst of saves still comes as one
    /// batch.
    public func nextChanges(quiet: Double, settle: Double = 0.005, timeout: Double = 1) -> Set<String> {
        var changed: Set<String> = []
        var writing: Set<String> = []
        guard wait(timeout) else { return changed }
        repeat {
            for event in drain() {
                changed.insert(event.path)
                if event.finished { writing.remove(event.path) } else { writing.insert(event.path) }
            }
        } while wait(writing.isEmpty ? settle : quiet)
        return changed
    }

    /// True when there is something to read within `seconds`.
    private func wait(_ seconds: Double) -> Bool {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, Int32(seconds * 1000)) > 0
    }

    /// Reads every pending event; a new folder is watched, and the files already in it count
    /// as changed. An event is `finished` unless it leaves a file open for writing (made or
    /// written to, not yet closed).
    private func drain() -> [(path: String, finished: Bool)] {
        var changed: [(path: String, finished: Bool)] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            var offset = 0
            // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[len]; }
            while offset + 16 <= count {
                let (watch, mask, length) = buffer.withUnsafeBytes { bytes in
                    (bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                     bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                     Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
                }
                let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                guard let folder = lock.withLock({ folders[watch] }), !name.isEmpty else { continue }
                if folder.isEmpty && !topNames.contains(name) { continue }
                let path = folder.isEmpty ? name : folder + "/" + name
                let madeFolder = mask & UInt32(IN_ISDIR) != 0 && mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0
                if madeFolder && (!folder.isEmpty || recursive.contains(name)) {
                    changed += addTree(path).map { ($0, true) }
                }
                let unfinished = mask & UInt32(IN_ISDIR) == 0 && mask & UInt32(IN_MODIFY | IN_CREATE) != 0
                changed.append((path, !unfinished))
            }
        }
        return changed
    }
}
