/// Which words are in at least half of the stored utterances, remembered between questions.
///
/// FTS5's BM25 weighs a word by its inverse document frequency, log((N − n + 0.5) / (n + 0.5)) for
/// a word in n of N utterances, and gives a word with n ≥ N / 2 (a weight of zero or less) the
/// weight 1e-6 instead: such a word adds nothing to any score. It still costs: BM25 learns n by
/// reading the word's whole list, for every question that has the word, so a word that most stored
/// utterances have makes every search cost in proportion to the store. Recall leaves these words
/// out of its ranked searches (`MemoryEngine.wordQuery`), and asks here whether a word is one.
///
/// Counting a word's utterances up to N / 2 reads half its list, so each answer is kept until the
/// store has grown by a tenth since it was counted (a word's share can move by at most a tenth
/// meanwhile), and all of them are dropped when anything is forgotten. At most `capacity` words are
/// kept (about 80 bytes each); past that the census starts again.
struct WordCensus {
    private struct Count {
        var inHalf: Bool
        var utterances: Int
    }

    static let capacity = 2048
    private var counts: [String: Count] = [:]

    /// Whether `word` is in at least half of the store's `utterances`; `count(atMost)` counts the
    /// utterances that have it, stopping at `atMost`.
    mutating func isInHalf(_ word: String, of utterances: Int, count: (_ atMost: Int) throws -> Int) rethrows -> Bool {
        guard utterances > 0 else { return false }
        if let known = counts[word], utterances >= known.utterances, utterances - known.utterances <= known.utterances / 10 {
            return known.inHalf
        }
        let half = (utterances + 1) / 2
        let inHalf = try count(half) >= half
        if counts.count >= Self.capacity { counts.removeAll(keepingCapacity: true) }
        counts[word] = Count(inHalf: inHalf, utterances: utterances)
        return inHalf
    }

    /// Drops every answer (after a forget, when counts may have fallen).
    mutating func removeAll() {
        counts.removeAll()
    }
}
