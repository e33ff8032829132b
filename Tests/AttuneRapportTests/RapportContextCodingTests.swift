import AttuneRapport
import Foundation
import Testing

/// The context's JSON keys are the ones docs/RAPPORT.md and the issue name; a rename breaks hosts.
@Suite struct RapportContextCodingTests {
    @Test func contextEncodesTheDocumentedKeysAndRoundTrips() throws {
        let context = RapportContext(
            time: "2026-03-02T08:10:00Z", session: "s1", speaker: "user", intents: ["telling_news"],
            affect: ContextAffect(valence: "positive", arousal: nil, signals: [ContextSignal(source: "text", text: "said 'I got the job'")]),
            guidance: ContextGuidance(replyLength: "normal", maxWords: 80, pace: "normal", tone: "upbeat", intensity: "normal",
                                      avoidTopics: [], instructions: ["Congratulate them."]),
            memories: [], followups: [],
            flags: ContextFlags(handoff: HandoffFlag(raised: false, reason: nil, resources: [], signals: []),
                                relianceNudge: RelianceFlag(raised: false, signals: []),
                                riskyPlan: RiskyPlanFlag(raised: false, risk: nil, signals: []),
                                falseClaimRequest: FalseClaimRequestFlag(raised: false, claim: nil, signals: [])),
            explanations: [], disclosure: ContextDisclosure(due: false, text: "I'm an AI.", minutesSinceLast: 5), adjustments: [])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(context)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        for key in ["time", "session", "affect", "guidance", "memories", "followups", "flags", "explanations", "disclosure", "version"] {
            #expect(object[key] != nil, "missing \(key)")
        }
        let guidance = try #require(object["guidance"] as? [String: Any])
        for key in ["replyLength", "maxWords", "pace", "tone", "intensity", "avoidTopics", "instructions"] {
            #expect(guidance[key] != nil, "missing guidance.\(key)")
        }
        let flags = try #require(object["flags"] as? [String: Any])
        for key in ["handoff", "relianceNudge", "riskyPlan"] { #expect(flags[key] != nil, "missing flags.\(key)") }
        #expect(try JSONDecoder().decode(RapportContext.self, from: data) == context)
    }
}
