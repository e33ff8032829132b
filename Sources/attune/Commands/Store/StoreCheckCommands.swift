import ArgumentParser
import AttuneStore
import Foundation

struct StoreVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Authenticate every page of the store and its WAL; exit 1 naming the first bad page.",
        discussion: """
            Reads the files directly, not through SQLite's cache: every database page and every frame \
            of the current WAL must authenticate under the store's key, at its own position, as a page \
            of this store. Then SQLite's integrity check runs over the decrypted store. A WAL tail torn \
            by a crash is reported as a note, not a failure: SQLite discards it.

            Examples:
              attune store verify --db memory.db --key-file store.keyfile
              attune store verify --db memory.db --key-file store.keyfile --json \\
                | jq .passed
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON for machines.")
    var json = false

    func run() async throws {
        let report = try StoreVerifier.verify(at: try store.databasePath(), key: try store.key())
        if json {
            struct Output: Encodable { var report: StoreVerification; var passed: Bool }
            try JSONOutput.print(Output(report: report, passed: report.passed), pretty: true)
        } else {
            var table = TextTable("CHECK", "RESULT")
            table.add("database pages authenticated", "\(report.databasePages - (report.firstBadPage == nil ? 0 : 1))")
            table.add("WAL frames authenticated", "\(report.authenticWALFrames) of \(report.walFrames)")
            table.add("first bad page", report.firstBadPage ?? "none")
            table.add("SQLite integrity check", report.integrity ?? "not run")
            for note in report.notes { table.add("note", note) }
            print(table.render())
        }
        guard report.passed else {
            let reason = report.firstBadPage ?? "integrity check: \(report.integrity ?? "not run")"
            FileHandle.standardError.write(Data("verify failed: \(report.path): \(reason)\n".utf8))
            throw ExitCode(1)
        }
    }
}

struct StoreStatsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count items, sessions and pages; show sizes and how the store is protected.",
        discussion: """
            Examples:
              attune store stats --db memory.db --key-file store.keyfile
              attune store stats --db memory.db --key-file store.keyfile --json | jq .items
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON for machines.")
    var json = false

    func run() async throws {
        try store.withOpenStore { opened in
            let stats = try opened.stats()
            if json { return try JSONOutput.print(stats, pretty: true) }
            var table = TextTable("FIELD", "VALUE")
            table.add("store", stats.path)
            table.add("items", "\(stats.items)")
            for kind in MemoryKind.allCases { table.add("  \(kind.rawValue)", "\(stats.itemsByKind[kind.rawValue] ?? 0)") }
            table.add("sessions", "\(stats.sessions)")
            table.add("oldest item", stats.oldestTime ?? "-")
            table.add("newest item", stats.newestTime ?? "-")
            table.add("expired, not yet forgotten", "\(stats.expiredItems)")
            table.add("pages", "\(stats.pages) of \(stats.pageSizeBytes) bytes, \(stats.freePages) free")
            table.add("database file", "\(stats.databaseFileBytes) bytes")
            table.add("WAL file", "\(stats.walFileBytes) bytes")
            table.add("schema version", "\(stats.schemaVersion)")
            table.add("generation", "\(stats.generation)")
            table.add("cipher", stats.cipher)
            table.add("key", stats.keyProtection)
            print(table.render())
        }
    }
}

struct StoreRekeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rekey",
        abstract: "Seal the store's data key under a new passphrase or key file (no page is rewritten).",
        discussion: """
            The current key comes as for every store command; the new one from --new-key-file, \
            --new-passphrase-file, ATTUNE_NEW_PASSPHRASE, or a prompt (asked twice). The key envelope \
            is replaced atomically: a power cut leaves the old or the new one, never neither. \
            Rekeying does not change the data key itself, so a copy of the old envelope still opens \
            the store with the old passphrase: see docs/SECURITY.md.

            Examples:
              ATTUNE_PASSPHRASE=old ATTUNE_NEW_PASSPHRASE=new \\
                attune store rekey --db memory.db
              attune store rekey --db memory.db --key-file old.key --new-key-file new.key
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("File with the new passphrase on its first line.", valueName: "path"))
    var newPassphraseFile: String?

    @Option(name: .long, help: ArgumentHelp("New key file (at least 32 random bytes, mode 0600).", valueName: "path"))
    var newKeyFile: String?

    @Option(name: .long, help: ArgumentHelp("scrypt cost as log2(N) for a new passphrase, 10 to 20.", valueName: "n"))
    var scryptCost: UInt8 = ScryptParameters.default.log2N

    // Checked in validate(), not run(): ArgumentParser prints this subcommand's usage only for errors thrown there.
    func validate() throws {
        guard (10...20).contains(scryptCost) else { throw ValidationError("--scrypt-cost must be between 10 and 20") }
        guard newKeyFile == nil || newPassphraseFile == nil else {
            throw ValidationError("give either --new-key-file or --new-passphrase-file, not both")
        }
    }

    func run() async throws {
        try store.withOpenStore { opened in
            let newKey = try KeySourceResolver.resolve(
                keyFile: newKeyFile, passphraseFile: newPassphraseFile, environmentVariable: "ATTUNE_NEW_PASSPHRASE",
                prompt: "New passphrase: ", confirmingNew: true)
            if let warning = newKey.weaknessWarning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
            try opened.rekey(to: newKey, scrypt: ScryptParameters(log2N: scryptCost))
            print("rekeyed \(opened.path): the data key is now sealed under the new \(newKeyFile == nil ? "passphrase" : "key file")")
        }
    }
}
