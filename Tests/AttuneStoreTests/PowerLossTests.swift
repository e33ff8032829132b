@testable import AttuneStore
import Foundation
import Testing

/// Power cuts at every write, truncation and sync of a workload, the way SQLite's crash-test VFS
/// does it (`PowerLossSimulator`): a SIGKILL keeps the page cache, so only this shows that commits
/// are synced (`synchronous=FULL`) before they are acknowledged.
///
/// The workload commits 12 transactions of 1 to 3 items (one truncating checkpoint after the 6th,
/// automatic checkpoints every 8 WAL pages) and closes the store. It is run once to count its
/// events, then once per event with the power cut there: the cut event and everything after it fail,
/// and the files are left as they were last synced, either with every unsynced write dropped or, in
/// scramble mode, with each 512-byte sector of an unsynced write kept old, written, or garbage. Then
/// the store must verify (`StoreVerifier`), open, and hold every acknowledged item exactly (all its
/// fields), and nothing else but, all or nothing, the transaction that was in flight.
///
/// Every cut point is run in both modes, with 2 scramble seeds each; `CI=true` runs one seed, and
/// `ATTUNE_POWER_LOSS_SEEDS=20` runs more.
@Suite(.serialized) struct PowerLossTests {
    static let scrambleSeeds: Int = {
        let environment = ProcessInfo.processInfo.environment
        if let count = Int(environment["ATTUNE_POWER_LOSS_SEEDS"] ?? "") { return count }
        return environment["CI"] == "true" ? 1 : 2
    }()

    static let settings = StoreSettings(checkpointPages: 8)
    static let checkpointAfter = 5

    static let transactions: [[MemoryItem]] = (0..<12).map { transaction in
        (0..<(transaction % 3 + 1)).map { index in
            MemoryItem(kind: index == 1 ? .fact : .utterance,
                       text: "power \(transaction) item \(index) " + String(repeating: "w", count: 100 + 700 * ((transaction + index) % 4)),
                       timeMs: 1_795_860_000_000 + Int64(transaction * 10 + index), speaker: "ana", session: "s\(transaction % 2)",
                       tags: ["power", "t\(transaction)"], createdMs: 1_795_860_000_000)
        }
    }

    /// What the workload got acknowledged before the power went, and the transaction it was in.
    struct Outcome {
        var acknowledged: [MemoryItem] = []
        var inFlight: [MemoryItem] = []
    }

    static func runWorkload(_ store: EncryptedStore) -> Outcome {
        var outcome = Outcome()
        for (number, items) in transactions.enumerated() {
            do {
                let ids = try store.add(items)
                outcome.acknowledged += zip(ids, items).map { id, item in
                    var stored = item
                    stored.id = id
                    return stored
                }
            } catch {
                outcome.inFlight = items
                return outcome
            }
            if number == checkpointAfter {
                do { try store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)") } catch { return outcome }
            }
        }
        // Closing writes too (the generation, a truncating checkpoint); a cut there loses nothing
        // acknowledged.
        try? store.close()
        return outcome
    }

    /// A closed store with a few items, to start every run from.
    static func pristine(_ sandbox: StoreSandbox) throws {
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key, settings: settings)
        try store.add((0..<5).map { StoreSandbox.item("before the workload \($0)") })
        try store.close()
    }

    static func copy(_ sandbox: StoreSandbox, to name: String) throws -> StoreSandbox {
        let directory = sandbox.directory + "/" + name
        try? FileManager.default.removeItem(atPath: directory)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for suffix in ["", ".key"] { try FileManager.default.copyItem(atPath: sandbox.store + suffix, toPath: directory + "/memory.db" + suffix) }
        return StoreSandbox(directory: directory, keyFile: sandbox.keyFile)
    }

    /// The store's items as exported lines (every field, in id order).
    static func items(_ sandbox: StoreSandbox) throws -> [String] {
        let store = try EncryptedStore.open(at: sandbox.store, key: sandbox.key, settings: settings)
        defer { try? store.close() }
        var found: [String] = []
        try store.exportJSONLines { found.append($0) }
        return found
    }

    struct ExportedText: Decodable { var text: String }

    /// Runs the workload on a copy of `pristine` with the power cut at `event` (nil: never), restores
    /// what the cut leaves, and checks the store. Returns the events the run saw, the items it
    /// checked, and whether the store passed.
    static func run(_ pristine: StoreSandbox, before: [String], cutAt event: Int?, mode: PowerLossSimulator.Mode) throws -> (events: Int, acknowledged: Int, passed: Bool) {
        let sandbox = try copy(pristine, to: "run")
        let label = "cut at event \(event.map(String.init) ?? "none"), \(mode)"
        let store = try EncryptedStore.open(at: sandbox.store, key: sandbox.key, settings: settings)
        let simulator = PowerLossSimulator(storePath: EncryptedStore.absolutePath(sandbox.store), mode: mode, cutAtEvent: event)
        store.powerLossSimulator = simulator
        let outcome = runWorkload(store)
        try? store.close()
        if event != nil { #expect(simulator.didCut, "\(label): the power was never cut") }
        try simulator.restoreSyncedState()

        let report: StoreVerification
        let found: [String]
        do {
            report = try StoreVerifier.verify(at: sandbox.store, key: sandbox.key)
            #expect(report.passed, "\(label): \(report)")
            found = try items(sandbox)
        } catch {
            Issue.record("\(label): the store does not open after the cut (\(outcome.acknowledged.count) items were acknowledged): \(error)")
            return (simulator.events, outcome.acknowledged.count, false)
        }
        let expected = before + outcome.acknowledged.map(MemoryItemJSON.format)
        let kept = Array(found.prefix(expected.count))
        let intact = kept == expected
        #expect(intact, "\(label): \(expected.count) items expected (\(outcome.acknowledged.count) acknowledged by the workload), \(found.count) found; first difference at item \(zip(kept, expected).enumerated().first { $0.element.0 != $0.element.1 }.map { String($0.offset) } ?? "none (items missing at the end)")")
        // The transaction in flight at the cut is there whole or not at all.
        let extra = try found.dropFirst(expected.count).map { try JSONDecoder().decode(ExportedText.self, from: Data($0.utf8)).text }
        let wholeOrNothing = extra.isEmpty || extra == outcome.inFlight.map(\.text)
        #expect(wholeOrNothing, "\(label): \(extra.count) items found that were not acknowledged (in flight: \(outcome.inFlight.count))")
        return (simulator.events, outcome.acknowledged.count, report.passed && intact && wholeOrNothing)
    }

    @Test func everyAcknowledgedCommitSurvivesAPowerCutAtEveryWriteAndSync() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        try Self.pristine(sandbox)
        let before = try Self.items(sandbox)
        let uncut = try Self.run(sandbox, before: before, cutAt: nil, mode: .dropUnsynced)
        #expect(uncut.acknowledged == Self.transactions.joined().count)
        #expect(uncut.events > 60, "the workload's writes and syncs: \(uncut.events)")

        var runs = 0, acknowledgedChecked = 0, failed = uncut.passed ? 0 : 1
        // After a few failing cuts the rest would only repeat them.
        cuts: for event in 1...uncut.events {
            var modes: [PowerLossSimulator.Mode] = [.dropUnsynced]
            modes += (0..<Self.scrambleSeeds).map { .scramble(seed: UInt64(event * 1000 + $0)) }
            for mode in modes {
                let result = try Self.run(sandbox, before: before, cutAt: event, mode: mode)
                acknowledgedChecked += result.acknowledged
                runs += 1
                if !result.passed { failed += 1 }
                if failed >= 5 { break cuts }
            }
        }
        print("power-loss test: \(uncut.events) cut points (writes, truncations, syncs), \(runs) cuts (\(Self.scrambleSeeds) scramble seed(s) each), \(acknowledgedChecked) acknowledged items checked after them")
    }
}
