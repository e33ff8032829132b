import ArgumentParser
import AttuneMemory
import AttuneRuntime
import Foundation

struct MemoryBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "The memory engine: observe p50/p99 per turn, recall p50/p99 over 100,000 memories, against exact search.",
        discussion: """
            Measures `attune memory` as the assistant runs it, one thread, in two parts. Observe: the \
            development conversations' turns (--conversations) observed in time order into a fresh \
            encrypted store, each turn timed with its embedding. Recall: a second store filled with \
            --memories real sentence embeddings and their sentences (--corpus, cached by \
            tools/memory/embed-corpus.sh), the conversations observed on top, then the recall probes \
            (--probes; follow-up probes are skipped) asked through the engine, timed with and without \
            the query's embedding. The meaning retriever's index search and exact brute-force int8 \
            search over the same memories are timed on the same queries, and the index's recall@10 \
            against that exact search reported; --sqlite-vec adds sqlite-vec's exact KNN over the same \
            embeddings (tools/bench/memory_index_peer.py's JSON) to the table. The in-memory index is charged to the default memory budget \
            beside the sentence model. Run from the repository root, or give the paths; \
            tools/bench/memory.sh makes the corpus, builds and runs this (docs/BENCHMARKS.md).

            Examples:
              attune bench memory
              attune bench memory --memories 20000 --rounds 1 --json
            """)

    @Option(help: ArgumentHelp("Corpus vectors (float32, 384 per sentence); their sentences are the .txt beside them.", valueName: "path"))
    var corpus = "build/memory/corpus-100000.f32"

    @Option(help: "Memories to fill the recall store with (the first N of the corpus). Default: all.")
    var memories: Int?

    @Option(help: ArgumentHelp("Directory of conversations (.jsonl, attune memory observe input).", valueName: "dir"))
    var conversations = "tools/memory/dev/conversations"

    @Option(help: ArgumentHelp("Probes (.jsonl with category, query, speaker, at); follow-up probes are skipped.", valueName: "path"))
    var probes = "tools/memory/dev/probes.jsonl"

    @Option(help: "Timed passes over the probes, after one warm-up pass.")
    var rounds = 3

    @Option(help: ArgumentHelp("Directory for the benchmark's stores. Default: a new temporary directory.", valueName: "path"))
    var dir: String?

    @Option(help: ArgumentHelp("sqlite-vec's report over the same corpus (tools/bench/memory_index_peer.py's JSON), shown beside the index.",
                               valueName: "path"))
    var sqliteVec: String?

    @Flag(help: "Print JSON for machines.")
    var json = false

    func validate() throws {
        if let memories, memories <= 0 { throw ValidationError("--memories must be positive") }
        guard (1...100).contains(rounds) else { throw ValidationError("--rounds must be between 1 and 100, not \(rounds)") }
    }

    /// The report and what the engine was charged against the default budget.
    struct Output: Encodable {
        var report: MemoryEngineBenchmark.Report
        var budget: MemoryBenchBudget
        var sqliteVec: SQLiteVecPeerReport?
    }

    func run() async throws {
        let turns = try MemoryEngineBenchmark.readTurns(directory: conversations)
        let recallProbes = try MemoryEngineBenchmark.readProbes(path: probes)
        let corpusVectors = try VectorIndexBenchmark.readVectors(path: corpus, limit: memories)
        let corpusTexts = MemoryIndexBenchCommand.lines(besides: corpus)
        let peer = try sqliteVec.map(SQLiteVecPeerReport.read)

        // Charged as `attune memory` charges them: the process, the sentence model and its scratch,
        // then the index once it holds the memories.
        let budget = MemoryBudget()
        let (tokenizer, embedder) = try CommandResources.loadEmbedder(threads: 1, budget: budget)
        let directory = dir ?? NSTemporaryDirectory() + "attune-bench-memory-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        var settings = MemoryEngineBenchmark.Settings(directory: directory)
        settings.rounds = rounds
        let report = try MemoryEngineBenchmark(settings: settings).run(
            turns: turns, probes: recallProbes, corpus: corpusVectors, corpusTexts: corpusTexts,
            tokenizer: tokenizer, embedder: embedder, progress: { ProgressReporter.standardError("bench memory: " + $0 + "\n") })
        try budget.charge("memory vector index (\(report.recall.indexedMemories) memories)", bytes: report.recall.indexBytes)
        let charged = MemoryBenchBudget(budget)

        if json { return try JSONOutput.print(Output(report: report, budget: charged, sqliteVec: peer), pretty: true) }
        print(MemoryBenchTable.render(report, sqliteVec: peer))
        print(String(format: "peak RSS %.1f MiB (the harness's %d float vectors and exact int8 copy included); budget used %@ of %@",
                     Double(report.peakRSSBytes) / 1_048_576, report.recall.corpusMemories, budget.used.description, budget.limit.description))
    }
}

/// The memory budget's charges as JSON.
struct MemoryBenchBudget: Encodable {
    struct Charge: Encodable {
        var name: String
        var bytes: Int
    }

    var limitBytes: Int
    var usedBytes: Int
    var charges: [Charge]

    init(_ budget: MemoryBudget) {
        limitBytes = budget.limit.bytes
        usedBytes = budget.used.bytes
        charges = budget.consumers.map { Charge(name: $0.name, bytes: $0.bytes.bytes) }
    }
}
