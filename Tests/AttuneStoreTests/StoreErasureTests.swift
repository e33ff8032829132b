@testable import AttuneStore
import CSQLite
import Foundation
import Testing

/// `EncryptedStore.erase` destroys an Attune store and nothing else: every refusal leaves the file
/// it was pointed at byte for byte as it was.
@Suite(.serialized) struct StoreErasureTests {
    /// A real, closed store with one item, and the bytes of its envelope for copies.
    static func closedStore(_ sandbox: StoreSandbox) throws -> [UInt8] {
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.add([StoreSandbox.item("kept unless erased")])
        try store.close()
        return [UInt8](FileManager.default.contents(atPath: sandbox.store + ".key")!)
    }

    static func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }

    static func write(_ path: String, _ bytes: [UInt8]) {
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600]))
    }

    static func random(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// Erase must throw `notAStore` and leave every listed file as it was.
    static func expectRefused(_ path: String, containing reason: String, untouched files: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let before = files.map { bytes($0) }
        do {
            let removed = try EncryptedStore.erase(at: path)
            Issue.record("erase accepted \(path) and removed \(removed)", sourceLocation: sourceLocation)
        } catch let error as StoreErasureError {
            guard case let .notAStore(refusedPath, refusal) = error else {
                Issue.record("expected notAStore, got \(error)", sourceLocation: sourceLocation)
                return
            }
            #expect(refusedPath == EncryptedStore.absolutePath(path), sourceLocation: sourceLocation)
            #expect(refusal.contains(reason), "\(error)", sourceLocation: sourceLocation)
            #expect(!error.description.contains("\n"), sourceLocation: sourceLocation)
        } catch {
            Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
        }
        for (file, old) in zip(files, before) {
            #expect(old != nil && bytes(file) == old, "\(file) changed", sourceLocation: sourceLocation)
        }
    }

    @Test func refusesATextFile() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let notes = sandbox.directory + "/notes.txt"
        Self.write(notes, Array("shopping: milk, eggs\n".utf8))
        Self.expectRefused(notes, containing: "has no key envelope notes.txt.key beside it", untouched: [notes])
    }

    @Test func refusesARandomFileNamedLikeAnEnvelope() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        // A raw 32-byte key file that happens to be called STORE.key, and a 100-byte random one.
        let rawKey = sandbox.directory + "/store.key"
        Self.write(rawKey, Self.random(32))
        Self.expectRefused(sandbox.directory + "/store", containing: "is 32 bytes long; a key envelope is 100", untouched: [rawKey])
        Self.expectRefused(rawKey, containing: "has no key envelope store.key.key beside it", untouched: [rawKey])
        let random = sandbox.directory + "/other.db.key"
        Self.write(random, Self.random(KeyEnvelope.size))
        Self.write(sandbox.directory + "/other.db", Self.random(4096))
        Self.expectRefused(sandbox.directory + "/other.db", containing: "is not a key envelope (it does not start with ATTUNEK1)",
                           untouched: [random, sandbox.directory + "/other.db"])
    }

    @Test func refusesSymbolicLinksToAStoresFiles() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let envelope = try Self.closedStore(sandbox)
        let storeFiles = [sandbox.store, sandbox.store + ".key"]
        // The envelope itself is a link to a real envelope.
        let linked = sandbox.directory + "/linked.db"
        #expect(symlink(sandbox.store, linked) == 0 && symlink(sandbox.store + ".key", linked + ".key") == 0)
        Self.expectRefused(linked, containing: "linked.db.key is a symbolic link", untouched: storeFiles)
        // A real envelope beside a database that is a link to a store's database.
        let copied = sandbox.directory + "/copied.db"
        Self.write(copied + ".key", envelope)
        #expect(symlink(sandbox.store, copied) == 0)
        Self.expectRefused(copied, containing: "copied.db is a symbolic link", untouched: storeFiles + [copied + ".key"])
        let store = try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        #expect(try store.stats().items == 1)
        try store.close()
    }

    @Test func refusesADirectory() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let envelope = try Self.closedStore(sandbox)
        let directory = sandbox.directory + "/folder.db"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false)
        Self.write(directory + "/inside.txt", Array("still here".utf8))
        Self.write(directory + ".key", envelope)
        Self.expectRefused(directory, containing: "folder.db is a directory", untouched: [directory + "/inside.txt", directory + ".key"])
    }

    @Test func refusesAPlainSQLiteDatabase() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let envelope = try Self.closedStore(sandbox)
        let plain = sandbox.directory + "/plain.db"
        let connection = try SQLiteConnection(uri: "file:\(plain)", path: plain, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, vfs: nil, context: nil)
        try connection.execute("CREATE TABLE notes(text); INSERT INTO notes VALUES ('a plain database')")
        connection.close()
        Self.write(plain + ".key", envelope)
        Self.expectRefused(plain, containing: "is a plain (unencrypted) SQLite database", untouched: [plain, plain + ".key"])
    }

    @Test func refusesAStoreWithAForeignCompanionFile() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        _ = try Self.closedStore(sandbox)
        let files = [sandbox.store, sandbox.store + ".key", sandbox.store + "-wal"]
        Self.write(sandbox.store + "-wal", Array("not a write-ahead log, but it is 32 bytes or more".utf8))
        Self.expectRefused(sandbox.store, containing: "memory.db-wal is not a WAL of an Attune store", untouched: files)
        #expect(unlink(sandbox.store + "-wal") == 0)
        Self.write(sandbox.store + "-journal", Self.random(512))
        Self.expectRefused(sandbox.store, containing: "memory.db-journal is not a SQLite rollback journal", untouched: [sandbox.store, sandbox.store + ".key"])
        #expect(unlink(sandbox.store + "-journal") == 0)
        // A database that is not a whole number of pages.
        let handle = FileHandle(forUpdatingAtPath: sandbox.store)!
        try handle.seekToEnd()
        handle.write(Data([1, 2, 3]))
        try handle.close()
        Self.expectRefused(sandbox.store, containing: "not a whole number of 4096-byte pages", untouched: [sandbox.store, sandbox.store + ".key"])
    }

    @Test func refusesTheKeyEnvelopeNamingItsStore() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        _ = try Self.closedStore(sandbox)
        let before = Self.bytes(sandbox.store + ".key")
        #expect(throws: StoreErasureError.keyEnvelopeGiven(path: sandbox.store + ".key", store: sandbox.store)) {
            try EncryptedStore.erase(at: sandbox.store + ".key")
        }
        #expect(StoreErasureError.keyEnvelopeGiven(path: sandbox.store + ".key", store: sandbox.store).description.contains("attune store erase --db \(sandbox.store) --yes"))
        #expect(Self.bytes(sandbox.store + ".key") == before)
    }

    /// What a crash leaves (database, WAL, wal-index and envelope) is overwritten with random bytes
    /// and removed, envelope last. The WAL and wal-index are the ones an open store had, put back
    /// after closing it (erasing under a connection in this process would hand SQLite a random
    /// wal-index: erase refuses that for other processes, see StoreCommandTests).
    @Test func erasesWhatACrashLeavesOverwritingTheBytesItRemoves() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.add((0..<200).map { StoreSandbox.item("to be erased \($0)") })
        let companions = [sandbox.store + "-wal", sandbox.store + "-shm"]
        let left = companions.map { Self.bytes($0)! }
        try store.close()
        for (path, bytes) in zip(companions, left) { Self.write(path, bytes) }
        let paths = [sandbox.store] + companions + [sandbox.store + ".key"]
        // Descriptors opened before the erase still reach the unlinked files' bytes: what erase left
        // in them is what a disk would still hold.
        let descriptors = paths.map { open($0, O_RDONLY | O_CLOEXEC) }
        defer { for fd in descriptors { close(fd) } }
        let before = paths.map { Self.bytes($0)! }
        #expect(before.allSatisfy { !$0.isEmpty })
        let removed = try EncryptedStore.erase(at: sandbox.store)
        #expect(Set(removed) == Set(paths) && removed.last == sandbox.store + ".key")
        #expect(sandbox.storeFiles().filter { $0.name.hasPrefix("memory.db") }.isEmpty)
        for (index, fd) in descriptors.enumerated() {
            var after = [UInt8](repeating: 0, count: before[index].count)
            #expect(pread(fd, &after, after.count, 0) == after.count, "\(paths[index]) kept its length")
            let same = zip(before[index], after).filter { $0 == $1 }.count
            // Random bytes match the old ones about once in 256: at most 8, or one in 32 of a larger
            // file (for the 100-byte envelope, 4 matches come about once in 1,300 runs; 9 never).
            #expect(same <= max(8, after.count / 32), "\(paths[index]): \(same) of \(after.count) bytes unchanged")
        }
        #expect(try EncryptedStore.erase(at: sandbox.store).isEmpty)
    }

    @Test func erasesAStoreWhoseDatabaseIsGone() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        _ = try Self.closedStore(sandbox)
        #expect(unlink(sandbox.store) == 0)
        #expect(try EncryptedStore.erase(at: sandbox.store) == [sandbox.store + ".key"])
        #expect(!FileManager.default.fileExists(atPath: sandbox.store + ".key"))
    }

    @Test func initNamesTheStoreOnlyWhenItIsOne() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        _ = try Self.closedStore(sandbox)
        #expect(throws: StoreError.alreadyExists(path: sandbox.store)) { try EncryptedStore.create(at: sandbox.store, key: sandbox.key) }
        let rawKey = sandbox.directory + "/device.key"
        Self.write(rawKey, Self.random(32))
        let device = sandbox.directory + "/device"
        #expect(throws: StoreError.pathTaken(path: rawKey, store: device)) { try EncryptedStore.create(at: device, key: sandbox.key) }
        #expect(!StoreError.pathTaken(path: rawKey, store: device).description.contains("erase"))
        #expect(Self.bytes(rawKey)?.count == 32 && !FileManager.default.fileExists(atPath: device))
    }
}
