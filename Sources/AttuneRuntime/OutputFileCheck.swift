#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Proves, before a long run, that a file written only at its end (`analyze --plot`) can be written,
/// so a typo in the path is found in a millisecond rather than after an hour of audio or a live session.
public enum OutputFileCheck {
    /// Opens `path` for writing without truncating it; a file this check had to create is removed
    /// again at once, so a run that fails later leaves nothing behind.
    /// - Throws: `OutputFileError.notWritable` with the system's reason.
    public static func ensureWritable(_ path: String) throws(OutputFileError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if fd >= 0 {
            close(fd)
            unlink(path)
            return
        }
        guard errno == EEXIST else { throw .notWritable(path: path, reason: String(cString: strerror(errno))) }
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw .notWritable(path: path, reason: "it is a directory")
        }
        let existing = open(path, O_WRONLY | O_CLOEXEC)
        guard existing >= 0 else { throw .notWritable(path: path, reason: String(cString: strerror(errno))) }
        close(existing)
    }
}

public enum OutputFileError: Error, Equatable, Sendable, CustomStringConvertible {
    case notWritable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .notWritable(path, reason):
            return "cannot write \(path): \(reason); choose a path in a directory you can write to"
        }
    }
}
