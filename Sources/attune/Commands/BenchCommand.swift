import ArgumentParser

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Attune on this machine against a peer run in the same process.",
        discussion: """
            Build with `swift build -c release` first: debug builds are many times slower. Results \
            on the development machine, and how to read them: docs/BENCHMARKS.md.
            """,
        subcommands: [StoreBenchCommand.self, EmbedBenchCommand.self, MemoryIndexBenchCommand.self, MemoryBenchCommand.self, ContextBenchCommand.self])
}
