import Foundation

/// Small files written so that a power cut leaves either the old or the new version.
enum DurableFile {
    static func replace(path: String, with bytes: [UInt8], mode: mode_t) throws {
        let temporary = path + ".tmp-\(getpid())"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode)
        guard fd >= 0 else { throw StoreError.io(path: temporary, reason: String(cString: strerror(errno))) }
        var ok = bytes.withUnsafeBytes { writeAll(fd, $0) } && fsync(fd) == 0
        let reason = String(cString: strerror(errno))
        ok = close(fd) == 0 && ok
        guard ok else {
            unlink(temporary)
            throw StoreError.io(path: path, reason: "cannot write: \(reason)")
        }
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw StoreError.io(path: path, reason: "cannot replace: \(reason)")
        }
        syncDirectory(of: path)
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        var done = 0
        while done < bytes.count {
            let written = Foundation.write(fd, bytes.baseAddress!.advanced(by: done), bytes.count - done)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return false }
            done += written
        }
        return true
    }

    static func syncDirectory(of path: String) {
        let directory = (path as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 {
            fsync(fd)
            close(fd)
        }
    }
}
