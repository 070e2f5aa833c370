import Foundation
import IndsatsPlatform

/// Why a file-system operation failed, for a user who is not a programmer. The wording is the
/// domain's (it is what a finance officer reads), so it lives here; reading `errno` and the
/// system calls are IndsatsPlatform's.
public enum FileProblem {
    /// Why an operation failed, for a user who is not a programmer; one place for every errno.
    public static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied (the user running indsats may not change it; ask whoever manages the folder)"
        case EROFS: "the disk is read-only (write-protected, or mounted read-only)"
        case ENOSPC: "the disk is full (free some space and try again)"
        case EDQUOT: "the disk quota is used up (free some space and try again)"
        case ENOTDIR: "a part of the path is a file, not a folder"
        case ENOENT: "a folder on the way does not exist"
        case EEXIST: "something with that name is already there"
        case EISDIR: "it is a folder, not a file"
        case ENOTEMPTY: "the folder is not empty"
        case ENAMETOOLONG: "the name is too long"
        case ELOOP: "it goes through too many links (a link may point to itself)"
        case EMFILE, ENFILE: "too many files are open (close some programs and try again)"
        case EIO: "the disk reported a read or write error (check the disk or the network drive)"
        case EBUSY: "it is in use (by another program, or it is where a disk is mounted)"
        case EXDEV: "it is on another disk than the folder beside it"
        case EINVAL: "the disk does not support this operation"
        default: "the system reported \"\(SystemError.systemDescription(code))\" (error \(code))"
        }
    }
}
