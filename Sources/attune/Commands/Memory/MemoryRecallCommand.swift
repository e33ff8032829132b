import ArgumentParser
import AttuneMemory
import AttuneStore
import Foundation

struct MemoryRecallCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recall",
        abstract: "What memory holds that answers a question, best first, and whether it really answers.",
        discussion: """
            Searches what was said up to --at by meaning (int8 MiniLM vectors), by words (FTS5 \
            BM25), through people and their relations ("my manager's dog"), and by the time the \
            question names ("last week"), preferring current values over superseded ones. \
            "confident" is false when nothing stored really answers. Each result carries the \
            utterance it came from, verbatim, and why it was chosen. Reads the store only.

            Examples:
              attune memory recall "where does my sister live?" --speaker sam \\
                --at 2025-02-20T12:00:00Z --db memory.db --key-file store.key
              attune memory recall "what did I do on Saturday?" --speaker sam --json \\
                --db memory.db --key-file store.key
            """)

    @Argument(help: ArgumentHelp("The question, in the asker's words.", valueName: "query"))
    var query: String

    @Option(name: .long, help: ArgumentHelp("\"Now\" for the question: an RFC 3339 time, or now. Only what was said by then is searched.", valueName: "time"))
    var at = MomentArgument(argument: "now")!

    @Option(name: .long, help: ArgumentHelp("Who asks (their \"my\" and \"I\").", valueName: "name"))
    var speaker = "user"

    @Option(name: .long, help: "Results to return (1–100).")
    var limit = 10

    @Flag(name: .long, help: "The answer as one JSON object.")
    var json = false

    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        guard (1...100).contains(limit) else { throw ValidationError("--limit must be between 1 and 100, not \(limit)") }
    }

    func run() async throws {
        let answer = try memory.withEngine { try $0.recall(query, atMs: at.milliseconds, speaker: speaker, limit: limit) }
        if json { return try JSONOutput.print(answer) }
        print("\(answer.confident ? "confident" : "not confident"): \(answer.results.count) result\(answer.results.count == 1 ? "" : "s") for \"\(answer.query)\" at \(answer.at)")
        var table = TextTable("ID", "SCORE", "KIND", "SAID", "BY", "TEXT")
        for result in answer.results {
            table.add("\(result.id)", String(format: "%.3f", result.score), result.current ? result.kind : result.kind + " (old)",
                      result.source.time, result.source.speaker ?? "-", result.text)
        }
        if !answer.results.isEmpty { print(table.render()) }
    }
}
