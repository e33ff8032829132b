import CSQLite
import Crypto
import Foundation

/// How an open store uses SQLite.
public struct StoreSettings: Sendable {
    /// SQLite's page cache for this connection, charged to the memory budget by its owner.
    public var cacheKiB: Int
    /// How long a write waits for another process's write to finish before failing with "busy".
    public var busyTimeoutMs: Int
    /// WAL pages after which a commit also checkpoints (SQLite's `wal_autocheckpoint`): fewer keeps
    /// the WAL small on a small card, more batches writes to the database file.
    public var checkpointPages: Int

    public init(cacheKiB: Int = 4096, busyTimeoutMs: Int = 10_000, checkpointPages: Int = 1000) {
        self.cacheKiB = cacheKiB
        self.busyTimeoutMs = busyTimeoutMs
        self.checkpointPages = checkpointPages
    }
}

/// Everything Attune remembers about a person, in one encrypted SQLite database on the device.
///
/// Files, all in one directory: `STORE` (pages sealed by `EncryptedPageVFS`), `STORE-wal` and
/// `STORE-shm` while open (WAL mode), and `STORE.key`, the key envelope (`KeyEnvelope`). Durability:
/// WAL with `synchronous=FULL` (a commit is on disk when it returns), `secure_delete=ON` (forgotten
/// text is overwritten, not just unlinked from the b-tree), a `busy_timeout` for a second writer, and
/// a truncating checkpoint on `close()`.
public final class EncryptedStore {
    public let path: String
    let connection: SQLiteConnection
    private let context: StoreFileContext
    private let token: Int
    private let dataKey: SymmetricKey
    private var kek: SymmetricKey
    private var envelope: KeyEnvelope
    private let changesAtOpen: Int64
    private var isClosed = false

    /// Creates a new store at `path` with a fresh random data key sealed under `key`.
    public static func create(at path: String, key: StoreKeySource, scrypt: ScryptParameters = .default, settings: StoreSettings = .init()) throws -> EncryptedStore {
        try create(at: path, key: key, scrypt: scrypt, settings: settings, dataKey: SymmetricKey(size: .bits256), migrateTo: StoreSchema.latestVersion)
    }

    /// Tests pass a data key (to make two stores share one) and an older schema version.
    static func create(at path: String, key: StoreKeySource, scrypt: ScryptParameters = .default, settings: StoreSettings = .init(),
                       dataKey: SymmetricKey, migrateTo: Int) throws -> EncryptedStore {
        let absolute = absolutePath(path)
        let envelopePath = KeyEnvelope.path(forStore: absolute)
        // lstat: a dangling symbolic link also takes the name.
        if let existing = [absolute, envelopePath].first(where: { candidate in
            var status = stat()
            return lstat(candidate, &status) == 0
        }) {
            // The hint to erase is given only for what erase would accept: never for a file that
            // merely has a store's name (a raw key file called STORE.key, say).
            throw StoreErasure.isStore(storePath: absolute) ? StoreError.alreadyExists(path: absolute) : StoreError.pathTaken(path: existing, store: absolute)
        }
        let directory = (absolute as NSString).deletingLastPathComponent
        guard FileManager.default.fileExists(atPath: directory) else {
            throw StoreError.io(path: absolute, reason: "the directory \(directory) does not exist")
        }
        let (envelope, kek) = try KeyEnvelope.seal(dataKey: dataKey, source: key, scrypt: scrypt, generation: 0)
        // The database holds personal data even sealed: owner only. SQLite gives its WAL and shm
        // files the main file's mode.
        let fd = Foundation.open(absolute, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.io(path: absolute, reason: "cannot create: \(String(cString: strerror(errno)))") }
        Foundation.close(fd)
        do {
            try envelope.write(storePath: absolute)
            return try EncryptedStore(path: absolute, dataKey: dataKey, kek: kek, envelope: envelope, creating: true, migrateTo: migrateTo, settings: settings)
        } catch {
            for file in [absolute, absolute + "-wal", absolute + "-shm", absolute + "-journal", envelopePath] { unlink(file) }
            throw error
        }
    }

    /// Opens an existing store, bringing its schema up to date.
    public static func open(at path: String, key: StoreKeySource, settings: StoreSettings = .init()) throws -> EncryptedStore {
        try open(at: path, key: key, settings: settings, migrateTo: StoreSchema.latestVersion)
    }

    static func open(at path: String, key: StoreKeySource, settings: StoreSettings = .init(), migrateTo: Int?) throws -> EncryptedStore {
        let absolute = absolutePath(path)
        guard FileManager.default.fileExists(atPath: absolute) else { throw StoreError.notFound(path: absolute) }
        let envelope = try KeyEnvelope.read(storePath: absolute)
        let (kek, dataKey) = try envelope.open(with: key, storePath: absolute)
        return try EncryptedStore(path: absolute, dataKey: dataKey, kek: kek, envelope: envelope, creating: false, migrateTo: migrateTo, settings: settings)
    }

    private init(path: String, dataKey: SymmetricKey, kek: SymmetricKey, envelope: KeyEnvelope, creating: Bool, migrateTo: Int?, settings: StoreSettings) throws {
        EncryptedPageVFS.register()
        self.path = path
        self.dataKey = dataKey
        self.kek = kek
        self.envelope = envelope
        let cipher = PageCipher(dataKey: dataKey)
        context = StoreFileContext(cipher: cipher)
        if !creating {
            let storeID = try StoreIdentity.read(storePath: path, cipher: cipher)
            let scan = try WALAuthenticator.scan(walPath: path + "-wal", cipher: cipher, storeID: storeID)
            if let tampering = scan.tampering { throw StoreError.tampered(path: path, failure: tampering) }
            context.adopt(storeID: storeID)
        }
        token = EncryptedPageVFS.registry.add(context)
        var opened: SQLiteConnection?
        do {
            let flags = SQLITE_OPEN_READWRITE | (creating ? SQLITE_OPEN_CREATE : 0)
            let connection = try SQLiteConnection(uri: Self.uri(path: path, token: token), path: path, flags: flags, vfs: EncryptedPageVFS.name, context: context)
            opened = connection
            if creating {
                try connection.execute("PRAGMA page_size = \(PageCipher.pageSize)")
                var reserve = Int32(PageCipher.reservedBytesPerPage)
                let rc = sqlite3_file_control(connection.handle, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve)
                guard rc == SQLITE_OK else { throw connection.error(rc) }
            }
            try connection.execute(Self.pragmas(settings))
            let mode = try connection.text("PRAGMA journal_mode")
            guard mode == "wal" else { throw StoreError.sqlite(path: path, code: SQLITE_ERROR, message: "could not switch to WAL mode (got \(mode ?? "nothing"))") }
            if let target = migrateTo {
                try StoreSchema.migrate(connection, upTo: target, nowMs: Self.nowMs())
            }
            if let storeGeneration = try? connection.integer("SELECT value FROM store_meta WHERE name = 'generation'"),
               storeGeneration < envelope.generation {
                throw StoreError.rolledBack(path: path, storeGeneration: storeGeneration, envelopeGeneration: envelope.generation)
            }
            self.connection = connection
            changesAtOpen = connection.totalChanges
        } catch {
            opened?.close()
            EncryptedPageVFS.registry.remove(token)
            throw error
        }
    }

    deinit {
        if !isClosed {
            connection.close()
            EncryptedPageVFS.registry.remove(token)
        }
    }

    /// Closes the store: if this session wrote anything, the generation goes up (in the database
    /// and then in the key envelope, so an older copy of the database is recognised), and a
    /// truncating checkpoint moves every page out of the WAL.
    public func close() throws {
        guard !isClosed else { return }
        isClosed = true
        defer { EncryptedPageVFS.registry.remove(token) }
        var generation: Int64?
        do {
            if connection.totalChanges > changesAtOpen, try StoreSchema.currentVersion(connection) >= StoreSchema.generationVersion {
                generation = try connection.transaction {
                    try connection.execute("UPDATE store_meta SET value = value + 1 WHERE name = 'generation'")
                    return try connection.integer("SELECT value FROM store_meta WHERE name = 'generation'")
                }
            }
            try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        } catch {
            connection.close()
            throw error
        }
        connection.close()
        if let generation { try recordGeneration(generation) }
    }

    /// Re-seals the data key under a new passphrase or key file. No page is rewritten.
    public func rekey(to source: StoreKeySource, scrypt: ScryptParameters = .default) throws {
        try withEnvelopeLock {
            let current = try KeyEnvelope.read(storePath: path)
            guard current.salt == envelope.salt, current.protector == envelope.protector else {
                throw StoreError.badArgument("the key envelope of \(path) changed since this store was opened (another rekey?); open it again")
            }
            let (fresh, freshKEK) = try KeyEnvelope.seal(dataKey: dataKey, source: source, scrypt: scrypt, generation: current.generation)
            try fresh.write(storePath: path)
            envelope = fresh
            kek = freshKEK
        }
    }

    /// The fault-injection hook of this store's files, for tests.
    var faultInjector: StoreFaultInjector { context.faults }

    /// The power-loss hook of this store's files, for tests (set it while no statement runs).
    var powerLossSimulator: PowerLossSimulator? {
        get { context.powerLoss }
        set { context.powerLoss = newValue }
    }

    /// Scrypt parameters and protector of the key envelope, for `stats`.
    var envelopeSummary: (protector: KeyEnvelope.Protector, scrypt: ScryptParameters, generation: Int64) {
        (envelope.protector, envelope.scrypt, envelope.generation)
    }

    private func recordGeneration(_ generation: Int64) throws {
        try withEnvelopeLock {
            var current = try KeyEnvelope.read(storePath: path)
            // After a rekey by someone else this process no longer holds the envelope's key; the
            // generation then stays behind, which only weakens rollback detection.
            guard current.salt == envelope.salt, current.protector == envelope.protector, current.generation < generation else { return }
            current.generation = generation
            current.reseal(dataKey: dataKey, with: kek)
            try current.write(storePath: path)
            envelope = current
        }
    }

    /// Envelope updates (close, rekey) from several processes take turns on an advisory lock on the
    /// store's directory (not on the database file: closing another descriptor of a file drops the
    /// POSIX locks SQLite holds on it).
    private func withEnvelopeLock<T>(_ body: () throws -> T) throws -> T {
        let directory = (path as NSString).deletingLastPathComponent
        let fd = Foundation.open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.io(path: directory, reason: String(cString: strerror(errno))) }
        defer { Foundation.close(fd) }
        flock(fd, LOCK_EX)
        defer { flock(fd, LOCK_UN) }
        return try body()
    }

    // MARK: - Helpers

    /// How every store connection runs (and the benchmark's plain SQLite baseline too).
    static func pragmas(_ settings: StoreSettings) -> String {
        """
        PRAGMA busy_timeout = \(settings.busyTimeoutMs);
        PRAGMA journal_mode = WAL;
        PRAGMA synchronous = FULL;
        PRAGMA secure_delete = ON;
        PRAGMA temp_store = MEMORY;
        PRAGMA mmap_size = 0;
        PRAGMA foreign_keys = ON;
        PRAGMA cache_size = -\(settings.cacheKiB);
        PRAGMA wal_autocheckpoint = \(settings.checkpointPages);
        """
    }

    static func absolutePath(_ path: String) -> String {
        let url = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true))
        return url.standardizedFileURL.path
    }

    static func uri(path: String, token: Int) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let encoded = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:\(encoded)?attune_store=\(token)"
    }

    static func nowMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    /// Every file a store may have, key envelope last.
    public static func files(of path: String) -> [String] {
        let absolute = absolutePath(path)
        return [absolute, absolute + "-wal", absolute + "-shm", absolute + "-journal", KeyEnvelope.path(forStore: absolute)]
    }

    /// Removes every file of the store, overwriting each with random bytes first; no key needed.
    /// Refuses (`StoreErasureError.notAStore`, `.keyEnvelopeGiven`) unless the files are provably an Attune
    /// store (`StoreErasure`), so it cannot destroy a file it was pointed at by mistake. Returns the
    /// files that existed.
    public static func erase(at path: String) throws -> [String] {
        try StoreErasure.erase(storePath: absolutePath(path))
    }
}
