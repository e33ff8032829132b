@testable import AttuneStore
import Foundation
import Testing

/// Schema version 5: records, entities and requests derived from utterances, their full-text
/// indexes, and forgetting an utterance with everything derived from it, leaving no trace in any
/// decrypted page of the database or the WAL.
@Suite(.serialized) struct MemoryRecordStoreTests {
    static func utterance(_ text: String, at timeMs: Int64) -> MemoryItem {
        MemoryItem(kind: .utterance, text: text, timeMs: timeMs, speaker: "ana", session: "s1")
    }

    @Test func aNewValueSupersedesTheSlotAndHistoryStays() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        let ids = try store.add([Self.utterance("my brother lives in Leeds", at: 1_000), Self.utterance("my brother moved to York", at: 2_000)])
        let old = try store.addRecord(StoredRecord(itemID: ids[0], kind: "fact", subject: "ana/brother", slot: "city", value: "leeds",
                                                   statement: "ana's brother lives in Leeds", timeMs: 1_000))
        #expect(try store.currentRecords(subject: "ana/brother", slot: "city").map(\.id) == [old])
        let new = try store.inTransaction {
            let new = try store.addRecord(StoredRecord(itemID: ids[1], kind: "fact", subject: "ana/brother", slot: "city", value: "york",
                                                       statement: "ana's brother lives in York", timeMs: 2_000))
            try store.markSuperseded(recordIDs: [old], by: new)
            return new
        }
        #expect(try store.currentRecords(subject: "ana/brother", slot: "city").map(\.id) == [new])
        let history = try store.records(ids: [old, new])
        #expect(history.map(\.status) == [.superseded, .current] && history[0].supersededBy == new)
        #expect(try store.supersededRecords(upToMs: 1_500).isEmpty, "at 1.5 s the newer value had not been said yet")
        #expect(try store.supersededRecords().map(\.id) == [old])
    }

    @Test func aFailedObserveLeavesNothingOfIt() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        struct Stop: Error {}
        #expect(throws: Stop.self) {
            try store.inTransaction {
                let id = try store.add([Self.utterance("half an observation", at: 1)])[0]
                try store.addRecord(StoredRecord(itemID: id, kind: "fact", subject: "ana", statement: "half", timeMs: 1))
                throw Stop()
            }
        }
        #expect(try store.stats().items == 0 && store.records(itemIDs: [1]).isEmpty)
        #expect(try store.searchItemText(words: ["observation"], upToMs: .max, limit: 5).isEmpty)
    }

    @Test func fullTextSearchRanksByBM25WithinTheTimeBound() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        let ids = try store.add([
            Self.utterance("the dentist appointment is on Friday", at: 1_000),
            Self.utterance("I walked past the dentist", at: 2_000),
            Self.utterance("dentist dentist, the dentist again", at: 9_000),
            Self.utterance("nothing to do with teeth", at: 3_000),
        ])
        let hits = try store.searchItemText(words: ["dentist", "appointment"], upToMs: 5_000, limit: 10)
        #expect(hits.map(\.itemID) == [ids[0], ids[1]], "both words beat one; the later item is past the bound")
        #expect(hits[0].score > hits[1].score && hits[1].score > 0)
        // Query syntax is not interpreted: quotes, stars and operators are words.
        #expect(try store.searchItemText(words: ["\"dentist", "NEAR(", "*"], upToMs: .max, limit: 10).count == 3)
        try store.addRecord(StoredRecord(itemID: ids[0], kind: "event", subject: "ana", statement: "ana's dentist appointment on Friday", timeMs: 1_000))
        #expect(try store.searchRecordStatements(words: ["appointments"], upToMs: .max, limit: 5).map(\.itemID) == [ids[0]], "porter stemming")
    }

    @Test func rankingTheLatestMatchesOnlyRanksThoseAndCountsStopAtTheirBound() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        // 60 items with "ladder": the early ones say it three times (BM25 ranks them first), the
        // latest 20 once. A window of 20 ranks only the latest 20.
        let ids = try store.add((0..<60).map { Self.utterance($0 < 40 ? "ladder ladder ladder, note \($0)" : "the ladder, note \($0)", at: 1_000 + Int64($0)) })
        for (offset, id) in ids.enumerated() {
            try store.addRecord(StoredRecord(itemID: id, kind: "fact", subject: "ana", statement: offset < 40 ? "ana's ladder ladder" : "ana's ladder",
                                             timeMs: 1_000 + Int64(offset)))
        }
        let all = try store.searchItemText(words: ["ladder"], upToMs: nil, limit: 10)
        #expect(Set(all.map(\.itemID)).isSubset(of: Set(ids.prefix(40))), "without a window the repeated word ranks first")
        let windowed = try store.searchItemText(words: ["ladder"], upToMs: nil, limit: 10, latestMatches: 20)
        #expect(windowed.count == 10 && Set(windowed.map(\.itemID)).isSubset(of: Set(ids.suffix(20))))
        let records = try store.searchRecordStatements(words: ["ladder"], upToMs: nil, limit: 30, latestMatches: 20)
        #expect(records.count == 20 && Set(records.map(\.itemID)) == Set(ids.suffix(20)))
        // A window wider than the matches ranks them all; a time bound ranks them all too (the
        // latest matches could all be later than the moment asked about).
        #expect(try store.searchItemText(words: ["ladder"], upToMs: nil, limit: 10, latestMatches: 500).map(\.itemID) == all.map(\.itemID))
        #expect(Set(try store.searchItemText(words: ["ladder"], upToMs: 1_030, limit: 10, latestMatches: 20).map(\.itemID)).isSubset(of: Set(ids.prefix(31))))
        #expect(try store.itemTextMatchCount(words: ["ladder"]) == 60)
        #expect(try store.itemTextMatchCount(words: ["ladder"], atMost: 7) == 7)
        #expect(try store.itemTextMatchCount(words: ["ladder", "kiln"], atMost: 100) == 60)
        // The latest matches alone, unranked, newest first; with a time bound, the latest said by then.
        #expect(try store.latestItemIDs(matchingAnyOf: ["ladder"], upToMs: nil, limit: 10) == Array(ids.suffix(10).reversed()))
        #expect(try store.latestItemIDs(matchingAnyOf: ["ladder"], upToMs: 1_030, limit: 5) == Array(ids[26...30].reversed()))
        #expect(try store.latestItemIDs(matchingAnyOf: ["kiln", "note"], upToMs: nil, limit: 100).count == 60)
        #expect(try store.latestItemIDs(matchingAnyOf: ["kiln"], upToMs: nil, limit: 10).isEmpty)
    }

    @Test func eventsOverlappingATimeAndTheLatestMentionsOfANameAreReadAlone() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        let ids = try store.add((0..<6).map { Self.utterance("event \($0), with Priya", at: 1_000 * Int64($0 + 1)) })
        // Events at [10, 20) s, at 30 s (no end: one millisecond), at [40, 60) s; one moved away
        // (superseded), one said after the question.
        let events: [(Int64?, Int64?, StoredRecord.Status, Int64)] = [
            (10_000, 20_000, .current, 1_000), (30_000, nil, .current, 2_000), (40_000, 60_000, .current, 3_000),
            (15_000, 16_000, .superseded, 4_000), (15_000, 16_000, .current, 9_000), (nil, nil, .current, 5_000),
        ]
        var recordIDs: [Int64] = []
        for (offset, event) in events.enumerated() {
            recordIDs.append(try store.addRecord(StoredRecord(
                itemID: ids[offset], kind: "event", subject: "ana", statement: "event \(offset)", timeMs: event.3, status: event.2,
                event: StoredEvent(label: "event", owner: "ana", startMs: event.0, endMs: event.1, state: .planned))))
            try store.addEntity(StoredEntity(itemID: ids[offset], name: "Priya", kind: "person", relation: nil, relativeTo: nil, phrase: "Priya"))
        }
        func overlapping(_ start: Int64, _ end: Int64) throws -> [Int64] {
            try store.currentEventRecords(overlapping: start, end, upToMs: 6_000).compactMap(\.id)
        }
        #expect(try overlapping(0, 10_000).isEmpty, "an interval ending where the event starts does not overlap it")
        #expect(try overlapping(19_999, 30_001) == [recordIDs[0], recordIDs[1]])
        #expect(try overlapping(30_001, 40_000).isEmpty)
        #expect(try overlapping(50_000, 50_001) == [recordIDs[2]])
        #expect(try overlapping(15_500, 15_600) == [recordIDs[0]], "the superseded event and the later one are left out")
        // The reference: every event record, filtered as recall filtered them before.
        for (start, end) in [(0, 100_000), (12_000, 45_000), (30_000, 30_001)] as [(Int64, Int64)] {
            let reference = try store.eventRecords(upToMs: 6_000).filter { record in
                guard record.status == .current, let begins = record.event?.startMs else { return false }
                return begins < end && max(begins + 1, record.event?.endMs ?? begins + 1) > start
            }
            #expect(try overlapping(start, end) == reference.compactMap(\.id))
        }
        #expect(try store.entities(named: "priya", latest: 2).map(\.itemID) == [ids[5], ids[4]])
        #expect(try store.entities(named: "PRIYA", latest: 10).count == 6 && store.entities(named: "Sam", latest: 3).isEmpty)
    }

    @Test func timeBoundedSearchesMatchTheJoinWhetherOrNotTheFirstPageSuffices() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        // 30 early items with the word once, then 40 later ones with it three times (they outrank
        // every early one), so a bound before the later ones leaves nothing on FTS5's first page.
        let early = try store.add((0..<30).map { Self.utterance("a note about the kiln, number \($0)", at: 1_000 + Int64($0)) })
        let late = try store.add((0..<40).map { Self.utterance("kiln kiln kiln again, the kiln \($0)", at: 100_000 + Int64($0)) })
        for (offset, id) in (early + late).enumerated() {
            try store.addRecord(StoredRecord(itemID: id, kind: "fact", subject: "ana", statement: offset < 30 ? "ana fires the kiln" : "ana's kiln kiln kiln",
                                             timeMs: offset < 30 ? 1_000 + Int64(offset) : 100_000 + Int64(offset)))
        }
        // The reference: every match ranked by FTS5, then the bound applied.
        let everything = try store.searchItemText(words: ["kiln"], upToMs: nil, limit: 1_000)
        #expect(everything.count == 70)
        let times = Dictionary(uniqueKeysWithValues: early.map { ($0, Int64(1_000)) } + late.map { ($0, Int64(100_000)) })
        for (bound, limit) in [(50_000, 5), (50_000, 40), (200_000, 5), (200_000, 100), (500, 5)] as [(Int64, Int)] {
            let reference = everything.filter { times[$0.itemID]! <= bound }.prefix(limit)
            let found = try store.searchItemText(words: ["kiln"], upToMs: bound, limit: limit)
            #expect(Set(found.map(\.itemID)) == Set(reference.map(\.itemID)), "items up to \(bound), \(limit)")
            #expect(found.allSatisfy { times[$0.itemID]! <= bound } && found.count == reference.count)
            let records = try store.searchRecordStatements(words: ["kiln"], upToMs: bound, limit: limit)
            #expect(records.count == reference.count && records.allSatisfy { times[$0.itemID]! <= bound }, "records up to \(bound), \(limit)")
            #expect(zip(records, records.dropFirst()).allSatisfy { $0.score >= $1.score })
        }
        #expect(Set(try store.searchItemText(words: ["kiln"], upToMs: 50_000, limit: 5).map(\.itemID)).isSubset(of: Set(early)))
    }

    @Test func forgettingAnUtteranceRemovesEverythingDerivedAndEveryCopy() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        let marker = "zanzibarquokka"
        var ids: [Int64] = []
        for index in 0..<60 {
            ids += try store.add([Self.utterance("ordinary day number \(index), walked the dog", at: Int64(index) * 1_000)])
        }
        let secret = try store.add([Self.utterance("the door code is \(marker) 4471", at: 70_000)])[0]
        try store.addRecord(StoredRecord(itemID: secret, kind: "fact", subject: "ana/door code", slot: "code", value: "\(marker) 4471",
                                         statement: "ana's door code is \(marker) 4471", timeMs: 70_000))
        try store.addEntity(StoredEntity(itemID: secret, name: "Quokka \(marker)", kind: "place", relation: nil, relativeTo: "ana", phrase: "\(marker) door"))
        try store.addAskingRequest(itemID: secret, allowsAsking: false, target: marker, timeMs: 70_000)
        try store.putVectors([StoredVector(itemID: secret, scale: 0.01, values: [Int8](repeating: 3, count: 384))])
        #expect(try store.searchItemText(words: [marker], upToMs: .max, limit: 5).map(\.itemID) == [secret])
        try store.close()
        #expect(try StoreLifecycleTests.plaintextPages(sandbox).contains(bytes: Array(marker.utf8)), "the check can see the marker")
        let reopened = try EncryptedStore.open(at: sandbox.store, key: sandbox.key)
        #expect(try reopened.forgetItems(ids: [secret]) == 1)
        #expect(try reopened.orphanedDerivedRows() == 0)
        #expect(try reopened.records(itemIDs: [secret]).isEmpty && reopened.entities(itemIDs: [secret]).isEmpty)
        #expect(try reopened.searchItemText(words: [marker], upToMs: .max, limit: 5).isEmpty)
        #expect(try reopened.searchRecordStatements(words: [marker], upToMs: .max, limit: 5).isEmpty)
        #expect(try reopened.searchItemText(words: ["walked"], upToMs: .max, limit: 100).count == 60, "the neighbours stay")
        #expect(EncryptedStore.fileSize(sandbox.store + "-wal") == 0)
        try reopened.close()
        // In no decrypted page of the database (the items, records, entities and requests tables
        // and the FTS5 shadow tables) and in no file at all.
        let pages = try StoreLifecycleTests.plaintextPages(sandbox)
        #expect(!pages.contains(bytes: Array(marker.utf8)))
        #expect(pages.contains(bytes: Array("ordinary day number 59".utf8)))
        #expect(try StoreVerifier.verify(at: sandbox.store, key: sandbox.key).passed)
    }
}
