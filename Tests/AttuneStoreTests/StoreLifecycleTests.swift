@testable import AttuneStore
import Foundation
import Testing

/// Schema migrations, keys, rollback detection, privacy operations and import/export.
@Suite(.serialized) struct StoreLifecycleTests {
    @Test(arguments: 0..<StoreSchema.latestVersion)
    func migratesFromEveryOlderVersion(_ version: Int) throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let old = try EncryptedStore.create(at: sandbox.store, key: sandbox.key, dataKey: .init(size: .bits256), migrateTo: version)
        #expect(try StoreSchema.currentVersion(old.connection) == version)
        if version >= 1 {
            try old.connection.execute("""
                INSERT INTO sessions VALUES ('s1', 5, 9);
                INSERT INTO memory_items(kind, text, time_ms, session, created_ms) VALUES ('fact', 'kept across migrations', 5, 's1', 7);
                """)
        }
        try old.close()
        let store = try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        #expect(try StoreSchema.currentVersion(store.connection) == StoreSchema.latestVersion)
        let recorded = try store.connection.prepare("SELECT version FROM schema_migrations ORDER BY version")
        var versions: [Int] = []
        while try recorded.step() { versions.append(Int(recorded.int64(0))) }
        #expect(versions == Array(1...StoreSchema.latestVersion))
        var lines: [String] = []
        try store.exportJSONLines { lines.append($0) }
        #expect(lines.count == (version >= 1 ? 1 : 0))
        if version >= 1 { #expect(lines[0].contains("kept across migrations")) }
        let indexes = try store.connection.integer("SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name LIKE 'memory_items_by_%'")
        #expect(indexes == 3)
        // Items from before version 5 are in its full-text index (the migration rebuilt it).
        if version >= 1 {
            #expect(try store.searchItemText(words: ["migrations"], upToMs: .max, limit: 5).map(\.itemID) == [1])
        }
    }

    @Test func aStoreFromANewerAttuneIsRefused() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.connection.execute("INSERT INTO schema_migrations VALUES (99, 'future', 0)")
        try store.close()
        #expect(throws: StoreError.newerSchema(path: sandbox.store, version: 99, supported: StoreSchema.latestVersion)) {
            try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        }
    }

    @Test func wrongKeysAndOpenKeyFilesAreRefusedClearly() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: .passphrase("first passphrase"), scrypt: .init(log2N: 10))
        try store.add([StoreSandbox.item("secret")])
        try store.close()
        #expect(throws: StoreError.wrongKey(path: sandbox.store)) {
            try EncryptedStore.open(at: sandbox.store, key: .passphrase("second passphrase"))
        }
        #expect(throws: StoreError.wrongKey(path: sandbox.store)) {
            try StoreVerifier.verify(at: sandbox.store, key: .passphrase("First passphrase"))
        }
        chmod(sandbox.keyFile, 0o640)
        #expect(throws: StoreError.keyFileTooOpen(path: sandbox.keyFile, mode: 0o640)) {
            try EncryptedStore.create(at: sandbox.directory + "/other.db", key: sandbox.key)
        }
        let short = sandbox.directory + "/short.key"
        #expect(FileManager.default.createFile(atPath: short, contents: Data([1, 2, 3]), attributes: [.posixPermissions: 0o600]))
        #expect(throws: StoreError.keyFileTooShort(path: short, bytes: 3)) {
            try EncryptedStore.create(at: sandbox.directory + "/other.db", key: .keyFile(path: short))
        }
        // A damaged envelope is told apart from a wrong key.
        StoreSandbox.patch(sandbox.store + ".key", at: 0, with: Array("NOTATTUN".utf8))
        #expect(throws: StoreError.malformedKeyEnvelope(path: sandbox.store + ".key", reason: "it does not start with ATTUNEK1")) {
            try EncryptedStore.open(at: sandbox.store, key: .passphrase("first passphrase"))
        }
        #expect(!FileManager.default.fileExists(atPath: sandbox.directory + "/other.db"), "a failed create leaves no files")
    }

    @Test func rekeyResealsTheDataKeyWithoutRewritingPages() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.add([StoreSandbox.item("kept through a rekey")])
        try store.close()
        let pagesBefore = FileManager.default.contents(atPath: sandbox.store)
        let reopened = try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        try reopened.rekey(to: .passphrase("a new passphrase"), scrypt: .init(log2N: 10))
        try reopened.close()
        #expect(FileManager.default.contents(atPath: sandbox.store) == pagesBefore)
        #expect(throws: StoreError.badArgument("the store \(sandbox.store) is locked with a passphrase; wrong passphrase or key for \(sandbox.store)")) {
            try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        }
        let withPassphrase = try EncryptedStore.open(at: sandbox.store, key: .passphrase("a new passphrase"))
        #expect(try withPassphrase.stats().items == 1)
        try withPassphrase.close()
    }

    @Test func anOlderCopyOfTheDatabaseIsRecognised() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.add([StoreSandbox.item("first")])
        try store.close()
        let snapshot = FileManager.default.contents(atPath: sandbox.store)!
        let later = try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        try later.add([StoreSandbox.item("second")])
        try later.close()
        // Reads alone do not move the generation.
        try EncryptedStore.open(at: sandbox.store, key: sandbox.key).close()
        #expect(FileManager.default.createFile(atPath: sandbox.store, contents: snapshot))
        #expect(throws: StoreError.rolledBack(path: sandbox.store, storeGeneration: 1, envelopeGeneration: 2)) {
            try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        }
    }

    /// Decrypts every page of the (closed) store's database file.
    static func plaintextPages(_ sandbox: StoreSandbox) throws -> [UInt8] {
        let envelope = try KeyEnvelope.read(storePath: sandbox.store)
        let cipher = PageCipher(dataKey: try envelope.open(with: sandbox.key, storePath: sandbox.store).dataKey)
        let bytes = [UInt8](FileManager.default.contents(atPath: sandbox.store)!)
        let storeID = Array(bytes[0..<16])
        var plain = [UInt8](repeating: 0, count: bytes.count)
        for page in 0..<(bytes.count / PageCipher.pageSize) {
            let range = (page * PageCipher.pageSize)..<((page + 1) * PageCipher.pageSize)
            let ok = bytes[range].withUnsafeBytes { sealed in
                plain[range].withUnsafeMutableBytes { cipher.open(page: UInt32(page + 1), storeID: storeID, sealed: sealed, into: $0) }
            }
            #expect(ok)
        }
        return plain
    }

    @Test func forgottenTextLeavesNoCopyInTheStoreFiles() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.add((0..<100).map { StoreSandbox.item("ordinary item \($0)") })
        let ids = try store.add((0..<5).map { StoreSandbox.item("my old address is 12 Quince Lane, flat \($0)", kind: .fact) })
        try store.add((0..<100).map { StoreSandbox.item("another ordinary item \($0)") })
        try store.close()
        #expect(try Self.plaintextPages(sandbox).contains(bytes: Array("Quince Lane".utf8)), "the check can see plaintext")
        let reopened = try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        var selection = ForgetSelection()
        selection.textContaining = "QUINCE lane"
        #expect(try reopened.count(selection) == 5)
        #expect(try reopened.forget(selection) == 5)
        #expect(EncryptedStore.fileSize(sandbox.store + "-wal") == 0, "the WAL was checkpointed and truncated")
        var byID = ForgetSelection()
        byID.ids = [ids[0], 1, 2]
        #expect(try reopened.forget(byID) == 2)
        try reopened.close()
        #expect(!(try Self.plaintextPages(sandbox).contains(bytes: Array("Quince Lane".utf8))))
        #expect(try Self.plaintextPages(sandbox).contains(bytes: Array("another ordinary item 99".utf8)))
    }

    @Test func retentionExpiryAndTimeRanges() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        let day: Int64 = 86_400_000
        let now = EncryptedStore.nowMs()
        try store.add((0..<200).map { StoreSandbox.item("day \($0)", timeMs: now - Int64($0) * day, session: "s\($0 % 7)") })
        var expiring = StoreSandbox.item("expired", timeMs: now)
        expiring.expiresMs = now - 1000
        var future = StoreSandbox.item("expires later", timeMs: now)
        future.expiresMs = now + day
        try store.add([expiring, future])
        var retain = ForgetSelection()
        retain.olderThanMs = now - RetentionPeriod("90d")!.milliseconds
        #expect(try store.forget(retain) == 109)  // days 91 to 199
        var expired = ForgetSelection()
        expired.expiredAtMs = now
        #expect(try store.forget(expired) == 1)
        var range = ForgetSelection()
        range.fromMs = now - 10 * day
        range.toMs = now - 5 * day
        #expect(try store.forget(range) == 5)  // days 6 to 10
        #expect(try store.stats().items == 202 - 109 - 1 - 5)
        #expect(throws: StoreError.self) { try store.forget(ForgetSelection()) }
    }

    static func reader(for text: String) -> (JSONLineReader, Int32) {
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        let bytes = Array(text.utf8)
        let writeEnd = fds[1]
        DispatchQueue.global().async {
            _ = bytes.withUnsafeBytes { DurableFile.writeAll(writeEnd, $0) }
            close(writeEnd)
        }
        return (JSONLineReader(fileDescriptor: fds[0], maximumLineBytes: 4096), fds[0])
    }

    @Test(arguments: [
        ("{\"kind\":\"fact\",\"text\":\"ok\",\"time\":\"2026-11-22T10:00:00Z\"}\n{\"kind\":\"fact\",", "line 2 is not valid JSON"),
        ("\n\n{\"kind\":\"memo\",\"text\":\"a\",\"time\":\"2026-11-22T10:00:00Z\"}", "line 3 has an unknown kind"),
        ("{\"kind\":\"fact\",\"text\":\"a\",\"time\":\"yesterday\"}", "line 1 has a \"time\" that is not an RFC 3339 time"),
        ("{\"kind\":\"fact\",\"text\":\"a\",\"time\":\"2026-11-22T10:00:00Z\",\"texts\":1}", "line 1 has an unknown field \"texts\""),
        ("{\"kind\":\"fact\",\"text\":\"a\",\"time\":\"2026-11-22T10:00:00Z\",\"tags\":[1]}", "line 1 has \"tags\" that are not an array of strings"),
        ("[1,2]", "line 1 is not a JSON object"),
        ("{\"kind\":\"fact\",\"text\":\"a\",\"time\":\"2026-11-22T10:00:00Z\"}\n{\"kind\":\"fact\",\"text\":\"\(String(repeating: "long ", count: 2000))\",\"time\":\"2026-11-22T10:00:00Z\"}\n", "line 2 is longer than 4096 bytes"),
    ])
    func badImportLinesAreNamedAndNothingIsImported(_ input: String, _ expected: String) throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        try store.add([StoreSandbox.item("already there")])
        var (reader, fd) = Self.reader(for: input)
        defer { close(fd) }
        do {
            try store.importJSONLines(&reader)
            Issue.record("import accepted bad input")
        } catch {
            #expect("\(error)".hasPrefix(expected), "\(error)")
            #expect("\(error)".hasSuffix("nothing from the input was imported"))
        }
        #expect(try store.stats().items == 1)
    }

    @Test func invalidUTF8IsNamed() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        var fds: [Int32] = [0, 0]
        pipe(&fds)
        let bytes: [UInt8] = Array("{\"kind\":\"fact\",\"text\":\"ok\",\"time\":\"2026-11-22T10:00:00Z\"}\n{\"kind\":\"fact\",\"text\":\"".utf8) + [0xC3, 0x28, 0xFF] + Array("\",\"time\":\"2026-11-22T10:00:00Z\"}\n".utf8)
        _ = bytes.withUnsafeBytes { DurableFile.writeAll(fds[1], $0) }
        close(fds[1])
        var reader = JSONLineReader(fileDescriptor: fds[0])
        defer { close(fds[0]) }
        #expect(throws: StoreError.importRefused(line: 2, reason: "is not valid UTF-8")) { try store.importJSONLines(&reader) }
        #expect(try store.stats().items == 0)
    }

    @Test func exportImportsBackUnchanged() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        var items = (0..<40).map { StoreSandbox.item("héllo \"quoted\" / ünïcode 🙂 \($0)", kind: MemoryKind.allCases[$0 % 4], timeMs: 1_795_860_000_000 + Int64($0) * 1001) }
        items[3].expiresMs = 1_800_000_000_000
        items[5].session = nil
        items[7].speaker = nil
        items[9].tags = []
        try store.add(items)
        var first: [String] = []
        try store.exportJSONLines { first.append($0) }
        try store.close()
        let other = sandbox.directory + "/copy.db"
        let copy = try EncryptedStore.create(at: other, key: sandbox.key)
        var (reader, fd) = Self.reader(for: first.joined(separator: "\n") + "\n")
        defer { close(fd) }
        #expect(try copy.importJSONLines(&reader) == 40)
        var second: [String] = []
        try copy.exportJSONLines { second.append($0) }
        #expect(second == first)
        try copy.close()
    }

    /// Sorts, index builds, statement journals and VACUUM all stay in memory: the VFS refuses
    /// temporary files, and none was asked for.
    @Test func temporaryFilesNeverReachTheDisk() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let before = EncryptedPageVFS.refusedTemporaryFiles
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        // 6 MB of text against a 1 MiB page cache: sorts and the temp table would spill to files.
        try store.add((0..<3000).map { StoreSandbox.item("item \($0) " + String(repeating: "w", count: 1000 + Int($0 % 1000))) })
        try store.connection.execute("PRAGMA cache_size = -1024")
        try store.connection.execute("""
            CREATE INDEX scratch_by_text ON memory_items(text);
            SELECT text FROM memory_items ORDER BY length(text) DESC, text;
            SELECT DISTINCT speaker, substr(text, 1, 9) FROM memory_items;
            CREATE TEMP TABLE scratch AS SELECT * FROM memory_items;
            UPDATE memory_items SET text = text || '!';
            DROP INDEX scratch_by_text;
            """)
        // A statement that fails half-way rolls back through its statement journal.
        #expect(throws: StoreError.self) {
            try store.connection.execute("UPDATE memory_items SET kind = CASE WHEN id > 1500 THEN 'nonsense' ELSE kind END")
        }
        try store.connection.execute("VACUUM")
        #expect(try store.stats().items == 3000)
        try store.close()
        #expect(EncryptedPageVFS.refusedTemporaryFiles == before)
        #expect(try StoreVerifier.verify(at: sandbox.store, key: sandbox.key).passed)
    }
}
