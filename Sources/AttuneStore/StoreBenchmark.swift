import AttuneKernels
import CSQLite
import Crypto
import Foundation

/// The cost of encryption, measured against the same SQLite without the VFS in the same run: the
/// same schema, pragmas, page size, statements and data, on the same disk. Runs alternate between
/// the two (plain, encrypted, plain, …) so drift on a shared machine hits both; medians are reported.
public struct StoreBenchmark {
    public struct Settings: Sendable {
        public var items = 100_000
        public var itemsPerTransaction = 1000
        public var lookups = 10_000
        public var rounds = 3
        public var directory: String
        public var store = StoreSettings()

        public init(directory: String) { self.directory = directory }
    }

    public struct Timing: Codable, Sendable {
        public var plainMs: [Double]
        public var encryptedMs: [Double]
        public var plainMedianMs: Double { Self.median(plainMs) }
        public var encryptedMedianMs: Double { Self.median(encryptedMs) }
        /// Encrypted time over plain time (1.10 = 10 % overhead).
        public var ratio: Double { encryptedMedianMs / plainMedianMs }

        static func median(_ values: [Double]) -> Double {
            let sorted = values.sorted()
            return sorted.isEmpty ? 0 : sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
        }

        enum CodingKeys: String, CodingKey { case plainMs, encryptedMs, plainMedianMs, encryptedMedianMs, ratio }
        public func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(plainMs, forKey: .plainMs)
            try container.encode(encryptedMs, forKey: .encryptedMs)
            try container.encode(plainMedianMs, forKey: .plainMedianMs)
            try container.encode(encryptedMedianMs, forKey: .encryptedMedianMs)
            try container.encode(ratio, forKey: .ratio)
        }
        public init(from decoder: Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            plainMs = try container.decode([Double].self, forKey: .plainMs)
            encryptedMs = try container.decode([Double].self, forKey: .encryptedMs)
        }
        init() { plainMs = []; encryptedMs = [] }
    }

    public struct Report: Codable, Sendable {
        public var items: Int
        public var itemsPerTransaction: Int
        public var lookups: Int
        public var rounds: Int
        public var insert: Timing
        /// From a cold page cache (a fresh connection, as after a restart).
        public var lookup: Timing
        /// The same lookups again on the same connection.
        public var warmLookup: Timing
        public var cacheKiB: Int
        public var databaseBytes: Int64
        /// Opening a store whose key is a passphrase (scrypt at the default cost) and a key file (HKDF).
        public var openWithPassphraseMs: Double
        public var openWithKeyFileMs: Double
        /// swift-crypto's ChaCha20-Poly1305 on one 4096-byte page, as the VFS calls it.
        public var sealPageMicroseconds: Double
        public var openPageMicroseconds: Double
    }

    public let settings: Settings

    public init(settings: Settings) { self.settings = settings }

    /// Runs everything; `progress` hears one line per step.
    public func run(progress: (String) -> Void) throws -> Report {
        let items = Self.items(count: settings.items)
        var insert = Timing()
        var lookup = Timing()
        var warmLookup = Timing()
        var databaseBytes: Int64 = 0
        for round in 1...settings.rounds {
            for encrypted in [false, true] {
                let path = settings.directory + "/bench-\(encrypted ? "encrypted" : "plain")-\(round).db"
                let (connection, close) = try open(path: path, encrypted: encrypted)
                let insertMs = try Self.milliseconds {
                    var start = 0
                    while start < items.count {
                        let end = min(start + settings.itemsPerTransaction, items.count)
                        _ = try EncryptedStore.add(Array(items[start..<end]), to: connection)
                        start = end
                    }
                }
                // Lookups start from a cold page cache: a fresh connection, as after a restart.
                try close()
                let (reader, closeReader) = try open(path: path, encrypted: encrypted, create: false)
                let lookupMs = try Self.milliseconds { try lookUp(reader, count: settings.lookups, span: items.count) }
                // The same lookups again on the same connection: what the page cache kept is not decrypted again.
                let warmMs = try Self.milliseconds { try lookUp(reader, count: settings.lookups, span: items.count) }
                try closeReader()
                if encrypted {
                    insert.encryptedMs.append(insertMs)
                    lookup.encryptedMs.append(lookupMs)
                    warmLookup.encryptedMs.append(warmMs)
                    databaseBytes = EncryptedStore.fileSize(path)
                } else {
                    insert.plainMs.append(insertMs)
                    lookup.plainMs.append(lookupMs)
                    warmLookup.plainMs.append(warmMs)
                }
                progress(String(format: "round %d %@: insert %.0f ms, lookups %.0f ms cold, %.0f ms again", round, encrypted ? "encrypted" : "plain    ", insertMs, lookupMs, warmMs))
                for suffix in ["", "-wal", "-shm", ".key"] { unlink(path + suffix) }
            }
        }
        let (passphraseMs, keyFileMs) = try openTimes()
        let (sealUs, openUs) = try Self.pageCryptoMicroseconds()
        return Report(items: settings.items, itemsPerTransaction: settings.itemsPerTransaction, lookups: settings.lookups, rounds: settings.rounds,
                      insert: insert, lookup: lookup, warmLookup: warmLookup, cacheKiB: settings.store.cacheKiB, databaseBytes: databaseBytes, openWithPassphraseMs: passphraseMs, openWithKeyFileMs: keyFileMs,
                      sealPageMicroseconds: sealUs, openPageMicroseconds: openUs)
    }

    /// Items like an assistant's memories: 40 to 240 characters of text, one a minute, some sessions.
    static func items(count: Int) -> [MemoryItem] {
        var random = SplitMix64(seed: 20261201)
        let words = ["the", "dog", "walk", "tea", "sister", "visit", "morning", "garden", "doctor", "music", "rain", "school", "bus", "kitchen", "birthday", "call"]
        return (0..<count).map { index in
            let length = 8 + Int(random.next() % 40)
            let text = (0..<length).map { _ in words[Int(random.next() % UInt64(words.count))] }.joined(separator: " ")
            return MemoryItem(kind: MemoryKind.allCases[index % 4], text: text, timeMs: 1_795_000_000_000 + Int64(index) * 60_000,
                              speaker: index % 3 == 0 ? "ana" : "assistant", session: "session-\(index / 50)", tags: index % 5 == 0 ? ["family"] : [],
                              createdMs: 1_795_000_000_000 + Int64(index))
        }
    }

    /// Indexed lookups: the five items from a random moment on (the time index), with their text.
    func lookUp(_ connection: SQLiteConnection, count: Int, span: Int) throws {
        var random = SplitMix64(seed: 7)
        let statement = try connection.prepare("SELECT id, text, speaker FROM memory_items WHERE time_ms >= ? ORDER BY time_ms LIMIT 5")
        var checksum = 0
        for _ in 0..<count {
            try statement.bind([.integer(1_795_000_000_000 + Int64(random.next() % UInt64(span)) * 60_000)])
            while try statement.step() { checksum &+= Int(statement.int64(0)) }
        }
        precondition(checksum != 0)
    }

    private func open(path: String, encrypted: Bool, create: Bool = true) throws -> (SQLiteConnection, () throws -> Void) {
        if encrypted {
            let key = StoreKeySource.keyFile(path: try benchmarkKeyFile())
            let store = create ? try EncryptedStore.create(at: path, key: key, settings: settings.store) : try EncryptedStore.open(at: path, key: key, settings: settings.store)
            return (store.connection, { try store.close() })
        }
        let connection = try SQLiteConnection(uri: "file:\(path)", path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs: nil, context: nil)
        try connection.execute("PRAGMA page_size = \(PageCipher.pageSize)")
        try connection.execute(EncryptedStore.pragmas(settings.store))
        if create { try StoreSchema.migrate(connection, nowMs: 0) }
        return (connection, {
            try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            connection.close()
        })
    }

    private func benchmarkKeyFile() throws -> String {
        let path = settings.directory + "/bench.keyfile"
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: Data((0..<32).map { UInt8($0 * 7 + 1) }), attributes: [.posixPermissions: 0o600]) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
            }
        }
        return path
    }

    private func openTimes() throws -> (Double, Double) {
        let path = settings.directory + "/bench-open.db"
        try EncryptedStore.create(at: path, key: .passphrase("a benchmark passphrase")).close()
        var passphrase: [Double] = []
        for _ in 0..<5 { passphrase.append(try Self.milliseconds { try EncryptedStore.open(at: path, key: .passphrase("a benchmark passphrase")).close() }) }
        for suffix in ["", "-wal", "-shm", ".key"] { unlink(path + suffix) }
        try EncryptedStore.create(at: path, key: .keyFile(path: try benchmarkKeyFile())).close()
        var keyFile: [Double] = []
        for _ in 0..<5 { keyFile.append(try Self.milliseconds { try EncryptedStore.open(at: path, key: .keyFile(path: try benchmarkKeyFile())).close() }) }
        for suffix in ["", "-wal", "-shm", ".key"] { unlink(path + suffix) }
        return (Timing.median(passphrase), Timing.median(keyFile))
    }

    /// Seals and opens 20,000 pages through `PageCipher`.
    static func pageCryptoMicroseconds() throws -> (seal: Double, open: Double) {
        let cipher = PageCipher(dataKey: SymmetricKey(size: .bits256))
        let storeID = [UInt8](repeating: 9, count: PageCipher.storeIDByteCount)
        let plain = UnsafeMutableRawBufferPointer.allocate(byteCount: PageCipher.pageSize, alignment: 16)
        let sealed = UnsafeMutableRawBufferPointer.allocate(byteCount: PageCipher.pageSize, alignment: 16)
        defer { plain.deallocate(); sealed.deallocate() }
        plain.initializeMemory(as: UInt8.self, repeating: 0x5A)
        let count = 20_000
        let sealMs = try milliseconds { for page in 0..<count { cipher.seal(page: UInt32(page % 100 + 2), storeID: storeID, plaintext: UnsafeRawBufferPointer(plain), into: sealed) } }
        var authentic = true
        let openMs = try milliseconds { for _ in 0..<count { authentic = cipher.open(page: 101, storeID: storeID, sealed: UnsafeRawBufferPointer(sealed), into: plain) && authentic } }
        precondition(authentic)
        return (sealMs * 1000 / Double(count), openMs * 1000 / Double(count))
    }

    static func milliseconds(_ body: () throws -> Void) throws -> Double {
        let clock = ContinuousClock()
        let elapsed = try clock.measure(body)
        return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
