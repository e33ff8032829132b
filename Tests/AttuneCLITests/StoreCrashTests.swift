import AttuneStore
import Foundation
import Testing

/// Kill -9 at random moments: a child `attune store append` commits lines and acknowledges each on
/// its standard output; the test kills it with SIGKILL after a random delay (while it opens, recovers
/// the WAL, commits, or checkpoints every 8 WAL pages), then reopens the store, verifies every page, and checks that
/// every acknowledged line is there with its text. The default of 200 kills keeps CI short; set
/// ATTUNE_CRASH_ITERATIONS (for example 2000) for a longer run.
@Suite struct StoreCrashTests {
    static let iterations = Int(ProcessInfo.processInfo.environment["ATTUNE_CRASH_ITERATIONS"] ?? "") ?? 200

    struct Acknowledgement: Decodable { var id: Int64; var line: Int }

    @Test func everyAcknowledgedCommitSurvivesSIGKILL() throws {
        signal(SIGPIPE, SIG_IGN)
        let directory = try CLITestPaths.temporaryDirectory()
        let keyFile = directory.appendingPathComponent("store.keyfile").path
        #expect(FileManager.default.createFile(atPath: keyFile, contents: Data(repeating: 42, count: 32), attributes: [.posixPermissions: 0o600]))
        let db = directory.appendingPathComponent("memory.db").path
        let key = StoreKeySource.keyFile(path: keyFile)
        try EncryptedStore.create(at: db, key: key).close()

        var expected: [Int64: String] = [:]
        var generator = SystemRandomNumberGenerator()
        var killedWhileWriting = 0
        for run in 0..<Self.iterations {
            let texts = (0..<400).map { "run \(run) line \($0) " + String(repeating: "m", count: Int.random(in: 0..<600, using: &generator)) }
            let input = Data(texts.map { "{\"kind\":\"utterance\",\"text\":\"\($0)\",\"time\":\"2026-11-22T10:00:00Z\"}\n" }.joined().utf8)
            let process = Process()
            process.executableURL = AttuneBinary.url
            // A checkpoint every few commits, so that kills also land in checkpoints.
            process.arguments = ["store", "append", "--db", db, "--key-file", keyFile, "--checkpoint-pages", "8"]
            let stdin = Pipe(), stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = FileHandle.nullDevice
            try process.run()
            let writeEnd = stdin.fileHandleForWriting.fileDescriptor
            DispatchQueue.global().async {
                input.withUnsafeBytes { bytes in
                    var done = 0
                    while done < bytes.count {
                        let written = write(writeEnd, bytes.baseAddress! + done, bytes.count - done)
                        if written <= 0 { break }
                        done += written
                    }
                }
                try? stdin.fileHandleForWriting.close()
            }
            usleep(UInt32.random(in: 0..<120_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            let output = stdout.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if process.terminationReason == .uncaughtSignal { killedWhileWriting += 1 }
            for line in output.split(separator: 0x0A) {
                let ack = try JSONDecoder().decode(Acknowledgement.self, from: Data(line))
                expected[ack.id] = texts[ack.line - 1]
            }

            let report = try StoreVerifier.verify(at: db, key: key)
            #expect(report.passed, "after kill \(run): \(report)")
            let store = try EncryptedStore.open(at: db, key: key)
            var found: [Int64: String] = [:]
            try store.exportJSONLines { line in
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                found[(object["id"] as! NSNumber).int64Value] = object["text"] as? String
            }
            try store.close()
            let missing = expected.filter { found[$0.key] != $0.value }
            #expect(missing.isEmpty, "after kill \(run): \(missing.count) acknowledged commits missing or changed")
            if !missing.isEmpty || !report.passed { break }
        }
        #expect(killedWhileWriting >= Self.iterations * 3 / 4, "most kills must land while the child runs")
        #expect(expected.count > Self.iterations, "commits were acknowledged")
        print("store crash test: \(Self.iterations) kills, \(killedWhileWriting) while the child ran, \(expected.count) acknowledged commits, all present")
    }
}
