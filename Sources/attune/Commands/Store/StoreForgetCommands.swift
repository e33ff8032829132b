import ArgumentParser
import AttuneStore
import Foundation

struct StoreForgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract: "Delete memory items by id, by text, by time range, by age or by expiry.",
        discussion: """
            Conditions combine with AND. Deleted text is overwritten inside the database \
            (secure_delete) and the WAL is checkpointed and truncated, so no copy of it stays in \
            the store's files. Use --dry-run to see how many items would go.

            Examples:
              attune store forget --db memory.db --key-file k --id 17 --id 18
              attune store forget --db memory.db --key-file k --match "new address"
              attune store forget --db memory.db --key-file k \\
                --from 2026-11-01T00:00:00Z --to 2026-11-08T00:00:00Z
              attune store forget --db memory.db --key-file k --retain 90d
              attune store forget --db memory.db --key-file k --expired --json
            """)

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Item id (repeatable).", valueName: "id"))
    var id: [Int64] = []

    @Option(name: .long, help: ArgumentHelp("Items whose text contains this (ASCII letters match either case).", valueName: "text"))
    var match: String?

    @Option(name: .long, help: ArgumentHelp("Items at or after this time (RFC 3339).", valueName: "time"))
    var from: String?

    @Option(name: .long, help: ArgumentHelp("Items before this time (RFC 3339).", valueName: "time"))
    var to: String?

    @Option(name: .long, help: ArgumentHelp("Keep only this much history: 36h, 90d, 12w; older items go.", valueName: "period"))
    var retain: String?

    @Flag(help: "Items whose expiry time has passed.")
    var expired = false

    @Flag(help: "Count what would be deleted; delete nothing.")
    var dryRun = false

    @Flag(help: "Print JSON for machines.")
    var json = false

    /// What to forget, from the options; checked in validate() so a bad option prints this
    /// subcommand's usage.
    func selection() throws -> ForgetSelection {
        var selection = ForgetSelection()
        selection.ids = id
        selection.textContaining = match
        do {
            selection.fromMs = try from.map { try MemoryItemJSON.time($0, field: "--from") }
            selection.toMs = try to.map { try MemoryItemJSON.time($0, field: "--to") }
        } catch {
            throw ValidationError("--from and --to take RFC 3339 times such as 2026-11-22T10:00:00Z")
        }
        if let retain {
            guard let period = RetentionPeriod(retain) else { throw ValidationError("--retain takes a period such as 36h, 90d or 12w") }
            selection.olderThanMs = Int64((Date().timeIntervalSince1970 * 1000).rounded()) - period.milliseconds
        }
        if expired { selection.expiredAtMs = Int64((Date().timeIntervalSince1970 * 1000).rounded()) }
        guard !selection.isEmpty else { throw ValidationError("say what to forget: --id, --match, --from/--to, --retain or --expired") }
        return selection
    }

    func validate() throws { _ = try selection() }

    func run() async throws {
        let selection = try selection()
        try store.withOpenStore { opened in
            let count = dryRun ? try opened.count(selection) : try opened.forget(selection)
            if json {
                struct Output: Encodable { var forgotten: Int; var dryRun: Bool }
                try JSONOutput.print(Output(forgotten: count, dryRun: dryRun))
            } else {
                print(dryRun ? "would forget \(count) item\(count == 1 ? "" : "s")" : "forgot \(count) item\(count == 1 ? "" : "s")")
            }
        }
    }
}

struct StoreEraseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "erase",
        abstract: "Destroy the store: overwrite and remove every one of its files and its key envelope.",
        discussion: """
            Removes STORE, STORE-wal, STORE-shm, STORE-journal and STORE.key, each overwritten with \
            random bytes and synced first. No key is needed: without the envelope nothing of the store \
            can be decrypted again, even from a copy of the database. (Flash storage may keep old \
            blocks that an overwrite does not reach; that is why the envelope matters: see \
            docs/SECURITY.md.) Stop anything that has the store open first.

            Erase first proves the files are an Attune store and otherwise refuses, touching nothing: \
            each must be a regular file (no symbolic link or directory), STORE.key must be a valid \
            key envelope, STORE must not be a plain SQLite database and must be whole 4096-byte \
            pages, and the WAL, shm and journal must carry SQLite's headers. Give the database's \
            path, not the envelope's.

            Example:
              attune store erase --db memory.db --yes
            """)

    @OptionGroup var store: StoreOptions

    @Flag(help: "Confirm: erasing cannot be undone.")
    var yes = false

    @Flag(help: "Print JSON for machines.")
    var json = false

    func validate() throws {
        guard yes else { throw ValidationError("erasing the store cannot be undone; add --yes to confirm") }
    }

    func run() async throws {
        let path = try store.databasePath()
        let removed = try EncryptedStore.erase(at: path)
        if json {
            struct Output: Encodable { var removed: [String] }
            try JSONOutput.print(Output(removed: removed))
        } else if removed.isEmpty {
            print("nothing to erase: no store files at \(path)")
        } else {
            print("erased \(removed.count) file\(removed.count == 1 ? "" : "s"): \(removed.joined(separator: ", "))")
        }
    }
}
