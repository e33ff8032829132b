import Foundation

/// Which items `forget` removes: every condition given must hold (they are combined with AND).
public struct ForgetSelection: Sendable, Equatable {
    public var ids: [Int64] = []
    /// Text that contains this (case-insensitive for ASCII letters).
    public var textContaining: String?
    /// Items with `time` in [fromMs, toMs).
    public var fromMs: Int64?
    public var toMs: Int64?
    /// Retention: items whose `time` is before this.
    public var olderThanMs: Int64?
    /// Items whose `expires` is at or before this.
    public var expiredAtMs: Int64?

    public init() {}

    public var isEmpty: Bool {
        ids.isEmpty && textContaining == nil && fromMs == nil && toMs == nil && olderThanMs == nil && expiredAtMs == nil
    }
}

/// Counts and sizes, for `attune store stats`.
public struct StoreStats: Codable, Equatable, Sendable {
    public var path: String
    public var schemaVersion: Int
    public var generation: Int64
    public var items: Int64
    public var itemsByKind: [String: Int64]
    public var sessions: Int64
    public var oldestTime: String?
    public var newestTime: String?
    public var expiredItems: Int64
    public var pageSizeBytes: Int64
    public var pages: Int64
    public var freePages: Int64
    public var databaseFileBytes: Int64
    public var walFileBytes: Int64
    public var cipher: String
    public var keyProtection: String
}

extension EncryptedStore {
    private static let insertSQL = """
        INSERT INTO memory_items(id, kind, text, time_ms, speaker, session, tags, expires_ms, created_ms)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let sessionSQL = """
        INSERT INTO sessions(id, first_time_ms, last_time_ms) VALUES (?, ?, ?)
        ON CONFLICT(id) DO UPDATE SET first_time_ms = min(first_time_ms, excluded.first_time_ms),
                                      last_time_ms = max(last_time_ms, excluded.last_time_ms)
        """

    /// Adds items in one transaction and returns their ids.
    @discardableResult
    public func add(_ items: [MemoryItem]) throws -> [Int64] {
        try Self.add(items, to: connection)
    }

    /// The insert itself, on any connection (the benchmark runs it on a plain SQLite database too).
    static func add(_ items: [MemoryItem], to connection: SQLiteConnection) throws -> [Int64] {
        try connection.transaction {
            let insert = try connection.prepare(insertSQL)
            let session = try connection.prepare(sessionSQL)
            return try items.map { try insertItem($0, insert: insert, session: session, connection: connection) }
        }
    }

    private func insertItem(_ item: MemoryItem, insert: SQLiteStatement, session: SQLiteStatement) throws -> Int64 {
        try Self.insertItem(item, insert: insert, session: session, connection: connection)
    }

    private static func insertItem(_ item: MemoryItem, insert: SQLiteStatement, session: SQLiteStatement, connection: SQLiteConnection) throws -> Int64 {
        if let name = item.session {
            try session.run([.text(name), .integer(item.timeMs), .integer(item.timeMs)])
        }
        let tags = String(decoding: try JSONSerialization.data(withJSONObject: item.tags, options: [.withoutEscapingSlashes]), as: UTF8.self)
        try insert.run([
            SQLiteValue(item.id), .text(item.kind.rawValue), .text(item.text), .integer(item.timeMs),
            SQLiteValue(item.speaker), SQLiteValue(item.session), .text(tags), SQLiteValue(item.expiresMs),
            .integer(item.createdMs ?? Self.nowMs()),
        ])
        return connection.lastInsertRowID
    }

    /// Imports JSON lines all or nothing: one transaction, rolled back at the first bad line, whose
    /// number the error names. Memory stays bounded however long the input is.
    @discardableResult
    public func importJSONLines(_ reader: inout JSONLineReader) throws -> Int {
        try connection.transaction {
            let insert = try connection.prepare(Self.insertSQL)
            let session = try connection.prepare(Self.sessionSQL)
            let existing = try connection.prepare(Self.existsSQL)
            var count = 0
            do {
                while let (_, item) = try nextItem(&reader, existing: existing) {
                    _ = try insertItem(item, insert: insert, session: session)
                    count += 1
                }
            } catch let StoreError.badLine(line, reason) {
                throw StoreError.importRefused(line: line, reason: reason)
            }
            return count
        }
    }

    /// What `attune store append` prints for each line once it is committed: `{"id":ID,"line":N}`.
    public struct AppendAcknowledgement: Codable, Equatable, Sendable {
        public let id: Int64
        public let line: Int
        public init(id: Int64, line: Int) { self.id = id; self.line = line }
    }

    /// Appends JSON lines one by one, each committed (durably) before `committed` hears of it; a bad
    /// line stops the run with an error naming it, and the lines before it stay.
    public func appendJSONLines(_ reader: inout JSONLineReader, committed: (_ line: Int, _ id: Int64) throws -> Void) throws {
        let existing = try connection.prepare(Self.existsSQL)
        while let (number, item) = try nextItem(&reader, existing: existing) {
            let id = try add([item])[0]
            try committed(number, id)
        }
    }

    private static let existsSQL = "SELECT 1 FROM memory_items WHERE id = ?"

    /// The next line as an item, or `StoreError.badLine` naming what is wrong with it (unreadable,
    /// not an item, or an id the store already holds).
    /// A rapport model line (`{"person":…,"rapportModel":{…},"updated":…}`, what export writes after the
    /// items) is stored as it is read and the next line taken.
    private func nextItem(_ reader: inout JSONLineReader, existing: SQLiteStatement) throws -> (line: Int, item: MemoryItem)? {
        guard var (number, bytes) = try reader.next() else { return nil }
        while let model = try Self.rapportModelLine(bytes, line: number) {
            try putRapportModel(person: model.person, model: model.model, atMs: model.updatedMs)
            guard let next = try reader.next() else { return nil }
            (number, bytes) = next
        }
        let item: MemoryItem
        do {
            item = try MemoryItemJSON.parse(bytes)
        } catch {
            throw StoreError.badLine(line: number, reason: "\(error)")
        }
        if let id = item.id {
            try existing.bind([.integer(id)])
            let held = try existing.step()
            existing.reset()
            if held { throw StoreError.badLine(line: number, reason: "has id \(id), which the store already holds") }
        }
        return (number, item)
    }

    /// Every item, in id order, as `MemoryItemJSON` lines, then every person's rapport model as a
    /// `{"person":…,"rapportModel":{…},"updated":…}` line, from one consistent snapshot; returns the lines written.
    @discardableResult
    public func exportJSONLines(_ emit: (String) throws -> Void) throws -> Int {
        try connection.execute("BEGIN")
        defer { try? connection.execute("COMMIT") }
        let statement = try connection.prepare("""
            SELECT id, kind, text, time_ms, speaker, session, tags, expires_ms, created_ms FROM memory_items ORDER BY id
            """)
        var count = 0
        while try statement.step() {
            let tagsJSON = statement.text(6)
            let tags = (try? JSONSerialization.jsonObject(with: Data(tagsJSON.utf8))) as? [String] ?? []
            let item = MemoryItem(
                id: statement.int64(0), kind: MemoryKind(rawValue: statement.text(1)) ?? .utterance,
                text: statement.text(2), timeMs: statement.int64(3), speaker: statement.optionalText(4),
                session: statement.optionalText(5), tags: tags, expiresMs: statement.optionalInt64(7),
                createdMs: statement.int64(8))
            try emit(MemoryItemJSON.format(item))
            count += 1
        }
        for model in try rapportModels() {
            try emit(try Self.formatRapportModelLine(person: model.person, model: model.model, updatedMs: model.updatedMs))
            count += 1
        }
        return count
    }

    private func whereClause(_ selection: ForgetSelection) -> (String, [SQLiteValue]) {
        var conditions: [String] = []
        var values: [SQLiteValue] = []
        if !selection.ids.isEmpty {
            conditions.append("id IN (SELECT value FROM json_each(?))")
            values.append(.text("[" + selection.ids.map(String.init).joined(separator: ",") + "]"))
        }
        if let text = selection.textContaining {
            conditions.append("instr(lower(text), lower(?)) > 0")
            values.append(.text(text))
        }
        if let from = selection.fromMs { conditions.append("time_ms >= ?"); values.append(.integer(from)) }
        if let to = selection.toMs { conditions.append("time_ms < ?"); values.append(.integer(to)) }
        if let cutoff = selection.olderThanMs { conditions.append("time_ms < ?"); values.append(.integer(cutoff)) }
        if let now = selection.expiredAtMs { conditions.append("expires_ms <= ?"); values.append(.integer(now)) }
        return (conditions.joined(separator: " AND "), values)
    }

    /// How many items `forget` would remove.
    public func count(_ selection: ForgetSelection) throws -> Int {
        guard !selection.isEmpty else { throw StoreError.badArgument("forget needs a selection: --id, --match, --from/--to, --retain or --expired") }
        let (condition, values) = whereClause(selection)
        let statement = try connection.prepare("SELECT count(*) FROM memory_items WHERE \(condition)")
        try statement.bind(values)
        return try statement.step() ? Int(statement.int64(0)) : 0
    }

    /// Removes the selected items (and sessions left without items). With `secure_delete` their bytes
    /// are overwritten in the database, and the truncating checkpoint that follows removes the older
    /// copies of their pages from the WAL.
    @discardableResult
    public func forget(_ selection: ForgetSelection) throws -> Int {
        guard !selection.isEmpty else { throw StoreError.badArgument("forget needs a selection: --id, --match, --from/--to, --retain or --expired") }
        let (condition, values) = whereClause(selection)
        let removed = try connection.transaction {
            try connection.prepare("DELETE FROM memory_items WHERE \(condition)").run(values)
            let removed = connection.changes
            try connection.execute("DELETE FROM sessions WHERE id NOT IN (SELECT session FROM memory_items WHERE session IS NOT NULL)")
            return removed
        }
        try compactTextIndexes()
        try connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return removed
    }

    public func stats() throws -> StoreStats {
        var byKind: [String: Int64] = [:]
        for kind in MemoryKind.allCases { byKind[kind.rawValue] = 0 }
        let kinds = try connection.prepare("SELECT kind, count(*) FROM memory_items GROUP BY kind")
        while try kinds.step() { byKind[kinds.text(0)] = kinds.int64(1) }
        let range = try connection.prepare("SELECT min(time_ms), max(time_ms) FROM memory_items")
        _ = try range.step()
        let oldest = range.optionalInt64(0)
        let newest = range.optionalInt64(1)
        let expired = try connection.prepare("SELECT count(*) FROM memory_items WHERE expires_ms <= ?")
        try expired.bind([.integer(Self.nowMs())])
        _ = try expired.step()
        let summary = envelopeSummary
        let scrypt = summary.scrypt
        return StoreStats(
            path: path,
            schemaVersion: try StoreSchema.currentVersion(connection),
            generation: try connection.integer("SELECT value FROM store_meta WHERE name = 'generation'") ?? 0,
            items: byKind.values.reduce(0, +),
            itemsByKind: byKind,
            sessions: try connection.integer("SELECT count(*) FROM sessions") ?? 0,
            oldestTime: oldest.map(MemoryItemJSON.formatTime),
            newestTime: newest.map(MemoryItemJSON.formatTime),
            expiredItems: expired.int64(0),
            pageSizeBytes: try connection.integer("PRAGMA page_size") ?? 0,
            pages: try connection.integer("PRAGMA page_count") ?? 0,
            freePages: try connection.integer("PRAGMA freelist_count") ?? 0,
            databaseFileBytes: Self.fileSize(path),
            walFileBytes: Self.fileSize(path + "-wal"),
            cipher: "ChaCha20-Poly1305 per \(PageCipher.pageSize)-byte page",
            keyProtection: summary.protector == .passphrase
                ? "passphrase, scrypt N=2^\(scrypt.log2N) r=\(scrypt.r) p=\(scrypt.p) (\(scrypt.memoryBytes >> 20) MiB)"
                : "key file, HKDF-SHA256")
    }

    static func fileSize(_ path: String) -> Int64 {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
    }
}
