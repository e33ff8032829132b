import ArgumentParser
import AttuneMemory
import Foundation

struct MemoryFollowupsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followups",
        abstract: "Events worth asking about now: over, and not yet reported, cancelled or put off limits.",
        discussion: """
            An event is due once its time has passed (the end of the day for "on Tuesday") and for \
            two weeks after, while no later turn has said how it went, cancelled it or moved it to a \
            time still ahead, and while the person has not asked not to be asked about it. Other \
            people's events count ("How did Idris's house move go?"). Reads the store only.

            Example:
              attune memory followups --at 2025-01-15T09:00:00Z \\
                  --db memory.db --key-file store.key
            """)

    @Option(name: .long, help: ArgumentHelp("\"Now\": an RFC 3339 time, or now.", valueName: "time"))
    var at = MomentArgument(argument: "now")!

    @Flag(name: .long, help: "The answer as one JSON object.")
    var json = false

    @OptionGroup var memory: MemoryOptions

    func run() async throws {
        let answer = try memory.withEngine { try $0.followups(atMs: at.milliseconds) }
        if json { return try JSONOutput.print(answer) }
        guard !answer.followups.isEmpty else { return print("nothing to follow up on at \(answer.at)") }
        var table = TextTable("ID", "EVENT TIME", "QUESTION", "WHY")
        for followup in answer.followups { table.add("\(followup.id)", followup.eventTime ?? "-", followup.question, followup.why) }
        print(table.render())
    }
}
