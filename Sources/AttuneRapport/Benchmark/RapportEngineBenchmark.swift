import AttuneMemory
import AttuneStore
import AttuneText
import Foundation

/// `attune bench context`: the rapport engine as `attune context` runs it, one thread, in a fresh
/// encrypted store. The development conversations' turns are taken in time order; each person's
/// turn is timed from the call to the context (validation, its one embedding, recall, follow-ups,
/// the memory's observe and commit, reading, affect, guidance, the model's commit). The peer: the
/// same turns' recall alone (`MemoryEngine.recall(_:vector:…)` with the vector made beforehand, over
/// the same store once filled), the part of a context that memory already measured in issue 14.
public struct RapportEngineBenchmark {
    /// The goal of issue 15: a context per user turn within 30 ms p50, embedding and recall included.
    public static let goalP50Ms = 30.0

    public struct Latency: Codable, Sendable, Equatable {
        public var p50Ms: Double
        public var p99Ms: Double
        public var meanMs: Double

        public init(_ samples: [Double]) {
            let sorted = samples.sorted()
            p50Ms = sorted.isEmpty ? 0 : sorted[sorted.count / 2]
            p99Ms = sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, sorted.count * 99 / 100)]
            meanMs = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        }
    }

    public struct Report: Codable, Sendable {
        public var turns: Int
        public var userTurns: Int
        /// Per person turn, everything included.
        public var context: Latency
        /// The assistant's turns (memory only, no context).
        public var assistantTurn: Latency
        /// The same person turns' recall alone, given their vectors, over the filled store.
        public var recallAlone: Latency
        /// Their tokenizing and embedding alone.
        public var embedding: Latency
        /// context p50 / recall-alone p50.
        public var contextToRecallRatio: Double
        public var goalP50Ms: Double
        public var storeFileBytes: Int64
    }

    let directory: String
    let configuration: RapportConfiguration

    public init(directory: String, configuration: RapportConfiguration = .init()) {
        self.directory = directory
        self.configuration = configuration
    }

    public func run(turns: [RapportTurn], tokenizer: WordPieceTokenizer, embedder: MiniLMEmbedder, affect: TextAffectAnalyzer,
                    progress: (String) -> Void = { _ in }) throws -> Report {
        let path = directory + "/bench-context.db"
        let keyPath = directory + "/bench-context.keyfile"
        for file in EncryptedStore.files(of: path) + [keyPath] { try? FileManager.default.removeItem(atPath: file) }
        defer { for file in EncryptedStore.files(of: path) + [keyPath] { try? FileManager.default.removeItem(atPath: file) } }
        var generator = SystemRandomNumberGenerator()
        let keyBytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        guard FileManager.default.createFile(atPath: keyPath, contents: Data(keyBytes), attributes: [.posixPermissions: 0o600]) else {
            throw StoreError.io(path: keyPath, reason: "cannot create the benchmark's key file")
        }
        let store = try EncryptedStore.create(at: path, key: .keyFile(path: keyPath))
        defer { try? store.close() }
        let memory = try MemoryEngine(store: store, tokenizer: tokenizer, embedder: embedder)
        let engine = try RapportEngine(memory: memory, affect: affect, configuration: configuration)
        let ordered = turns.enumerated().sorted { (RFC3339Time.parse($0.element.time) ?? 0, $0.offset) < (RFC3339Time.parse($1.element.time) ?? 0, $1.offset) }.map(\.element)

        var contextTimes: [Double] = []
        var assistantTimes: [Double] = []
        let clock = ContinuousClock()
        for (index, turn) in ordered.enumerated() {
            let started = clock.now
            let context = try engine.observe(turn)
            let elapsed = Self.ms(clock.now - started)
            if context == nil { assistantTimes.append(elapsed) } else { contextTimes.append(elapsed) }
            if (index + 1) % 200 == 0 { progress("\(index + 1) of \(ordered.count) turns") }
        }
        let people = ordered.filter { !$0.isAssistant }
        var recallTimes: [Double] = []
        var embedTimes: [Double] = []
        for turn in people {
            let embedStart = clock.now
            let vector = memory.queryVector(turn.text)
            embedTimes.append(Self.ms(clock.now - embedStart))
            let atMs = RFC3339Time.parse(turn.time) ?? 0
            let recallStart = clock.now
            _ = try memory.recall(turn.text, vector: vector, atMs: atMs, speaker: turn.speaker, limit: 10)
            recallTimes.append(Self.ms(clock.now - recallStart))
        }
        let context = Latency(contextTimes)
        let recall = Latency(recallTimes)
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0
        return Report(turns: ordered.count, userTurns: contextTimes.count, context: context, assistantTurn: Latency(assistantTimes),
                      recallAlone: recall, embedding: Latency(embedTimes), contextToRecallRatio: recall.p50Ms > 0 ? context.p50Ms / recall.p50Ms : 0,
                      goalP50Ms: Self.goalP50Ms, storeFileBytes: bytes)
    }

    static func ms(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }

    /// The turns of every `.jsonl` file in `directory` (`attune context` input), files in name order.
    public static func readTurns(directory: String) throws -> [RapportTurn] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else {
            throw RapportEngineError.badInputLine(line: 0, reason: "\(directory) is not a readable directory of .jsonl conversations", kept: 0)
        }
        var turns: [RapportTurn] = []
        for name in names.filter({ $0.hasSuffix(".jsonl") }).sorted() {
            guard let data = FileManager.default.contents(atPath: directory + "/" + name) else { continue }
            for (number, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
            where !line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) {
                do throws(RapportTurnProblem) {
                    turns.append(try RapportTurnLine.decode(Data(line)))
                } catch {
                    throw RapportEngineError.badInputLine(line: number + 1, reason: "of \(name) \(error.description)", kept: turns.count)
                }
            }
        }
        return turns
    }
}
