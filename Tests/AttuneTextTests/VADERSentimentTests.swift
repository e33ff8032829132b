import AttuneTestFixtures
import AttuneText
import Foundation
import Testing

/// The VADER port against the vaderSentiment 3.3.2 package on 357 sentences
/// (tools/text/make_vader_reference.py): compound within 0.001 on at least 99 %, and pos/neu/neg.
@Suite struct VADERSentimentTests {
    struct Reference: Decodable {
        struct Sentence: Decodable { var text: String; var compound: Double; var pos: Double; var neu: Double; var neg: Double }
        var sentences: [Sentence]
    }

    let vader: VADERSentiment
    init() throws { vader = try Self.loadedVADER.get() }
    private static let loadedVADER = LoadedOnce { try VADERSentiment(modelsDirectory: TestFixture.path("models")) }

    @Test func compoundMatchesThePythonPackage() throws {
        let data = try TestFixture.data("Tests/Data/text/vader-reference.json")
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        #expect(reference.sentences.count >= 300)
        var close = 0
        var misses: [String] = []
        for sentence in reference.sentences {
            let scores = vader.polarityScores(sentence.text)
            if abs(scores.compound - sentence.compound) <= 0.001 {
                close += 1
            } else if misses.count < 10 {
                misses.append("\(sentence.text): \(scores.compound) vs \(sentence.compound)")
            }
            #expect(abs(scores.positive - sentence.pos) <= 0.0015 && abs(scores.neutral - sentence.neu) <= 0.0015
                    && abs(scores.negative - sentence.neg) <= 0.0015, "\(sentence.text)")
        }
        let share = Double(close) / Double(reference.sentences.count)
        #expect(share >= 0.99, "\(close) of \(reference.sentences.count) within 0.001:\n\(misses.joined(separator: "\n"))")
        print("VADER: compound within 0.001 on \(close) of \(reference.sentences.count) sentences")
    }

    @Test func explainsWhichWordsCarriedTheSentiment() {
        let scores = vader.polarityScores("I love the garden but I hate the rain")
        #expect(scores.words.map(\.word) == ["love", "hate"])
        #expect(scores.words[0].valence == 3.2 * 0.5 && scores.words[1].valence == -2.7 * 1.5)
        #expect(vader.polarityScores("").compound == 0)
    }
}
