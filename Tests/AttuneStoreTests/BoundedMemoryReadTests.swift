import AttuneKernels
@testable import AttuneStore
import Foundation
import Testing

/// The store's bounded reads (what a turn reads however large the store grows) give what the full
/// reads they replaced gave, filtered as the engine filtered them, on a seeded random store.
@Suite struct BoundedMemoryReadTests {
    @Test func eachBoundedReadMatchesTheFullReadItReplaced() throws {
        let sandbox = StoreSandbox()
        defer { sandbox.remove() }
        let store = try EncryptedStore.create(at: sandbox.store, key: sandbox.key)
        defer { try? store.close() }
        var random = SplitMix64(seed: 0x5EED)
        // 400 utterances over 4,000 s, some at the same millisecond.
        let times = (0..<400).map { _ in Int64(random.next() % 4_000) * 1_000 + (random.next() % 4 == 0 ? 0 : 500) }
        let ids = try store.add(times.map { MemoryItem(kind: .utterance, text: "turn at \($0)", timeMs: $0, speaker: "ana", session: "s1") })
        // Events of three owners, in every state, some superseded by a later or an earlier record, some off limits.
        let owners = ["ana", "priya", "ana/neighbour"]
        let states: [StoredEvent.State] = [.planned, .moved, .cancelled, .happened]
        var recordIDs: [Int64] = [], cityIDs: [Int64] = []
        for (offset, id) in ids.enumerated() {
            let start = random.next() % 5 == 0 ? nil : Int64(random.next() % 5_000) * 1_000
            let end = start.flatMap { random.next() % 2 == 0 ? $0 + Int64(random.next() % 3) * 3_600_000 : nil }
            let record = StoredRecord(itemID: id, kind: "event", subject: "ana", statement: "event \(offset)", timeMs: times[offset],
                                      event: StoredEvent(label: "event \(offset % 7)", owner: owners[offset % 3], startMs: start, endMs: end,
                                                         state: states[Int(random.next() % 4)]),
                                      noAsk: random.next() % 9 == 0)
            recordIDs.append(try store.addRecord(record))
            if offset > 10, random.next() % 3 == 0 {
                try store.markSuperseded(recordIDs: [recordIDs[Int(random.next() % UInt64(offset))]], by: recordIDs[offset])
            }
            // Every fifth utterance also gives a city, which replaces an earlier one now and then.
            if offset % 5 == 0 {
                let city = try store.addRecord(StoredRecord(itemID: id, kind: "fact", subject: "ana", slot: "city", value: "city \(offset)",
                                                            statement: "ana lives in city \(offset)", timeMs: times[offset]))
                if let earlier = cityIDs.last, random.next() % 2 == 0 { try store.markSuperseded(recordIDs: [earlier], by: city) }
                cityIDs.append(city)
            }
            // "my neighbour" named as Priya mostly, as Tom twice, and once unnamed.
            let name: String? = offset == 50 || offset == 200 ? "Tom" : offset == 120 ? nil : "Priya"
            try store.addEntity(StoredEntity(itemID: id, name: name, kind: "person", relation: "neighbour", relativeTo: "ana", phrase: "my neighbour"))
        }
        let all = try store.eventRecords()
        for at in stride(from: Int64(0), through: 5_000_000, by: 250_000) {
            // Recent utterances, as previousPerson took them from the engine's times.
            let window: Int64 = 600_000
            let reference = zip(ids, times).filter { $0.1 <= at && at - $0.1 <= window }.sorted { ($0.1, $0.0) > ($1.1, $1.0) }.prefix(4).map(\.0)
            #expect(try store.latestUtteranceIDs(saidFrom: at - window, through: at, limit: 4) == Array(reference), "at \(at)")
            // The time retriever's utterances said in a question's spans by `at`, the latest four of
            // them, as it took them from a walk over every utterance's time.
            let spans = [(at - 900_000, at - 300_000), (at + 1_000 - 2_000_000, at + 1_000 - 1_400_000), (at, at)]
            let inSpans = zip(ids, times).filter { pair in pair.1 <= at && spans.contains { pair.1 >= $0.0 && pair.1 < $0.1 } }
            let latestInSpans = inSpans.sorted { ($0.1, $0.0) > ($1.1, $1.0) }.prefix(4).map(\.0)
            var fromIndex: [(Int64, Int64)] = []
            for (start, end) in spans where start < end {
                for id in try store.latestUtteranceIDs(saidFrom: start, through: min(end - 1, at), limit: 4) {
                    fromIndex.append((id, times[ids.firstIndex(of: id)!]))
                }
            }
            #expect(fromIndex.sorted { ($0.1, $0.0) > ($1.1, $1.0) }.prefix(4).map(\.0) == Array(latestInSpans), "spans at \(at)")
            // Follow-ups, as followups(atMs:) filtered every event said by then.
            let said = all.filter { $0.timeMs <= at }
            let saidIDs = Set(said.compactMap(\.id))
            let due = said.filter { record in
                let current = record.status == .current || record.supersededBy.map { !saidIDs.contains($0) } ?? false
                guard let event = record.event, current, !record.noAsk else { return false }
                guard event.state == .planned || event.state == .moved, let start = event.startMs else { return false }
                let over = max(start, event.endMs ?? start)
                return over <= at && at - over <= 1_209_600_000
            }
            #expect(try store.followupEventRecords(overFrom: at - 1_209_600_000, through: at) == due, "at \(at)")
            // Replaced records among some items, and replaced slot values, as recall filtered them all.
            let replaced = try store.supersededRecords(upToMs: at)
            let some = Array(ids.prefix(200))
            #expect(try store.supersededRecords(itemIDs: some, upToMs: at) == replaced.filter { some.contains($0.itemID) })
            #expect(try store.supersededSlotRecords(upToMs: at) == replaced.filter { $0.slot != nil })
            // An owner's current events, as the event matching filtered every event.
            for owner in owners {
                let current = said.filter { $0.status == .current && $0.event?.owner == owner }
                #expect(try store.currentEventRecords(owner: owner, upToMs: at) == current)
            }
        }
        #expect(try !store.followupEventRecords(overFrom: 0, through: 5_000_000).isEmpty, "the set has follow-ups to find")
        #expect(try !store.supersededRecords(upToMs: 5_000_000).filter { $0.slot != nil }.isEmpty && !store.supersededRecords(upToMs: 5_000_000).filter { $0.slot == nil }.isEmpty)
        // A relation's latest mentions and the latest of each name: every name, few mentions.
        let every = try store.entities(relation: "neighbour", relativeTo: "ana")
        let bounded = try store.entities(relation: "neighbour", relativeTo: "ana", latest: 5)
        #expect(Set(bounded.compactMap(\.name)) == Set(every.compactMap(\.name)) && Set(every.compactMap(\.name)) == ["Priya", "Tom"])
        #expect(bounded.compactMap(\.id) == bounded.compactMap(\.id).sorted(), "oldest first")
        #expect(Set(every.suffix(5).map(\.id)).isSubset(of: Set(bounded.map(\.id))))
        #expect(bounded.count <= 5 + 3, "the latest five and the latest of Tom and of the unnamed mention: \(bounded.count)")
        #expect(bounded.last == every.last)
        #expect(try store.entities(relation: "neighbour", relativeTo: "sam", latest: 5).isEmpty)
    }
}
