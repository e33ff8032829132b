import AttuneAudio
import AttuneMemory
import AttuneRapport
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

        /// - Parameter worker: embed waiting turns ahead on a second thread (`SentenceVectorWorker`).
        init(worker: Bool = false) throws {
            directory = FileManager.default.temporaryDirectory.appendingPathComponent("attune-pipeline-\(UUID().uuidString)").path
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let keyPath = directory + "/store.keyfile"
            var generator = SystemRandomNumberGenerator()
            guard FileManager.default.createFile(atPath: keyPath, contents: Data((0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }),
                                                 attributes: [.posixPermissions: 0o600]) else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: keyPath]) }
            store = try EncryptedStore.create(at: directory + "/memory.db", key: .keyFile(path: keyPath))
            let loaded = try CommandResources.loadEmbedder(threads: 1, budget: budget)
            let memory = try CommandResources.openMemory(store: store, timeZone: "UTC", budget: budget, embedder: loaded)
            let rapport = try RapportEngine(memory: memory, affect: try CommandResources.loadTextAffect())
            let vectorWorker = try worker ? SentenceVectorWorker(tokenizer: loaded.tokenizer, weights: loaded.embedder.weights) : nil
            pipeline = try Pipeline(rapport: rapport, turnModels: try CommandResources.loadTurnModels(budget: budget), budget: budget,
                                    vectorWorker: vectorWorker, nowMs: { RFC3339Time.parse("2026-12-04T18:00:00Z")! })
        }

        deinit {
            try? store.close()
            try? FileManager.default.removeItem(atPath: directory)
        }
    }

    private func decode(_ text: String) throws -> HostMessage {
        try #require(try HostMessageDecoder().decode(Array(text.utf8)))
    }

    /// Turns waiting in a batch are embedded ahead on the worker's thread: the vectors are the
    /// engine's own, bit for bit, so every answer is what the one-thread pipeline gives.
    @Test func batchedTurnsEmbeddedOnTwoThreadsGetTheSameAnswers() throws {
        let single = try Sandbox(), batched = try Sandbox(worker: true)
        let worker = try #require(batched.pipeline.vectorWorker)
        // The last is longer than the worker's 64-token scratch: the loop embeds it.
        let long = Array(repeating: "and then we walked along the river to the old mill", count: 8).joined(separator: ", ")
        let texts = ["My sister Karen's birthday is on March 3rd", "I'm dreading the dentist tomorrow", "Priya lends me her ladder on Saturday", long]
        let memory = try #require(single.pipeline.memory)
        #expect(worker.vectors(of: texts, local: memory.queryVector) == texts.map(memory.queryVector))
        let lines = [
            #"{"type":"transcript","text":"My sister Karen's birthday is on March 3rd","time":"2026-12-04T18:00:00Z","id":"1"}"#,
            #"{"type":"assistant_turn","text":"I'll remember Karen's birthday.","time":"2026-12-04T18:00:05Z","id":"2"}"#,
            #"{"type":"transcript","text":"I'm dreading the dentist tomorrow","speaker":"sam","time":"2026-12-04T18:00:09Z","id":"3"}"#,
            #"{"type":"transcript","text":"not final yet","final":false}"#,
            #"{"type":"transcript","text":"Priya lends me her ladder on Saturday","time":"2026-12-04T18:00:12Z","id":"4"}"#,
        ]
        let messages = try lines.map(decode)
        var expected: [Pipeline.Output] = [], got: [Pipeline.Output] = []
        for message in messages { expected.append(try single.pipeline.handle(message)) }
        for (index, message) in messages.enumerated() {
            batched.pipeline.prepareVectors(for: messages[index...])
            got.append(try batched.pipeline.handle(message))
        }
        #expect(got == expected)
        #expect(batched.pipeline.memory?.indexedCount == 4)
    }

    /// The worker embeds the turns behind the next one while the loop is busy, leaves the next one
    /// to the loop, drops what is no longer upcoming and holds no more than its limit.
    @Test func theWorkerEmbedsAheadWhatWaitsBehindTheNextTurn() throws {
        let batched = try Sandbox(worker: true)
        let worker = try #require(batched.pipeline.vectorWorker)
        let memory = try #require(batched.pipeline.memory)
        let texts = (0..<12).map { "turn \($0): my neighbour lends me a ladder on Saturday" }
        worker.embedAhead(Array(texts[1...]), next: texts[0])
        worker.waitUntilIdle()
        #expect(worker.heldCount == SentenceVectorWorker.aheadLimit, "at most the limit is held")
        #expect(worker.take(texts[0]) == nil, "the next turn is the caller's")
        for text in texts[1...8] { #expect(worker.take(text) == memory.queryVector(text), "made ahead, bit for bit") }
        #expect(worker.take(texts[9]) == nil && worker.heldCount == 0)
        // Made for turns that are no longer upcoming: dropped at the next hand-over.
        worker.embedAhead([texts[10], texts[11]])
        worker.waitUntilIdle()
        worker.embedAhead([texts[11]], next: texts[0])
        #expect(worker.heldCount == 1 && worker.take(texts[11]) == memory.queryVector(texts[11]))
    }

    @Test func aFinalTranscriptGetsItsContextAndIsRecalledAndForgotten() throws {
        let sandbox = try Sandbox()
        let partial = try sandbox.pipeline.handle(decode(#"{"type":"transcript","text":"my sister Karen","final":false}"#))
        #expect(partial == Pipeline.Output())
        let said = try sandbox.pipeline.handle(decode(#"{"type":"transcript","text":"My sister Karen's birthday is on March 3rd","id":"t1"}"#))
        guard case .context(let answer) = try #require(said.replies.first) else { Issue.record("expected context, got \(said)"); return }
        #expect(answer.id == "t1")
        #expect(answer.context.speaker == "user")
        #expect(answer.context.time == "2026-12-04T18:00:00Z")
        #expect(!answer.context.flags.handoff.raised && said.events.isEmpty)
        #expect(answer.prompt == ContextPromptRenderer().render(answer.context))
        #expect(sandbox.pipeline.memory?.indexedCount == 1)

        let assistant = try sandbox.pipeline.handle(decode(#"{"type":"assistant_turn","text":"I'll remember Karen's birthday.","time":"2026-12-04T18:00:05Z","id":"a"}"#))
        #expect(assistant.replies == [.noted(.init(time: "2026-12-04T18:00:05Z", id: "a"))])

        let recalled = try sandbox.pipeline.handle(decode(#"{"type":"recall","query":"when is Karen's birthday","id":"r"}"#))
        guard case .recall(let recall) = try #require(recalled.replies.first) else { Issue.record("expected recall"); return }
        #expect(recall.id == "r")
        #expect(recall.answer.results.contains { $0.source.text == "My sister Karen's birthday is on March 3rd" })

        let forgotten = try sandbox.pipeline.handle(decode(#"{"type":"forget","text":"Karen"}"#))
        guard case .forgotten(let gone) = try #require(forgotten.replies.first) else { Issue.record("expected forgotten"); return }
        #expect(gone.forgot.count == 2)
        #expect(sandbox.pipeline.memory?.indexedCount == 0)

        let stats = sandbox.pipeline.stats(clients: 1, id: nil)
        #expect(Set(stats.stages.map(\.stage)) == ["context", "assistant_turn", "recall", "forget"])
        #expect(stats.stages.allSatisfy { $0.count == 1 && $0.p50Ms > 0 && $0.p99Ms >= $0.p50Ms })
        #expect(stats.memory.chargedBytes == sandbox.budget.used.bytes)
        #expect(stats.memory.consumers.contains { $0.name == "stage latency histograms" })
    }

    @Test func aHandoffIsItsOwnEventForEveryHost() throws {
        let sandbox = try Sandbox()
        let output = try sandbox.pipeline.handle(decode(#"{"type":"transcript","text":"I wish I could go to sleep and not wake up","time":"2026-12-04T18:00:00Z"}"#))
        guard case .handoff(let handoff) = try #require(output.events.first) else { Issue.record("expected a handoff event, got \(output)"); return }
        #expect(handoff.handoff.raised && !handoff.handoff.resources.isEmpty)
        guard case .context(let answer) = try #require(output.replies.first) else { Issue.record("expected context"); return }
        #expect(answer.context.flags.handoff == handoff.handoff)
    }

    @Test func aHostSetsReducedIntensityAndTheNextContextSaysSo() throws {
        let sandbox = try Sandbox()
        let set = try sandbox.pipeline.handle(decode(#"{"type":"set","intensity":"reduced","preferences":{"brevity":true},"id":"s1"}"#))
        guard case .set(let answer) = try #require(set.replies.first) else { Issue.record("expected set, got \(set)"); return }
        #expect(answer.id == "s1" && answer.speaker == "user")
        #expect(answer.adjustments.map(\.field) == ["preference.brevity", "intensity"])
        #expect(answer.adjustments.allSatisfy { $0.cause == ContextSignal(source: "preference", text: "set by the host") })
        #expect(String(decoding: ServiceMessage.set(answer).encodedLine(), as: UTF8.self).hasPrefix(#"{"adjustments":[{"cause""#))

        let output = try sandbox.pipeline.handle(decode(#"{"type":"transcript","text":"I finally finished the marathon!","time":"2026-12-04T18:00:00Z"}"#))
        guard case .context(let context) = try #require(output.replies.first) else { Issue.record("expected context"); return }
        #expect(context.context.guidance.intensity == "reduced")
        #expect(context.context.adjustments.prefix(2).map(\.field) == ["preference.brevity", "intensity"])
        #expect(context.prompt.contains("low intensity"))

        // Shown once: the context after it keeps the setting but no longer lists it as a change.
        let again = try sandbox.pipeline.handle(decode(#"{"type":"transcript","text":"My legs are sore.","time":"2026-12-04T18:01:00Z"}"#))
        guard case .context(let second) = try #require(again.replies.first) else { Issue.record("expected context"); return }
        #expect(second.context.guidance.intensity == "reduced")
        #expect(!second.context.adjustments.contains { $0.cause.text == "set by the host" })
    }

    @Test func pendingHostAdjustmentsAreBounded() throws {
        let sandbox = try Sandbox()
        for index in 0..<70 {
            _ = try sandbox.pipeline.handle(decode(#"{"type":"set","speaker":"p\#(index)","intensity":"reduced"}"#))
        }
        for index in 0..<10 {
            _ = try sandbox.pipeline.handle(decode(#"{"type":"set","speaker":"sam","intensity":"\#(index % 2 == 0 ? "reduced" : "normal")"}"#))
        }
        let output = try sandbox.pipeline.handle(decode(#"{"type":"transcript","speaker":"sam","text":"Hello.","time":"2026-12-04T18:00:00Z"}"#))
        guard case .context(let answer) = try #require(output.replies.first) else { Issue.record("expected context"); return }
        #expect(answer.context.adjustments.filter { $0.cause.text == "set by the host" }.count == 8)
        #expect(answer.context.guidance.intensity == "normal", "the last set holds")
    }

    @Test func theProtocolsSettingNamesAreTheEngines() {
        #expect(HostMessage.Settings.intensities == RapportEngine.Settings.Intensity.allCases.map(\.rawValue))
        #expect(HostMessage.Settings.preferenceNames == UtteranceReading.PreferenceChange.Preference.allCases.map(\.rawValue))
    }

    @Test func aTurnOutOfTimeOrderIsRefusedAndStoresNothing() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.pipeline.handle(decode(#"{"type":"transcript","text":"I walk the dog at seven","time":"2026-12-04T18:00:00Z"}"#))
        #expect(throws: ProtocolError.self) {
            try sandbox.pipeline.handle(decode(#"{"type":"transcript","text":"Earlier words","time":"2026-12-04T17:00:00Z"}"#))
        }
        #expect(sandbox.pipeline.memory?.indexedCount == 1)
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

        // The final transcript of that utterance carries its voice into the person's model.
        let said = try sandbox.pipeline.handle(decode(#"{"type":"transcript","text":"Author of the danger trail, Philip Steels, etc."}"#))
        guard case .context = try #require(said.replies.first) else { Issue.record("expected context, got \(said)"); return }
        let voices = try #require(sandbox.pipeline.rapport).model(of: "user").voice
        #expect(voices.count == 1)
        let heard = try #require(voices.first)
        #expect((70.0...400.0).contains(heard.f0MeanHz ?? 0), "\(heard)")
        #expect((1.0...8.0).contains(heard.speechRateSylPerSec ?? 0), "\(heard)")
        #expect((heard.f0RangeSemitones ?? 0) > 0 && heard.loudnessDb != nil, "\(heard)")
        // Taken once: the next transcript has no voice of its own.
        _ = try sandbox.pipeline.handle(decode(#"{"type":"transcript","text":"And another thing."}"#))
        #expect(try sandbox.pipeline.rapport!.model(of: "user").voice.count == 1)
    }

    @Test func badAudioAndAMissingStoreAreErrorsNotCrashes() throws {
        let sandbox = try Sandbox()
        #expect(throws: ProtocolError(.badField, "\"data\" is not base64 (RFC 4648, with padding)", field: "data")) {
            try sandbox.pipeline.handle(decode(#"{"type":"audio","data":"@@@"}"#))
        }
        #expect(throws: ProtocolError.self) { try sandbox.pipeline.handle(decode(#"{"type":"audio","data":"AA=="}"#)) }
        let bare = try Pipeline(rapport: nil, turnModels: try CommandResources.loadTurnModels(budget: MemoryBudget()), budget: MemoryBudget())
        #expect(throws: ProtocolError.self) { try bare.handle(decode(#"{"type":"recall","query":"anything"}"#)) }
    }
}
