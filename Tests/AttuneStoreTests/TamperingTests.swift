@testable import AttuneStore
import CSQLite
import Crypto
import Foundation
import Testing

/// Every way of changing a store's bytes outside Attune is refused with the page named, by `verify`
/// and by a store that reads the page; nothing corrupt is returned as data.
@Suite(.serialized) struct TamperingTests {
    static let pageSize = PageCipher.pageSize

    /// A closed store of `count` items spread over several pages.
    static func makeStore(_ sandbox: StoreSandbox, count: Int = 300, dataKey: SymmetricKey = SymmetricKey(size: .bits256), at path: String? = nil) throws {
        let store = try EncryptedStore.create(at: path ?? sandbox.store, key: sandbox.key, dataKey: dataKey, migrateTo: StoreSchema.latestVersion)
        try store.add((0..<count).map { StoreSandbox.item("remembered item \($0) " + String(repeating: "x", count: 100)) })
        try store.close()
    }

    /// Reading everything back: the export, SQLite's integrity check, and FTS5's own check of each
    /// full-text index, which reads every segment in full (with the export and SQLite's check alone,
    /// a flipped bit in one page of the full-text data went unread).
    static func readEverything(_ sandbox: StoreSandbox) throws {
        let store = try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        try store.exportJSONLines { _ in }
        let check = try store.connection.prepare("PRAGMA integrity_check")
        while try check.step() {}
        for table in ["memory_items_fts", "memory_records_fts"] {
            try store.connection.execute("INSERT INTO \(table)(\(table)) VALUES ('integrity-check')")
        }
    }

    static func expectRefused(_ sandbox: StoreSandbox, naming expected: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let report = try StoreVerifier.verify(at: sandbox.store, key: sandbox.key)
        #expect(!report.passed, sourceLocation: sourceLocation)
        #expect(report.firstBadPage?.contains(expected) == true, "verify said \(report.firstBadPage ?? "nothing")", sourceLocation: sourceLocation)
        do {
            try readEverything(sandbox)
            Issue.record("a tampered store was read without error", sourceLocation: sourceLocation)
        } catch let error as StoreError {
            guard case let .tampered(_, failure) = error else {
                Issue.record("expected .tampered, got \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(failure.description.contains(expected), "store said \(failure)", sourceLocation: sourceLocation)
        }
    }

    @Test func aFlippedBitInAnyPageIsRefusedWithThePageNamed() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        try Self.makeStore(sandbox)
        let original = [UInt8](FileManager.default.contents(atPath: sandbox.store)!)
        let pages = original.count / Self.pageSize
        #expect(pages >= 10)
        #expect(try StoreVerifier.verify(at: sandbox.store, key: sandbox.key).passed)
        var generator = SystemRandomNumberGenerator()
        for page in 1...pages {
            // A bit anywhere in the page: the store id, the ciphertext, the nonce or the tag.
            let offset = (page - 1) * Self.pageSize + Int.random(in: 0..<Self.pageSize, using: &generator)
            var bytes = original
            bytes[offset] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &generator)
            #expect(FileManager.default.createFile(atPath: sandbox.store, contents: Data(bytes)))
            // Changing the store id on page 1 makes every page fail; page 1 is the first read.
            try Self.expectRefused(sandbox, naming: "page \(page) of the database")
        }
        #expect(FileManager.default.createFile(atPath: sandbox.store, contents: Data(original)))
        #expect(try StoreVerifier.verify(at: sandbox.store, key: sandbox.key).passed)
    }

    @Test func swappedPagesAreRefused() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        try Self.makeStore(sandbox)
        let two = StoreSandbox.read(sandbox.store, at: Self.pageSize, count: Self.pageSize)
        let three = StoreSandbox.read(sandbox.store, at: 2 * Self.pageSize, count: Self.pageSize)
        StoreSandbox.patch(sandbox.store, at: Self.pageSize, with: three)
        StoreSandbox.patch(sandbox.store, at: 2 * Self.pageSize, with: two)
        try Self.expectRefused(sandbox, naming: "page 2 of the database")
    }

    @Test func aPageFromAnotherStoreWithTheSameKeyIsRefused() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let sharedKey = SymmetricKey(size: .bits256)
        let other = sandbox.directory + "/other.db"
        try Self.makeStore(sandbox, dataKey: sharedKey)
        try Self.makeStore(sandbox, dataKey: sharedKey, at: other)
        let foreign = StoreSandbox.read(other, at: 4 * Self.pageSize, count: Self.pageSize)
        StoreSandbox.patch(sandbox.store, at: 4 * Self.pageSize, with: foreign)
        try Self.expectRefused(sandbox, naming: "page 5 of the database")
    }

    @Test func aTruncatedFileIsRefused() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        try Self.makeStore(sandbox)
        let size = Int(EncryptedStore.fileSize(sandbox.store))
        let pages = size / Self.pageSize
        #expect(truncate(sandbox.store, off_t(size - 100)) == 0)
        try Self.expectRefused(sandbox, naming: "page \(pages) of the database is cut short")
        #expect(truncate(sandbox.store, off_t(size - 2 * Self.pageSize)) == 0)
        let report = try StoreVerifier.verify(at: sandbox.store, key: sandbox.key)
        #expect(report.firstBadPage?.contains("page \(pages - 1) of the database is missing") == true, "\(report)")
    }

    /// A store with commits still in its WAL, as a crash or a copy taken while it is open leaves it.
    static func storeWithWAL(_ sandbox: StoreSandbox, transactions: Int) throws -> (copy: String, walFrames: Int) {
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.connection.execute("PRAGMA wal_autocheckpoint = 0")
        for transaction in 0..<transactions {
            try store.add((0..<20).map { StoreSandbox.item("transaction \(transaction) item \($0) " + String(repeating: "y", count: 200)) })
        }
        let copyDirectory = sandbox.directory + "/copy"
        try FileManager.default.createDirectory(atPath: copyDirectory, withIntermediateDirectories: true)
        for suffix in ["", "-wal", ".key"] {
            try FileManager.default.copyItem(atPath: sandbox.store + suffix, toPath: copyDirectory + "/memory.db" + suffix)
        }
        try store.close()
        let frames = (Int(EncryptedStore.fileSize(copyDirectory + "/memory.db-wal")) - 32) / (Self.pageSize + 24)
        return (copyDirectory + "/memory.db", frames)
    }

    @Test func anAlteredWALFrameIsRefused() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let (copy, frames) = try Self.storeWithWAL(sandbox, transactions: 6)
        #expect(frames > 10)
        let copied = StoreSandbox(directory: (copy as NSString).deletingLastPathComponent, keyFile: sandbox.keyFile)
        let frame = frames / 2
        let offset = 32 + (frame - 1) * (Self.pageSize + 24) + 24 + 1000
        let wal = copy + "-wal"
        StoreSandbox.patch(wal, at: offset, with: [StoreSandbox.read(wal, at: offset, count: 1)[0] ^ 0x40])
        try Self.expectRefused(copied, naming: "in WAL frame \(frame)")
    }

    /// The VFS's own check on a page read from the WAL by an open connection (not the scan at open).
    @Test func aWALFrameAlteredUnderAnOpenStoreIsRefusedWhenRead() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.connection.execute("PRAGMA wal_autocheckpoint = 0")
        for transaction in 0..<4 {
            try store.add((0..<20).map { StoreSandbox.item("transaction \(transaction) item \($0) " + String(repeating: "z", count: 200)) })
        }
        let wal = sandbox.store + "-wal"
        let frames = (Int(EncryptedStore.fileSize(wal)) - 32) / (Self.pageSize + 24)
        for frame in 1...frames {
            let offset = 32 + (frame - 1) * (Self.pageSize + 24) + 24 + 77
            StoreSandbox.patch(wal, at: offset, with: [StoreSandbox.read(wal, at: offset, count: 1)[0] ^ 0x01])
        }
        // Drop the connection's cached pages so that the export reads them again.
        try store.connection.execute("PRAGMA cache_size = 1")
        sqlite3_db_release_memory(store.connection.handle)
        #expect {
            try store.exportJSONLines { _ in }
        } throws: { error in
            guard case let StoreError.tampered(_, failure) = error else { return false }
            return failure.file == .wal && failure.frame != nil
        }
        try? store.close()
    }

    @Test func aWALTornByACrashLosesOnlyTheUnfinishedTail() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let (copy, frames) = try Self.storeWithWAL(sandbox, transactions: 4)
        // Cut the last frame in half, as a crash in the middle of a write leaves it.
        let wal = copy + "-wal"
        #expect(truncate(wal, off_t(32 + (frames - 1) * (Self.pageSize + 24) + 2000)) == 0)
        let report = try StoreVerifier.verify(at: copy, key: sandbox.key)
        #expect(report.passed, "\(report)")
        let store = try EncryptedStore.open(at: copy, key: sandbox.key)
        defer { try? store.close() }
        // The last transaction lost its commit frame; the three before it are all there.
        #expect(try store.stats().items == 60)
    }

    /// The WAL frames (1-based) that commit a transaction: a nonzero database size in the header.
    static func commitFrames(_ wal: String, frames: Int) -> [Int] {
        (1...frames).filter { frame in
            StoreSandbox.read(wal, at: 32 + (frame - 1) * (pageSize + 24) + 4, count: 4) != [0, 0, 0, 0]
        }
    }

    /// Garbles the sealed page of a WAL frame, as a power cut tears a write that was never synced.
    static func tear(_ wal: String, frame: Int) {
        let offset = 32 + (frame - 1) * (pageSize + 24) + 24 + 512
        StoreSandbox.patch(wal, at: offset, with: [UInt8](repeating: 0xA5, count: 512))
    }

    /// The bug a power-loss test found: a torn frame of the last, uncommitted transaction followed by
    /// that transaction's intact frames (its commit among them) was refused as tampering. It is crash
    /// residue: the transaction was never synced, so never acknowledged, and only it is lost.
    @Test func aTornFrameInTheUnsyncedLastTransactionLosesOnlyThatTransaction() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let (copy, frames) = try Self.storeWithWAL(sandbox, transactions: 4)
        let wal = copy + "-wal"
        // The schema's commits come first; the last four are the transactions of items.
        let commits = Self.commitFrames(wal, frames: frames).suffix(4).map { $0 }
        #expect(commits.count == 4 && commits.last == frames, "commit frames \(commits) of \(frames)")
        let lastTransaction = (commits[2] + 1)...commits[3]
        #expect(lastTransaction.count >= 2, "the last transaction must have frames after the torn one")
        Self.tear(wal, frame: lastTransaction.lowerBound)
        let report = try StoreVerifier.verify(at: copy, key: sandbox.key)
        #expect(report.passed, "\(report)")
        let store = try EncryptedStore.open(at: copy, key: sandbox.key)
        defer { try? store.close() }
        #expect(try store.stats().items == 60)
        // The store goes on: the next commit overwrites the residue, and reopening keeps everything.
        try store.add([StoreSandbox.item("after the power cut")])
        try store.close()
        let reopened = try EncryptedStore.open(at: copy, key: sandbox.key)
        defer { try? reopened.close() }
        #expect(try reopened.stats().items == 61)
    }

    /// Frames an earlier crash left beyond the end of the log (authentic, the same salts) are not a
    /// later transaction: they do not continue the checksum chain of the torn transaction's commit.
    @Test func staleFramesAfterATornUnsyncedTransactionAreNotMistakenForALaterOne() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let (copy, frames) = try Self.storeWithWAL(sandbox, transactions: 4)
        let wal = copy + "-wal"
        let commits = Self.commitFrames(wal, frames: frames).suffix(4).map { $0 }
        Self.tear(wal, frame: commits[2] + 1)
        // The first transaction of items again after the end: it authenticates, with another chain.
        let frameSize = Self.pageSize + 24
        let stale = StoreSandbox.read(wal, at: 32 + commits[0] * frameSize, count: (commits[1] - commits[0]) * frameSize)
        StoreSandbox.patch(wal, at: 32 + frames * frameSize, with: stale)
        let report = try StoreVerifier.verify(at: copy, key: sandbox.key)
        #expect(report.passed, "\(report)")
        let store = try EncryptedStore.open(at: copy, key: sandbox.key)
        defer { try? store.close() }
        #expect(try store.stats().items == 60)
    }

    /// A frame damaged inside committed history (a later transaction follows its commit) cannot be
    /// a crash: refused, whether the damage is in the middle of a transaction or in its commit frame.
    @Test func aDamagedFrameWithALaterTransactionAfterItIsTampering() throws {
        for target in ["first frame", "commit frame"] {
            let sandbox = StoreSandbox()
            defer { sandbox.remove() }
            let (copy, frames) = try Self.storeWithWAL(sandbox, transactions: 4)
            let wal = copy + "-wal"
            let commits = Self.commitFrames(wal, frames: frames).suffix(4).map { $0 }
            let frame = target == "first frame" ? commits[1] + 1 : commits[2]
            Self.tear(wal, frame: frame)
            let copied = StoreSandbox(directory: (copy as NSString).deletingLastPathComponent, keyFile: sandbox.keyFile)
            try Self.expectRefused(copied, naming: "in WAL frame \(frame)")
        }
    }
}
