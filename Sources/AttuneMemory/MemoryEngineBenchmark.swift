import AttuneStore
import AttuneText
import Foundation

/// `attune bench memory`: the memory engine end to end, on one thread, in two parts.
///
/// 1. **Observe**: a fresh encrypted store and the real engine; the development conversations'
///    turns observed in time order, each timed from the call to its commit (tokenizing and
///    embedding, extraction, the transaction, the index update, and a forget's scrub).
/// 2. **Recall at scale**: a second store filled with `memories` utterances and their int8 vectors
///    (real sentence embeddings cached by tools/memory/embed-corpus.sh, written through the store in
///    batches, not observed one by one), dated before the conversations; then the conversations
///    observed through the engine on top, and the recall probes asked through `MemoryEngine.recall`,
///    timed with and without the query's embedding (`recall(_:vector:atMs:speaker:limit:)` given a
///    vector made beforehand). The meaning retriever's index search alone, and exact brute-force int8
///    search over the same corpus (what the index replaces), are timed on the same queries.
///
/// Each latency is one call's wall time; p99 over `rounds` passes of the probes.
public struct MemoryEngineBenchmark {
    public struct Settings: Sendable {
        /// Directory for the benchmark's two stores (the disk under test).
        public var directory: String
        /// Timed passes over the recall probes (after one untimed warm-up pass).
        public var rounds = 3
        /// Results each recall returns, as `attune memory recall` asks by default.
        public var limit = 10

        public init(directory: String) { self.directory = directory }
    }

    /// The speed goals of issue 14, printed beside the measurements.
    public enum Goal {
        public static let observeP50Ms = 20.0
        public static let recallP50Ms = 5.0
        public static let recallIncludingEmbeddingP50Ms = 15.0
    }

    /// A recall probe of the development set: the question, who asks it, and when.
    public struct Probe: Sendable, Equatable {
        public var query: String
        public var speaker: String
        public var atMs: Int64

        public init(query: String, speaker: String, atMs: Int64) {
            self.query = query
            self.speaker = speaker
            self.atMs = atMs
        }
    }

    public typealias Latency = VectorIndexBenchmark.Latency

    public struct ObserveReport: Codable, Sendable {
        public var turns: Int
        /// Per turn, including its embedding.
        public var observe: Latency
        public var observeMaxMs: Double
        /// The same turns' tokenizing and embedding alone (part of `observe`).
        public var embeddingOnly: Latency
        public var storeFileBytes: Int64
    }

    public struct RecallReport: Codable, Sendable {
        /// Corpus utterances written before the conversations.
        public var corpusMemories: Int
        /// Utterances in the index when the probes are asked (corpus and conversations, less forgotten turns).
        public var indexedMemories: Int
        public var queries: Int
        public var rounds: Int
        public var fillSeconds: Double
        /// Opening the engine over the filled store: the index loaded from `memory_vectors`.
        public var engineOpenMs: Double
        /// The conversations' turns observed with the corpus already in the store.
        public var observeOverCorpus: Latency
        public var observeOverCorpusMaxMs: Double
        /// The whole recall (meaning, FTS5 BM25, entities, time, fusion), the query's vector given.
        public var recallExcludingEmbedding: Latency
        /// The whole recall, the query tokenized and embedded first.
        public var recallIncludingEmbedding: Latency
        public var queryEmbedding: Latency
        /// The meaning retriever's index search alone (the candidates fusion takes, among the
        /// memories said up to the probe's time).
        public var indexSearch: Latency
        /// Exact brute-force int8 search over the corpus for the same number of candidates.
        public var exactInt8Search: Latency
        /// Two steps of recall timed alone, to show where its time goes: choosing the memories said
        /// up to the probe's time, and the words retriever's two FTS5 BM25 queries.
        public var allowedSet: Latency
        public var wordSearch: Latency
        /// Exact brute force p50 / index search p50.
        public var exactToIndexRatio: Double
        /// Recall@10 of the index (the engine's configuration) against exact int8 brute force over
        /// the corpus memories, on the probes' query vectors: the share of the exact ten the index finds.
        public var indexRecallAt10VersusExact: Double
        /// Whether recall given the vector answered every probe exactly as recall from the text.
        public var answersIdentical: Bool
        /// Probes answered with at least one result, and confidently.
        public var answered: Int
        public var confident: Int
        /// The index's bytes once the conversations are observed on top (`indexBytes`) and when the
        /// engine had just loaded it (`indexBytesAtOpen`), at the arrays' capacity.
        public var indexBytes: Int
        public var indexBytesAtOpen: Int
        public var storeFileBytes: Int64
    }

    public struct Report: Codable, Sendable {
        public var observe: ObserveReport
        public var recall: RecallReport
        /// VmHWM: the whole benchmark process at its peak, the corpus's float vectors and the exact
        /// search's int8 copy (the harness) included.
        public var peakRSSBytes: Int
    }

    public let settings: Settings
    public init(settings: Settings) { self.settings = settings }

    /// `turns`: the conversations in time order; `probes`: the recall probes; `corpus`: row-major
    /// 384-float vectors with `corpusTexts` their sentences. `progress` hears each step (stderr).
    public func run(
        turns: [ObservedTurn], probes: [Probe], corpus: [Float], corpusTexts: [String],
        tokenizer: WordPieceTokenizer, embedder: MiniLMEmbedder, progress: (String) -> Void
    ) throws -> Report {
        let dimension = VectorIndex.dimension
        let memories = corpus.count / dimension
        guard memories > 0 else { throw MemoryEngineBenchmarkError.tooFewMemories(count: memories) }
        let clock = ContinuousClock()

        // Observe, into an empty store.
        progress("observe: \(turns.count) turns in time order into a fresh encrypted store")
        let observeStore = try BenchmarkStore(directory: settings.directory, name: "memory-bench-observe")
        defer { observeStore.remove() }
        var observeTimes: [Double] = [], embedTimes: [Double] = []
        do {
            let store = try observeStore.create()
            let engine = try MemoryEngine(store: store, tokenizer: tokenizer, embedder: embedder)
            // The mapped model's pages are read in before the first timed turn, as in a running assistant.
            for turn in turns.prefix(5) { _ = engine.queryVector(turn.text) }
            for turn in turns {
                observeTimes.append(try Self.ms(clock.measure { _ = try engine.observe(turn) }))
            }
            for turn in turns {
                embedTimes.append(Self.ms(clock.measure { _ = engine.queryVector(turn.text) }))
            }
            try store.close()
        }
        let observe = ObserveReport(turns: turns.count, observe: Latency(observeTimes), observeMaxMs: observeTimes.max() ?? 0,
                                    embeddingOnly: Latency(embedTimes), storeFileBytes: observeStore.fileBytes)

        // Recall, over the corpus and the conversations.
        progress("recall: storing \(memories) memories and their int8 vectors in a second store")
        let recallStore = try BenchmarkStore(directory: settings.directory, name: "memory-bench-recall")
        defer { recallStore.remove() }
        // One minute apart, the last a day before the first turn, so every probe sees them all.
        let firstTurnMs = turns.map(\.timeMs).min() ?? 1_700_000_000_000
        let corpusStartMs = firstTurnMs - 86_400_000 - Int64(memories) * 60_000
        let fillStart = clock.now
        var corpusIDs: [Int64] = []
        corpusIDs.reserveCapacity(memories)
        do {
            let store = try recallStore.create()
            let batch = 5000
            for start in stride(from: 0, to: memories, by: batch) {
                let rows = start..<min(memories, start + batch)
                try store.inTransaction {
                    let ids = try store.add(rows.map { row in
                        MemoryItem(kind: .utterance, text: row < corpusTexts.count ? corpusTexts[row] : "memory \(row)",
                                   timeMs: corpusStartMs + Int64(row) * 60_000, speaker: "user")
                    })
                    corpusIDs += ids
                    try store.putVectors(zip(ids, rows).map { id, row in
                        try VectorIndex.storedVector(itemID: id, vector: Array(corpus[(row * dimension)..<((row + 1) * dimension)]))
                    })
                }
                progress("  \(rows.upperBound) / \(memories)")
            }
            try store.close()
        }
        let fillSeconds = Self.ms(clock.now - fillStart) / 1000

        let store = try recallStore.open()
        defer { try? store.close() }
        var opened: MemoryEngine?
        let openTime = try clock.measure { opened = try MemoryEngine(store: store, tokenizer: tokenizer, embedder: embedder) }
        guard let engine = opened else { throw MemoryEngineBenchmarkError.tooFewMemories(count: 0) }
        let indexBytesAtOpen = engine.indexByteCount
        progress("recall: observing the \(turns.count) turns on top of \(memories) memories")
        var overCorpus: [Double] = []
        for turn in turns {
            overCorpus.append(try Self.ms(clock.measure { _ = try engine.observe(turn) }))
        }

        progress("recall: building exact int8 brute-force search over the \(memories) memories")
        let exact = VectorExactSearch(vectors: corpus, dimension: dimension, precision: .int8)
        let pool = engine.configuration.candidatesPerRetriever
        progress("recall: \(probes.count) probes, one warm-up and \(settings.rounds) timed passes")
        var excluding: [Double] = [], including: [Double] = [], embedding: [Double] = [], search: [Double] = [], exactTimes: [Double] = []
        var allowedTimes: [Double] = [], wordTimes: [Double] = []
        var identical = true, answered = 0, confident = 0
        var recallFound = 0, recallAsked = 0
        let firstCorpusID = corpusIDs.first ?? 0, lastCorpusID = corpusIDs.last ?? -1
        // Each kind of call gets its own pass over the probes, so each meets the store's page cache
        // as the same call for the previous probe left it (timing two calls back to back would
        // give the second one the first one's cache).
        for round in 0...settings.rounds {
            let timed = round > 0
            var vectors: [[Float]] = [], given: [RecallAnswer] = []
            for probe in probes {
                var vector: [Float] = []
                let embed = clock.measure { vector = engine.queryVector(probe.query) }
                vectors.append(vector)
                if timed { embedding.append(Self.ms(embed)) }
            }
            for (probe, vector) in zip(probes, vectors) {
                var answer: RecallAnswer?
                let time = try clock.measure {
                    answer = try engine.recall(probe.query, vector: vector, atMs: probe.atMs, speaker: probe.speaker, limit: settings.limit)
                }
                if let answer { given.append(answer) }
                if timed { excluding.append(Self.ms(time)) }
                if round == 1 {
                    if let results = answer?.results, !results.isEmpty { answered += 1 }
                    if answer?.confident == true { confident += 1 }
                }
            }
            for (number, probe) in probes.enumerated() {
                var answer: RecallAnswer?
                let time = try clock.measure { answer = try engine.recall(probe.query, atMs: probe.atMs, speaker: probe.speaker, limit: settings.limit) }
                if answer != given[number] { identical = false }
                if timed { including.append(Self.ms(time)) }
            }
            for (probe, vector) in zip(probes, vectors) {
                // The allowed set and the word queries are made as recall makes them.
                var allowed = SaidBy(times: [:], atMs: 0, everything: true)
                let choosing = clock.measure { allowed = SaidBy(times: engine.itemTimes, atMs: probe.atMs, everything: probe.atMs >= engine.latestItemMs) }
                let words = MemoryWords.contentWords(probe.query)
                let wordQueries = try clock.measure {
                    let asked = try engine.wordQuery(words)
                    let budget = MemoryEngine.wordMatchBudget
                    _ = try store.searchItemText(anyOf: asked.anyOf, allOf: asked.allOf, upToMs: allowed.bound, limit: pool, latestMatches: budget)
                        .filter { allowed.contains($0.itemID) }
                    _ = try store.searchRecordStatements(words: asked.statementWords, upToMs: allowed.bound, limit: pool, latestMatches: budget)
                }
                let indexed = try clock.measure {
                    _ = allowed.everything ? try engine.index.search(vector, limit: pool)
                        : try engine.index.search(vector, limit: pool, saidBy: probe.atMs)
                }
                let brute = clock.measure { _ = exact.nearest(to: vector, limit: pool) }
                if round == 1 {
                    // Recall@10 over the same memories (the corpus's ids are consecutive).
                    let truth = Set(exact.nearest(to: vector, limit: 10).map { corpusIDs[$0.row] })
                    let found = try engine.index.search(vector, limit: 10) { $0 >= firstCorpusID && $0 <= lastCorpusID }
                    recallFound += found.filter { truth.contains($0.itemID) }.count
                    recallAsked += truth.count
                }
                guard timed else { continue }
                search.append(Self.ms(indexed))
                exactTimes.append(Self.ms(brute))
                allowedTimes.append(Self.ms(choosing))
                wordTimes.append(Self.ms(wordQueries))
            }
        }
        let searchLatency = Latency(search), exactLatency = Latency(exactTimes)
        let recall = RecallReport(
            corpusMemories: memories, indexedMemories: engine.indexedCount, queries: probes.count, rounds: settings.rounds,
            fillSeconds: fillSeconds, engineOpenMs: Self.ms(openTime), observeOverCorpus: Latency(overCorpus),
            observeOverCorpusMaxMs: overCorpus.max() ?? 0, recallExcludingEmbedding: Latency(excluding),
            recallIncludingEmbedding: Latency(including), queryEmbedding: Latency(embedding), indexSearch: searchLatency,
            exactInt8Search: exactLatency, allowedSet: Latency(allowedTimes), wordSearch: Latency(wordTimes),
            exactToIndexRatio: searchLatency.p50Ms > 0 ? exactLatency.p50Ms / searchLatency.p50Ms : 0,
            indexRecallAt10VersusExact: recallAsked > 0 ? Double(recallFound) / Double(recallAsked) : 0,
            answersIdentical: identical, answered: answered, confident: confident,
            indexBytes: engine.indexByteCount, indexBytesAtOpen: indexBytesAtOpen, storeFileBytes: recallStore.fileBytes)
        return Report(observe: observe, recall: recall, peakRSSBytes: Self.peakResidentBytes())
    }

    static func ms(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    /// VmHWM from /proc/self/status (0 where there is none): the peak resident set, mapped model pages included.
    public static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib * 1024
    }
}

/// A benchmark's own encrypted store and random key file in its directory, removed afterwards.
struct BenchmarkStore {
    let path: String
    let keyPath: String
    let key: StoreKeySource

    init(directory: String, name: String) throws {
        path = directory + "/\(name).db"
        keyPath = directory + "/\(name).keyfile"
        key = StoreKeySource.keyFile(path: keyPath)
        remove()
        var generator = SystemRandomNumberGenerator()
        let keyBytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        guard FileManager.default.createFile(atPath: keyPath, contents: Data(keyBytes), attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.io(path: keyPath, reason: "cannot create the benchmark's key file")
        }
    }

    func create() throws -> EncryptedStore { try EncryptedStore.create(at: path, key: key) }
    func open() throws -> EncryptedStore { try EncryptedStore.open(at: path, key: key) }

    var fileBytes: Int64 {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
    }

    func remove() {
        for file in EncryptedStore.files(of: path) + [keyPath] { try? FileManager.default.removeItem(atPath: file) }
    }
}
