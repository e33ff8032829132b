import AttuneTestFixtures
import Foundation
import Testing

/// `attune demo` on the bundled recording and its transcript: the whole pipeline as the service runs it.
@Suite struct DemoCommandTests {
    private let recording: String
    private let transcript: String

    init() throws {
        recording = try TestFixture.path("Tests/Data/turn/turns-015.wav")
        transcript = try TestFixture.path("Tests/Data/turn/turns-015.transcript.jsonl")
    }

    private func scratch() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("attune-demo-test-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func theTimelineShowsTurnEventsWhatWasSaidAndEachContextThenErasesItsStore() throws {
        let temporary = try scratch()
        defer { try? FileManager.default.removeItem(atPath: temporary) }
        let result = try AttuneBinary.run(["demo", "--audio", recording, "--transcript", transcript], environment: ["TMPDIR": temporary])
        #expect(result.status == 0, "\(result.standardError)")
        let out = result.standardOutput
        #expect(out.contains("speech started at 0.48 s"))
        #expect(out.components(separatedBy: "END OF TURN").count - 1 == 5)
        #expect(out.contains("host → Attune: the person said \"Yes.\""))
        #expect(out.contains("the person said \"We stayed at home because, do you know what time it is?\""))
        #expect(out.components(separatedBy: "Attune → host: context for the reply").count - 1 == 5)
        #expect(out.contains("│ Reply: short (≤ 40 words)"))
        #expect(out.contains("intents: question"))
        #expect(out.components(separatedBy: "their voice: F0 ").count - 1 == 5, "each turn takes the voice of its utterance")
        #expect(out.contains("            voice: "), "the contexts weigh the voice the recording gave")
        #expect(out.contains("Remembered ("), "a later context recalls an earlier turn")
        #expect(out.contains("18 turn events, 5 contexts, 0 hand-offs; the throw-away store was erased."))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty, "the throw-away store is gone")
    }

    @Test func jsonGivesTheWireMessagesInOrderWithTheVoiceOfEachTurn() throws {
        let result = try AttuneBinary.run(["demo", "--audio", recording, "--transcript", transcript, "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = try result.standardOutput.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let types = lines.map { ($0["direction"] as? String ?? "?") + ":" + (($0["message"] as? [String: Any])?["type"] as? String ?? "?") }
        #expect(types.first == "service:speech_start")
        #expect(types.filter { $0 == "service:end_of_turn" }.count == 5)
        #expect(types.filter { $0 == "host:transcript" }.count == 5)
        // Each final transcript comes right after its end of turn, and its context right after it.
        for (index, type) in types.enumerated() where type == "host:transcript" {
            #expect(types[index - 1] == "service:end_of_turn" && types[index + 1] == "service:context")
        }
        let voices = lines.filter { $0["direction"] as? String == "host" }.compactMap { $0["voice"] as? [String: Any] }
        #expect(voices.count == 5 && voices.allSatisfy { ($0["f0MeanHz"] as? Double).map { (70...400).contains($0) } == true })
        let times = lines.compactMap { $0["t"] as? Double }
        #expect(times.count == lines.count && times == times.sorted())
        let contexts = lines.compactMap { ($0["message"] as? [String: Any]).flatMap { $0["type"] as? String == "context" ? $0 : nil } }
        let guidance = try #require((contexts.first?["context"] as? [String: Any])?["guidance"] as? [String: Any])
        #expect(guidance["maxWords"] as? Int == 40 && (contexts.first?["prompt"] as? String)?.hasPrefix("Rapport context") == true)
        let signals = contexts.compactMap { (($0["context"] as? [String: Any])?["affect"] as? [String: Any])?["signals"] as? [[String: Any]] }
        #expect(signals.count == 5 && signals.allSatisfy { $0.contains { $0["source"] as? String == "voice" } })
    }

    @Test func aHandoffInTheTranscriptIsShownTheMomentItIsRaised() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let original = try String(contentsOfFile: transcript, encoding: .utf8)
        let crisis = original.replacingOccurrences(of: "Maybe tomorrow.", with: "I want to end my life.")
        try crisis.write(toFile: directory + "/crisis.jsonl", atomically: true, encoding: .utf8)
        let result = try AttuneBinary.run(["demo", "--audio", recording, "--transcript", directory + "/crisis.jsonl"])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n").map(String.init)
        let said = try #require(lines.firstIndex { $0.contains("the person said \"I want to end my life.\"") })
        #expect(lines[said + 2].contains("HAND-OFF (suicidal_thoughts): point them to human help now"), "\(lines[said + 2])")
        #expect(lines.contains { $0.contains("│ SAFETY FIRST") })
        #expect(result.standardOutput.contains("5 contexts, 1 hand-off;"))
    }

    @Test func aBadTranscriptLineIsNamed() throws {
        let directory = try scratch()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "{\"t\": 0.5, \"text\": \"Hi\"}\n{\"t\": \"soon\"}\n".write(toFile: directory + "/bad.jsonl", atomically: true, encoding: .utf8)
        let result = try AttuneBinary.run(["demo", "--audio", recording, "--transcript", directory + "/bad.jsonl"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("bad.jsonl:2: not a {\"t\": seconds, \"text\": \"…\"} object"), "\(result.standardError)")
    }
}
