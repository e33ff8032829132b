import ArgumentParser

struct MemoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "memory",
        abstract: "Personal memory: observe turns, recall by meaning and time, follow up on events, forget.",
        discussion: """
            The memory lives in an encrypted store (see `attune store`): each turn is kept verbatim, \
            with its int8 sentence vector and what is read from it (people and how they relate, \
            facts, preferences, feelings, events with resolved times, updates that supersede older \
            values, requests to forget or not to ask). Recall and followups only read the store. \
            Times in turns ("Thursday at nine") are read in --timezone (default UTC, or the \
            [memory] timezone key of --config). How it works and how well: docs/MEMORY.md. A turn \
            is one JSON line, {"time":"2025-01-13T07:07:40Z","speaker":"sam","text":"eye test on \
            Tuesday at 10"} (`attune memory observe --help`).

            Examples:
              head -c 32 /dev/urandom > store.key && chmod 600 store.key
              attune store init --db memory.db --key-file store.key
              attune memory observe --db memory.db --key-file store.key < turns.jsonl
              attune memory recall "when is my eye test?" --speaker sam \\
                --at 2025-01-13T12:00:00Z --db memory.db --key-file store.key
              attune memory followups --at 2025-01-15T09:00:00Z \\
                --db memory.db --key-file store.key
            """,
        subcommands: [
            MemoryObserveCommand.self, MemoryRecallCommand.self, MemoryFollowupsCommand.self,
            MemoryListCommand.self, MemoryForgetCommand.self, MemoryExportCommand.self,
        ])
}
