#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lists folders with plain system calls.
public enum FolderListing {
    /// The paths of the files under `folder` (relative to it, in subfolders too), unsorted;
    /// names starting with a dot are skipped. Nil when the folder cannot be read. A folder
    /// that is (through a link) one of the folders it is in is not listed again: its path is
    /// added to `loops` instead (else the listing would go round until paths grow too long).
    public static func files(under folder: String, loops: inout [String]) -> [String]? {
        files(under: folder, ancestors: [], loops: &loops)
    }

    private struct FolderID: Hashable {
        var device: UInt64
        var inode: UInt64
    }

    private static func files(under folder: String, ancestors: Set<FolderID>, loops: inout [String]) -> [String]? {
        var info = stat()
        guard stat(folder, &info) == 0 else { return nil }
        let id = FolderID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino))
        guard !ancestors.contains(id) else {
            loops.append("")
            return []
        }
        guard let directory = opendir(folder) else { return nil }
        defer { closedir(directory) }
        var result: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix(".") else { continue }
            let isFolder: Bool
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): isFolder = true
            case Int32(DT_UNKNOWN), Int32(DT_LNK):
                var info = stat()
                isFolder = stat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            default: isFolder = false
            }
            if isFolder {
                var inner: [String] = []
                result += (files(under: folder + "/" + name, ancestors: ancestors.union([id]), loops: &inner) ?? []).map { name + "/" + $0 }
                loops += inner.map { $0.isEmpty ? name : name + "/" + $0 }
            } else {
                result.append(name)
            }
        }
        return result
    }
}
