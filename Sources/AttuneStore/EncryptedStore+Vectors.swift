import CSQLite
import Foundation

/// One memory item's sentence vector as the store keeps it: int8 values with one symmetric scale,
/// `values[i] · scale` ≈ the embedder's float (Int8Layout.swift, the activation format).
public struct StoredVector: Sendable, Equatable {
    public var itemID: Int64
    public var scale: Float
    public var values: [Int8]

    public init(itemID: Int64, scale: Float, values: [Int8]) {
        self.itemID = itemID
        self.scale = scale
        self.values = values
    }
}

/// The `memory_vectors` table (schema version 4): what an in-memory vector index needs and nothing
/// more. Readers get each vector as a buffer borrowed from SQLite for the duration of the call, so
/// loading 100,000 vectors or fetching a few hundred for a re-rank copies nothing per row.
extension EncryptedStore {
    private static let putVectorSQL = "INSERT OR REPLACE INTO memory_vectors(item_id, scale, vector) VALUES (?, ?, ?)"
    private static let fetchVectorsSQL = """
        SELECT item_id, scale, vector FROM memory_vectors WHERE item_id IN (SELECT value FROM json_each(?))
        """

    /// Stores (or replaces) vectors, in one transaction. Each item must exist in `memory_items`
    /// (the foreign key), or nothing is stored and the error says so.
    public func putVectors(_ vectors: [StoredVector]) throws {
        guard !vectors.isEmpty else { return }
        try connection.transaction {
            let insert = try connection.prepare(Self.putVectorSQL)
            for vector in vectors {
                guard !vector.values.isEmpty, vector.scale.isFinite, vector.scale >= 0 else {
                    throw StoreError.badArgument("the vector of item \(vector.itemID) is empty or has a scale that is not a finite non-negative number (\(vector.scale))")
                }
                do {
                    try insert.run([.integer(vector.itemID), .real(Double(vector.scale)),
                                    .blob(vector.values.withUnsafeBytes { [UInt8]($0) })])
                } catch StoreError.sqlite(_, let code, _) where code == SQLITE_CONSTRAINT_FOREIGNKEY {
                    throw StoreError.badArgument("item \(vector.itemID) is not in the store; add the item before its vector")
                }
            }
        }
    }

    /// Deletes the vectors of these items and returns how many there were. With `secure_delete=ON`
    /// (EncryptedStore.pragmas) SQLite zeroes the freed cells and pages in the database; the
    /// truncating checkpoint after the commit then removes the WAL frames that held older copies of
    /// those pages, so no byte of a deleted vector stays in any file of the store.
    @discardableResult
    public func deleteVectors(itemIDs: [Int64]) throws -> Int {
        guard !itemIDs.isEmpty else { return 0 }
        let removed = try connection.transaction {
            try connection.prepare("DELETE FROM memory_vectors WHERE item_id IN (SELECT value FROM json_each(?))")
                .run([.text(Self.jsonArray(itemIDs))])
            return connection.changes
        }
        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return removed
    }

    /// Calls `body` with the vector of each of these items that the store holds (in no particular
    /// order; ids without a vector are skipped), from one statement. `values` is valid only during
    /// the call.
    public func fetchVectors(itemIDs: [Int64], _ body: (_ itemID: Int64, _ scale: Float, _ values: UnsafeBufferPointer<Int8>) throws -> Void) throws {
        guard !itemIDs.isEmpty else { return }
        let statement = try cachedFetchStatement()
        try statement.bind([.text(Self.jsonArray(itemIDs))])
        defer { statement.reset() }
        while try statement.step() {
            try Self.yieldVector(statement, body)
        }
    }

    /// Calls `body` with every stored vector, in item id order, from one read snapshot (for loading
    /// an index at open).
    public func forEachVector(_ body: (_ itemID: Int64, _ scale: Float, _ values: UnsafeBufferPointer<Int8>) throws -> Void) throws {
        try connection.execute("BEGIN")
        defer { try? connection.execute("COMMIT") }
        let statement = try connection.prepare("SELECT item_id, scale, vector FROM memory_vectors ORDER BY item_id")
        while try statement.step() {
            try Self.yieldVector(statement, body)
        }
    }

    /// How many vectors the store holds.
    public func vectorCount() throws -> Int {
        Int(try connection.integer("SELECT count(*) FROM memory_vectors") ?? 0)
    }

    private static func yieldVector(_ statement: SQLiteStatement, _ body: (Int64, Float, UnsafeBufferPointer<Int8>) throws -> Void) throws {
        let bytes = statement.blob(2)
        try body(statement.int64(0), Float(statement.double(1)), bytes.bindMemory(to: Int8.self))
    }

    /// The fetch runs once per search: preparing it once per connection saves its parse (about
    /// 20 µs) each time.
    private func cachedFetchStatement() throws -> SQLiteStatement {
        if let statement = connection.cachedStatements[Self.fetchVectorsSQL] { return statement }
        let statement = try connection.prepare(Self.fetchVectorsSQL)
        connection.cachedStatements[Self.fetchVectorsSQL] = statement
        return statement
    }

    private static func jsonArray(_ ids: [Int64]) -> String {
        var text = "["
        text.reserveCapacity(ids.count * 8 + 2)
        for (index, id) in ids.enumerated() {
            if index > 0 { text.append(",") }
            text.append(String(id))
        }
        text.append("]")
        return text
    }
}
