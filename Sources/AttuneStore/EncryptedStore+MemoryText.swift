import Foundation

/// One full-text hit: the item (and record, for a statement) and its BM25 score (higher is better).
public struct TextMatch: Sendable, Equatable {
    public var itemID: Int64
    public var recordID: Int64?
    public var score: Double

    public init(itemID: Int64, recordID: Int64? = nil, score: Double) {
        self.itemID = itemID
        self.recordID = recordID
        self.score = score
    }
}

/// Full-text search over items and record statements (FTS5, BM25), item lookups, and forgetting
/// items with everything derived from them.
extension EncryptedStore {
    /// Items whose text has any of `words`, said at or before `upToMs`, best BM25 first. Words are
    /// quoted for FTS5, so no input is read as query syntax.
    ///
    /// FTS5 ranks on its own first (its top-N path, no join), four times `limit` deep, and the hits'
    /// times are then looked up by id: when at least `limit` of them were said by `upToMs` they are
    /// the answer (every hit below them ranks lower), and only otherwise, when there are more hits
    /// than that page held, does the search join the items' times (which costs a lookup per match:
    /// 20 ms for common words over 100,000 items). With `upToMs` nil every item counts.
    ///
    /// FTS5 scores every match before it sorts, so ranking costs in proportion to the matches. With
    /// `latestMatches` set and `upToMs` nil (a question asked now), only the latest that many stored
    /// matches are ranked (by rowid: the order they were stored in), which bounds the cost when the
    /// words are in thousands of items; otherwise every match is ranked (what forgetting needs, and
    /// a question about a past moment, whose latest matches may all be later than it).
    public func searchItemText(words: [String], upToMs: Int64?, limit: Int, latestMatches: Int? = nil) throws -> [TextMatch] {
        try searchItemText(anyOf: words, allOf: [], upToMs: upToMs, limit: limit, latestMatches: latestMatches)
    }

    /// `searchItemText(words:upToMs:limit:latestMatches:)` for items that have any of `anyOf` or
    /// every one of `allOf` (`"a" OR "b" OR ("c" AND "d")`).
    public func searchItemText(anyOf: [String], allOf: [String], upToMs: Int64?, limit: Int, latestMatches: Int? = nil) throws -> [TextMatch] {
        guard let query = Self.ftsQuery(anyOf: anyOf, allOf: allOf), limit > 0 else { return [] }
        let page = upToMs == nil ? limit : limit * Self.timeFilterDepth
        var floor = Int64.min
        if let latestMatches, upToMs == nil { floor = try lowestRowID(ofLatest: latestMatches, matching: query, sql: Self.latestItemMatchSQL) }
        let ranked = try connection.withCachedStatement(Self.rankedItemsSQL) { statement in
            try statement.bind([.text(query), .integer(floor), .integer(Int64(page))])
            var found: [TextMatch] = []
            // FTS5's bm25() is negative, more negative is better; flipped so higher is better.
            while try statement.step() { found.append(TextMatch(itemID: statement.int64(0), score: -statement.double(1))) }
            return found
        }
        guard let upToMs else { return ranked }
        let times = try itemTimes(ids: ranked.map(\.itemID))
        let kept = ranked.filter { (times[$0.itemID] ?? .max) <= upToMs }
        if kept.count >= limit { return Array(kept.prefix(limit)) }
        if ranked.count < page { return kept }
        return try connection.withCachedStatement(Self.itemsSaidBySQL) { statement in
            try statement.bind([.text(query), .integer(upToMs), .integer(Int64(limit))])
            var found: [TextMatch] = []
            while try statement.step() { found.append(TextMatch(itemID: statement.int64(0), score: -statement.double(1))) }
            return found
        }
    }

    /// Records whose statement has any of `words`, said at or before `upToMs`, best first: FTS5's
    /// own ranking first, then the records' items and times by id, as `searchItemText` does, with
    /// the same bound on how many matches are ranked (`latestMatches`).
    public func searchRecordStatements(words: [String], upToMs: Int64?, limit: Int, latestMatches: Int? = nil) throws -> [TextMatch] {
        guard let query = Self.ftsQuery(words), limit > 0 else { return [] }
        let page = upToMs == nil ? limit : limit * Self.timeFilterDepth
        var floor = Int64.min
        if let latestMatches, upToMs == nil { floor = try lowestRowID(ofLatest: latestMatches, matching: query, sql: Self.latestRecordMatchSQL) }
        let ranked: [(recordID: Int64, score: Double)] = try connection.withCachedStatement(Self.rankedRecordsSQL) { statement in
            try statement.bind([.text(query), .integer(floor), .integer(Int64(page))])
            var found: [(Int64, Double)] = []
            while try statement.step() { found.append((statement.int64(0), -statement.double(1))) }
            return found
        }
        let owners = try connection.withCachedStatement(Self.recordOwnersSQL) { statement in
            try statement.bind([.text(Self.idList(ranked.map(\.recordID)))])
            var found: [Int64: (itemID: Int64, timeMs: Int64)] = [:]
            while try statement.step() { found[statement.int64(0)] = (statement.int64(1), statement.int64(2)) }
            return found
        }
        let kept = ranked.compactMap { hit -> TextMatch? in
            guard let owner = owners[hit.recordID], owner.timeMs <= upToMs ?? .max else { return nil }
            return TextMatch(itemID: owner.itemID, recordID: hit.recordID, score: hit.score)
        }
        if kept.count >= limit || ranked.count < page { return Array(kept.prefix(limit)) }
        return try connection.withCachedStatement(Self.recordsSaidBySQL) { statement in
            try statement.bind([.text(query), .integer(upToMs ?? .max), .integer(Int64(limit))])
            var found: [TextMatch] = []
            while try statement.step() {
                found.append(TextMatch(itemID: statement.int64(0), recordID: statement.int64(1), score: -statement.double(2)))
            }
            return found
        }
    }

    /// How many items' text has any of `words`, counting no further than `atMost` (FTS5 walks the
    /// words' lists without ranking, and stops there: about 0.1 ms for a thousand matches, against
    /// a few milliseconds to rank them by BM25).
    public func itemTextMatchCount(words: [String], atMost: Int = .max) throws -> Int {
        guard let query = Self.ftsQuery(words) else { return 0 }
        return try connection.withCachedStatement(Self.itemMatchCountSQL) { statement in
            try statement.bind([.text(query), .integer(Int64(atMost))])
            return try statement.step() ? Int(statement.int64(0)) : 0
        }
    }

    /// The ids of the latest `limit` items (by id: the order they were stored in) whose text has
    /// any of `words`, said at or before `upToMs` (nil: every item), latest first. FTS5 walks its
    /// lists newest first and stops at `limit`, ranking nothing: BM25 weighs each word by how few
    /// items have it, which it learns by reading the word's whole list, so a ranked search costs in
    /// proportion to the store while this costs in proportion to `limit`.
    public func latestItemIDs(matchingAnyOf words: [String], upToMs: Int64?, limit: Int) throws -> [Int64] {
        guard let query = Self.ftsQuery(words), limit > 0 else { return [] }
        return try connection.withCachedStatement(upToMs == nil ? Self.latestItemsSQL : Self.latestItemsSaidBySQL) { statement in
            try statement.bind(upToMs.map { [.text(query), .integer($0), .integer(Int64(limit))] } ?? [.text(query), .integer(Int64(limit))])
            var found: [Int64] = []
            while try statement.step() { found.append(statement.int64(0)) }
            return found
        }
    }

    /// The rowid of the `count`-th latest match of `query` (FTS5 walks its lists newest first and
    /// stops there), or `Int64.min` when there are fewer matches: every one is then ranked.
    private func lowestRowID(ofLatest count: Int, matching query: String, sql: String) throws -> Int64 {
        guard count > 0 else { return .max }
        return try connection.withCachedStatement(sql) { statement in
            try statement.bind([.text(query), .integer(Int64(count - 1))])
            return try statement.step() ? statement.int64(0) : .min
        }
    }

    private static let itemMatchCountSQL = "SELECT count(*) FROM (SELECT 1 FROM memory_items_fts WHERE memory_items_fts MATCH ? LIMIT ?)"
    private static let latestItemMatchSQL = "SELECT rowid FROM memory_items_fts WHERE memory_items_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"
    private static let latestRecordMatchSQL = "SELECT rowid FROM memory_records_fts WHERE memory_records_fts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?"

    private static let latestItemsSQL = "SELECT rowid FROM memory_items_fts WHERE memory_items_fts MATCH ? ORDER BY rowid DESC LIMIT ?"
    private static let latestItemsSaidBySQL = """
        SELECT memory_items_fts.rowid FROM memory_items_fts
        JOIN memory_items ON memory_items.id = memory_items_fts.rowid
        WHERE memory_items_fts MATCH ? AND memory_items.time_ms <= ?
        ORDER BY memory_items_fts.rowid DESC LIMIT ?
        """

    /// How many times the asked-for number of hits FTS5 ranks before a time filter.
    static let timeFilterDepth = 4
    private static let rankedItemsSQL = "SELECT rowid, rank FROM memory_items_fts WHERE memory_items_fts MATCH ? AND rowid >= ? ORDER BY rank LIMIT ?"
    private static let itemsSaidBySQL = """
        SELECT memory_items_fts.rowid, bm25(memory_items_fts) FROM memory_items_fts
        JOIN memory_items ON memory_items.id = memory_items_fts.rowid
        WHERE memory_items_fts MATCH ? AND memory_items.time_ms <= ?
        ORDER BY bm25(memory_items_fts) LIMIT ?
        """
    private static let rankedRecordsSQL = "SELECT rowid, rank FROM memory_records_fts WHERE memory_records_fts MATCH ? AND rowid >= ? ORDER BY rank LIMIT ?"
    private static let recordOwnersSQL = "SELECT id, item_id, time_ms FROM memory_records WHERE id IN (SELECT value FROM json_each(?))"
    private static let recordsSaidBySQL = """
        SELECT memory_records.item_id, memory_records_fts.rowid, bm25(memory_records_fts) FROM memory_records_fts
        JOIN memory_records ON memory_records.id = memory_records_fts.rowid
        WHERE memory_records_fts MATCH ? AND memory_records.time_ms <= ?
        ORDER BY bm25(memory_records_fts) LIMIT ?
        """
    private static let itemTimesByIDSQL = "SELECT id, time_ms FROM memory_items WHERE id IN (SELECT value FROM json_each(?))"

    /// The times of these items, by id (ids not held are left out).
    func itemTimes(ids: [Int64]) throws -> [Int64: Int64] {
        guard !ids.isEmpty else { return [:] }
        return try connection.withCachedStatement(Self.itemTimesByIDSQL) { statement in
            try statement.bind([.text(Self.idList(ids))])
            var found: [Int64: Int64] = [:]
            while try statement.step() { found[statement.int64(0)] = statement.int64(1) }
            return found
        }
    }

    /// These items, by id (ids not held are left out).
    public func items(ids: [Int64]) throws -> [Int64: MemoryItem] {
        guard !ids.isEmpty else { return [:] }
        return try connection.withCachedStatement(Self.itemsByIDSQL) { statement in
            try statement.bind([.text(Self.idList(ids))])
            var found: [Int64: MemoryItem] = [:]
            while try statement.step() {
                found[statement.int64(0)] = MemoryItem(
                    id: statement.int64(0), kind: MemoryKind(rawValue: statement.text(1)) ?? .utterance, text: statement.text(2),
                    timeMs: statement.int64(3), speaker: statement.optionalText(4), session: statement.optionalText(5),
                    createdMs: statement.int64(6))
            }
            return found
        }
    }

    private static let itemsByIDSQL = """
        SELECT id, kind, text, time_ms, speaker, session, created_ms FROM memory_items WHERE id IN (SELECT value FROM json_each(?))
        """

    /// The distinct speakers of the stored utterances, lower-cased (the people of a household
    /// device, and "assistant").
    public func utteranceSpeakers() throws -> [String] {
        let statement = try connection.prepare("SELECT DISTINCT lower(speaker) FROM memory_items WHERE kind = 'utterance' AND speaker IS NOT NULL")
        var found: [String] = []
        while try statement.step() { found.append(statement.text(0)) }
        return found.sorted()
    }

    /// The ids of the latest `limit` utterances said from `startMs` through `endMs`, latest first (by
    /// time, then id): the index by time read backwards, however many utterances the store holds.
    public func latestUtteranceIDs(saidFrom startMs: Int64, through endMs: Int64, limit: Int) throws -> [Int64] {
        guard limit > 0, startMs <= endMs else { return [] }
        return try connection.withCachedStatement(Self.latestUtterancesSQL) { statement in
            try statement.bind([.integer(startMs), .integer(endMs), .integer(Int64(limit))])
            var found: [Int64] = []
            while try statement.step() { found.append(statement.int64(0)) }
            return found
        }
    }

    private static let latestUtterancesSQL = """
        SELECT id FROM memory_items INDEXED BY memory_items_by_time
        WHERE kind = 'utterance' AND time_ms BETWEEN ? AND ? ORDER BY time_ms DESC, id DESC LIMIT ?
        """

    /// Id and time of every item of `kind`, in id order (what recall's time filter and the vector
    /// search's allow-set are built from).
    public func itemTimes(kind: MemoryKind) throws -> [(id: Int64, timeMs: Int64)] {
        let statement = try connection.prepare("SELECT id, time_ms FROM memory_items WHERE kind = ? ORDER BY id")
        try statement.bind([.text(kind.rawValue)])
        var found: [(Int64, Int64)] = []
        while try statement.step() { found.append((statement.int64(0), statement.int64(1))) }
        return found
    }

    /// Removes these items and everything derived from them (records, entities, requests, vectors, and
    /// their full-text entries, by the schema's cascades and triggers) in one transaction; then
    /// scrubs the deleted text (`scrubDeletedText`). Returns how many items were removed.
    @discardableResult
    public func forgetItems(ids: [Int64]) throws -> Int {
        let removed = try removeItems(ids: ids)
        try scrubDeletedText()
        return removed
    }

    /// The delete of `forgetItems` alone, joining the caller's transaction when there is one; the
    /// caller runs `scrubDeletedText` after its commit.
    @discardableResult
    public func removeItems(ids: [Int64]) throws -> Int {
        guard !ids.isEmpty else { return 0 }
        return try connection.transaction {
            try connection.prepare("DELETE FROM memory_items WHERE id IN (SELECT value FROM json_each(?))").run([.text(Self.idList(ids))])
            let removed = connection.changes
            try connection.execute("DELETE FROM sessions WHERE id NOT IN (SELECT session FROM memory_items WHERE session IS NOT NULL)")
            return removed
        }
    }

    /// Rewrites the full-text indexes without deleted tokens and checkpoints the WAL (truncating it),
    /// so nothing deleted stays in any file of the store. Outside any transaction.
    public func scrubDeletedText() throws {
        try compactTextIndexes()
        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// FTS5 keeps a deleted row's tokens in its older segments until they are merged; 'optimize'
    /// merges every segment into one now (SQLite 3.40 has no FTS5 'secure-delete' option), and
    /// `secure_delete` zeroes the pages the old segments freed.
    func compactTextIndexes() throws {
        guard try StoreSchema.currentVersion(connection) >= 5 else { return }
        try connection.transaction {
            try connection.execute("""
                INSERT INTO memory_items_fts(memory_items_fts) VALUES ('optimize');
                INSERT INTO memory_records_fts(memory_records_fts) VALUES ('optimize');
                """)
        }
    }

    /// `"w1" OR "w2" …` with each word's quotes doubled; nil when no word is left.
    static func ftsQuery(_ words: [String]) -> String? {
        ftsQuery(anyOf: words, allOf: [])
    }

    /// `"a" OR "b" OR ("c" AND "d")`, each word quoted; nil when no word is left.
    static func ftsQuery(anyOf: [String], allOf: [String]) -> String? {
        func quoted(_ words: [String]) -> [String] {
            words.filter { !$0.isEmpty }.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        }
        var parts = quoted(anyOf)
        let all = quoted(allOf)
        if all.count == 1 { parts += all } else if all.count > 1 { parts.append("(" + all.joined(separator: " AND ") + ")") }
        return parts.isEmpty ? nil : parts.joined(separator: " OR ")
    }
}
