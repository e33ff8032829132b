import AttuneMemory
import Foundation

/// `attune bench memory`'s table for people: one row per measured call, the goal beside it.
enum MemoryBenchTable {
    static func render(_ report: MemoryEngineBenchmark.Report) -> String {
        typealias Goal = MemoryEngineBenchmark.Goal
        func ms(_ value: Double) -> String { String(format: "%.2f ms", value) }
        func goal(_ limit: Double, _ p50: Double) -> String {
            String(format: "p50 <= %.0f ms: %@", limit, p50 <= limit ? "met" : "missed")
        }
        let observe = report.observe, recall = report.recall
        var table = TextTable("CALL", "P50", "P99", "MEAN", "GOAL")
        table.add("observe, empty store (\(observe.turns) turns)", ms(observe.observe.p50Ms), ms(observe.observe.p99Ms), ms(observe.observe.meanMs),
                  goal(Goal.observeP50Ms, observe.observe.p50Ms))
        table.add("  of which embedding", ms(observe.embeddingOnly.p50Ms), ms(observe.embeddingOnly.p99Ms), ms(observe.embeddingOnly.meanMs), "")
        table.add("observe over \(recall.corpusMemories) memories", ms(recall.observeOverCorpus.p50Ms), ms(recall.observeOverCorpus.p99Ms),
                  ms(recall.observeOverCorpus.meanMs), goal(Goal.observeP50Ms, recall.observeOverCorpus.p50Ms))
        table.add("recall, vector given (\(recall.queries) probes x \(recall.rounds))", ms(recall.recallExcludingEmbedding.p50Ms),
                  ms(recall.recallExcludingEmbedding.p99Ms), ms(recall.recallExcludingEmbedding.meanMs),
                  goal(Goal.recallP50Ms, recall.recallExcludingEmbedding.p50Ms))
        table.add("recall, query embedded", ms(recall.recallIncludingEmbedding.p50Ms), ms(recall.recallIncludingEmbedding.p99Ms),
                  ms(recall.recallIncludingEmbedding.meanMs), goal(Goal.recallIncludingEmbeddingP50Ms, recall.recallIncludingEmbedding.p50Ms))
        table.add("  query embedding alone", ms(recall.queryEmbedding.p50Ms), ms(recall.queryEmbedding.p99Ms), ms(recall.queryEmbedding.meanMs), "")
        table.add("  memories said by then (allowed set)", ms(recall.allowedSet.p50Ms), ms(recall.allowedSet.p99Ms), ms(recall.allowedSet.meanMs), "")
        table.add("  words: FTS5 BM25, items and records", ms(recall.wordSearch.p50Ms), ms(recall.wordSearch.p99Ms), ms(recall.wordSearch.meanMs), "")
        table.add("  meaning: index search", ms(recall.indexSearch.p50Ms), ms(recall.indexSearch.p99Ms), ms(recall.indexSearch.meanMs), "")
        table.add("  exact int8 brute force instead", ms(recall.exactInt8Search.p50Ms), ms(recall.exactInt8Search.p99Ms), ms(recall.exactInt8Search.meanMs),
                  String(format: "%.1fx the index", recall.exactToIndexRatio))
        let notes = [
            String(format: "index recall@10 against exact int8 brute force over the %d memories: %.3f (goal >= 0.95: %@)",
                   recall.corpusMemories, recall.indexRecallAt10VersusExact, recall.indexRecallAt10VersusExact >= 0.95 ? "met" : "missed"),
            String(format: "%d memories indexed (%d bytes in RAM, %d when loaded; goal <= 8 MB at 100,000: %@); recall store filled in %.1f s (%.1f MB), engine opened in %.0f ms",
                   recall.indexedMemories, recall.indexBytes, recall.indexBytesAtOpen, recall.indexBytes <= 8_000_000 ? "met" : "missed", recall.fillSeconds, Double(recall.storeFileBytes) / 1e6, recall.engineOpenMs),
            String(format: "observe max %.1f ms in an empty store, %.1f ms over the memories; %d of %d probes answered, %d confident; %@",
                   observe.observeMaxMs, recall.observeOverCorpusMaxMs, recall.answered, recall.queries, recall.confident,
                   recall.answersIdentical ? "recall with the vector given answered as recall from the text" : "recall with the vector given ANSWERED DIFFERENTLY"),
        ]
        return table.render() + "\n" + notes.joined(separator: "\n")
    }
}
