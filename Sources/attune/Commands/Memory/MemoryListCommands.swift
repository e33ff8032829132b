import ArgumentParser
import AttuneMemory
import AttuneStore
import Foundation

struct MemoryListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The latest turns in memory, with what was read from each.",
        discussion: """
            Example:
              attune memory list --latest 50 --db memory.db --key-file store.key
            """)

    @Option(name: .long, help: "How many of the latest turns to show.")
    var latest = 20

    @Flag(name: .long, help: "One JSON array.")
    var json = false

    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        guard latest > 0 else { throw ValidationError("--latest must be positive, not \(latest)") }
    }

    func run() async throws {
        let listings = try memory.withEngine { try $0.list(latest: latest) }
        if json { return try JSONOutput.print(listings) }
        var table = TextTable("ID", "SAID", "BY", "TEXT", "READ AS")
        for listing in listings {
            let read = listing.records.map { "\($0.kind)\($0.status == "current" ? "" : " (" + $0.status + ")"): \($0.statement)" }
            table.add("\(listing.id)", listing.time, listing.speaker ?? "-", listing.text, read.joined(separator: "; "))
        }
        print(table.render())
    }
}

struct MemoryForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Forget turns by id or by the words they contain, with everything read from them.",
        discussion: """
            Removes the turns, the records, entities and requests derived from them, their vectors \
            and their full-text entries; the full-text indexes are rewritten and the WAL truncated, \
            so no copy of the text stays in any file of the store. --dry-run lists what would go.

            Examples:
              attune memory forget --match "door code" --dry-run \\
                  --db memory.db --key-file store.key
              attune memory forget --id 41 --id 42 --db memory.db --key-file store.key
            """)

    @Option(name: .long, help: ArgumentHelp("A turn's id (repeatable).", valueName: "id"))
    var id: [Int64] = []

    @Option(name: .long, help: ArgumentHelp("Forget every turn whose text contains this (any case).", valueName: "text"))
    var match: String?

    @Flag(name: .long, help: "List what would be forgotten, and change nothing.")
    var dryRun = false

    @Flag(name: .long, help: "The forgotten turns as one JSON array.")
    var json = false

    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        guard !id.isEmpty || !(match ?? "").isEmpty else { throw ValidationError("give --id ID or --match TEXT") }
    }

    func run() async throws {
        let forgotten = try memory.withEngine { engine in
            dryRun ? try engine.forgettable(ids: id, matching: match) : try engine.forget(ids: id, matching: match)
        }
        if json { return try JSONOutput.print(forgotten) }
        let verb = dryRun ? "would forget" : "forgot"
        print("\(verb) \(forgotten.count) turn\(forgotten.count == 1 ? "" : "s")")
        for item in forgotten { print("  #\(item.id) \(item.time) \(item.speaker ?? "-"): \(item.text)") }
    }
}

struct MemoryExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Everything memory holds, as JSON lines: each turn with what was read from it.",
        discussion: """
            Plaintext by design (the person's copy of their memory). A FILE is written 0600 and \
            never over an existing file unless --force.

            Examples:
              attune memory export memory.jsonl --db memory.db --key-file store.key
              attune memory export --db memory.db --key-file store.key | jq .text
            """)

    @Argument(help: ArgumentHelp("Output file. Default: standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Replace the output file if it exists.")
    var force = false

    @OptionGroup var memory: MemoryOptions

    func validate() throws {
        if force && output == nil { throw ValidationError("--force needs an output file") }
    }

    func run() async throws {
        let file = try output.map { try PrivateFileWriter.create(path: $0, replacing: force) }
        let listings = try memory.withEngine { try $0.list() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for listing in listings {
            var line = try encoder.encode(listing)
            line.append(0x0A)
            if let file { try file.write(line) } else { FileHandle.standardOutput.write(line) }
        }
        if let file {
            try file.commit()
            FileHandle.standardError.write(Data("exported \(listings.count) turn\(listings.count == 1 ? "" : "s") to \(file.path) (mode 0600)\n".utf8))
        }
    }
}
