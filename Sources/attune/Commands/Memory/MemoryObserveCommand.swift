import ArgumentParser
import AttuneMemory
import AttuneStore
import Foundation

struct MemoryObserveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "observe",
        abstract: "Take turns into memory: JSON lines on standard input, one result per line.",
        discussion: """
            Each line is one turn, {"time":"2025-01-13T07:07:40Z","speaker":"sam","text":"…",\
            "session":"…"} (session optional), from any speaker, the assistant included. Lines are \
            taken in order, each in its own transaction: the turn verbatim, its vector, and what is \
            read from it. A request in a turn ("please forget what I told you about Dan", "don't ask \
            me about the interview") is carried out at once. For each line, observe prints what it \
            stored, what it superseded and what it forgot (--json: one JSON object per line). A \
            malformed line is an error naming its line number: the lines before it are kept, nothing \
            of it is.

            Examples:
              attune memory observe --db memory.db --key-file store.key < turns.jsonl
              my-assistant --turns | attune memory observe --json \\
                  --db memory.db --key-file store.key
            """)

    @OptionGroup var memory: MemoryOptions

    @Flag(name: .long, help: "One JSON object per input line instead of a readable line.")
    var json = false

    func run() async throws {
        var reader = JSONLineReader(fileDescriptor: STDIN_FILENO)
        try memory.withEngine { engine in
            var kept = 0
            while let line = try reader.next() {
                let turn: ObservedTurn
                do throws(ObserveInput.Problem) {
                    turn = try ObserveInput.parse(line.bytes)
                } catch {
                    throw MemoryEngineError.badInputLine(line: line.number, reason: error.description, kept: kept)
                }
                let outcome = try engine.observe(turn)
                kept += 1
                if json {
                    try JSONOutput.print(outcome)
                } else {
                    print(Self.summary(outcome, line: line.number))
                }
            }
        }
    }

    static func summary(_ outcome: ObserveOutcome, line: Int) -> String {
        var parts = ["line \(line): stored #\(outcome.id) (\(outcome.speaker), \(outcome.time))"]
        if !outcome.records.isEmpty { parts.append(outcome.records.map { "\($0.kind): \($0.statement)" }.joined(separator: "; ")) }
        if !outcome.superseded.isEmpty { parts.append("superseded " + outcome.superseded.map { "record #\($0.id) (\($0.statement))" }.joined(separator: "; ")) }
        if !outcome.forgot.isEmpty { parts.append("forgot " + outcome.forgot.map { "#\($0.id)" }.joined(separator: ", ")) }
        if !outcome.doNotAsk.isEmpty { parts.append("will not ask about event record " + outcome.doNotAsk.map { "#\($0)" }.joined(separator: ", ")) }
        if !outcome.allowAsking.isEmpty { parts.append("may ask again about event record " + outcome.allowAsking.map { "#\($0)" }.joined(separator: ", ")) }
        return parts.joined(separator: " | ")
    }
}
