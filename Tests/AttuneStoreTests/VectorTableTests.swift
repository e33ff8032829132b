import AttuneKernels
@testable import AttuneStore
import Foundation
import Testing

/// `memory_vectors` (schema version 4): put, replace, fetch by id, iterate, delete, and deletion that
/// leaves no byte of a vector in the decrypted database pages or the WAL.
@Suite struct VectorTableTests {
    /// A vector whose bytes are a pattern no other row has (its id seeds it).
    static func vector(_ itemID: Int64, dimension: Int = 384) -> StoredVector {
        var generator = SplitMix64(seed: UInt64(itemID) &* 0x9E37_79B9)
        let values = (0..<dimension).map { _ in Int8(truncatingIfNeeded: Int(generator.next() % 255) - 127) }
        return StoredVector(itemID: itemID, scale: Float(itemID) / 1000 + 0.001, values: values)
    }

    @Test func putFetchIterateAndReplaceRoundTrip() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        let ids = try store.add((0..<50).map { StoreSandbox.item("item \($0)") })
        try store.putVectors(ids.map { Self.vector($0) })
        #expect(try store.vectorCount() == 50)
        var fetched: [Int64: StoredVector] = [:]
        try store.fetchVectors(itemIDs: [ids[3], ids[40], ids[7], 999_999]) { id, scale, values in
            fetched[id] = StoredVector(itemID: id, scale: scale, values: Array(values))
        }
        #expect(fetched.count == 3, "an id without a vector is skipped")
        for id in [ids[3], ids[40], ids[7]] { #expect(fetched[id] == Self.vector(id)) }
        try store.putVectors([StoredVector(itemID: ids[3], scale: 0.5, values: Self.vector(ids[9]).values)])
        try store.close()

        let reopened = try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        defer { try? reopened.close() }
        var order: [Int64] = []
        try reopened.forEachVector { id, scale, values in
            order.append(id)
            let expected = id == ids[3] ? StoredVector(itemID: id, scale: 0.5, values: Self.vector(ids[9]).values) : Self.vector(id)
            #expect(StoredVector(itemID: id, scale: scale, values: Array(values)) == expected, "vector of \(id)")
        }
        #expect(order == ids, "every vector once, in id order, the replaced one included")
    }

    @Test func aVectorForAMissingItemOrWithABadScaleIsRefusedAndNothingIsStored() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        let ids = try store.add([StoreSandbox.item("kept")])
        #expect(throws: StoreError.badArgument("item 77 is not in the store; add the item before its vector")) {
            try store.putVectors([Self.vector(ids[0]), Self.vector(77)])
        }
        #expect(try store.vectorCount() == 0, "the batch is one transaction")
        var bad = Self.vector(ids[0])
        bad.scale = .nan
        #expect(throws: StoreError.self) { try store.putVectors([bad]) }
        #expect(try store.vectorCount() == 0)
    }

    @Test func deletedVectorsLeaveNoBytesInTheDatabaseOrTheWAL() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        let ids = try store.add((0..<300).map { StoreSandbox.item("item \($0)") })
        try store.putVectors(ids.map { Self.vector($0) })
        try store.close()
        let targets = [ids[10], ids[150], ids[299]]
        // A 48-byte window of each target vector (and of a kept one) as raw bytes.
        func window(_ id: Int64) -> [UInt8] { Self.vector(id).values[100..<148].map { UInt8(bitPattern: $0) } }
        let before = try StoreLifecycleTests.plaintextPages(sandbox)
        for id in targets + [ids[11]] { #expect(before.contains(bytes: window(id)), "the check can see vector \(id)") }

        let reopened = try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        #expect(try reopened.deleteVectors(itemIDs: targets + [123_456]) == 3)
        #expect(EncryptedStore.fileSize(sandbox.store + "-wal") == 0, "the WAL was checkpointed and truncated")
        var left: [Int64] = []
        try reopened.fetchVectors(itemIDs: targets) { id, _, _ in left.append(id) }
        #expect(left.isEmpty)
        try reopened.close()
        let after = try StoreLifecycleTests.plaintextPages(sandbox)
        for id in targets { #expect(!after.contains(bytes: window(id)), "bytes of deleted vector \(id) remain") }
        #expect(after.contains(bytes: window(ids[11])), "a kept vector is still there")
    }

    @Test func forgettingAnItemDeletesItsVector() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        let ids = try store.add((0..<20).map { StoreSandbox.item("item \($0)") })
        try store.putVectors(ids.map { Self.vector($0) })
        var selection = ForgetSelection()
        selection.ids = [ids[4]]
        #expect(try store.forget(selection) == 1)
        #expect(try store.vectorCount() == 19)
        try store.close()
        #expect(!(try StoreLifecycleTests.plaintextPages(sandbox).contains(bytes: Self.vector(ids[4]).values[0..<48].map { UInt8(bitPattern: $0) })))
    }
}
