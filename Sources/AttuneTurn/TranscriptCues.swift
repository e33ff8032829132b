/// What a partial transcript says about the turn: a syntactically complete sentence yields it, a
/// trailing conjunction, filler or article holds it. Word lists are Attune's own, from the usual
/// English turn-holding devices (coordinating and subordinating conjunctions, fillers, articles,
/// prepositions and the "I mean" family).
public struct TranscriptCues: Sendable, Equatable {
    /// +1 when the text ends in a word that cannot end a sentence ("and", "so", "um", "the", …).
    public var trailingHoldWord: Double = 0
    /// +1 when the text ends with terminal punctuation (. ! ?).
    public var terminalPunctuation: Double = 0
    /// +1 when the text ends with a question mark.
    public var question: Double = 0
    /// +1 when there was a transcript at all.
    public var present: Double = 0

    static let holdWords: Set<String> = [
        "and", "or", "but", "so", "because", "cause", "since", "although", "though", "if", "when", "while",
        "that", "which", "who", "than", "then", "um", "uh", "er", "erm", "hmm", "like", "mean", "the", "a",
        "an", "to", "of", "in", "on", "at", "for", "with", "from", "my", "your", "our", "their", "is", "are",
        "was", "were", "be", "i", "we", "you", "they", "he", "she", "it's", "i'm", "well", "also", "plus",
    ]

    public init() {}

    public init(text: String) {
        let trimmed = text.trimmingTrailingWhitespace()
        guard !trimmed.isEmpty else { return }
        present = 1
        if let last = trimmed.last {
            if last == "?" { question = 1; terminalPunctuation = 1 }
            if last == "." || last == "!" { terminalPunctuation = 1 }
        }
        let words = trimmed.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" })
        if terminalPunctuation == 0 {
            // A trailing comma (a list, a clause) holds the turn as surely as a conjunction does.
            if trimmed.hasSuffix(",") || words.last.map({ Self.holdWords.contains(String($0)) }) == true {
                trailingHoldWord = 1
            }
        }
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)].isWhitespace { end = index(before: end) }
        return String(self[startIndex..<end])
    }
}
