@testable import AttuneStore
import Foundation
import Testing

@Suite(.serialized) struct EncryptedStoreTests {
    @Test func itemsSurviveCloseAndReopen() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        let ids = try store.add((0..<50).map { StoreSandbox.item("item number \($0)") })
        #expect(ids == Array(1...50))
        // Text longer than a page lives in overflow pages, which SQLite may read in part, directly.
        let long = (0..<5000).map { "word\($0)" }.joined(separator: " ")
        try store.add([StoreSandbox.item(long)])
        try store.close()
        let reopened = try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        var lines: [String] = []
        try reopened.exportJSONLines { lines.append($0) }
        #expect(lines.count == 51)
        #expect(lines[7].contains("\"text\":\"item number 7\""))
        #expect(lines[50].contains(long))
        let substring = try reopened.connection.text("SELECT substr(text, 30001, 20) FROM memory_items WHERE id = 51")
        #expect(substring == String(long.dropFirst(30000).prefix(20)))
        let stats = try reopened.stats()
        #expect(stats.items == 51 && stats.sessions == 1 && stats.schemaVersion == StoreSchema.latestVersion)
        #expect(stats.generation == 1)
        try reopened.close()
        #expect(EncryptedPageVFS.refusedTemporaryFiles == 0)
    }

    @Test func noPlaintextOnDiskEvenWithAWriteOpen() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let marker = "zebra-marker-\(UUID().uuidString)"
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.add((0..<200).map { StoreSandbox.item("\(marker) \($0)") })
        // An open transaction bigger than the page cache (4 MiB) spills pages into the WAL before commit.
        try store.connection.execute("""
            BEGIN IMMEDIATE;
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
            INSERT INTO memory_items(kind, text, time_ms, created_ms)
              SELECT 'utterance', '\(marker) in flight ' || i || ' ' || hex(randomblob(1000)), i, i FROM n;
            """)
        let files = sandbox.storeFiles()
        #expect(files.first { $0.name == "memory.db-wal" }!.bytes.count > 4 << 20)
        #expect(files.map(\.name).contains("memory.db-wal"))
        for file in files {
            #expect(!file.bytes.contains(bytes: Array(marker.utf8)), "marker found in \(file.name)")
            #expect(!file.bytes.contains(bytes: Array("SQLite format 3".utf8)), "SQLite magic in \(file.name)")
        }
        try store.connection.execute("COMMIT")
        try store.close()
        for file in sandbox.storeFiles() {
            #expect(!file.bytes.contains(bytes: Array(marker.utf8)), "marker found in \(file.name)")
        }
    }
}

extension EncryptedStoreTests {
    /// A checkpoint writes each page's sealed bytes from the WAL as they are (`CheckpointCarry`), so
    /// the database page equals the WAL's last frame of that page byte for byte, and still verifies.
    @Test func checkpointCopiesSealedPagesFromTheWAL() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.connection.execute("PRAGMA wal_autocheckpoint = 0")
        try store.add((0..<300).map { StoreSandbox.item("item \($0) " + String(repeating: "c", count: 100)) })
        let wal = [UInt8](FileManager.default.contents(atPath: sandbox.store + "-wal")!)
        var lastFrame: [UInt32: [UInt8]] = [:]
        let frameSize = PageCipher.pageSize + 24
        var offset = 32
        while offset + frameSize <= wal.count {
            let page = wal.withUnsafeBytes { EncryptedFile.bigEndianUInt32($0.baseAddress! + offset) }
            lastFrame[page] = Array(wal[(offset + 24)..<(offset + frameSize)])
            offset += frameSize
        }
        #expect(lastFrame.count > 10)
        try store.connection.execute("PRAGMA wal_checkpoint(PASSIVE)")
        let database = [UInt8](FileManager.default.contents(atPath: sandbox.store)!)
        for (page, sealed) in lastFrame {
            let start = Int(page - 1) * PageCipher.pageSize
            #expect(Array(database[start..<(start + PageCipher.pageSize)]) == sealed, "page \(page)")
        }
        try store.close()
        #expect(try StoreVerifier.verify(at: sandbox.store, key: sandbox.key).passed)
    }
}

extension EncryptedStoreTests {
    /// The rollback journal: pages go into it sealed, a rollback reads them back through the VFS, and
    /// a hot journal left by a crash is played back when the store is opened again.
    @Test func rollbackJournalPagesAreSealedAndPlayBack() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.add((0..<2000).map { StoreSandbox.item("original text \($0) " + String(repeating: "o", count: 200)) })
        // Leave WAL mode for a rollback journal that stays on disk, with a cache small enough that an
        // open transaction writes changed pages into the database file before it commits.
        try store.connection.execute("PRAGMA journal_mode = PERSIST; PRAGMA cache_size = 10;")
        let marker = "journal-marker-\(UUID().uuidString)"
        try store.connection.execute("BEGIN; UPDATE memory_items SET text = '\(marker) ' || id;")
        let journal = sandbox.store + "-journal"
        #expect(EncryptedStore.fileSize(journal) > 100 * 4096, "the update spilled pages through the journal")
        // A crash now: copy what is on disk, a database with changed pages and a hot journal.
        let crashed = sandbox.directory + "/crashed"
        try FileManager.default.createDirectory(atPath: crashed, withIntermediateDirectories: true)
        for suffix in ["", "-journal", ".key"] { try FileManager.default.copyItem(atPath: sandbox.store + suffix, toPath: crashed + "/memory.db" + suffix) }
        for file in sandbox.storeFiles() {
            #expect(!file.bytes.contains(bytes: Array("original text".utf8)), "plaintext in \(file.name)")
            #expect(!file.bytes.contains(bytes: Array(marker.utf8)), "plaintext in \(file.name)")
        }
        try store.connection.execute("ROLLBACK")
        var lines: [String] = []
        try store.exportJSONLines { lines.append($0) }
        #expect(lines.count == 2000 && lines.allSatisfy { $0.contains("original text") })
        try store.close()
        #expect(try StoreVerifier.verify(at: sandbox.store, key: sandbox.key).passed)

        let recovered = try EncryptedStore.open(at: crashed + "/memory.db", key: sandbox.key)
        var recoveredLines: [String] = []
        try recovered.exportJSONLines { recoveredLines.append($0) }
        #expect(recoveredLines == lines, "the hot journal rolled the crashed copy back")
        try recovered.close()
        #expect(try StoreVerifier.verify(at: crashed + "/memory.db", key: sandbox.key).passed)
    }
}
