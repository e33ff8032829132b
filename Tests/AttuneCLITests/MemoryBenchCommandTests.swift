import AttuneMemory
import AttuneTestFixtures
import Foundation
import Testing

/// `attune bench memory` on a tiny input: a corpus of 60 real embeddings made here with `attune
/// embed`, a short conversation with an event and a forget request, and three probes (one a
/// follow-up, which recall skips). Checks the JSON's shape and that every number is measured.
@Suite struct MemoryBenchCommandTests {
    struct Output: Decodable {
        struct Budget: Decodable {
            struct Charge: Decodable {
                var name: String
                var bytes: Int
            }

            var limitBytes: Int
            var usedBytes: Int
            var charges: [Charge]
        }

        var report: MemoryEngineBenchmark.Report
        var budget: Budget
    }

    static let turns = """
        {"time":"2025-01-06T09:00:00Z","speaker":"sam","text":"My sister Nia lives in Exeter, she's a midwife.","session":"s1"}
        {"time":"2025-01-06T09:00:04Z","speaker":"assistant","text":"Noted: Nia is in Exeter.","session":"s1"}
        {"time":"2025-01-13T08:00:00Z","speaker":"sam","text":"I've got an eye test on Thursday at 10.","session":"s2"}
        {"time":"2025-01-13T08:01:00Z","speaker":"sam","text":"the door code is 8815","session":"s2"}
        {"time":"2025-01-13T08:02:00Z","speaker":"sam","text":"actually delete that door code","session":"s2"}
        {"time":"2025-01-20T09:00:00Z","speaker":"sam","text":"Nia's moved to Cardiff now.","session":"s3"}

        """

    static let probes = """
        {"id":"p1","category":"update","speaker":"sam","at":"2025-02-01T12:00:00Z","query":"where does my sister live?","expect":[["cardiff"]]}
        {"id":"p2","category":"temporal","speaker":"sam","at":"2025-02-01T12:00:00Z","query":"when was my eye test?","expect":[["eye"]]}
        {"id":"p3","category":"followup_due","speaker":"sam","at":"2025-01-17T12:00:00Z","query":"","expect":[["eye test"]]}

        """

    /// Writes `count` sentences of the committed test corpus and their vectors from `attune embed`
    /// as a float32 file with the .txt beside it, as tools/memory/embed-corpus.sh does.
    static func tinyCorpus(in directory: URL, count: Int) throws -> URL {
        let sentences = try String(contentsOfFile: try TestFixture.path("Tests/Data/memory/index-corpus.txt"), encoding: .utf8)
            .split(separator: "\n").prefix(count).joined(separator: "\n") + "\n"
        let embedded = try AttuneBinary.run(["embed"], standardInput: Data(sentences.utf8))
        #expect(embedded.status == 0, "\(embedded.standardError)")
        var bytes = Data()
        for line in embedded.standardOutput.split(separator: "\n") {
            let vector = try JSONDecoder().decode([Float].self, from: Data(line.utf8))
            #expect(vector.count == 384)
            for value in vector { withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes.append(contentsOf: $0) } }
        }
        let corpus = directory.appendingPathComponent("corpus.f32")
        try bytes.write(to: corpus)
        try Data(sentences.utf8).write(to: directory.appendingPathComponent("corpus.txt"))
        return corpus
    }

    static func inputs() throws -> (directory: URL, arguments: [String]) {
        let directory = try CLITestPaths.temporaryDirectory()
        let corpus = try tinyCorpus(in: directory, count: 60)
        let conversations = directory.appendingPathComponent("conversations")
        try FileManager.default.createDirectory(at: conversations, withIntermediateDirectories: true)
        try Data(turns.utf8).write(to: conversations.appendingPathComponent("sam.jsonl"))
        let probes = directory.appendingPathComponent("probes.jsonl")
        try Data(Self.probes.utf8).write(to: probes)
        let stores = directory.appendingPathComponent("stores")
        try FileManager.default.createDirectory(at: stores, withIntermediateDirectories: true)
        return (directory, ["bench", "memory", "--corpus", corpus.path, "--memories", "50", "--conversations", conversations.path,
                            "--probes", probes.path, "--rounds", "2", "--dir", stores.path])
    }

    @Test func measuresObserveAndRecallOnATinyInputAsJSON() throws {
        let (directory, arguments) = try Self.inputs()
        let result = try AttuneBinary.run(arguments + ["--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let output = try JSONDecoder().decode(Output.self, from: Data(result.standardOutput.utf8))
        let observe = output.report.observe, recall = output.report.recall

        #expect(observe.turns == 6)
        #expect(observe.observe.p50Ms > 0 && observe.observe.p99Ms >= observe.observe.p50Ms && observe.observeMaxMs >= observe.observe.p99Ms)
        #expect(observe.embeddingOnly.p50Ms > 0 && observe.embeddingOnly.p50Ms < observe.observe.meanMs * 2)
        #expect(observe.storeFileBytes > 0)

        // 50 corpus memories, the six turns on top, less the door code the forget request removed.
        #expect(recall.corpusMemories == 50)
        #expect(recall.indexedMemories == 55, "\(recall)")
        #expect(recall.queries == 2 && recall.rounds == 2)
        for latency in [recall.observeOverCorpus, recall.recallExcludingEmbedding, recall.recallIncludingEmbedding,
                        recall.queryEmbedding, recall.indexSearch, recall.exactInt8Search, recall.allowedSet, recall.wordSearch] {
            #expect(latency.p50Ms > 0 && latency.p99Ms >= latency.p50Ms, "\(latency)")
        }
        #expect(recall.recallIncludingEmbedding.meanMs > recall.recallExcludingEmbedding.meanMs)
        #expect(recall.exactToIndexRatio > 0)
        #expect(recall.answersIdentical)
        #expect(recall.answered == 2, "\(recall)")
        #expect(recall.indexBytes > 0 && recall.storeFileBytes > 0 && recall.fillSeconds > 0 && recall.engineOpenMs > 0)
        #expect(output.report.peakRSSBytes > 0)

        // The index is charged to the budget with what it holds, beside the sentence model.
        #expect(output.budget.charges.contains { $0.name == "memory vector index (55 memories)" && $0.bytes == recall.indexBytes }, "\(output.budget)")
        #expect(output.budget.charges.contains { $0.name == "sentence model (mapped)" })
        #expect(output.budget.usedBytes <= output.budget.limitBytes)

        // Progress on standard error; the stores are removed afterwards.
        #expect(result.standardError.split(separator: "\n").allSatisfy { $0.hasPrefix("bench memory: ") }, "\(result.standardError)")
        let left = try FileManager.default.contentsOfDirectory(atPath: directory.appendingPathComponent("stores").path)
        #expect(left.isEmpty, "\(left)")
    }

    @Test func theTableNamesEachCallAndTheGoals() throws {
        let (_, arguments) = try Self.inputs()
        let result = try AttuneBinary.run(arguments)
        #expect(result.status == 0, "\(result.standardError)")
        for row in ["observe, empty store (6 turns)", "observe over 50 memories", "recall, vector given (2 probes x 2)", "recall, query embedded",
                    "exact int8 brute force instead", "p50 <= 20 ms", "p50 <= 5 ms", "p50 <= 15 ms", "budget used"] {
            #expect(result.standardOutput.contains(row), "\(row) in \(result.standardOutput)")
        }
    }

    @Test func missingInputsGiveOneLineThatSaysWhatToDo() throws {
        let directory = try CLITestPaths.temporaryDirectory()
        let noConversations = try AttuneBinary.run(["bench", "memory", "--conversations", directory.appendingPathComponent("absent").path])
        #expect(noConversations.status != 0)
        #expect(noConversations.standardError.contains("no conversations at") && noConversations.standardError.contains("--conversations"),
                "\(noConversations.standardError)")
        #expect(noConversations.standardError.split(separator: "\n").count == 1, "\(noConversations.standardError)")

        let conversations = directory.appendingPathComponent("conversations")
        try FileManager.default.createDirectory(at: conversations, withIntermediateDirectories: true)
        try Data(Self.turns.utf8).write(to: conversations.appendingPathComponent("sam.jsonl"))
        let onlyFollowups = directory.appendingPathComponent("probes.jsonl")
        try Data(Self.probes.split(separator: "\n").filter { $0.contains("followup") }.joined(separator: "\n").utf8).write(to: onlyFollowups)
        let noProbes = try AttuneBinary.run(["bench", "memory", "--conversations", conversations.path, "--probes", onlyFollowups.path])
        #expect(noProbes.status != 0)
        #expect(noProbes.standardError.contains("holds no recall probes"), "\(noProbes.standardError)")
    }
}
