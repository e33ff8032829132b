import AttuneAudio
import AttuneMemory
import AttuneStore
import AttuneTestFixtures
import Foundation
import Testing
@testable import AttuneRuntime

/// The pipeline over a real encrypted store, the real int8 embedder and the real turn models.
@Suite struct PipelineTests {
    /// A fresh store with a random key file, and a pipeline over it.
    final class Sandbox {
        let directory: String
        let store: EncryptedStore
        let pipeline: Pipeline
        let budget = MemoryBudget()

        init() throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("attune-pipeline-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let keyPath = directory + "/store.keyfile"
            var generator = SystemRandomNumberGenerator()
            FileManager.default.createFile(atPath: keyPath, contents: Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }),
                                           attributes: [.posixPermissions: 0o600])
            store = try EncryptedStore.create(at: directory + "/memory.db", key: .keyFile(path: keyPath))
            let memory = try CommandResources.openMemory(store: store, timeZone: "UTC", budget: budget)
            pipeline = try Pipeline(memory: memory, turnModels: try CommandResources.loadTurnModels(budget: budget), budget: budget,
                                    nowMs: { RFC3339Time.parse("2026-12-04T18:00:00Z")! })
        }

        deinit {
            try? store.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    private func decode(_ text: String) throws -> HostMessage {
        try #require(try HostMessageDecoder().decode(Array(text.utf8)))
    }

    @Test func aFinalTranscriptIsRememberedAndRecalledAndForgotten() throws {
        let sandbox = try Sandbox()
        let partial = try sandbox.pipeline.handle(decode(#"{"type":"transcript","text":"my sister Karen","final":false}"#))
        #expect(partial == Pipeline.Output())
        let said = try sandbox.pipeline.handle(decode(#"{"type":"transcript","text":"My sister Karen's birthday is on March 3rd","id":"t1"}"#))
        guard case .observed(let observed) = try #require(said.replies.first) else { Issue.record("expected observed, got \(said)"); return }
        #expect(observed.id == "t1")
        #expect(observed.memory.speaker == "user")
        #expect(observed.memory.time == "2026-12-04T18:00:00Z")
        #expect(observed.memory.id > 0)

        let recalled = try sandbox.pipeline.handle(decode(#"{"type":"recall","query":"when is Karen's birthday","id":"r"}"#))
        guard case .recall(let recall) = try #require(recalled.replies.first) else { Issue.record("expected recall"); return }
        #expect(recall.id == "r")
        #expect(recall.answer.results.contains { $0.source.id == observed.memory.id })

        let forgotten = try sandbox.pipeline.handle(decode(#"{"type":"forget","text":"Karen"}"#))
        guard case .forgotten(let gone) = try #require(forgotten.replies.first) else { Issue.record("expected forgotten"); return }
        #expect(gone.forgot.map(\.id) == [observed.memory.id])
        #expect(sandbox.pipeline.memory?.indexedCount == 0)

        let stats = sandbox.pipeline.stats(clients: 1, id: nil)
        #expect(Set(stats.stages.map(\.stage)) == ["observe", "recall", "forget"])
        #expect(stats.stages.allSatisfy { $0.count == 1 && $0.p50Ms > 0 && $0.p99Ms >= $0.p50Ms })
        #expect(stats.memory.chargedBytes == sandbox.budget.used.bytes)
        #expect(stats.memory.consumers.contains { $0.name == "stage latency histograms" })
    }

    @Test func pushedAudioGivesTheTurnEventsOfTheFile() throws {
        let sandbox = try Sandbox()
        let path = try TestFixture.path(TestFixture.speechDirectory + "/arctic_a0007.wav")
        let samples = try WAVFileSource(path: path).readAll()
        var events: [ServiceMessage] = []
        // 100 ms messages, as a host that owns the microphone would send them.
        for start in stride(from: 0, to: samples.count, by: 1600) {
            let chunk = samples[start..<min(start + 1600, samples.count)]
            var bytes = [UInt8]()
            for sample in chunk {
                let value = Int16(max(-32768, min(32767, (sample * 32768).rounded())))
                bytes.append(UInt8(truncatingIfNeeded: value))
                bytes.append(UInt8(truncatingIfNeeded: value >> 8))
            }
            let line = #"{"type":"audio","data":""# + Data(bytes).base64EncodedString() + #""}"#
            events += try sandbox.pipeline.handle(decode(line)).events
        }
        events += sandbox.pipeline.finishAudio()
        let types = events.compactMap { message -> String? in
            if case .turnEvent(let event) = message { return event.type }
            return nil
        }
        #expect(types.first == "speech_start")
        #expect(types.last == "end_of_turn")
        #expect(abs(sandbox.pipeline.audioSeconds - Double(samples.count) / 16000) < 0.01)
        #expect(sandbox.pipeline.stats(clients: 0, id: nil).audio.source == "host")
        #expect(sandbox.pipeline.finishAudio().isEmpty)
    }

    @Test func badAudioAndAMissingStoreAreErrorsNotCrashes() throws {
        let sandbox = try Sandbox()
        #expect(throws: ProtocolError(.badField, "\"data\" is not base64 (RFC 4648, with padding)", field: "data")) {
            try sandbox.pipeline.handle(decode(#"{"type":"audio","data":"@@@"}"#))
        }
        #expect(throws: ProtocolError.self) { try sandbox.pipeline.handle(decode(#"{"type":"audio","data":"AA=="}"#)) }
        let bare = try Pipeline(memory: nil, turnModels: try CommandResources.loadTurnModels(budget: MemoryBudget()), budget: MemoryBudget())
        #expect(throws: ProtocolError.self) { try bare.handle(decode(#"{"type":"recall","query":"anything"}"#)) }
    }
}
