import ArgumentParser
import AttuneRuntime
import AttuneText
import AttuneTurn
import Foundation

struct EmbedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "embed",
        abstract: "Turn text into all-MiniLM-L6-v2 sentence vectors (384 floats, L2-normalised), on the device, in int8.",
        discussion: """
            Reads one text per line on standard input and writes one JSON array of 384 numbers per line \
            on standard output, in order, flushed per line. The cosine of two vectors is their dot \
            product. Texts longer than 256 tokens are truncated, as sentence-transformers does. An \
            empty line gives the vector of an empty text; a line that is not valid UTF-8 or is longer \
            than 1 MiB gives null, an error naming the line, and exit status 1 at the end. The model \
            (models/minilm-l6-v2-int8.bin, 23 MB) is memory-mapped, not read. One thread unless \
            --threads splits each matrix product across more (same vectors, lower latency per line \
            on a multi-core board). The mapped model and the embedder's scratch are charged to the \
            memory budget before they are used (--memory-budget, default 64MB).

            Examples:
              echo "I walk the dog every morning" | attune embed
              attune embed < memories.txt > vectors.jsonl
              attune embed --threads 4 < memories.txt > vectors.jsonl
            """)

    @Option(help: "Threads to split each matrix product across (1–64).")
    var threads = 1

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        guard (1...64).contains(threads) else { throw ValidationError("--threads must be between 1 and 64, not \(threads)") }
    }

    func run() async throws {
        let configuration = try runtime.resolve()
        let budget = MemoryBudget(limit: configuration.memoryBudget)
        let (tokenizer, embedder) = try CommandResources.loadEmbedder(threads: threads, budget: budget)
        let failed = try TextLinesOutput.run { text in
            "[" + embedder.embed(ids: tokenizer.encode(text)).map { "\($0)" }.joined(separator: ",") + "]"
        }
        if failed { throw ExitCode(1) }
    }
}
