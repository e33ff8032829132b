import AttuneMemory
import Foundation
import Testing

/// Any text, however odd, is read without trapping: rules index tokens near clause ends, so random word
/// salads built from the lexicons' own words (where the rules fire most) and raw punctuation are run
/// through `analyse` and `queryReferences`.
@Suite struct ExtractionRobustnessTests {
    static let vocabulary = [
        "my", "our", "his", "her", "I", "I'm", "we", "he", "she", "'s", "Mel's", "dad's", "sister", "father", "in", "law",
        "father-in-law", "cat", "called", "named", "is", "Bea", "Cardiff", "Acme", "works", "at", "for", "as", "a", "an",
        "nurse", "moved", "to", "lives", "from", "the", "MRI", "eye", "test", "on", "Tuesday", "21st", "cancelled", "called",
        "off", "went", "fine", "passed", "forget", "delete", "don't", "ask", "me", "about", "bring", "that", "up", "again",
        "you", "can", "please", ",", ".", "?", "!", "(", ")", "—", "/", "Mon", "Wed", "gym", "love", "hate", "can't", "stand",
        "gives", "palpitations", "nervous", "so", "really", "having", "replaced", "knee", "allergic", "taking", "mg", "if",
        "favourite", "band", "doc", "says", "results", "came", "back", "clear", "moving", "house", "’s", "ex-", "new", "line",
        "manager", "and", "but", "not", "a", "bit", "now", "at", "3", "tomorrow", "Name",
    ]

    @Test func randomWordSaladsNeverTrap() {
        let extractor = MemoryExtractor(resolver: TimeExpressionResolver())
        var seed: UInt64 = 0x5EED_1234_ABCD_0001
        var analysed = 0
        for length in 0..<14 {
            for _ in 0..<150 {
                var words: [String] = []
                for _ in 0..<length {
                    // SplitMix64: the same salads every run, so a trap is reproducible.
                    seed &+= 0x9E37_79B9_7F4A_7C15
                    var mixed = seed
                    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
                    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
                    mixed ^= mixed >> 31
                    words.append(Self.vocabulary[Int(mixed % UInt64(Self.vocabulary.count))])
                }
                let text = words.joined(separator: length % 3 == 0 ? "" : " ")
                _ = extractor.analyse(ObservedTurn(timeMs: 1_741_000_000_000, speaker: "sam", text: text))
                _ = extractor.queryReferences(text, speaker: "sam")
                analysed += 1
            }
        }
        #expect(analysed == 14 * 150)
    }

    @Test func edgeTextsYieldNothingOrSomethingSane() {
        let extractor = MemoryExtractor(resolver: TimeExpressionResolver())
        for text in ["", " ", "'s", "’", "my", "my sister's", "forget", "don't", "...", "?!", "a\nb", "🙂 my cat 🐈 Miso", "my my my my"] {
            let analysis = extractor.analyse(ObservedTurn(timeMs: 0, speaker: "sam", text: text))
            #expect(analysis.records.allSatisfy { !$0.subject.isEmpty }, "\(text): \(analysis.records)")
        }
        let pet = extractor.analyse(ObservedTurn(timeMs: 0, speaker: "sam", text: "🙂 my cat 🐈 Miso"))
        #expect(pet.entities.contains { $0.kind == .pet && $0.relation == "cat" && $0.relativeTo == "sam" })
    }
}
