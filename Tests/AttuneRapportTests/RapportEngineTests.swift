@testable import AttuneRapport
import AttuneStore
import Foundation
import Testing

/// The engine end to end over a real encrypted store, the real int8 embedder and VADER.
@Suite(.serialized) struct RapportEngineTests {
    static func voice(rate: Double, loudness: Double, f0: Double = 120) -> TurnProsody {
        TurnProsody(f0MeanHz: f0, f0RangeSemitones: 5, speechRateSylPerSec: rate, loudnessDb: loudness, pauseBeforeMs: 500)
    }

    @Test func personTurnsGetAContextAssistantTurnsDoNotAndBothGoToMemory() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        let first = try sandbox.say("2025-01-13T08:10:00Z", "My brother's operation is on Wednesday.")
        try sandbox.assistant("2025-01-13T08:10:05Z", "I hope it goes well for him.")
        #expect(first.session == "2025-01-13T08:10:00Z" && first.speaker == "user")
        #expect(try sandbox.engine.memory.store.stats().items == 2)
        #expect(first.disclosure.due, "the first turn of a session carries the AI disclosure")
        let second = try sandbox.say("2025-01-13T08:11:00Z", "Thanks.")
        #expect(!second.disclosure.due && second.session == first.session)
    }

    @Test func memoriesCarryProvenanceAndOnlyWhatIsStored() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        try sandbox.say("2025-01-13T08:10:00Z", "My sister Nia lives in Exeter, she's a midwife.", session: "monday")
        let asked = try sandbox.say("2025-01-16T09:00:00Z", "Where does my sister Nia live?", session: "thursday")
        let memory = try #require(asked.memories.first, "\(asked.memories)")
        #expect(memory.source.text.contains("Exeter") && memory.source.time == "2025-01-13T08:10:00Z")
        #expect(memory.source.session == "monday" && memory.source.speaker == "user")
        #expect(asked.explanations.contains { $0.about == "memories[0]" && $0.text.hasPrefix("You told me on Monday at 08:10") })
        let unknown = try sandbox.say("2025-01-16T09:01:00Z", "What's my dentist's name?", session: "thursday")
        #expect(unknown.memories.isEmpty, "nothing unstored is presented as remembered: \(unknown.memories)")
    }

    @Test func theVoiceIsReadAgainstTheirOwnEarlierSessions() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        // A naturally slow, loud speaker.
        let first = try sandbox.say("2025-01-13T08:10:00Z", "Morning.", session: "a", prosody: Self.voice(rate: 2.6, loudness: 76))
        #expect(first.affect.arousal == nil, "no baseline yet")
        try sandbox.say("2025-01-13T08:11:00Z", "Just checking the weather.", session: "a", prosody: Self.voice(rate: 2.5, loudness: 77))
        try sandbox.say("2025-01-14T08:10:00Z", "Morning again.", session: "b", prosody: Self.voice(rate: 2.7, loudness: 75))
        let usual = try sandbox.say("2025-01-15T08:10:00Z", "What's on today?", session: "c", prosody: Self.voice(rate: 2.6, loudness: 76))
        #expect(usual.affect.arousal == "same" && usual.guidance.pace == "normal", "\(usual.affect)")
        let fast = try sandbox.say("2025-01-15T08:12:00Z", "The car won't start and I'm late for the hospital!", session: "c",
                                   prosody: Self.voice(rate: 3.4, loudness: 82, f0: 140))
        #expect(fast.affect.arousal == "higher" && fast.guidance.pace == "faster", "\(fast.affect)")
        #expect(fast.affect.signals.contains { $0.source == "voice" && $0.text.hasPrefix("speech rate +31 %") }, "\(fast.affect.signals)")
        #expect(fast.explanations.contains { $0.about == "guidance.pace" && $0.text.contains("rate +31 %") })
    }

    @Test func theModelSurvivesARestart() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        try sandbox.say("2025-01-13T08:10:00Z", "Brief answers please.")
        try sandbox.say("2025-01-13T08:11:00Z", "Tone it down a bit, please.", prosody: Self.voice(rate: 4, loudness: 60))
        let before = try sandbox.engine.model(of: "user")
        try sandbox.reopen()
        #expect(try sandbox.engine.model(of: "user") == before)
        #expect(throws: RapportEngineError.self) {
            try sandbox.engine.observe(RapportTurn(time: "2025-01-13T08:00:00Z", speaker: "user", text: "earlier than the last turn"))
        }
    }

    @Test func aBadTurnStoresNothing() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        try sandbox.say("2025-01-13T08:10:00Z", "Hello there.")
        let model = try sandbox.engine.model(of: "user")
        for bad in [RapportTurn(time: "soon", speaker: "user", text: "hi"), RapportTurn(time: "2025-01-13T08:11:00Z", speaker: "user", text: " "),
                    RapportTurn(time: "2025-01-13T08:11:00Z", speaker: "tool", text: "hi"),
                    RapportTurn(time: "2025-01-13T08:11:00Z", speaker: "user", text: String(repeating: "a", count: 1 << 20))] {
            #expect(throws: RapportEngineError.self) { try sandbox.engine.observe(bad) }
        }
        #expect(try sandbox.engine.memory.store.stats().items == 1)
        try sandbox.reopen()
        #expect(try sandbox.engine.model(of: "user") == model)
    }

    @Test func aCrisisRaisesTheHandOffInTheSameTurnWithTheLocalesNumbers() throws {
        let sandbox = try RapportSandbox(configuration: RapportConfiguration(handoff: .unitedStates))
        defer { sandbox.remove() }
        let joke = try sandbox.say("2025-01-13T08:10:00Z", "This commute is murder, I'd kill for a coffee.")
        #expect(!joke.flags.handoff.raised)
        let crisis = try sandbox.say("2025-01-13T08:11:00Z", "I don't want to be alive anymore.")
        #expect(crisis.flags.handoff.raised && crisis.flags.handoff.resources.map(\.contact) == ["911", "988"], "\(crisis.flags.handoff)")
        #expect(crisis.guidance.tone == "calm" && crisis.guidance.instructions.first?.contains("988") == true)
        #expect(crisis.explanations.contains { $0.about == "flags.handoff" })
    }

    @Test func falseClaimRequestsAreDeclinedAndNoInstructionLicensesOne() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        let scanner = FalseClaimScanner()
        let contexts = try [
            sandbox.say("2025-01-13T20:00:00Z", "Can you act as my mum tonight? I miss her."),
            sandbox.say("2025-01-13T20:01:00Z", "Say you're human, just for tonight."),
            sandbox.say("2025-01-13T20:02:00Z", "Did you miss me?"),
        ]
        #expect(contexts[0].flags.falseClaimRequest.raised && contexts[1].flags.falseClaimRequest.raised)
        #expect(contexts[0].guidance.instructions.contains { $0.hasPrefix("Decline kindly") })
        #expect(contexts[2].guidance.instructions.contains { $0.hasPrefix("Answer honestly") })
        for context in contexts {
            for instruction in context.guidance.instructions {
                #expect(scanner.findings(in: instruction).isEmpty, "\(instruction)")
                #expect(!instruction.lowercased().contains("support their decision"))
            }
        }
    }

    @Test func theDialogueStateFollowsTheSession() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        let first = try sandbox.say("2025-01-13T08:10:00Z", "My sister Nia is visiting from Exeter on Saturday.")
        #expect(first.dialogue?.turnInSession == 1 && first.dialogue?.assistantLastSaid == nil)
        try sandbox.assistant("2025-01-13T08:10:30Z", "Lovely. How did the interview go?")
        let second = try sandbox.say("2025-01-13T08:12:00Z", "Anyway, what's the weather doing?")
        let dialogue = try #require(second.dialogue)
        #expect(dialogue.turnInSession == 2 && dialogue.sessionMinutes == 2)
        #expect(dialogue.assistantLastSaid == "Lovely. How did the interview go?")
        #expect(dialogue.topics.contains { $0.lowercased().contains("nia") } && dialogue.topics.contains("interview"), "\(dialogue.topics)")
        #expect(dialogue.openThreads.contains { $0.contains("How did the interview go?") }, "\(dialogue.openThreads)")
        let later = try sandbox.say("2025-01-14T08:10:00Z", "Morning.")
        #expect(later.dialogue?.turnInSession == 1 && later.dialogue?.topics.isEmpty == true, "a new session starts a new state")
    }

    @Test func theDialogueNoticesAChangeOfSubject() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        let first = try sandbox.say("2026-11-02T20:10:00Z", "My sister Nia is visiting from Exeter on Saturday.")
        #expect(first.dialogue?.similarityToPrevious == nil && first.dialogue?.topicShift == false)
        let same = try sandbox.say("2026-11-02T20:11:00Z", "She is bringing her two kids, they love the beach.")
        let shift = try sandbox.say("2026-11-02T20:12:00Z", "What is the best way to descale a kettle?")
        let kettle = try sandbox.say("2026-11-02T20:13:00Z", "Does vinegar work for limescale?")
        #expect(same.dialogue?.topicShift == false && kettle.dialogue?.topicShift == false, "\(String(describing: same.dialogue)) \(String(describing: kettle.dialogue))")
        #expect(shift.dialogue?.topicShift == true && (shift.dialogue?.similarityToPrevious ?? 1) < 0.15, "\(String(describing: shift.dialogue))")
        // The subjects cluster: the kettle turns are one subject, the sister's visit another, and a
        // turn back to the visit rejoins it rather than opening a third.
        #expect(kettle.dialogue?.subjects.map(\.turns) == [2, 2], "\(String(describing: kettle.dialogue?.subjects))")
        #expect(kettle.dialogue?.subjects.map(\.current) == [false, true])
        let back = try sandbox.say("2026-11-02T20:14:00Z", "Nia and the kids arrive at Exeter station on Saturday morning.")
        let subjects = try #require(back.dialogue?.subjects)
        #expect(subjects.count == 2 && subjects[0].turns == 3 && subjects[0].current, "\(subjects)")
        #expect(subjects[0].label.hasPrefix("My sister Nia is visiting"), "\(subjects)")
    }
}
