import AttuneRapport
import Foundation
import Testing

/// A host's `set`: the next context follows it, it survives a restart, and the person's own words
/// still change it afterwards.
@Suite struct RapportSettingsTests {
    @Test func reducedIntensityFromTheHostHoldsAcrossARestartUntilLifted() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        let before = try sandbox.say("2025-01-13T08:10:00Z", "I got the job!!! I can't believe it!")
        #expect(before.guidance.intensity == "normal")

        let adjustments = try sandbox.engine.set(speaker: "User", .init(intensity: .reduced), by: "my-assistant",
                                                 atMs: 1_736_755_900_000)
        #expect(adjustments == [ContextAdjustment(field: "intensity", value: "reduced",
                                                  cause: ContextSignal(source: "preference", text: "set by my-assistant"))])
        let next = try sandbox.say("2025-01-13T08:12:00Z", "We're celebrating tonight!")
        #expect(next.guidance.intensity == "reduced")
        #expect(next.guidance.instructions.contains { $0.contains("low-key") })
        // The explanation names the host, not words the person never said.
        let why = try #require(next.explanations.first { $0.about == "guidance.intensity" })
        #expect(why.text.contains("set by my-assistant") && !why.text.contains("You asked"), "\(why)")
        #expect(why.signals.map(\.text).allSatisfy { $0.hasPrefix("set by my-assistant on ") }, "\(why.signals)")

        try sandbox.reopen()
        let later = try sandbox.say("2025-01-14T08:10:00Z", "Morning! What's the weather like?")
        #expect(later.guidance.intensity == "reduced")

        try sandbox.engine.set(speaker: "user", .init(intensity: .normal), atMs: 1_736_842_300_000)
        #expect(try sandbox.say("2025-01-14T08:12:00Z", "And tomorrow?").guidance.intensity == "normal")
    }

    @Test func preferencesFromTheHostShortenRepliesAndExcludeEachOther() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        let question = "Can you explain how a heat pump works and whether it would suit an old stone house?"
        let normal = try sandbox.say("2025-01-13T08:10:00Z", question)
        try sandbox.engine.set(speaker: "user", .init(preferences: [.brevity: true]), atMs: 1_736_755_900_000)
        let brief = try sandbox.say("2025-01-13T08:12:00Z", question)
        #expect(brief.guidance.maxWords < normal.guidance.maxWords)
        #expect(try sandbox.engine.model(of: "user").preferences["brevity"] != nil)

        try sandbox.engine.set(speaker: "user", .init(preferences: [.detail: true]), atMs: 1_736_756_000_000)
        let model = try sandbox.engine.model(of: "user")
        #expect(model.preferences["detail"] != nil && model.preferences["brevity"] == nil)
    }

    @Test func anEmptySettingOrTheAssistantIsRefusedAndSavesNothing() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        #expect(throws: RapportSettingError.self) { try sandbox.engine.set(speaker: "user", .init(), atMs: 1_000) }
        #expect(throws: RapportSettingError.self) { try sandbox.engine.set(speaker: "Assistant", .init(intensity: .reduced), atMs: 1_000) }
        #expect(try sandbox.engine.memory.store.rapportModels().isEmpty)
    }

    @Test func aSettingDoesNotMoveTheEngineClock() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        try sandbox.say("2025-01-13T08:10:00Z", "Hello there.")
        // The host's wall clock is ahead of the transcripts' times: their order still holds.
        try sandbox.engine.set(speaker: "user", .init(intensity: .reduced), atMs: 1_900_000_000_000)
        try sandbox.reopen()
        #expect(try sandbox.say("2025-01-13T08:11:00Z", "Still me.").guidance.intensity == "reduced")
    }
}
