import Foundation
import Testing

/// `attune turns` and `attune listen` end to end: the documented JSON, transcripts, bad input, and a
/// live device (ALSA's file plugin) with the host announcing its playback on standard input.
@Suite struct TurnsCommandTests {
    static let data = CLITestPaths.repositoryRoot.appendingPathComponent("Tests/Data/turn")
    static let wav = data.appendingPathComponent("turns-015.wav").path
    static let transcript = data.appendingPathComponent("turns-015.transcript.jsonl").path

    static func events(_ output: String) throws -> [[String: Any]] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        return try #require(document["events"] as? [[String: Any]])
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let result = try AttuneBinary.run(["turns", Self.wav, "--json", "--transcript", Self.transcript])
        #expect(result.status == 0, "\(result.standardError)")
        let events = try Self.events(result.standardOutput)
        #expect(events.first?["type"] as? String == "speech_start")
        let ends = events.filter { $0["type"] as? String == "end_of_turn" }
        #expect(ends.count == 5)   // turns-015 has five turns (Tests/Data/turn/labels.json)
        for end in ends {
            let t = try #require(end["t"] as? Double), speechEnd = try #require(end["speechEndT"] as? Double)
            #expect(t > speechEnd)
            #expect((end["p"] as? Double).map { (0...1).contains($0) } == true)
            let cues = try #require(end["cues"] as? [String])
            #expect(!cues.isEmpty)
            #expect(end["latencyMs"] as? Int == Int(((t - speechEnd) * 1000).rounded()))
            #expect(end["suggestedDelayMs"] is Int)
        }
        for event in events { #expect(event["t"] is Double) }
    }

    /// `attune turns` runs on the service's `Pipeline`; what it prints is held to the output recorded
    /// before it did (Tests/Data/turn/output/, made by tools/turn/make_turns_output.sh), byte for byte.
    @Test(arguments: [
        (["turns-015.wav", "--json", "--transcript", "turns-015.transcript.jsonl"], "turns-015.transcript.json"),
        (["turns-035.wav"], "turns-035.txt"),
        (["turns-015.wav", "--features", "--transcript", "turns-015.transcript.jsonl"], "turns-015.features.jsonl"),
    ])
    func outputIsByteIdenticalToTheRecordedReference(arguments: [String], reference: String) throws {
        let paths = arguments.map { $0.hasPrefix("--") ? $0 : Self.data.appendingPathComponent($0).path }
        let expected = try Data(contentsOf: Self.data.appendingPathComponent("output/" + reference))
        let result = try AttuneBinary.run(["turns"] + paths)
        #expect(result.status == 0, "\(result.standardError)")
        #expect(Data(result.standardOutput.utf8) == expected, "attune turns \(arguments.joined(separator: " ")) differs from output/\(reference)")
    }

    @Test func readableLinesWithoutJSON() throws {
        let result = try AttuneBinary.run(["turns", Self.wav])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("END OF TURN"))
        #expect(result.standardOutput.contains("speech started at"))
    }

    @Test func rawStandardInputGivesTheSameEventsAsTheWAV() throws {
        let samples = try Data(contentsOf: URL(fileURLWithPath: Self.wav)).dropFirst(44)
        let fromFile = try AttuneBinary.run(["turns", Self.wav, "--json"])
        let fromStdin = try AttuneBinary.run(["turns", "-", "--json"], standardInput: Data(samples))
        #expect(fromStdin.status == 0, "\(fromStdin.standardError)")
        #expect(fromStdin.standardOutput == fromFile.standardOutput)
    }

    @Test func transcriptFilesThatDoNotParseAreRefusedWithTheLine() throws {
        let directory = try CLITestPaths.temporaryDirectory()
        let cases = [
            ("bad-json", "{\"t\": 0.5, \"text\": \"hello\"}\n{\"t\": 1.0, \"text\": \"and\"\n", ":2: not a JSON object"),
            ("no-time", "{\"text\": \"hello\"}\n", ":1: \"t\" must be a number"),
            ("backwards", "{\"t\": 2, \"text\": \"a\"}\n{\"t\": 1, \"text\": \"b\"}\n", ":2: t goes back in time"),
            ("no-text", "{\"t\": 2, \"words\": \"a\"}\n", ":1: \"text\" must be a string"),
        ]
        for (name, contents, message) in cases {
            let path = directory.appendingPathComponent("\(name).jsonl").path
            try contents.write(toFile: path, atomically: true, encoding: .utf8)
            let result = try AttuneBinary.run(["turns", Self.wav, "--transcript", path])
            #expect(result.status != 0)
            #expect(result.standardError.contains(path + message), "\(name): \(result.standardError)")
            #expect(result.standardOutput.isEmpty)
        }
        let missing = try AttuneBinary.run(["turns", Self.wav, "--transcript", directory.appendingPathComponent("none.jsonl").path])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("cannot read the transcript file"))
    }

    @Test func malformedWAVsAndModelsAreOneClearLine() throws {
        let directory = try CLITestPaths.temporaryDirectory()
        let truncated = directory.appendingPathComponent("truncated.wav")
        try Data(contentsOf: URL(fileURLWithPath: Self.wav)).prefix(30).write(to: truncated)
        let wavResult = try AttuneBinary.run(["turns", truncated.path, "--json"])
        #expect(wavResult.status != 0)
        #expect(wavResult.standardError.split(separator: "\n").count == 1, "\(wavResult.standardError)")
        #expect(wavResult.standardError.contains(truncated.path))
        #expect(wavResult.standardOutput.isEmpty)

        let model = directory.appendingPathComponent("model.json")
        try Data("{\"weights\": [1, 2".utf8).write(to: model)
        let modelResult = try AttuneBinary.run(["turns", Self.wav, "--model", model.path])
        #expect(modelResult.status != 0)
        #expect(modelResult.standardError.contains("end-of-turn model \(model.path) is malformed"))
        #expect(modelResult.standardError.contains("tools/turn/fit_end_of_turn.py"))
    }

    @Test func vadProbabilitiesAreOnePerChunk() throws {
        let result = try AttuneBinary.run(["turns", Self.wav, "--vad-probabilities"])
        #expect(result.status == 0)
        let lines = result.standardOutput.split(separator: "\n")
        let samples = (try Data(contentsOf: URL(fileURLWithPath: Self.wav)).count - 44) / 2
        #expect(lines.count == (samples + 511) / 512)
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["chunk"] as? Int == 0)
        #expect((first["p"] as? Double).map { $0 < 0.1 } == true)   // the file opens with 0.5 s of silence
    }

    /// Live: the assistant's playback starts (a line on stdin) and the person speaks over it.
    @Test func listenReportsBargeInDuringHostPlayback() throws {
        let directory = try CLITestPaths.temporaryDirectory()
        let raw = directory.appendingPathComponent("in.raw")
        try Data(contentsOf: URL(fileURLWithPath: Self.wav)).dropFirst(44).write(to: raw)
        let config = directory.appendingPathComponent("asound.conf")
        try """
            pcm.turns_s16 {
              type file
              slave.pcm "null"
              file "/dev/null"
              infile "\(raw.path)"
              format "raw"
            }

            """.write(to: config, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = AttuneBinary.url
        process.arguments = ["listen", "--device", "turns_s16"]
        process.environment = ProcessInfo.processInfo.environment.merging(
            ["ALSA_CONFIG_PATH": "/usr/share/alsa/alsa.conf:\(config.path)"]) { $1 }
        let out = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        process.standardInput = input
        try process.run()
        input.fileHandleForWriting.write(Data("not json\n{\"type\":\"playback_start\"}\n".utf8))
        var received = Data()
        // Enforced, not polled: a child that never reports barge-in (or ignores SIGINT) is killed at
        // the deadline, which ends the blocking reads below.
        let deadline = ChildProcessDeadline(process, seconds: 60)
        while !String(decoding: received, as: UTF8.self).contains("barge_in") {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        kill(process.processIdentifier, SIGINT)
        try input.fileHandleForWriting.close()
        received += out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        deadline.finish()
        #expect(!deadline.passed, "attune listen was still running after \(deadline.seconds) s and was killed")
        #expect(process.terminationStatus == 0)
        let lines = try String(decoding: received, as: UTF8.self).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let types = lines.compactMap { $0["type"] as? String }
        #expect(types.first == "error")   // the line that was not JSON, answered and otherwise ignored
        #expect(lines.first?["line"] as? Int == 1 && lines.first?["code"] as? String == "malformed")
        #expect(types.contains("speech_start"))
        #expect(types.contains("barge_in"))
    }
}
