import Foundation

/// Writes a file that holds plaintext memories (an export) so that it is readable by its owner only
/// and appears whole or not at all.
///
/// Opening a target with `O_TRUNC` would keep an existing file's mode (a 0644 file stays 0644) and
/// would destroy it before the new content is complete. Instead the content goes to a new temporary
/// file created `O_EXCL` with mode 0600 (then `fchmod` 0600, whatever the umask) in the target's
/// directory, is synced, and only then takes the target's name: with `link`, which fails if a file
/// appeared there meanwhile, or, when replacing was asked for, with `rename`. The directory is synced
/// after. On any error, or if `commit` is never called, the temporary file is removed.
public final class PrivateFileWriter {
    public let path: String
    private let temporary: String
    private let replacing: Bool
    private var descriptor: Int32
    private var pending = Data()
    private var committed = false

    /// Refuses an existing `path` (a file, a link, anything) unless `replacing`. (A factory, not a
    /// throwing initialiser: everything that can fail happens before the writer exists.)
    public static func create(path: String, replacing: Bool) throws -> PrivateFileWriter {
        var status = stat()
        if lstat(path, &status) == 0 {
            if !replacing { throw StoreError.outputExists(path: path) }
            guard status.st_mode & S_IFMT != S_IFDIR else { throw StoreError.io(path: path, reason: "is a directory") }
        }
        let directory = (path as NSString).deletingLastPathComponent
        let name = (path as NSString).lastPathComponent
        var generator = SystemRandomNumberGenerator()
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).\(UInt64.random(in: .min ... .max, using: &generator) & 0xFFFF_FFFF).partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw StoreError.io(path: path, reason: "cannot create a file beside it: \(String(cString: strerror(errno)))")
        }
        guard fchmod(descriptor, 0o600) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            unlink(temporary)
            throw StoreError.io(path: path, reason: "cannot restrict the mode to 0600: \(reason)")
        }
        return PrivateFileWriter(path: path, temporary: temporary, replacing: replacing, descriptor: descriptor)
    }

    private init(path: String, temporary: String, replacing: Bool, descriptor: Int32) {
        self.path = path
        self.temporary = temporary
        self.replacing = replacing
        self.descriptor = descriptor
    }

    deinit { if !committed { discard() } }

    /// Buffers `bytes`, writing them out in blocks of 64 KiB.
    public func write(_ bytes: Data) throws {
        pending.append(bytes)
        if pending.count >= 1 << 16 { try flush() }
    }

    /// Syncs the content and gives it the target's name; the file is then complete at `path`.
    public func commit() throws {
        do {
            try flush()
            guard fsync(descriptor) == 0 else { throw StoreError.io(path: path, reason: "cannot sync: \(String(cString: strerror(errno)))") }
            guard close(descriptor) == 0 else {
                descriptor = -1
                throw StoreError.io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))")
            }
            descriptor = -1
            if replacing {
                guard rename(temporary, path) == 0 else { throw StoreError.io(path: path, reason: "cannot replace: \(String(cString: strerror(errno)))") }
            } else {
                guard link(temporary, path) == 0 else {
                    if errno == EEXIST { throw StoreError.outputExists(path: path) }
                    throw StoreError.io(path: path, reason: "cannot create: \(String(cString: strerror(errno)))")
                }
                unlink(temporary)
            }
        } catch {
            discard()
            throw error
        }
        committed = true
        DurableFile.syncDirectory(of: path)
    }

    private func flush() throws {
        guard !pending.isEmpty else { return }
        let ok = pending.withUnsafeBytes { DurableFile.writeAll(descriptor, $0) }
        guard ok else { throw StoreError.io(path: path, reason: "cannot write: \(String(cString: strerror(errno)))") }
        pending.removeAll(keepingCapacity: true)
    }

    private func discard() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
        unlink(temporary)
    }
}
