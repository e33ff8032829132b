import ArgumentParser
import AttuneRapport
import AttuneRuntime
import Foundation

struct ContextBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "context",
        abstract: "The rapport engine: p50/p99 per user turn (embedding, recall, memory, guidance), against recall alone.",
        discussion: """
            Takes the development conversations (--conversations, `attune context` input or `attune \
            memory observe` input) in time order into a fresh encrypted store through the rapport \
            engine, timing each person's turn from the call to its context, then times the same turns' \
            recall alone (their vectors made beforehand) over the filled store. Build with \
            `swift build -c release` first. Numbers on the development machine: docs/BENCHMARKS.md.

            Examples:
              attune bench context
              attune bench context --rounds 5 --json
            """)

    @Option(help: ArgumentHelp("Directory of conversations (.jsonl turns).", valueName: "dir"))
    var conversations = "tools/memory/dev/conversations"

    @Option(help: "Runs over the conversations, each into a fresh store; the report is of all runs' turns together.")
    var rounds = 3

    @Option(help: ArgumentHelp("Directory for the benchmark's store. Default: a new temporary directory.", valueName: "path"))
    var dir: String?

    @Flag(help: "Print JSON for machines.")
    var json = false

    func validate() throws {
        guard (1...20).contains(rounds) else { throw ValidationError("--rounds must be between 1 and 20, not \(rounds)") }
    }

    func run() async throws {
        let turns = try RapportEngineBenchmark.readTurns(directory: conversations)
        let budget = MemoryBudget()
        let (tokenizer, embedder) = try CommandResources.loadEmbedder(threads: 1, budget: budget)
        let affect = try CommandResources.loadTextAffect()
        let directory = dir ?? NSTemporaryDirectory() + "attune-bench-context-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        let benchmark = RapportEngineBenchmark(directory: directory)
        // One untimed warm-up run, then the timed runs.
        _ = try benchmark.run(turns: turns, tokenizer: tokenizer, embedder: embedder, affect: affect)
        var reports: [RapportEngineBenchmark.Report] = []
        for round in 1...rounds {
            reports.append(try benchmark.run(turns: turns, tokenizer: tokenizer, embedder: embedder, affect: affect))
            ProgressReporter.standardError("bench context: run \(round) of \(rounds)\n")
        }
        let report = reports.sorted { $0.context.p50Ms < $1.context.p50Ms }[reports.count / 2]
        if json {
            try JSONOutput.print(report, pretty: true)
            return
        }
        func row(_ name: String, _ latency: RapportEngineBenchmark.Latency) -> String {
            name.padding(toLength: 34, withPad: " ", startingAt: 0) + String(format: "%8.2f %8.2f %8.2f", latency.p50Ms, latency.p99Ms, latency.meanMs)
        }
        print("rapport context over \(report.turns) turns (\(report.userTurns) from people), median of \(rounds) runs")
        print("step".padding(toLength: 34, withPad: " ", startingAt: 0) + "  p50 ms   p99 ms  mean ms")
        print(row("context per user turn (all in)", report.context))
        print(row("assistant turn (memory only)", report.assistantTurn))
        print(row("recall alone (peer)", report.recallAlone))
        print(row("embedding alone", report.embedding))
        print(String(format: "context / recall alone p50: %.1f×; goal: context p50 ≤ %.0f ms", report.contextToRecallRatio, report.goalP50Ms)
              + (report.context.p50Ms <= report.goalP50Ms ? " (met)" : " (missed)"))
    }
}
