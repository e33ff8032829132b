import AttuneMemory
import AttuneStore
import Foundation
import Testing

/// `observe(_:committingWith:)`: what the caller writes commits with the turn, in one transaction,
/// and a failure in it leaves nothing of the turn behind, in the store or in the index.
@Suite(.serialized) struct ObserveTransactionTests {
    struct Refused: Error {}

    @Test func whatTheBodyWritesCommitsWithTheTurn() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        let turn = ObservedTurn(timeMs: MemorySandbox.ms("2025-01-06T09:00:00Z"), speaker: "sam", text: "My sister Ffion lives in Exeter.")
        let (outcome, entities) = try box.engine.observe(turn) { outcome in
            try box.engine.store.putRapportModel(person: "sam", model: Data("{\"turn\":\(outcome.id)}".utf8), atMs: turn.timeMs)
            return outcome.entities
        }
        #expect(entities == outcome.entities && entities.contains { $0.contains("Ffion") }, "\(entities)")
        let model = try #require(try box.engine.store.rapportModel(person: "sam"))
        #expect(String(decoding: model, as: UTF8.self) == "{\"turn\":\(outcome.id)}")
        #expect(try box.engine.store.itemTimes(kind: .utterance).map(\.id) == [outcome.id])
        #expect(box.engine.indexedCount == 1)
    }

    @Test func aBodyThatThrowsLeavesNothingOfTheTurn() throws {
        let box = try MemorySandbox()
        defer { box.remove() }
        let turn = ObservedTurn(timeMs: MemorySandbox.ms("2025-01-06T09:00:00Z"), speaker: "sam", text: "My sister Ffion lives in Exeter.")
        #expect(throws: Refused.self) {
            try box.engine.observe(turn) { _ in
                try box.engine.store.putRapportModel(person: "sam", model: Data("{}".utf8), atMs: turn.timeMs)
                throw Refused()
            }
        }
        #expect(try box.engine.store.rapportModel(person: "sam") == nil)
        #expect(try box.engine.store.itemTimes(kind: .utterance).isEmpty)
        #expect(box.engine.indexedCount == 0)
        let answer = try box.engine.recall("where does my sister live?", atMs: MemorySandbox.ms("2025-02-01T12:00:00Z"), speaker: "sam")
        #expect(answer.results.isEmpty, "\(answer.results)")
        // The engine takes the next turn as if the failed one had never come.
        try box.tell([("2025-01-06T09:01:00Z", "sam", "My sister Ffion lives in Exeter.")])
        #expect(box.engine.indexedCount == 1)
    }
}
