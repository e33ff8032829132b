import ArgumentParser
import AttuneStore
import Foundation

struct StoreBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "The cost of the encrypted store against the same SQLite without encryption.",
        discussion: """
            Inserts memory items (in transactions of 1,000, each committed with synchronous=FULL) and \
            then runs indexed lookups from a cold page cache, once on a plain SQLite database and once \
            on an encrypted store: same schema, pragmas, page size, statements and data, same disk. \
            Rounds alternate plain and encrypted; medians and their ratio are reported. Also times \
            opening a store with a passphrase (scrypt) and with a key file.

            Examples:
              attune bench store
              attune bench store --items 20000 --rounds 5 --dir /var/lib/attune --json
            """)

    @Option(help: "Items to insert.")
    var items = 100_000

    @Option(help: "Indexed lookups after the inserts.")
    var lookups = 10_000

    @Option(help: "Rounds of plain + encrypted.")
    var rounds = 3

    @Option(name: .long, help: ArgumentHelp("SQLite page cache per connection, for both sides (the store's default: 4).", valueName: "MiB"))
    var cacheMib = 4

    @Option(help: ArgumentHelp("Directory for the benchmark databases (the disk under test). Default: a new temporary directory.", valueName: "path"))
    var dir: String?

    @Flag(help: "Print JSON for machines.")
    var json = false

    func validate() throws {
        guard items > 0, lookups > 0, rounds > 0 else { throw ValidationError("--items, --lookups and --rounds must be positive") }
    }

    func run() async throws {
        let directory = dir ?? FileManager.default.temporaryDirectory.appendingPathComponent("attune-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { if dir == nil { try? FileManager.default.removeItem(atPath: directory) } }
        var settings = StoreBenchmark.Settings(directory: directory)
        settings.items = items
        settings.lookups = lookups
        settings.rounds = rounds
        settings.store.cacheKiB = cacheMib * 1024
        let report = try StoreBenchmark(settings: settings).run { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        if json { return try JSONOutput.print(report, pretty: true) }
        var table = TextTable("WORK", "PLAIN SQLITE", "ENCRYPTED STORE", "RATIO")
        table.add("insert \(items) items", String(format: "%.0f ms", report.insert.plainMedianMs), String(format: "%.0f ms", report.insert.encryptedMedianMs), String(format: "%.3f", report.insert.ratio))
        table.add("\(lookups) indexed lookups, cold cache", String(format: "%.0f ms", report.lookup.plainMedianMs), String(format: "%.0f ms", report.lookup.encryptedMedianMs), String(format: "%.3f", report.lookup.ratio))
        table.add("the same lookups again", String(format: "%.0f ms", report.warmLookup.plainMedianMs), String(format: "%.0f ms", report.warmLookup.encryptedMedianMs), String(format: "%.3f", report.warmLookup.ratio))
        table.add("open, passphrase (scrypt 2^15)", "", String(format: "%.1f ms", report.openWithPassphraseMs), "")
        table.add("open, key file", "", String(format: "%.1f ms", report.openWithKeyFileMs), "")
        table.add("seal one 4 KiB page", "", String(format: "%.2f µs", report.sealPageMicroseconds), "")
        table.add("open one 4 KiB page", "", String(format: "%.2f µs", report.openPageMicroseconds), "")
        print(table.render())
        print("database: \(report.databaseBytes) bytes; page cache \(cacheMib) MiB; medians of \(rounds) rounds")
    }
}
