import AttuneStore
import Foundation

/// `attune bench memory-index`: the vector index at 100,000 memories against exact brute-force search,
/// in one run, on one thread. Vectors are real sentence embeddings read from a cache file
/// (tools/memory/embed-corpus.sh) and loaded into a fresh encrypted store; each query is a held-out
/// sentence, timed without its embedding (the search alone, the store fetch for the re-rank
/// included) and with it (tokenizing and embedding the text first). Recall@10 is the share of the
/// exact top 10 (float, and int8 as stored) that the index returns in its top 10.
public struct VectorIndexBenchmark {
    public struct Settings: Sendable {
        /// Directory for the benchmark's store (the disk under test).
        public var directory: String
        /// Re-rank pool sizes and codes to measure; the first pair is the configuration reported as
        /// the index.
        public var configurations: [VectorIndex.Configuration] = [.init()]
        /// Timed runs of the with-embedding search (the texts are cycled).
        public var embeddedRuns = 200

        public init(directory: String) { self.directory = directory }
    }

    public struct Latency: Codable, Sendable {
        public var p50Ms: Double
        public var p99Ms: Double
        public var meanMs: Double

        init(_ samples: [Double]) {
            let sorted = samples.sorted()
            p50Ms = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
            p99Ms = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
            meanMs = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        }
    }

    public struct IndexResult: Codable, Sendable {
        public var code: VectorIndex.Code
        public var candidates: Int
        public var search: Latency
        public var recallAt10VersusFloat: Double
        public var recallAt10VersusInt8: Double
        public var indexBytes: Int
        public var loadMs: Double
    }

    public struct Report: Codable, Sendable {
        public var memories: Int
        public var queries: Int
        public var dimension: Int
        public var storeFileBytes: Int64
        public var insertSeconds: Double
        public var indexes: [IndexResult]
        /// The first configuration, a query embedded first (tokenizer + int8 MiniLM) and then searched.
        public var searchIncludingEmbedding: Latency
        public var embeddingOnly: Latency
        public var exactFloat: Latency
        public var exactInt8: Latency
        /// Exact int8 against exact float: what quantizing the vectors alone costs.
        public var exactInt8RecallAt10VersusFloat: Double
    }

    public let settings: Settings
    public init(settings: Settings) { self.settings = settings }

    /// `corpus` and `queries`: row-major 384-float vectors; `queryTexts` the queries' sentences (for
    /// the timing with embedding); `embed` the embedder. `progress` hears each step (stderr).
    public func run(
        corpus: [Float], corpusTexts: [String], queries: [Float], queryTexts: [String],
        embed: (String) -> [Float], progress: (String) -> Void
    ) throws -> Report {
        let dimension = VectorIndex.dimension
        let memories = corpus.count / dimension
        let queryCount = queries.count / dimension
        func query(_ row: Int) -> [Float] { Array(queries[(row * dimension)..<((row + 1) * dimension)]) }
        let clock = ContinuousClock()
        func ms(_ duration: Duration) -> Double { Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15 }

        let storePath = settings.directory + "/memory-index-bench.db"
        let keyPath = settings.directory + "/memory-index-bench.keyfile"
        for file in EncryptedStore.files(of: storePath) + [keyPath] { try? FileManager.default.removeItem(atPath: file) }
        var generator = SystemRandomNumberGenerator()
        let keyBytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        guard FileManager.default.createFile(atPath: keyPath, contents: Data(keyBytes), attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.io(path: keyPath, reason: "cannot create the benchmark's key file")
        }
        defer { for file in EncryptedStore.files(of: storePath) + [keyPath] { try? FileManager.default.removeItem(atPath: file) } }
        let key = StoreKeySource.keyFile(path: keyPath)

        progress("storing \(memories) memories and their int8 vectors in an encrypted store")
        let insertStart = clock.now
        let store = try EncryptedStore.create(at: storePath, key: key)
        do {
            let writer = try VectorIndex(store: store)
            let batch = 5000
            for start in stride(from: 0, to: memories, by: batch) {
                let rows = start..<min(memories, start + batch)
                let ids = try store.add(rows.map { row in
                    MemoryItem(kind: .utterance, text: row < corpusTexts.count ? corpusTexts[row] : "memory \(row)",
                               timeMs: 1_795_860_000_000 + Int64(row) * 60_000, speaker: "user")
                })
                try writer.add(zip(ids, rows).map { ($0, Array(corpus[($1 * dimension)..<(($1 + 1) * dimension)])) })
                progress("  \(rows.upperBound) / \(memories)")
            }
            try store.close()
        }
        let insertSeconds = ms(clock.now - insertStart) / 1000
        let storeFileBytes = (try? FileManager.default.attributesOfItem(atPath: storePath)[.size] as? NSNumber)?.int64Value ?? 0

        progress("exact brute-force search, float and int8, \(queryCount) queries")
        let exactFloatSearch = VectorExactSearch(vectors: corpus, dimension: dimension, precision: .float)
        let exactInt8Search = VectorExactSearch(vectors: corpus, dimension: dimension, precision: .int8)
        var floatTruth: [Set<Int>] = [], int8Truth: [Set<Int>] = []
        var floatTimes: [Double] = [], int8Times: [Double] = []
        for row in 0..<queryCount {
            let vector = query(row)
            var top: [(row: Int, score: Float)] = []
            floatTimes.append(ms(clock.measure { top = exactFloatSearch.nearest(to: vector, limit: 10) }))
            floatTruth.append(Set(top.map(\.row)))
            int8Times.append(ms(clock.measure { top = exactInt8Search.nearest(to: vector, limit: 10) }))
            int8Truth.append(Set(top.map(\.row)))
        }
        let int8VersusFloat = zip(int8Truth, floatTruth).reduce(0) { $0 + $1.0.intersection($1.1).count }

        let reopened = try EncryptedStore.open(at: storePath, key: key)
        defer { try? reopened.close() }
        // Item ids are 1…memories in corpus order (a fresh store), so row = id - 1.
        var results: [IndexResult] = []
        var firstIndex: VectorIndex?
        for configuration in settings.configurations {
            progress("index \(configuration.code.rawValue), re-ranking \(configuration.candidates): loading and searching")
            var index: VectorIndex?
            let load = try clock.measure { index = try VectorIndex(store: reopened, configuration: configuration) }
            guard let index else { continue }
            for row in 0..<min(20, queryCount) { _ = try index.search(query(row), limit: 10) }
            var times: [Double] = []
            var foundFloat = 0, foundInt8 = 0
            for row in 0..<queryCount {
                let vector = query(row)
                var matches: [VectorMatch] = []
                times.append(ms(try clock.measure { matches = try index.search(vector, limit: 10) }))
                let rows = Set(matches.map { Int($0.itemID) - 1 })
                foundFloat += rows.intersection(floatTruth[row]).count
                foundInt8 += rows.intersection(int8Truth[row]).count
            }
            results.append(IndexResult(
                code: configuration.code, candidates: configuration.candidates, search: Latency(times),
                recallAt10VersusFloat: Double(foundFloat) / Double(10 * queryCount),
                recallAt10VersusInt8: Double(foundInt8) / Double(10 * queryCount),
                indexBytes: index.byteCount, loadMs: ms(load)))
            if firstIndex == nil { firstIndex = index }
        }

        progress("search including the query's embedding, \(settings.embeddedRuns) runs")
        var embeddedTimes: [Double] = [], embedTimes: [Double] = []
        if let index = firstIndex, !queryTexts.isEmpty {
            for run in 0..<settings.embeddedRuns {
                let text = queryTexts[run % queryTexts.count]
                var vector: [Float] = []
                let embedding = clock.measure { vector = embed(text) }
                let search = try clock.measure { _ = try index.search(vector, limit: 10) }
                embedTimes.append(ms(embedding))
                embeddedTimes.append(ms(embedding + search))
            }
        }
        return Report(
            memories: memories, queries: queryCount, dimension: dimension, storeFileBytes: storeFileBytes,
            insertSeconds: insertSeconds, indexes: results, searchIncludingEmbedding: Latency(embeddedTimes),
            embeddingOnly: Latency(embedTimes), exactFloat: Latency(floatTimes), exactInt8: Latency(int8Times),
            exactInt8RecallAt10VersusFloat: Double(int8VersusFloat) / Double(10 * max(1, queryCount)))
    }

    /// Reads a cache file of little-endian float32 vectors (tools/memory/embed-corpus.sh).
    public static func readVectors(path: String, dimension: Int = VectorIndex.dimension, limit: Int? = nil) throws -> [Float] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VectorBenchmarkError.unreadable(path: path)
        }
        guard data.count % (dimension * 4) == 0, !data.isEmpty else {
            throw VectorBenchmarkError.notVectors(path: path, bytes: data.count, dimension: dimension)
        }
        var count = data.count / 4
        if let limit { count = min(count, limit * dimension) }
        var values = [Float](repeating: 0, count: count)
        values.withUnsafeMutableBytes { target in
            data.withUnsafeBytes { source in target.copyMemory(from: UnsafeRawBufferPointer(rebasing: source[0..<(count * 4)])) }
        }
        #if _endian(big)
        values = values.map { Float(bitPattern: $0.bitPattern.byteSwapped) }
        #endif
        return values
    }
}

public enum VectorBenchmarkError: Error, Equatable, CustomStringConvertible {
    case unreadable(path: String)
    case notVectors(path: String, bytes: Int, dimension: Int)

    public var description: String {
        switch self {
        case let .unreadable(path):
            return "cannot read \(path); make it with tools/memory/embed-corpus.sh"
        case let .notVectors(path, bytes, dimension):
            return "\(path) has \(bytes) bytes, not a whole number of \(dimension)-float vectors; delete it and run tools/memory/embed-corpus.sh again"
        }
    }
}
