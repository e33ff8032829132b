import Foundation

/// The memory engine's derived records and requests (schema version 5). Every write here joins the
/// caller's transaction when there is one (`inTransaction`), so an utterance and all it yields commit
/// together.
extension EncryptedStore {
    private static let recordColumns = """
        id, item_id, kind, subject, slot, value, statement, time_ms, status, superseded_by,
        event_label, event_owner, event_start_ms, event_end_ms, event_state, outcome, no_ask
        """

    /// Runs `body` as one write transaction: every store call inside it commits with it or not at all.
    public func inTransaction<T>(_ body: () throws -> T) throws -> T {
        try connection.transaction(body)
    }

    /// Stores a record and returns its id. Its item must be in the store.
    @discardableResult
    public func addRecord(_ record: StoredRecord) throws -> Int64 {
        try connection.transaction {
            try connection.prepare("""
                INSERT INTO memory_records(item_id, kind, subject, slot, value, statement, time_ms, status, superseded_by,
                  event_label, event_owner, event_start_ms, event_end_ms, event_state, outcome, no_ask)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).run([
                    .integer(record.itemID), .text(record.kind), .text(record.subject), SQLiteValue(record.slot), SQLiteValue(record.value),
                    .text(record.statement), .integer(record.timeMs), .text(record.status.rawValue), SQLiteValue(record.supersededBy),
                    SQLiteValue(record.event?.label), SQLiteValue(record.event?.owner), SQLiteValue(record.event?.startMs),
                    SQLiteValue(record.event?.endMs), SQLiteValue(record.event?.state.rawValue), SQLiteValue(record.event?.outcome),
                    .integer(record.noAsk ? 1 : 0),
                ])
            return connection.lastInsertRowID
        }
    }

    /// The current records of `subject` with this `slot` (what a new value would supersede).
    public func currentRecords(subject: String, slot: String) throws -> [StoredRecord] {
        try records(where: "subject = ? AND slot = ? AND status = 'current'", [.text(subject), .text(slot)])
    }

    /// The current records of `subject` whose slot ends with `suffix` ("practice days" finds
    /// "soccer practice days" and "practice days").
    public func currentRecords(subject: String, slotEndingWith suffix: String) throws -> [StoredRecord] {
        try records(where: "subject = ? AND status = 'current' AND (slot = ?2 OR slot LIKE '% ' || ?2)", [.text(subject), .text(suffix)])
    }

    /// The records about someone: `key` is their subject or the owner of their event ("his stag do",
    /// read as Dan's, is about Dan though it never names him).
    public func records(about key: String) throws -> [StoredRecord] {
        try records(where: "subject = ?1 OR event_owner = ?1 OR subject LIKE ?1 || '/%' OR event_owner LIKE ?1 || '/%'", [.text(key)])
    }

    /// The records derived from these items, in id order.
    public func records(itemIDs: [Int64]) throws -> [StoredRecord] {
        guard !itemIDs.isEmpty else { return [] }
        return try records(where: "item_id IN (SELECT value FROM json_each(?))", [.text(Self.idList(itemIDs))])
    }

    /// These records, in id order.
    public func records(ids: [Int64]) throws -> [StoredRecord] {
        guard !ids.isEmpty else { return [] }
        return try records(where: "id IN (SELECT value FROM json_each(?))", [.text(Self.idList(ids))])
    }

    /// Every event record said at or before `upToMs`, in id order (follow-ups, lifecycle matching).
    public func eventRecords(upToMs: Int64 = .max) throws -> [StoredRecord] {
        try records(where: "event_label IS NOT NULL AND time_ms <= ?", [.integer(upToMs)])
    }

    /// The current event records of `owner` said at or before `upToMs`, in id order (by the index of
    /// events by owner): what a new utterance about an event is matched against.
    public func currentEventRecords(owner: String, upToMs: Int64) throws -> [StoredRecord] {
        try records(where: "event_label IS NOT NULL AND event_owner = ? AND status = 'current' AND time_ms <= ?", [.text(owner), .integer(upToMs)])
    }

    /// The current event records said at or before `upToMs` whose time overlaps [startMs, endMs)
    /// (an event with no end lasts one millisecond), in id order: what recall's time retriever reads
    /// for a question about a time, without loading every event. The events are found by when they
    /// end (an index of schema version 7; `likelihood` tells SQLite that few events end after a
    /// question's time, which it cannot know without statistics, so it reads that index rather than
    /// every record).
    public func currentEventRecords(overlapping startMs: Int64, _ endMs: Int64, upToMs: Int64) throws -> [StoredRecord] {
        try records(where: """
            event_label IS NOT NULL AND status = 'current' AND time_ms <= ?1 AND event_start_ms < ?3
              AND likelihood(max(event_start_ms + 1, coalesce(event_end_ms, event_start_ms + 1)) > ?2, 0.05)
            """, [.integer(upToMs), .integer(startMs), .integer(endMs)])
    }

    /// The event records a follow-up may ask about at `upToMs`, in id order: said at or before then
    /// and current then (not superseded, or superseded only by an event record said later), not put
    /// off limits, planned or moved, with a start, and over (their end, else their start) between
    /// `fromMs` and `upToMs`. Read in SQL, so a follow-up check costs what is due, not every event.
    public func followupEventRecords(overFrom fromMs: Int64, through upToMs: Int64) throws -> [StoredRecord] {
        try records(where: """
            event_label IS NOT NULL AND time_ms <= ?1 AND no_ask = 0 AND event_state IN ('planned', 'moved')
              AND event_start_ms IS NOT NULL AND max(event_start_ms, coalesce(event_end_ms, event_start_ms)) BETWEEN ?2 AND ?1
              AND (status = 'current' OR coalesce((SELECT newer.time_ms FROM memory_records AS newer
                   WHERE newer.id = memory_records.superseded_by AND newer.event_label IS NOT NULL), ?1 + 1) > ?1)
            """, [.integer(upToMs), .integer(fromMs)])
    }

    /// The records of these items that were superseded as of `upToMs` (as `supersededRecords`): what
    /// recall marks among its candidates, without reading every superseded record.
    public func supersededRecords(itemIDs: [Int64], upToMs: Int64) throws -> [StoredRecord] {
        guard !itemIDs.isEmpty else { return [] }
        return try records(where: "item_id IN (SELECT value FROM json_each(?2)) AND \(Self.supersededAsOf)", [.integer(upToMs), .text(Self.idList(itemIDs))])
    }

    /// The slot values (a job, a city, gym days) superseded as of `upToMs` (as `supersededRecords`):
    /// the replaced values recall keeps out of an answer about the current one.
    public func supersededSlotRecords(upToMs: Int64) throws -> [StoredRecord] {
        try records(where: "slot IS NOT NULL AND \(Self.supersededAsOf)", [.integer(upToMs)])
    }

    /// Every record that was superseded as of `upToMs`: by a newer record said at or before then
    /// (recall at a past time sees the value that was current then). Recall reads the candidates' part
    /// of these (`supersededRecords(itemIDs:upToMs:)`) and the slot values among them.
    public func supersededRecords(upToMs: Int64 = .max) throws -> [StoredRecord] {
        try records(where: Self.supersededAsOf, [.integer(upToMs)])
    }

    /// A record superseded as of `?1`: said by then, and replaced by a record said by then (or marked
    /// replaced with no successor). The one condition every superseded read shares.
    private static let supersededAsOf = """
        status = 'superseded' AND time_ms <= ?1
          AND (superseded_by IS NULL OR (SELECT time_ms FROM memory_records AS newer WHERE newer.id = memory_records.superseded_by) <= ?1)
        """

    /// Marks records as superseded by a newer one.
    public func markSuperseded(recordIDs: [Int64], by newer: Int64) throws {
        guard !recordIDs.isEmpty else { return }
        try connection.transaction {
            try connection.prepare("UPDATE memory_records SET status = 'superseded', superseded_by = ? WHERE id IN (SELECT value FROM json_each(?))")
                .run([.integer(newer), .text(Self.idList(recordIDs))])
        }
    }

    /// Moves an event record to a new state (and time or outcome, when given).
    public func updateEvent(recordID: Int64, state: StoredEvent.State, startMs: Int64?, endMs: Int64?, outcome: String?) throws {
        try connection.transaction {
            try connection.prepare("""
                UPDATE memory_records SET event_state = ?, event_start_ms = coalesce(?, event_start_ms),
                  event_end_ms = coalesce(?, event_end_ms), outcome = coalesce(?, outcome)
                WHERE id = ? AND event_label IS NOT NULL
                """).run([.text(state.rawValue), SQLiteValue(startMs), SQLiteValue(endMs), SQLiteValue(outcome), .integer(recordID)])
        }
    }

    /// Sets or lifts "do not ask about this" on event records.
    public func setNoAsk(recordIDs: [Int64], _ noAsk: Bool) throws {
        guard !recordIDs.isEmpty else { return }
        try connection.transaction {
            try connection.prepare("UPDATE memory_records SET no_ask = ? WHERE id IN (SELECT value FROM json_each(?))")
                .run([.integer(noAsk ? 1 : 0), .text(Self.idList(recordIDs))])
        }
    }

    /// Keeps a "don't ask me about …" (or its lifting) as said, tied to the utterance it came from.
    public func addAskingRequest(itemID: Int64, allowsAsking: Bool, target: String, timeMs: Int64) throws {
        try connection.transaction {
            try connection.prepare("INSERT INTO memory_requests(item_id, kind, target, time_ms) VALUES (?, ?, ?, ?)")
                .run([.integer(itemID), .text(allowsAsking ? "allow_asking" : "do_not_ask"), .text(target), .integer(timeMs)])
        }
    }

    /// How many records, entities and requests point at items that no longer exist (zero unless the
    /// cascades failed): what the privacy tests check after a forget.
    public func orphanedDerivedRows() throws -> Int {
        Int(try connection.integer("""
            SELECT (SELECT count(*) FROM memory_records WHERE item_id NOT IN (SELECT id FROM memory_items))
                 + (SELECT count(*) FROM memory_entities WHERE item_id NOT IN (SELECT id FROM memory_items))
                 + (SELECT count(*) FROM memory_requests WHERE item_id NOT IN (SELECT id FROM memory_items))
                 + (SELECT count(*) FROM memory_vectors WHERE item_id NOT IN (SELECT id FROM memory_items))
            """) ?? 0)
    }

    private func records(where condition: String, _ values: [SQLiteValue]) throws -> [StoredRecord] {
        // Each call site passes one fixed condition, so the statement is parsed once per connection.
        try connection.withCachedStatement("SELECT \(Self.recordColumns) FROM memory_records WHERE \(condition) ORDER BY id") { statement in
            try statement.bind(values)
            var found: [StoredRecord] = []
            while try statement.step() {
                var event: StoredEvent?
                if let label = statement.optionalText(10) {
                    event = StoredEvent(
                        label: label, owner: statement.optionalText(11) ?? "", startMs: statement.optionalInt64(12),
                        endMs: statement.optionalInt64(13), state: StoredEvent.State(rawValue: statement.text(14)) ?? .planned,
                        outcome: statement.optionalText(15))
                }
                found.append(StoredRecord(
                    id: statement.int64(0), itemID: statement.int64(1), kind: statement.text(2), subject: statement.text(3),
                    slot: statement.optionalText(4), value: statement.optionalText(5), statement: statement.text(6),
                    timeMs: statement.int64(7), status: StoredRecord.Status(rawValue: statement.text(8)) ?? .current,
                    supersededBy: statement.optionalInt64(9), event: event, noAsk: statement.int64(16) != 0))
            }
            return found
        }
    }

    static func idList(_ ids: [Int64]) -> String {
        "[" + ids.map(String.init).joined(separator: ",") + "]"
    }
}
