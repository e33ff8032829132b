import Foundation

/// What tools/bench/memory_index_peer.py prints for sqlite-vec over the same cached embeddings: its
/// exact KNN (float[384] and int8[384] vec0 tables, cosine, k = 10) timed per query, with recall@10
/// against exact float search. `attune bench memory --sqlite-vec` reads it to set sqlite-vec beside
/// the index in the same table.
public struct SQLiteVecPeerReport: Codable, Sendable, Equatable {
    public struct Search: Codable, Sendable, Equatable {
        public var p50Ms: Double
        public var p99Ms: Double
        public var meanMs: Double
        public var recallAt10: Double
    }

    public var memories: Int
    public var queries: Int
    public var loadSeconds: Double
    public var sqliteVecVersion: String
    public var float: Search
    public var int8: Search
    public var databaseBytes: Int64

    /// Reads the peer's JSON; a file that is not that JSON is refused with the field that is wrong.
    public static func read(path: String) throws -> SQLiteVecPeerReport {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MemoryEngineBenchmarkError.unreadable(path: path, reason: "no such file; run tools/bench/memory_index_peer.py first")
        }
        do {
            return try JSONDecoder().decode(SQLiteVecPeerReport.self, from: data)
        } catch let DecodingError.keyNotFound(key, _) {
            throw MemoryEngineBenchmarkError.unreadable(path: path, reason: "the sqlite-vec report has no \"\(key.stringValue)\"")
        } catch {
            throw MemoryEngineBenchmarkError.unreadable(path: path, reason: "not the sqlite-vec peer's JSON (\(error))")
        }
    }
}
