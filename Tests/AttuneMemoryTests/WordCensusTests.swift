@testable import AttuneMemory
import Testing

/// The census of words in half the utterances: the FTS5 rule at the boundary, and when it counts again.
@Suite struct WordCensusTests {
    @Test func aWordInHalfTheUtterancesAndNoFewerIsInHalf() {
        var census = WordCensus()
        // FTS5's weight is zero or less from n ≥ N / 2: 50 of 100 is in half, 49 is not; 51 of 101 is.
        #expect(census.isInHalf("a", of: 100) { min($0, 50) })
        #expect(!census.isInHalf("b", of: 100) { min($0, 49) })
        #expect(census.isInHalf("c", of: 101) { min($0, 51) })
        #expect(!census.isInHalf("d", of: 101) { min($0, 50) })
        #expect(!census.isInHalf("e", of: 0) { _ in Issue.record("an empty store counts nothing"); return 0 })
    }

    @Test func anAnswerHoldsUntilTheStoreGrowsByATenthOrShrinks() {
        var census = WordCensus()
        var counted = 0
        let count: (Int) -> Int = { atMost in counted += 1; return min(atMost, 600) }
        #expect(census.isInHalf("sister", of: 1_000, count: count) && counted == 1)
        #expect(census.isInHalf("sister", of: 1_100, count: count) && counted == 1, "a tenth more: the count holds")
        #expect(!census.isInHalf("sister", of: 1_201, count: { atMost in counted += 1; return min(atMost, 600) }) && counted == 2, "more: counted again")
        #expect(census.isInHalf("sister", of: 1_000, count: count) && counted == 3, "a smaller store: counted again")
        census.removeAll()
        #expect(census.isInHalf("sister", of: 1_000, count: count) && counted == 4, "after a forget: counted again")
    }
}
