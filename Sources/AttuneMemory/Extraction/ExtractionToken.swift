/// One word or punctuation mark of an utterance, as the extractor reads it.
///
/// Contractions are split into the words they stand for ("I'm" is "i" + "am", "don't" is "do" + "not",
/// "Mel's" is "mel" + "'s"), so the rules match one spelling of each; every piece keeps the UTF-8 offsets
/// of the written word, so time mentions (found by `TimeExpressionResolver` on the same text) line up.
struct ExtractionToken: Sendable, Equatable {
    /// The piece as written ("Cardiff", "I", "'s"); for an expanded contraction, the word it stands for.
    var text: String
    /// Lowercased, curly apostrophes straightened.
    var lower: String
    var utf8Start: Int
    var utf8End: Int
    /// A word (letters or digits), not punctuation.
    var isWord: Bool
    /// Written with a capital first letter.
    var isCapitalized: Bool
    /// The first word of a sentence (its capital says nothing about being a name).
    var startsSentence: Bool = false

    var isPunctuation: Bool { !isWord }
}
