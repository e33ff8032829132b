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
        try store.close()
        let reopened = try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        var lines: [String] = []
        try reopened.exportJSONLines { lines.append($0) }
        #expect(lines.count == 50)
        #expect(lines[7].contains("\"text\":\"item number 7\""))
        let stats = try reopened.stats()
        #expect(stats.items == 50 && stats.sessions == 1 && stats.schemaVersion == StoreSchema.latestVersion)
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
