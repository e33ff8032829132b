import AttuneTestFixtures
import AttuneText
import Foundation
import Testing

/// Distress cues and the arousal estimate around VADER.
@Suite struct TextAffectTests {
    let analyzer: TextAffectAnalyzer
    init() throws { analyzer = try Self.loadedAnalyzer.get() }
    private static let loadedAnalyzer = LoadedOnce { try TextAffectAnalyzer(modelsDirectory: TestFixture.path("models")) }

    @Test func distressCuesNameTheirPhraseAndCategory() {
        let affect = analyzer.analyze("Honestly, nothing matters anymore. I can’t go on like this and I'm a burden to my kids.")
        #expect(affect.distress)
        #expect(affect.distressCues.map(\.phrase) == ["nothing matters anymore", "can't go on", "i'm a burden"])
        #expect(Set(affect.distressCues.map(\.category)) == ["hopelessness", "trapped or in unbearable pain", "being a burden"])
        // Words must match whole: "skill myself" is not "kill myself"; ordinary sadness is not a cue.
        #expect(!analyzer.analyze("I taught myself a new skill myself today").distress)
        #expect(!analyzer.analyze("I'm sad that the shop closed and I miss my friend.").distress)
        #expect(analyzer.analyze("Sometimes I think about SUICIDE").distressCues.map(\.category) == ["wanting to die"])
    }

    @Test func arousalRisesWithIntensityEmphasisAndCapitals() {
        let calm = analyzer.analyze("The bus leaves at nine.").arousal
        let mild = analyzer.analyze("That was nice.").arousal
        let strong = analyzer.analyze("That was absolutely wonderful!").arousal
        let intense = analyzer.analyze("I LOVE this so much!!!!").arousal
        #expect(calm == 0)
        #expect(calm < mild && mild < strong && strong < intense)
        #expect(intense <= 1)
    }

    @Test func wordsExplainTheCompound() {
        let affect = analyzer.analyze("I love the garden but I hate the rain")
        #expect(affect.words.map(\.word) == ["love", "hate"])
        #expect(affect.compound < 0, "after \"but\" the second half dominates")
    }
}
