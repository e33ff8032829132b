import AttuneMemory
import Foundation
import Testing

/// Memory observe has 20 ms per utterance including its embedding; the resolver's share must stay well
/// under 0.2 ms for a typical sentence in a release build (`swift test -c release --filter TimeResolverSpeed`).
/// A debug build is unoptimised, so there the bound is ten times looser.
@Suite struct TimeResolverSpeedTests {
    static let sentences = [
        "My MRI is on Thursday at nine, so I'll need a lift.",
        "On Thursday I finally saw the GP and it went fine.",
        "I'm seeing Ana tomorrow morning for coffee near the station.",
        "We fly a fortnight on Saturday, back on the 21st.",
        "Honestly I just feel tired all the time lately.",
        "Can you remind me to call Mum between 2 and 4 pm?",
        "The rent is due at the end of the month, about nine hundred pounds.",
        "My sister moved to Cardiff last March with her two kids.",
        "Dinner is at half past six tonight if you want to come.",
        "I have 3 kids and a cat called Miso who sleeps all day.",
    ]

    @Test func typicalSentencesResolveWellUnderTheBudget() {
        let resolver = TimeExpressionResolver(timeZone: TimeZone(identifier: "Europe/London")!)
        let reference = Date(timeIntervalSince1970: 1_796_205_600)
        var mentions = 0
        for sentence in Self.sentences { mentions += resolver.mentions(in: sentence, at: reference).count }
        #expect(mentions == 9)
        let rounds = 300
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<rounds {
                for sentence in Self.sentences { mentions &+= resolver.mentions(in: sentence, at: reference).count }
            }
        }
        let perSentenceMs = Double(elapsed.components.attoseconds) / 1e15 / Double(rounds * Self.sentences.count)
            + Double(elapsed.components.seconds) * 1000 / Double(rounds * Self.sentences.count)
        #if DEBUG
            let budgetMs = 2.0
        #else
            let budgetMs = 0.2
        #endif
        print("TimeExpressionResolver: \(String(format: "%.4f", perSentenceMs)) ms per sentence (\(rounds * Self.sentences.count) sentences)")
        #expect(perSentenceMs < budgetMs, "\(perSentenceMs) ms per sentence")
    }
}
