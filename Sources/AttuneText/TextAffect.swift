/// How a text sounds: VADER's valence scores, an arousal estimate and distress cues, each with the
/// words that caused it, for the rapport context and its explanations.
public struct TextAffect: Equatable, Sendable {
    public var compound: Double
    public var positive: Double
    public var neutral: Double
    public var negative: Double
    /// 0 (calm) to 1 (intense), see `TextAffectAnalyzer.arousal`.
    public var arousal: Double
    public var distress: Bool
    public var distressCues: [DistressCues.Match]
    public var words: [Word]

    public struct Word: Equatable, Sendable {
        public var word: String
        public var valence: Double
    }
}

/// VADER + arousal + distress cues.
public struct TextAffectAnalyzer: Sendable {
    public let vader: VADERSentiment
    public let distressCues: DistressCues

    public init(vader: VADERSentiment, distressCues: DistressCues) {
        self.vader = vader
        self.distressCues = distressCues
    }

    /// The lexicons and cue list from a models directory.
    public init(modelsDirectory: String) throws {
        self.init(vader: try VADERSentiment(modelsDirectory: modelsDirectory),
                  distressCues: try DistressCues(path: modelsDirectory + "/distress-cues.tsv"))
    }

    public func analyze(_ text: String) -> TextAffect {
        let scores = vader.polarityScores(text)
        let cues = distressCues.matches(in: text)
        return TextAffect(
            compound: scores.compound, positive: scores.positive, neutral: scores.neutral, negative: scores.negative,
            arousal: Self.arousal(text, scores: scores), distress: !cues.isEmpty, distressCues: cues,
            words: scores.words.map { TextAffect.Word(word: $0.word, valence: $0.valence) })
    }

    /// An arousal estimate from VADER's own intensity rules (the source is VADER, MIT), not from rated
    /// arousal norms: how strong the strongest sentiment word is (|valence| / 4, VADER's scale), how
    /// much "!" and "?" emphasis there is (VADER's amplifier, saturating at four "!"), what share of the
    /// words is in capitals while others are not, and booster words. Weights 0.45, 0.25, 0.15, 0.15;
    /// the result is clamped to [0, 1]. Calm, neutral text scores near 0, "I LOVE this!!!" near 1.
    static func arousal(_ text: String, scores: VADERSentiment.Scores) -> Double {
        let words = VADERSentiment.wordsAndEmoticons(text)
        let strongest = scores.words.map { abs($0.valence) }.max() ?? 0
        let intensity = min(strongest / 4, 1)
        let emphasis = min(VADERSentiment.punctuationEmphasis(text) / (4 * 0.292), 1)
        let capitals = words.filter(VADERSentiment.isUpper).count
        let caps = capitals > 0 && capitals < words.count ? Double(capitals) / Double(words.count) : 0
        let boosters = min(Double(words.filter { VADERSentiment.boosters[$0.lowercased()] ?? 0 > 0 }.count) / 2, 1)
        return min(max(0.45 * intensity + 0.25 * emphasis + 0.15 * caps + 0.15 * boosters, 0), 1)
    }
}
