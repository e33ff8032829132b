import ArgumentParser
import AttuneRuntime
import AttuneText
import AttuneTurn
import Foundation

struct EmbedBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Sentence-embedding latency at 10 and 60 tokens (p50, p99), model load time and peak memory.",
        discussion: """
            One thread by default, as `attune embed` runs; --threads as there. Load time is opening the model (memory-mapping it and \
            reading its header) and the tokenizer tables. Each latency is tokenizing plus embedding one \
            sentence, after 20 warm-up runs. Progress goes to standard error (a live counter on a \
            terminal, one line per phase otherwise); standard output is only the results. tools/bench/embed.sh runs this beside onnxruntime with the \
            int8 ONNX model and reports the ratios (docs/BENCHMARKS.md).

            Examples:
              attune bench embed
              attune bench embed --runs 2000 --json
              attune bench embed --threads 4
            """)

    @Option(help: "Timed runs per sentence length.")
    var runs = 500

    @Option(help: "Threads to split each matrix product across (1–64).")
    var threads = 1

    @Flag(help: "Print JSON for machines.")
    var json = false

    struct Latency: Encodable {
        var tokens: Int
        var p50Ms: Double
        var p99Ms: Double
        var meanMs: Double
    }

    struct Report: Encodable {
        var threads: Int
        var loadMs: Double
        var latencies: [Latency]
        var peakRSSMiB: Double
        var modelBytes: Int
        var scratchBytes: Int
    }

    /// Sentences that tokenize to exactly 10 and 60 ids, [CLS] and [SEP] included.
    static let sentences = [
        10: "my sister visits us every sunday at nine",
        60: "my late husband loved gardening , every spring he planted tomatoes , beans and sunflowers along the fence , "
            + "and the children from next door came over to help him water them . i still plant a few sunflowers each year "
            + "because it reminds me of him , even though my back hurts now",
    ]

    func validate() throws {
        guard runs > 0 else { throw ValidationError("--runs must be positive") }
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be between 1 and 64, not \(threads)") }
    }

    func run() async throws {
        let clock = ContinuousClock()
        func ms(_ duration: Duration) -> Double { Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15 }
        let modelPath = ModelLocator.path(of: "minilm-l6-v2-int8.bin")
        var tokenizer: WordPieceTokenizer?
        var embedder: MiniLMEmbedder?
        let progress = ProgressReporter()
        progress.begin("bench embed: loading the model")
        let load = try clock.measure {
            tokenizer = try WordPieceTokenizer(modelsDirectory: (modelPath as NSString).deletingLastPathComponent)
            embedder = try MiniLMEmbedder(weights: MiniLMWeights(path: modelPath), threads: threads)
        }
        guard let tokenizer, let embedder else { return }
        var latencies: [Latency] = []
        for (tokens, text) in Self.sentences.sorted(by: { $0.key < $1.key }) {
            precondition(tokenizer.encode(text).count == tokens, "the \(tokens)-token sentence has \(tokenizer.encode(text).count) tokens")
            var sink: Float = 0
            progress.begin("bench embed: \(tokens) tokens, 20 warm-up and \(runs) timed runs", total: 20 + runs)
            for _ in 0..<20 {
                sink += embedder.embed(ids: tokenizer.encode(text))[0]
                progress.advance()
            }
            var times: [Double] = []
            times.reserveCapacity(runs)
            for _ in 0..<runs {
                times.append(ms(clock.measure { sink += embedder.embed(ids: tokenizer.encode(text))[0] }))
                progress.advance()
            }
            times.sort()
            latencies.append(Latency(tokens: tokens, p50Ms: times[times.count / 2], p99Ms: times[min(times.count - 1, times.count * 99 / 100)],
                                     meanMs: times.reduce(0, +) / Double(times.count)))
            if sink.isNaN { print("") }
        }
        progress.finish()
        let report = Report(threads: threads, loadMs: ms(load), latencies: latencies, peakRSSMiB: Self.peakRSSMiB(),
                            modelBytes: embedder.weights.mappedBytes, scratchBytes: embedder.scratchBytes)
        if json { return try JSONOutput.print(report, pretty: true) }
        var table = TextTable("TOKENS", "P50", "P99", "MEAN")
        for latency in latencies {
            table.add("\(latency.tokens)", String(format: "%.2f ms", latency.p50Ms), String(format: "%.2f ms", latency.p99Ms), String(format: "%.2f ms", latency.meanMs))
        }
        print(table.render())
        print(String(format: "model load %.1f ms; peak RSS %.1f MiB (model file %.1f MB mapped, scratch %.1f MB); %d runs each, %@",
                     report.loadMs, report.peakRSSMiB, Double(report.modelBytes) / 1e6, Double(report.scratchBytes) / 1e6, runs,
                     threads == 1 ? "one thread" : "\(threads) threads"))
    }

    /// VmHWM from /proc/self/status: the peak resident set, mapped model pages included.
    static func peakRSSMiB() -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Double(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib / 1024
    }
}
