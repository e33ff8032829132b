import AttuneStore
import Foundation

/// One utterance as `attune memory list` and `export` show it: verbatim, with what was derived from
/// it and whether each derived record is still current.
public struct MemoryListing: Codable, Sendable, Equatable {
    public struct Record: Codable, Sendable, Equatable {
        public var id: Int64
        public var kind: String
        public var statement: String
        public var slot: String?
        public var value: String?
        public var status: String
        public var event: String?
        public var eventTime: String?
        public var eventState: String?
        public var doNotAsk: Bool
    }

    public var id: Int64
    public var time: String
    public var speaker: String?
    public var session: String?
    public var text: String
    public var records: [Record]
    public var entities: [String]
}

extension MemoryEngine {
    /// Utterances in time order with their records and entities; with `latest`, only the last that many.
    public func list(latest: Int? = nil) throws -> [MemoryListing] {
        var ordered = itemTimes.sorted { $0.value != $1.value ? $0.value < $1.value : $0.key < $1.key }.map(\.key)
        if let latest, ordered.count > latest { ordered = Array(ordered.suffix(latest)) }
        var listings: [MemoryListing] = []
        // In pages, so exporting a large memory does not hold every row at once.
        for start in stride(from: 0, to: ordered.count, by: 500) {
            let ids = Array(ordered[start..<min(start + 500, ordered.count)])
            let items = try store.items(ids: ids)
            let records = Dictionary(grouping: try store.records(itemIDs: ids), by: \.itemID)
            let entities = Dictionary(grouping: try store.entities(itemIDs: ids), by: \.itemID)
            for id in ids {
                guard let item = items[id] else { continue }
                listings.append(MemoryListing(
                    id: id, time: MemoryItemJSON.formatTime(item.timeMs), speaker: item.speaker, session: item.session, text: item.text,
                    records: (records[id] ?? []).map { record in
                        MemoryListing.Record(
                            id: record.id ?? 0, kind: record.kind, statement: record.statement, slot: record.slot, value: record.value,
                            status: record.status.rawValue, event: record.event?.label, eventTime: record.event?.startMs.map(MemoryItemJSON.formatTime),
                            eventState: record.event?.state.rawValue, doNotAsk: record.noAsk)
                    },
                    entities: (entities[id] ?? []).map(\.phrase)))
            }
        }
        return listings
    }
}
