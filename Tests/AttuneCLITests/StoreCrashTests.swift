import AttuneStore
import Foundation
import Testing

/// Kill -9 in the middle of writing: a child `attune store append` commits lines and acknowledges each
/// on its standard output. The kill is armed only once a random number of acknowledgements (at least
/// one) has arrived, then sent up to 3 ms later, so it lands in commits and in the checkpoints that
/// run every 8 WAL pages, never before the first commit; each child also opens a store whose WAL the
/// previous kill left behind, so it recovers that WAL first.
///
/// Only a SIGKILL this test sent to a child that was still running counts as a kill. Any other end
/// fails the test: a crash of the child's own (any other signal), a nonzero exit, or anything on its
/// standard error. A child that commits all its lines before the kill must exit 0. After every kill
/// the store is verified (every page authenticated, SQLite's integrity check) and every acknowledged
/// line must be there with exactly its kind, text and time. Verification runs on a copy of the files,
/// so the original keeps the WAL as the kill left it, for the next child to recover.
///
/// Kills: 200 by default, 40 when `CI=true`; `ATTUNE_CRASH_ITERATIONS=2000` for the long run.
@Suite struct StoreCrashTests {
    static let iterations: Int = {
        let environment = ProcessInfo.processInfo.environment
        if let count = Int(environment["ATTUNE_CRASH_ITERATIONS"] ?? "") { return count }
        return environment["CI"] == "true" ? 40 : 200
    }()
    static let linesPerChild = 400
    /// Children per store: each store then stays small enough to verify after every kill in
    /// constant time (verification reads every page), and the run starts a fresh store after them.
    static let childrenPerStore = 20
    static let time = "2026-11-22T10:00:00Z"

    struct Acknowledgement: Decodable { var id: Int64; var line: Int }
    struct ExportedItem: Decodable, Equatable { var kind: String; var text: String; var time: String }
    struct InputLine: Encodable { var kind = "utterance"; var text: String; var time = StoreCrashTests.time }

    /// What one child did: how it ended, what it acknowledged, what it wrote on standard error.
    struct ChildRun {
        var termination: SpawnedChild.Termination
        var killedByTest: Bool
        var acknowledgements: [Acknowledgement]
        var standardError: String
    }

    /// When to kill a child: once `acknowledgements` have arrived, and `delayUs` later (a commit takes
    /// about a millisecond, so the kill lands in one of the next commits or in a checkpoint).
    struct Kill { var acknowledgements: Int; var delayUs: UInt32 }

    /// Runs one child on `input`; `kill` nil lets it finish.
    static func runChild(db: String, keyFile: String, input: Data, kill: Kill?) throws -> ChildRun {
        // Without Swift's crash backtracer: it would outlive a crashed child holding its standard
        // output and error, and the crash is reported here by its signal.
        let child = try SpawnedChild(AttuneBinary.url.path, ["store", "append", "--db", db, "--key-file", keyFile, "--checkpoint-pages", "8"],
                                     environment: ["SWIFT_BACKTRACE": "enable=no"])
        let lock = NSLock()
        nonisolated(unsafe) var acknowledgements: [Acknowledgement] = []
        nonisolated(unsafe) var undecodable: [String] = []
        nonisolated(unsafe) var unfinishedLine = Data()
        nonisolated(unsafe) var errorText = Data()
        nonisolated(unsafe) var armed = false
        let armKill = DispatchSemaphore(value: 0)
        let killAt = kill?.acknowledgements ?? 1
        let group = DispatchGroup()
        let standardInput = child.standardInput, standardOutput = child.standardOutput, standardError = child.standardError
        DispatchQueue.global().async(group: group) {
            input.withUnsafeBytes { bytes in
                var done = 0
                while done < bytes.count {
                    let written = write(standardInput, bytes.baseAddress! + done, bytes.count - done)
                    if written < 0 && errno == EINTR { continue }
                    if written <= 0 { break }
                    done += written
                }
            }
            // The end of the input ends the child's loop (a child that gets there exits 0).
            SpawnedChild.endWriting(standardInput)
        }
        DispatchQueue.global().async(group: group) {
            var pending = Data()
            _ = SpawnedChild.readToEnd(standardOutput) { chunk in
                pending.append(chunk)
                while let newline = pending.firstIndex(of: 0x0A) {
                    let line = pending[pending.startIndex..<newline]
                    pending = Data(pending[(newline + 1)...])
                    lock.withLock {
                        if let ack = try? JSONDecoder().decode(Acknowledgement.self, from: Data(line)) {
                            acknowledgements.append(ack)
                            if acknowledgements.count == killAt {
                                armed = true
                                armKill.signal()
                            }
                        } else {
                            undecodable.append(String(decoding: line, as: UTF8.self))
                        }
                    }
                }
            }
            lock.withLock {
                unfinishedLine = pending
                // A child that ends before it gets there need not be waited for.
                if !armed { armKill.signal() }
            }
        }
        DispatchQueue.global().async(group: group) {
            let text = SpawnedChild.readToEnd(standardError)
            lock.withLock { errorText = text }
        }

        var failures: [String] = []
        if armKill.wait(timeout: .now() + 60) == .timedOut {
            failures.append("not \(killAt) acknowledgements within 60 s")
            child.killIfAlive()
        } else if !lock.withLock({ armed }) {
            failures.append("the child closed its standard output after \(lock.withLock { acknowledgements.count }) acknowledgements, before \(killAt)")
        } else if let kill {
            usleep(kill.delayUs)
            child.killIfAlive()
        }
        let termination = child.wait()
        if group.wait(timeout: .now() + 10) == .timedOut {
            failures.append("the child's standard streams stayed open 10 s after it ended")
            child.releaseStreams()
            group.wait()
        }
        return lock.withLock {
            // The kill can land between an acknowledgement and its newline (or within it): the item
            // of a whole acknowledgement was committed before it was written, so it must be there;
            // a cut one says nothing. Any child that ends on an unfinished line otherwise is wrong.
            if !unfinishedLine.isEmpty {
                if !child.wasKilledByTest {
                    undecodable.append(String(decoding: unfinishedLine, as: UTF8.self))
                } else if let ack = try? JSONDecoder().decode(Acknowledgement.self, from: unfinishedLine) {
                    acknowledgements.append(ack)
                }
            }
            var standardErrorText = String(decoding: errorText, as: UTF8.self)
            for failure in failures { standardErrorText += "[test] \(failure)\n" }
            for line in undecodable { standardErrorText += "[test] not an acknowledgement on standard output: \(line)\n" }
            return ChildRun(termination: termination, killedByTest: child.wasKilledByTest, acknowledgements: acknowledgements,
                            standardError: standardErrorText)
        }
    }

    /// Copies the store's files (not its shared-memory index) to `directory`, so that verifying and
    /// reading them leaves the original's WAL as it was.
    static func copyStore(_ db: String, to directory: URL) throws -> String {
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let copy = directory.appendingPathComponent("memory.db").path
        for suffix in ["", "-wal", "-journal", ".key"] where FileManager.default.fileExists(atPath: db + suffix) {
            try FileManager.default.copyItem(atPath: db + suffix, toPath: copy + suffix)
        }
        return copy
    }

    /// Verifies a copy of the store and returns what it holds, by id.
    static func verifiedContents(_ db: String, key: StoreKeySource, scratch: URL, after run: Int) throws -> [Int64: ExportedItem]? {
        let copy = try copyStore(db, to: scratch)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let report = try StoreVerifier.verify(at: copy, key: key)
        guard report.passed else {
            Issue.record("after child \(run): the store does not verify: \(report)")
            return nil
        }
        struct Line: Decodable { var id: Int64 }
        let store = try EncryptedStore.open(at: copy, key: key)
        var found: [Int64: ExportedItem] = [:]
        try store.exportJSONLines { line in
            let data = Data(line.utf8)
            found[try JSONDecoder().decode(Line.self, from: data).id] = try JSONDecoder().decode(ExportedItem.self, from: data)
        }
        try store.close()
        return found
    }

    @Test func everyAcknowledgedCommitSurvivesSIGKILL() throws {
        signal(SIGPIPE, SIG_IGN)
        let directory = try CLITestPaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let keyFile = directory.appendingPathComponent("store.keyfile").path
        #expect(FileManager.default.createFile(atPath: keyFile, contents: Data(repeating: 42, count: 32), attributes: [.posixPermissions: 0o600]))
        let db = directory.appendingPathComponent("memory.db").path
        let key = StoreKeySource.keyFile(path: keyFile)
        let scratch = directory.appendingPathComponent("verify")

        var expected: [Int64: ExportedItem] = [:]
        var generator = SystemRandomNumberGenerator()
        var kills = 0, finished = 0, acknowledgedBeforeKills = 0, acknowledged = 0, killsOfThisStore = 0
        // Child 0 runs to the end, unkilled: it must exit 0 having acknowledged every line.
        for run in 0...Self.iterations {
            if run % Self.childrenPerStore == 0 {
                for suffix in ["", "-wal", "-shm", "-journal", ".key"] { unlink(db + suffix) }
                try EncryptedStore.create(at: db, key: key).close()
                expected = [:]
                killsOfThisStore = 0
            }
            let texts = (0..<Self.linesPerChild).map { "run \(run) line \($0) " + String(repeating: "m", count: Int.random(in: 0..<600, using: &generator)) }
            let encoder = JSONEncoder()
            let input = try texts.reduce(into: Data()) { data, text in
                data.append(try encoder.encode(InputLine(text: text)))
                data.append(0x0A)
            }
            let kill = run == 0 ? nil : Kill(acknowledgements: Int.random(in: 1..<(Self.linesPerChild - 10), using: &generator),
                                             delayUs: UInt32.random(in: 0..<3_000, using: &generator))
            let child = try Self.runChild(db: db, keyFile: keyFile, input: input, kill: kill)
            acknowledged += child.acknowledgements.count
            for ack in child.acknowledgements {
                expected[ack.id] = ExportedItem(kind: "utterance", text: texts[ack.line - 1], time: Self.time)
            }
            let ranToTheEnd = child.termination == .exited(0) && child.acknowledgements.count == Self.linesPerChild
            guard child.standardError.isEmpty, child.killedByTest || ranToTheEnd else {
                let how = child.killedByTest ? "by the test's SIGKILL" : "with \(child.termination), not by a SIGKILL the test sent while it ran"
                Issue.record("child \(run) ended \(how) after \(child.acknowledgements.count) acknowledgements; standard error: \(child.standardError.isEmpty ? "empty" : child.standardError)")
                break
            }
            if run == 0 {
                // The unkilled child, checked above.
            } else if child.killedByTest {
                kills += 1
                killsOfThisStore += 1
                acknowledgedBeforeKills += child.acknowledgements.count
            } else {
                finished += 1
            }

            guard let found = try Self.verifiedContents(db, key: key, scratch: scratch, after: run) else { break }
            let missing = expected.filter { found[$0.key] != $0.value }
            #expect(missing.count == 0, "after child \(run): \(missing.count) acknowledged commits missing or changed, for example \(missing.first.map { "id \($0.key)" } ?? "")")
            // A killed child may have committed one line whose acknowledgement it never wrote; the
            // store holds nothing else that was not acknowledged.
            let unacknowledged = found.count - expected.count
            #expect(unacknowledged <= killsOfThisStore, "after child \(run): \(unacknowledged) items that were never acknowledged, more than the \(killsOfThisStore) kills of this store can leave")
            if !missing.isEmpty || unacknowledged > killsOfThisStore { break }
        }
        #expect(kills >= Self.iterations * 3 / 4, "most children must be killed by the test while they write (\(kills) of \(Self.iterations); \(finished) finished first)")
        #expect(kills == 0 || acknowledgedBeforeKills > kills * 2, "kills must land while lines are committed, not at the first one (\(acknowledgedBeforeKills) acknowledgements before \(kills) kills)")
        print("store crash test: \(kills) SIGKILLs sent by the test to running children (\(finished) of \(Self.iterations) finished first), after \(kills == 0 ? 0 : acknowledgedBeforeKills / kills) acknowledgements on average; \(acknowledged) acknowledged commits in \(Self.iterations / Self.childrenPerStore + 1) stores, all present with their content")
    }
}
