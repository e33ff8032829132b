import Foundation

/// Destroys a store only after proving, file by file, that what sits at its paths is an Attune
/// store: `attune store erase` needs no key, so without this proof it would overwrite any file it is
/// pointed at (a note, a plain SQLite database, a raw key file).
///
/// The proof, without the key (nothing here reads a page's content):
/// - every file is opened with `O_NOFOLLOW` relative to one descriptor of the store's directory and
///   must be a regular file (no symbolic link, directory, FIFO or device);
/// - `STORE.key` is exactly `KeyEnvelope.size` bytes and parses as a key envelope (magic `ATTUNEK1`,
///   a known version and protector, scrypt parameters in range);
/// - `STORE`, if present, sits beside that envelope, does not start with SQLite's plaintext header
///   (a store's page 1 starts with its random store id) and is a whole number of 4096-byte pages;
/// - `STORE-wal` starts with the WAL magic 0x377f0682/0x377f0683 and a page size of 4096 (the
///   encrypted VFS leaves the 32-byte WAL header in plaintext: it holds no content);
/// - `STORE-shm` starts with the wal-index version 3007000 (native byte order, as SQLite writes it);
/// - `STORE-journal` starts with the rollback-journal magic d9d505f920a163d7.
/// An empty WAL, shm or journal holds nothing and is accepted. With no envelope the files are not
/// erased at all: a database alone cannot be told apart from random bytes.
///
/// Everything is verified before anything is destroyed, and each file is then overwritten, synced
/// and unlinked through the descriptor that was verified: it is unlinked only while its name still
/// names that same file (device and inode), so a file swapped in after the check is left alone.
enum StoreErasure {
    /// One file of the store, open and proven.
    struct ProvenFile {
        let path: String
        let name: String
        let descriptor: Int32
        let device: UInt64
        let inode: UInt64
    }

    /// The proven files of the store at `storePath` (absolute), database first and key envelope
    /// last, opened for writing; empty when none of its files exists. The caller closes them.
    static func prove(storePath: String) throws -> [ProvenFile] {
        let directory = try openDirectory(of: storePath)
        defer { close(directory) }
        return try prove(storePath: storePath, directory: directory)
    }

    private enum Kind { case database, wal, shm, journal }

    private static func prove(storePath: String, directory: Int32) throws -> [ProvenFile] {
        let directoryPath = (storePath as NSString).deletingLastPathComponent
        let name = (storePath as NSString).lastPathComponent
        var proven: [ProvenFile] = []
        do {
            try refuseKeyEnvelopeItself(storePath: storePath, name: name, directory: directory)
            let envelopeName = (KeyEnvelope.path(forStore: storePath) as NSString).lastPathComponent
            let companions: [(String, Kind)] = [(name, .database), (name + "-wal", .wal), (name + "-shm", .shm), (name + "-journal", .journal)]
            guard let envelope = try openRegular(envelopeName, in: directory, directoryPath: directoryPath, storePath: storePath) else {
                if let present = companions.first(where: { exists($0.0, in: directory) }) {
                    throw StoreErasureError.notAStore(path: storePath, reason: "\(directoryPath)/\(present.0) has no key envelope \(envelopeName) beside it")
                }
                return []
            }
            proven.append(envelope)
            try checkEnvelope(envelope, storePath: storePath)
            for (companion, kind) in companions {
                guard let file = try openRegular(companion, in: directory, directoryPath: directoryPath, storePath: storePath) else { continue }
                proven.insert(file, at: proven.count - 1)
                try check(file, as: kind, storePath: storePath)
            }
            return proven
        } catch {
            for file in proven { close(file.descriptor) }
            throw error
        }
    }

    private static func openDirectory(of storePath: String) throws -> Int32 {
        let directoryPath = (storePath as NSString).deletingLastPathComponent
        let directory = open(directoryPath.isEmpty ? "/" : directoryPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard directory >= 0 else { throw StoreError.io(path: directoryPath, reason: "cannot open the directory: \(String(cString: strerror(errno)))") }
        return directory
    }

    /// Whether the files at `storePath` (absolute) are an Attune store, by the same proof as erase.
    static func isStore(storePath: String) -> Bool {
        guard let files = try? prove(storePath: storePath) else { return false }
        for file in files { close(file.descriptor) }
        return !files.isEmpty
    }

    /// Proves the store, then overwrites every file with random bytes, syncs and unlinks it,
    /// key envelope last. Returns the paths destroyed.
    static func erase(storePath: String) throws -> [String] {
        let directory = try openDirectory(of: storePath)
        defer { close(directory) }
        let files = try prove(storePath: storePath, directory: directory)
        defer { for file in files { close(file.descriptor) } }
        guard !files.isEmpty else { return [] }
        try refuseIfOpenElsewhere(files, storePath: storePath)
        for file in files {
            try overwrite(file)
            var status = stat()
            guard fstatat(directory, file.name, &status, AT_SYMLINK_NOFOLLOW) == 0,
                  UInt64(status.st_dev) == file.device, UInt64(status.st_ino) == file.inode else {
                throw StoreError.io(path: file.path, reason: "was replaced while it was erased; the erased file's bytes are overwritten, and the file now at this name was left alone")
            }
            guard unlinkat(directory, file.name, 0) == 0 else {
                throw StoreError.io(path: file.path, reason: "cannot remove: \(String(cString: strerror(errno)))")
            }
        }
        fsync(directory)
        return files.map(\.path)
    }

    // MARK: - The proof

    /// `--db STORE.key`: the envelope of a store is not a store, and erasing it "as a database" would
    /// have looked for `STORE.key.key`. Say which store it belongs to instead.
    private static func refuseKeyEnvelopeItself(storePath: String, name: String, directory: Int32) throws {
        guard name.hasSuffix(".key"), name.count > 4 else { return }
        let fd = openat(directory, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == KeyEnvelope.size,
              let bytes = readPrefix(fd, count: KeyEnvelope.size), (try? KeyEnvelope(bytes: bytes, path: storePath)) != nil else { return }
        throw StoreErasureError.keyEnvelopeGiven(path: storePath, store: String(storePath.dropLast(4)))
    }

    /// Opens `name` in `directory` for writing without following a symbolic link; nil when absent.
    private static func openRegular(_ name: String, in directory: Int32, directoryPath: String, storePath: String) throws -> ProvenFile? {
        let path = directoryPath + "/" + name
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below.
        let fd = openat(directory, name, O_RDWR | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            switch errno {
            case ENOENT: return nil
            case ELOOP: throw StoreErasureError.notAStore(path: storePath, reason: "\(path) is a symbolic link")
            case EISDIR: throw StoreErasureError.notAStore(path: storePath, reason: "\(path) is a directory")
            default: throw StoreError.io(path: path, reason: "cannot open to erase: \(String(cString: strerror(errno)))")
            }
        }
        var status = stat()
        guard fstat(fd, &status) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw StoreError.io(path: path, reason: reason)
        }
        guard status.st_mode & S_IFMT == S_IFREG else {
            close(fd)
            throw StoreErasureError.notAStore(path: storePath, reason: "\(path) is not a regular file")
        }
        return ProvenFile(path: path, name: name, descriptor: fd, device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    private static func exists(_ name: String, in directory: Int32) -> Bool {
        var status = stat()
        return fstatat(directory, name, &status, AT_SYMLINK_NOFOLLOW) == 0
    }

    private static func checkEnvelope(_ file: ProvenFile, storePath: String) throws {
        let size = try size(of: file)
        guard size == KeyEnvelope.size else {
            throw StoreErasureError.notAStore(path: storePath, reason: "\(file.path) is \(size) bytes long; a key envelope is \(KeyEnvelope.size)")
        }
        guard let bytes = readPrefix(file.descriptor, count: KeyEnvelope.size) else {
            throw StoreError.io(path: file.path, reason: "cannot read: \(String(cString: strerror(errno)))")
        }
        do {
            _ = try KeyEnvelope(bytes: bytes, path: file.path)
        } catch let StoreError.malformedKeyEnvelope(_, reason) {
            throw StoreErasureError.notAStore(path: storePath, reason: "\(file.path) is not a key envelope (\(reason))")
        }
    }

    private static let walMagics: Set<UInt32> = [0x377f_0682, 0x377f_0683]
    private static let walIndexVersion: UInt32 = 3_007_000
    private static let journalMagic: [UInt8] = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]

    private static func check(_ file: ProvenFile, as kind: Kind, storePath: String) throws {
        let size = try size(of: file)
        let prefix = readPrefix(file.descriptor, count: min(size, 16)) ?? []
        func refuse(_ reason: String) -> StoreErasureError { .notAStore(path: storePath, reason: "\(file.path) \(reason)") }
        switch kind {
        case .wal:
            guard size > 0 else { return }
            guard size >= Int(EncryptedFile.walHeaderSize), walMagics.contains(bigEndian(prefix, at: 0)),
                  bigEndian(prefix, at: 8) == UInt32(PageCipher.pageSize) else { throw refuse("is not a WAL of an Attune store") }
        case .shm:
            guard size > 0 else { return }
            guard size >= 4, prefix.withUnsafeBytes({ $0.loadUnaligned(as: UInt32.self) }) == walIndexVersion else {
                throw refuse("is not a SQLite wal-index (shm) file")
            }
        case .journal:
            guard size > 0 else { return }
            guard prefix.count >= journalMagic.count, Array(prefix[0..<journalMagic.count]) == journalMagic else {
                throw refuse("is not a SQLite rollback journal")
            }
        case .database:
            if prefix.count >= PageCipher.sqliteMagic.count, Array(prefix[0..<PageCipher.sqliteMagic.count]) == PageCipher.sqliteMagic {
                throw refuse("is a plain (unencrypted) SQLite database, not an Attune store")
            }
            guard size % PageCipher.pageSize == 0 else {
                throw refuse("is \(size) bytes long, not a whole number of \(PageCipher.pageSize)-byte pages")
            }
        }
    }

    private static func size(of file: ProvenFile) throws -> Int {
        var status = stat()
        guard fstat(file.descriptor, &status) == 0 else { throw StoreError.io(path: file.path, reason: String(cString: strerror(errno))) }
        return Int(status.st_size)
    }

    private static func readPrefix(_ fd: Int32, count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress!.advanced(by: done), count - done, off_t(done)) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { return got == 0 ? Array(bytes[0..<done]) : nil }
            done += got
        }
        return bytes
    }

    private static func bigEndian(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        guard bytes.count >= offset + 4 else { return 0 }
        return bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    // MARK: - In use

    /// A store open in another process holds SQLite's POSIX locks: a shared lock on the wal-index's
    /// "DMS" byte (128 of STORE-shm) for as long as a connection is open in WAL mode, and locks in
    /// the database's lock-byte range (from 0x40000000: pending, reserved and the 510 shared bytes)
    /// during transactions. Overwriting the files under it would hand that process random pages and
    /// a random wal-index (which SQLite maps and trusts), so erase refuses and names the process.
    /// POSIX locks are per process: one held by this process is not seen.
    private static func refuseIfOpenElsewhere(_ files: [ProvenFile], storePath: String) throws {
        let ranges: [(suffix: String, start: off_t, length: off_t)] = [("-shm", 128, 1), ("", 0x4000_0000, 512)]
        for (suffix, start, length) in ranges {
            guard let file = files.first(where: { $0.path == storePath + suffix }) else { continue }
            var lock = flock()
            lock.l_type = Int16(F_WRLCK)
            lock.l_whence = Int16(SEEK_SET)
            lock.l_start = start
            lock.l_len = length
            guard fcntl(file.descriptor, F_GETLK, &lock) == 0 else { continue }
            if lock.l_type != Int16(F_UNLCK) {
                throw StoreErasureError.inUse(path: storePath, process: Int32(lock.l_pid))
            }
        }
    }

    // MARK: - Destruction

    /// Overwrites the whole file with random bytes through its proven descriptor, then syncs.
    private static func overwrite(_ file: ProvenFile) throws {
        let size = try size(of: file)
        var generator = SystemRandomNumberGenerator()
        var block = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0
        while offset < size {
            for index in block.indices { block[index] = UInt8.random(in: .min ... .max, using: &generator) }
            let count = min(size - offset, block.count)
            var done = 0
            while done < count {
                let written = block.withUnsafeBytes { pwrite(file.descriptor, $0.baseAddress!.advanced(by: done), count - done, off_t(offset + done)) }
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw StoreError.io(path: file.path, reason: "cannot overwrite: \(String(cString: strerror(errno)))") }
                done += written
            }
            offset += count
        }
        guard fsync(file.descriptor) == 0 else { throw StoreError.io(path: file.path, reason: "cannot sync the overwrite: \(String(cString: strerror(errno)))") }
    }
}
