import ArgumentParser
import AttuneStore
import Foundation

struct StoreInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create an empty encrypted store and its key envelope.",
        discussion: """
            Draws a random 256-bit data key, seals it under the passphrase (stretched with scrypt: \
            N=2^15, r=8, p=1, 32 MiB, about 0.1 s here and about a second on a Pi Zero 2 W) or the \
            key file, and creates the database at the latest schema version in WAL mode.

            Examples:
              ATTUNE_PASSPHRASE='correct horse battery staple' \\
                attune store init --db memory.db
              attune store init --db /var/lib/attune/memory.db \\
                --key-file /etc/attune/store.key
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("scrypt cost as log2(N), 10 to 20. Higher is slower to open and to guess; each step doubles time and memory (128·N·8 bytes).", valueName: "n"))
    var scryptCost: UInt8 = ScryptParameters.default.log2N

    // Checked in validate(), not run(): ArgumentParser prints this subcommand's usage only for errors thrown there.
    func validate() throws {
        guard (10...20).contains(scryptCost) else { throw ValidationError("--scrypt-cost must be between 10 and 20") }
    }

    func run() async throws {
        let path = try store.databasePath(creatingDirectory: true)
        let key = try store.key(confirmingNew: true)
        if let warning = key.weaknessWarning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        let created = try EncryptedStore.create(at: path, key: key, scrypt: ScryptParameters(log2N: scryptCost), settings: try store.settings)
        try created.close()
        print("created \(created.path) and its key envelope \(created.path).key; keep the key envelope with the store and your passphrase or key file apart from both")
    }
}

struct StoreImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import memory items from JSON lines, all or nothing.",
        discussion: """
            One JSON object per line: {"kind":"utterance","text":"…","time":"2026-11-22T10:00:00Z"} \
            with optional "speaker", "session", "tags" (array of strings) and "expires" (a time); \
            kinds are utterance, fact, preference and event. Exports also carry "id" and "created", \
            so an export imports back unchanged. The whole file is one transaction: a bad line \
            (malformed JSON, unknown kind or field, bad time, invalid UTF-8, a line over 1 MiB) is \
            an error naming its line number, and nothing from the file is imported.

            Examples:
              attune store import notes.jsonl --db memory.db --key-file store.keyfile
              some-exporter | attune store import - --db memory.db --key-file store.keyfile
            """)

    @Argument(help: ArgumentHelp("JSON-lines file, or - for standard input.", valueName: "file"))
    var input: String

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let fd = input == "-" ? STDIN_FILENO : open(input, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.unreadable(path: input, reason: String(cString: strerror(errno))) }
        defer { if fd != STDIN_FILENO { close(fd) } }
        var reader = JSONLineReader(fileDescriptor: fd)
        let (count, path) = try store.withOpenStore { opened in (try opened.importJSONLines(&reader), opened.path) }
        print("imported \(count) item\(count == 1 ? "" : "s") into \(path)")
    }
}

struct StoreAppendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "append",
        abstract: "Add memory items from JSON lines on standard input as they arrive, one commit each.",
        discussion: """
            For a host process that remembers as it goes: each line (the import format) is committed \
            durably on its own, and then {"line":N,"id":ID} is printed, so a line acknowledged on \
            standard output survives a crash or a power cut. A bad line stops the command with an \
            error naming it; the lines before it stay.

            Example:
              my-assistant --memories | attune store append --db memory.db --key-file store.keyfile
            """)

    @OptionGroup var store: StoreOptions

    func run() async throws {
        var reader = JSONLineReader(fileDescriptor: STDIN_FILENO)
        try store.withOpenStore { opened in
            try opened.appendJSONLines(&reader) { line, id in
                try JSONOutput.print(EncryptedStore.AppendAcknowledgement(id: id, line: line))
            }
        }
    }
}

struct StoreExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write every memory item as JSON lines, so the person can take their data away.",
        discussion: """
            The output is plaintext: everything the store holds about the person, one item per line \
            in id order, in the format `attune store import` reads. A FILE is written to a new file of mode 0600 \
            beside it and takes its name only when complete; an existing FILE is refused unless --force.

            Examples:
              attune store export everything.jsonl --db memory.db --key-file store.keyfile
              attune store export --db memory.db --key-file store.keyfile | jq -r .text
            """)

    @Argument(help: ArgumentHelp("Output file. Default: standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "Replace the output file if it exists (the new file is still created 0600 and renamed over it).")
    var force = false

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if force && output == nil { throw ValidationError("--force needs an output file") }
    }

    func run() async throws {
        // Refuse an existing file before the store is opened (a passphrase costs a second on a Pi).
        let file = try output.map { try PrivateFileWriter.create(path: $0, replacing: force) }
        let count = try store.withOpenStore { opened in
            let standardOutput = FileHandle.standardOutput
            var pending = Data()
            let count = try opened.exportJSONLines { line in
                if let file {
                    try file.write(Data((line + "\n").utf8))
                } else {
                    pending.append(Data(line.utf8))
                    pending.append(0x0A)
                    if pending.count >= 1 << 16 { try standardOutput.write(contentsOf: pending); pending.removeAll(keepingCapacity: true) }
                }
            }
            try standardOutput.write(contentsOf: pending)
            return count
        }
        if let file {
            try file.commit()
            FileHandle.standardError.write(Data("exported \(count) item\(count == 1 ? "" : "s") to \(file.path) (mode 0600)\n".utf8))
        }
    }
}
