@testable import AttuneStore
import Foundation
import Testing

/// Every write of a transaction, and of a checkpoint, is made to fail once in each way the VFS can
/// fail it (I/O error, disk full, short write). The operation fails with a clear error and the store
/// stays valid: it verifies, and it holds exactly what was committed.
@Suite(.serialized) struct FaultInjectionTests {
    static let committedItems = 50

    /// A closed store of `committedItems` items to start every run from.
    static func pristine(_ sandbox: StoreSandbox) throws {
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        try store.add((0..<committedItems).map { StoreSandbox.item("committed \($0)") })
        try store.close()
    }

    static func copy(_ sandbox: StoreSandbox, run: Int) throws -> StoreSandbox {
        let directory = sandbox.directory + "/run-\(run)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for suffix in ["", ".key"] { try FileManager.default.copyItem(atPath: sandbox.store + suffix, toPath: directory + "/memory.db" + suffix) }
        return StoreSandbox(directory: directory, keyFile: sandbox.keyFile)
    }

    static let batch = (0..<30).map { StoreSandbox.item("new item \($0) " + String(repeating: "q", count: 300)) }

    /// The items a store holds, in id order, as (id, text): compared whole, not counted, so a lost,
    /// duplicated, reordered or altered item is caught.
    struct Row: Decodable, Equatable { let id: Int64; let text: String }
    static func rows(_ store: EncryptedStore) throws -> [Row] {
        var rows: [Row] = []
        _ = try store.exportJSONLines { rows.append(try JSONDecoder().decode(Row.self, from: Data($0.utf8))) }
        return rows
    }

    static var committedRows: [Row] { (0..<committedItems).map { Row(id: Int64($0 + 1), text: "committed \($0)") } }
    static var batchRows: [Row] { batch.enumerated().map { Row(id: Int64(committedItems + $0.offset + 1), text: $0.element.text) } }

    static func isClearIOError(_ error: Error) -> Bool {
        let text = "\(error)"
        return text.contains("disk I/O error") || text.contains("database or disk is full")
    }

    @Test(arguments: StoreFault.allCases)
    func aFailedWriteInATransactionLosesNothingCommitted(_ fault: StoreFault) throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        try Self.pristine(sandbox)
        // Count the writes of the transaction once, without faults.
        let counting = try EncryptedStore.open(at: try Self.copy(sandbox, run: 0).store, key: sandbox.key)
        counting.faultInjector.arm(nil)
        try counting.add(Self.batch)
        let writes = counting.faultInjector.writesSinceArmed
        try counting.close()
        #expect(writes >= 10)
        for failing in 1...writes {
            let run = try Self.copy(sandbox, run: failing)
            let store = try EncryptedStore.open(at: run.store, key: run.key)
            store.faultInjector.arm(fault, atWrite: failing)
            #expect(performing: { try store.add(Self.batch) }, throws: { Self.isClearIOError($0) })
            store.faultInjector.arm(nil)
            // The same connection goes on working after the failure.
            try store.add([StoreSandbox.item("after the fault")])
            try store.close()
            let report = try StoreVerifier.verify(at: run.store, key: run.key)
            #expect(report.passed, "write \(failing): \(report)")
            let reopened = try EncryptedStore.open(at: run.store, key: run.key)
            // The failed batch left nothing, not even an id: the next item takes the next id.
            #expect(try Self.rows(reopened) == Self.committedRows + [Row(id: Int64(Self.committedItems + 1), text: "after the fault")], "write \(failing)")
            try reopened.close()
            run.remove()
        }
    }

    @Test(arguments: StoreFault.allCases)
    func aFailedCheckpointWriteLosesNothingCommitted(_ fault: StoreFault) throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        try Self.pristine(sandbox)
        func prepared(_ run: Int) throws -> (StoreSandbox, EncryptedStore) {
            let copy = try Self.copy(sandbox, run: run)
            let store = try EncryptedStore.open(at: copy.store, key: copy.key)
            try store.connection.execute("PRAGMA wal_autocheckpoint = 0")
            try store.add(Self.batch)
            return (copy, store)
        }
        let (_, counting) = try prepared(0)
        counting.faultInjector.arm(nil)
        try counting.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        let writes = counting.faultInjector.writesSinceArmed
        try counting.close()
        #expect(writes >= 5)
        for failing in 1...writes {
            let (run, store) = try prepared(failing)
            store.faultInjector.arm(fault, atWrite: failing)
            #expect(performing: { try store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)") }, throws: { Self.isClearIOError($0) })
            store.faultInjector.arm(nil)
            // Power cut now: copy the files as they are, with the database half checkpointed.
            let crashed = run.directory + "/crashed"
            try FileManager.default.createDirectory(atPath: crashed, withIntermediateDirectories: true)
            for suffix in ["", "-wal", ".key"] { try FileManager.default.copyItem(atPath: run.store + suffix, toPath: crashed + "/memory.db" + suffix) }
            try store.close()
            for path in [run.store, crashed + "/memory.db"] {
                let report = try StoreVerifier.verify(at: path, key: run.key)
                #expect(report.passed, "write \(failing) of the checkpoint, \(path): \(report)")
                let reopened = try EncryptedStore.open(at: path, key: run.key)
                #expect(try Self.rows(reopened) == Self.committedRows + Self.batchRows, "write \(failing)")
                try reopened.close()
            }
            run.remove()
        }
    }
}
