import ArgumentParser
import AttuneMemory
import AttuneRuntime
import AttuneText
import AttuneTurn
import Foundation

struct MemoryIndexBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory-index",
        abstract: "The memory vector index at 100,000 memories: search p50/p99, recall@10 against exact search, bytes.",
        discussion: """
            Reads real sentence embeddings cached by tools/memory/embed-corpus.sh (float32 files, 384 per \
            sentence, the texts beside them), stores them int8 in a fresh encrypted store, and measures in \
            one run on one thread: exact brute-force search in float and int8; the index (binary codes, \
            popcount first pass, int8 re-rank fetched from the store) for each code and re-rank size given; \
            and a search including the query's embedding. tools/bench/memory-index.sh runs this beside \
            sqlite-vec and prints the ratios (docs/BENCHMARKS.md).

            Examples:
              attune bench memory-index
              attune bench memory-index --memories 20000 --candidates 100,200,400 --json
            """)

    @Option(help: ArgumentHelp("Corpus vectors (float32).", valueName: "path"))
    var corpus = "build/memory/corpus-100000.f32"

    @Option(help: ArgumentHelp("Held-out query vectors (float32); their texts are the .txt beside them.", valueName: "path"))
    var queries = "build/memory/queries-500.f32"

    @Option(help: "Memories to index (the first N of the corpus). Default: all.")
    var memories: Int?

    @Option(parsing: .upToNextOption, help: ArgumentHelp("Codes to measure: sign, meanCentred.", valueName: "code"))
    var code: [VectorIndex.Code] = [.meanCentred, .sign]

    @Option(help: ArgumentHelp("Re-rank pool sizes to measure, comma-separated; the first is reported as the index.", valueName: "n,n"))
    var candidates = "200,100,400"

    @Option(help: ArgumentHelp("Directory for the benchmark's store. Default: a new temporary directory.", valueName: "path"))
    var dir: String?

    @Flag(help: "Print JSON for machines.")
    var json = false

    func run() async throws {
        let pools = candidates.split(separator: ",").compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        guard !pools.isEmpty, pools.allSatisfy({ $0 > 0 }), !code.isEmpty else {
            throw ValidationError("--candidates needs positive numbers separated by commas, and --code at least one code")
        }
        if let memories, memories <= 0 { throw ValidationError("--memories must be positive") }
        let corpusVectors = try VectorIndexBenchmark.readVectors(path: corpus, limit: memories)
        let queryVectors = try VectorIndexBenchmark.readVectors(path: queries)
        let corpusTexts = Self.lines(besides: corpus)
        let queryTexts = Self.lines(besides: queries)

        let modelPath = ModelLocator.path(of: "minilm-l6-v2-int8.bin")
        let tokenizer = try WordPieceTokenizer(modelsDirectory: (modelPath as NSString).deletingLastPathComponent)
        let embedder = try MiniLMEmbedder(weights: MiniLMWeights(path: modelPath))

        let directory = dir ?? NSTemporaryDirectory() + "attune-bench-memory-index-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        var settings = VectorIndexBenchmark.Settings(directory: directory)
        settings.configurations = code.flatMap { code in pools.map { VectorIndex.Configuration(code: code, candidates: $0) } }
        let report = try VectorIndexBenchmark(settings: settings).run(
            corpus: corpusVectors, corpusTexts: corpusTexts, queries: queryVectors, queryTexts: queryTexts,
            embed: { embedder.embed(ids: tokenizer.encode($0)) },
            progress: { FileHandle.standardError.write(Data(($0 + "\n").utf8)) })

        // The index is charged to the default budget beside the sentence model, as the runtime will.
        let budget = MemoryBudget()
        try budget.charge("sentence model (mapped)", bytes: embedder.weights.mappedBytes)
        try budget.charge("sentence embedder scratch", bytes: embedder.scratchBytes)
        try budget.charge("memory vector index", bytes: report.indexes.first?.indexBytes ?? 0)

        if json { return try JSONOutput.print(report, pretty: true) }
        func latency(_ value: VectorIndexBenchmark.Latency) -> (String, String) {
            (String(format: "%.3f ms", value.p50Ms), String(format: "%.3f ms", value.p99Ms))
        }
        var table = TextTable("SEARCH", "P50", "P99", "RECALL@10 VS FLOAT", "VS INT8", "BYTES")
        let float = latency(report.exactFloat), int8 = latency(report.exactInt8)
        table.add("exact float brute force", float.0, float.1, "1.000", "", "\(report.memories * 384 * 4)")
        table.add("exact int8 brute force", int8.0, int8.1, String(format: "%.3f", report.exactInt8RecallAt10VersusFloat), "1.000", "\(report.memories * 388)")
        for index in report.indexes {
            let times = latency(index.search)
            table.add("index \(index.code.rawValue), re-rank \(index.candidates)", times.0, times.1,
                      String(format: "%.3f", index.recallAt10VersusFloat), String(format: "%.3f", index.recallAt10VersusInt8), "\(index.indexBytes)")
        }
        let embedded = latency(report.searchIncludingEmbedding)
        table.add("index (first) + query embedding", embedded.0, embedded.1, "", "", "")
        print(table.render())
        print(String(format: "%d memories, %d held-out queries, one thread; store %.1f MB, filled in %.1f s; index load %.0f ms; budget used %@ of %@",
                     report.memories, report.queries, Double(report.storeFileBytes) / 1e6, report.insertSeconds,
                     report.indexes.first?.loadMs ?? 0, budget.used.description, budget.limit.description))
    }

    /// The sentences of a vector file: the .txt of the same name, one per line (empty if absent).
    static func lines(besides path: String) -> [String] {
        let textPath = (path as NSString).deletingPathExtension + ".txt"
        guard let text = try? String(contentsOfFile: textPath, encoding: .utf8) else { return [] }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

extension VectorIndex.Code: ExpressibleByArgument {}
