import CSQLite
import Foundation

/// A SQLite VFS shim over the platform's unix VFS that seals every page of a store's main file, WAL
/// and rollback journal (`EncryptedFile`, `PageCipher`). It works with Debian's stock libsqlite3:
/// no patched SQLite, no codec hooks.
///
/// - A store's files are found through the `attune_store` URI parameter (a registry token, never the
///   key), which SQLite hands to `xOpen` with the main file and also with its WAL and journal.
/// - Temporary files (temp databases, statement sub-journals, sort spills, super-journals) cannot be
///   tied to a store's key, so they are refused: stores run with `temp_store=MEMORY`, which keeps them
///   in memory, and `refusedTemporaryFiles` counts any attempt (tests require zero).
/// - The io-methods are version 2: shared memory for the WAL index is passed through (it holds page
///   numbers and frame indexes, no content), and there is no `xFetch`, so SQLite never memory-maps a
///   file and always reads through `xRead`, where pages are authenticated.
public enum EncryptedPageVFS {
    public static let name = "attune-chacha20poly1305"

    /// Registers the VFS once per process (not as the default VFS).
    public static func register() {
        _ = registration
    }

    /// How many temporary files SQLite asked for and was refused since the process started.
    public static var refusedTemporaryFiles: Int { registry.refusedTemporaryFiles }

    static let registry = Registry()

    /// Store contexts by token; the token travels in the URI.
    final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var contexts: [Int: StoreFileContext] = [:]
        private var nextToken = 1
        private var refused = 0

        func add(_ context: StoreFileContext) -> Int {
            lock.lock(); defer { lock.unlock() }
            let token = nextToken
            nextToken += 1
            contexts[token] = context
            return token
        }

        func remove(_ token: Int) {
            lock.lock(); defer { lock.unlock() }
            contexts[token] = nil
        }

        func context(_ token: Int) -> StoreFileContext? {
            lock.lock(); defer { lock.unlock() }
            return contexts[token]
        }

        func refuseTemporaryFile() {
            lock.lock(); defer { lock.unlock() }
            refused += 1
        }

        var refusedTemporaryFiles: Int {
            lock.lock(); defer { lock.unlock() }
            return refused
        }
    }

    nonisolated(unsafe) static let baseVFS: UnsafeMutablePointer<sqlite3_vfs> = {
        guard let unix = sqlite3_vfs_find("unix") else { fatalError("SQLite has no unix VFS") }
        return unix
    }()

    /// Our part of an `sqlite3_file`: SQLite allocates `szOsFile` bytes; we lay out
    /// [pMethods | EncryptedFile reference | the unix VFS's own file structure].
    static let fileObjectOffset = 8
    static let baseFileOffset = 16

    nonisolated(unsafe) static let registration: UnsafeMutablePointer<sqlite3_vfs> = {
        let vfs = UnsafeMutablePointer<sqlite3_vfs>.allocate(capacity: 1)
        vfs.initialize(to: sqlite3_vfs())
        vfs.pointee.iVersion = 2
        vfs.pointee.szOsFile = Int32(baseFileOffset) + baseVFS.pointee.szOsFile
        vfs.pointee.mxPathname = baseVFS.pointee.mxPathname
        vfs.pointee.zName = UnsafePointer(strdup(name))
        vfs.pointee.xOpen = vfsOpen
        vfs.pointee.xDelete = { _, name, syncDir in baseVFS.pointee.xDelete(baseVFS, name, syncDir) }
        vfs.pointee.xAccess = { _, name, flags, out in baseVFS.pointee.xAccess(baseVFS, name, flags, out) }
        vfs.pointee.xFullPathname = { _, name, count, out in baseVFS.pointee.xFullPathname(baseVFS, name, count, out) }
        vfs.pointee.xDlOpen = { _, name in baseVFS.pointee.xDlOpen(baseVFS, name) }
        vfs.pointee.xDlError = { _, count, out in baseVFS.pointee.xDlError(baseVFS, count, out) }
        vfs.pointee.xDlSym = { _, handle, symbol in baseVFS.pointee.xDlSym(baseVFS, handle, symbol) }
        vfs.pointee.xDlClose = { _, handle in baseVFS.pointee.xDlClose(baseVFS, handle) }
        vfs.pointee.xRandomness = { _, count, out in baseVFS.pointee.xRandomness(baseVFS, count, out) }
        vfs.pointee.xSleep = { _, microseconds in baseVFS.pointee.xSleep(baseVFS, microseconds) }
        vfs.pointee.xCurrentTime = { _, out in baseVFS.pointee.xCurrentTime(baseVFS, out) }
        vfs.pointee.xGetLastError = { _, count, out in baseVFS.pointee.xGetLastError(baseVFS, count, out) }
        vfs.pointee.xCurrentTimeInt64 = { _, out in baseVFS.pointee.xCurrentTimeInt64(baseVFS, out) }
        let rc = sqlite3_vfs_register(vfs, 0)
        precondition(rc == SQLITE_OK, "sqlite3_vfs_register failed: \(rc)")
        return vfs
    }()

    nonisolated(unsafe) static let ioMethods: UnsafeMutablePointer<sqlite3_io_methods> = {
        let methods = UnsafeMutablePointer<sqlite3_io_methods>.allocate(capacity: 1)
        methods.initialize(to: sqlite3_io_methods())
        methods.pointee.iVersion = 2
        methods.pointee.xClose = { file in
            let raw = UnsafeMutableRawPointer(file!)
            let object = Unmanaged<EncryptedFile>.fromOpaque(raw.load(fromByteOffset: fileObjectOffset, as: UnsafeMutableRawPointer.self))
            let base = object.takeUnretainedValue().base
            let rc = base.pointee.pMethods.pointee.xClose(base)
            object.release()
            return rc
        }
        methods.pointee.xRead = { file, buffer, amount, offset in
            encryptedFile(file).read(into: buffer!, amount: Int(amount), offset: offset)
        }
        methods.pointee.xWrite = { file, buffer, amount, offset in
            encryptedFile(file).write(from: buffer!, amount: Int(amount), offset: offset)
        }
        methods.pointee.xTruncate = { file, size in encryptedFile(file).truncate(to: size) }
        methods.pointee.xSync = { file, flags in encryptedFile(file).sync(flags: flags) }
        methods.pointee.xFileSize = { file, out in let b = baseFile(file); return b.pointee.pMethods.pointee.xFileSize(b, out) }
        methods.pointee.xLock = { file, level in let b = baseFile(file); return b.pointee.pMethods.pointee.xLock(b, level) }
        methods.pointee.xUnlock = { file, level in let b = baseFile(file); return b.pointee.pMethods.pointee.xUnlock(b, level) }
        methods.pointee.xCheckReservedLock = { file, out in let b = baseFile(file); return b.pointee.pMethods.pointee.xCheckReservedLock(b, out) }
        methods.pointee.xFileControl = { file, op, argument in
            let b = baseFile(file)
            return b.pointee.pMethods.pointee.xFileControl(b, op, argument)
        }
        methods.pointee.xSectorSize = { file in let b = baseFile(file); return b.pointee.pMethods.pointee.xSectorSize(b) }
        methods.pointee.xDeviceCharacteristics = { file in
            let b = baseFile(file)
            // Batch-atomic writes would let SQLite skip the journal in ways this shim is not tested
            // against; everything else the file system promises stays true.
            return b.pointee.pMethods.pointee.xDeviceCharacteristics(b) & ~SQLITE_IOCAP_BATCH_ATOMIC
        }
        methods.pointee.xShmMap = { file, page, size, extend, out in let b = baseFile(file); return b.pointee.pMethods.pointee.xShmMap(b, page, size, extend, out) }
        methods.pointee.xShmLock = { file, offset, count, flags in let b = baseFile(file); return b.pointee.pMethods.pointee.xShmLock(b, offset, count, flags) }
        methods.pointee.xShmBarrier = { file in let b = baseFile(file); b.pointee.pMethods.pointee.xShmBarrier(b) }
        methods.pointee.xShmUnmap = { file, delete in let b = baseFile(file); return b.pointee.pMethods.pointee.xShmUnmap(b, delete) }
        return methods
    }()

    static func encryptedFile(_ file: UnsafeMutablePointer<sqlite3_file>?) -> EncryptedFile {
        let raw = UnsafeMutableRawPointer(file!)
        return Unmanaged<EncryptedFile>.fromOpaque(raw.load(fromByteOffset: fileObjectOffset, as: UnsafeMutableRawPointer.self)).takeUnretainedValue()
    }

    static func baseFile(_ file: UnsafeMutablePointer<sqlite3_file>?) -> UnsafeMutablePointer<sqlite3_file> {
        UnsafeMutableRawPointer(file!).advanced(by: baseFileOffset).assumingMemoryBound(to: sqlite3_file.self)
    }

    static let vfsOpen: @convention(c) (UnsafeMutablePointer<sqlite3_vfs>?, sqlite3_filename?, UnsafeMutablePointer<sqlite3_file>?, Int32, UnsafeMutablePointer<Int32>?) -> Int32 = { _, name, file, flags, outFlags in
        guard let file else { return SQLITE_CANTOPEN }
        file.pointee.pMethods = nil
        let kind: EncryptedFile.Kind
        if flags & SQLITE_OPEN_MAIN_DB != 0 {
            kind = .main
        } else if flags & SQLITE_OPEN_WAL != 0 {
            kind = .wal
        } else if flags & SQLITE_OPEN_MAIN_JOURNAL != 0 {
            kind = .journal
        } else {
            registry.refuseTemporaryFile()
            return SQLITE_CANTOPEN
        }
        guard let name, let tokenText = sqlite3_uri_parameter(name, "attune_store"),
              let token = Int(String(cString: tokenText)), let context = registry.context(token)
        else { return SQLITE_CANTOPEN }
        let base = baseFile(file)
        base.pointee.pMethods = nil
        let rc = baseVFS.pointee.xOpen(baseVFS, name, base, flags, outFlags)
        guard rc == SQLITE_OK else {
            if let methods = base.pointee.pMethods { _ = methods.pointee.xClose(base) }
            return rc
        }
        let object = EncryptedFile(kind: kind, context: context, base: base)
        let adopted = object.adoptStoreID()
        guard adopted == SQLITE_OK else {
            _ = base.pointee.pMethods.pointee.xClose(base)
            return adopted
        }
        UnsafeMutableRawPointer(file).storeBytes(of: Unmanaged.passRetained(object).toOpaque(), toByteOffset: fileObjectOffset, as: UnsafeMutableRawPointer.self)
        file.pointee.pMethods = UnsafePointer(ioMethods)
        return SQLITE_OK
    }
}
