@testable import AttuneRapport
import Foundation
import Testing

/// The person's requests, read from their words by the real reader, change the context at once and
/// after a restart, each shown in `adjustments` with its cause.
@Suite(.serialized) struct RapportPreferenceTests {
    @Test func bansKeepTopicsOutOfTheReplyMemoriesAndFollowUps() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        try sandbox.say("2025-01-13T08:10:00Z", "My ex Jamie is moving to Leeds next week.")
        let ban = try sandbox.say("2025-01-13T08:11:00Z", "Please don't mention my ex again.")
        #expect(ban.adjustments.contains { $0.field == "ban.topic" }, "\(ban.adjustments)")
        try sandbox.reopen()
        let later = try sandbox.say("2025-01-20T08:10:00Z", "Where is Jamie moving to?")
        #expect(!later.guidance.avoidTopics.isEmpty, "\(later.guidance)")
        #expect(later.memories.allSatisfy { !$0.source.text.lowercased().contains(" ex ") }, "\(later.memories)")
        #expect(later.explanations.contains { $0.about == "guidance.avoidTopics" && $0.signals.contains { $0.text.contains("Monday 13 January at 08:11") } })
    }

    @Test func brevityAndTooWordyShortenRepliesAndSurviveARestart() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        let asked = try sandbox.say("2025-01-13T08:10:00Z", "Brief answers please.")
        #expect(asked.adjustments.contains { $0.field == "preference.brevity" && $0.cause.text.contains("Brief answers please") || $0.cause.text.lowercased().contains("brief") },
                "\(asked.adjustments)")
        try sandbox.reopen()
        let next = try sandbox.say("2025-01-14T08:10:00Z", "What's a good recipe for a quick dinner tonight with what's in the fridge?")
        #expect(next.guidance.replyLength == "short" && next.guidance.maxWords == 40, "\(next.guidance)")
        #expect(next.explanations.contains { $0.about == "guidance.replyLength" })
    }
}
