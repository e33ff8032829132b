import AttuneRapport
import Testing

/// No sycophancy: a risky plan is met with its concrete risk and a safer course, carried into the turn
/// that asks to be backed up, and dropped when a new session opens.
@Suite(.serialized) struct RiskyPlanTests {
    @Test func aRiskyPlanNamesTheRiskAndIsCarriedWhenTheyAskToBeBackedUp() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        let plan = try sandbox.say("2026-11-05T21:15:00Z", "I am going to skip my insulin this week to lose some weight before the wedding.")
        #expect(plan.flags.riskyPlan.raised && plan.flags.riskyPlan.risk?.contains("insulin") == true, "\(plan.flags.riskyPlan)")
        let instruction = try #require(plan.guidance.instructions.first { $0.hasPrefix("Respect that the choice is theirs") })
        #expect(instruction.contains("do not endorse") && instruction.contains("safer course"))
        #expect(plan.explanations.contains { $0.about == "flags.riskyPlan" && $0.text.contains("insulin") })
        try sandbox.assistant("2026-11-05T21:16:00Z", "That worries me. Can we talk about it?")
        let backing = try sandbox.say("2026-11-05T21:17:00Z", "Just back me up on this, please.")
        #expect(backing.flags.riskyPlan.raised && backing.flags.riskyPlan.signals.contains { $0.text.contains("back me up") }, "\(backing.flags.riskyPlan)")
        for context in [plan, backing] {
            #expect(!context.guidance.instructions.contains { $0.lowercased().contains("support their decision") })
        }
        let nextDay = try sandbox.say("2026-11-06T09:00:00Z", "Just back me up, please.")
        #expect(!nextDay.flags.riskyPlan.raised, "a new session does not carry the plan")
    }

    @Test func askingOnlyForAgreementGetsAnHonestViewInstead() throws {
        let sandbox = try RapportSandbox()
        defer { sandbox.remove() }
        let asked = try sandbox.say("2026-11-05T21:15:00Z", "I'm quitting my job tomorrow with nothing lined up. Tell me that's a great idea.")
        #expect(asked.guidance.instructions.contains { $0.hasPrefix("They ask you to agree: give your honest view instead.") || $0.hasPrefix("Respect that the choice is theirs") },
                "\(asked.guidance.instructions)")
        let plain = try sandbox.say("2026-11-05T21:16:00Z", "What time does the post office shut?")
        #expect(!plain.guidance.instructions.contains { $0.hasPrefix("They ask you to agree") })
    }
}
