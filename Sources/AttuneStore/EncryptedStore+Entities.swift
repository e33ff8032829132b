import Foundation

/// People, pets, places and organisations named in utterances (schema version 5).
extension EncryptedStore {
    private static let entityColumns = "id, item_id, name, kind, relation, relative_to, phrase"

    /// Stores an entity mention and returns its id. Its item must be in the store.
    @discardableResult
    public func addEntity(_ entity: StoredEntity) throws -> Int64 {
        try connection.transaction {
            try connection.prepare("""
                INSERT INTO memory_entities(item_id, name, name_key, kind, relation, relative_to, phrase) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).run([
                    .integer(entity.itemID), SQLiteValue(entity.name), SQLiteValue(entity.name.map(StoredEntity.key)), .text(entity.kind),
                    SQLiteValue(entity.relation), SQLiteValue(entity.relativeTo), .text(entity.phrase),
                ])
            return connection.lastInsertRowID
        }
    }

    /// Mentions of `relation` of `relativeTo` ("sister" of "sam"), oldest first.
    public func entities(relation: String, relativeTo: String) throws -> [StoredEntity] {
        try entities(where: "relative_to = ? AND relation = ?", [.text(relativeTo), .text(relation)])
    }

    /// The latest `count` mentions of `relativeTo`'s `relation` and the latest mention of each other
    /// name given it, oldest first: every person the relation has reached, and the recent utterances
    /// about them, without reading all of them when one is mentioned thousands of times ("my
    /// neighbour" on a busy household's device). The names are grouped by SQLite over the relation's
    /// index; only the rows returned are read into entities.
    public func entities(relation: String, relativeTo: String, latest count: Int) throws -> [StoredEntity] {
        try entities(where: """
            id IN (SELECT id FROM (SELECT id FROM memory_entities WHERE relative_to = ?1 AND relation = ?2 ORDER BY id DESC LIMIT ?3)
                   UNION SELECT max(id) FROM memory_entities WHERE relative_to = ?1 AND relation = ?2 GROUP BY name_key)
            """, [.text(relativeTo), .text(relation), .integer(Int64(count))])
    }

    /// Mentions of this name (any case), oldest first.
    public func entities(named name: String) throws -> [StoredEntity] {
        try entities(where: "name_key = ?", [.text(StoredEntity.key(name))])
    }

    /// The latest `count` mentions of this name (any case) stored, newest first: for a name said in
    /// hundreds of utterances, the ones recall reaches it by. The index by name holds each name's
    /// mentions in id order, so SQLite reads the last `count` of them backwards without sorting.
    public func entities(named name: String, latest count: Int) throws -> [StoredEntity] {
        try connection.withCachedStatement("SELECT \(Self.entityColumns) FROM memory_entities WHERE name_key = ? ORDER BY id DESC LIMIT ?") { statement in
            try statement.bind([.text(StoredEntity.key(name)), .integer(Int64(count))])
            return try Self.readEntities(statement)
        }
    }

    /// Mentions made in these items.
    public func entities(itemIDs: [Int64]) throws -> [StoredEntity] {
        guard !itemIDs.isEmpty else { return [] }
        return try entities(where: "item_id IN (SELECT value FROM json_each(?))", [.text(Self.idList(itemIDs))])
    }

    /// The distinct names the store knows (lower case), for spotting them in a question.
    public func entityNameKeys() throws -> [String] {
        try connection.withCachedStatement("SELECT DISTINCT name_key FROM memory_entities WHERE name_key IS NOT NULL ORDER BY name_key") { statement in
            var keys: [String] = []
            while try statement.step() { keys.append(statement.text(0)) }
            return keys
        }
    }

    private func entities(where condition: String, _ values: [SQLiteValue]) throws -> [StoredEntity] {
        // Each call site passes one fixed condition, so the statement is parsed once per connection.
        try connection.withCachedStatement("SELECT \(Self.entityColumns) FROM memory_entities WHERE \(condition) ORDER BY id") { statement in
            try statement.bind(values)
            return try Self.readEntities(statement)
        }
    }

    private static func readEntities(_ statement: SQLiteStatement) throws -> [StoredEntity] {
        var found: [StoredEntity] = []
        while try statement.step() {
            found.append(StoredEntity(
                id: statement.int64(0), itemID: statement.int64(1), name: statement.optionalText(2), kind: statement.text(3),
                relation: statement.optionalText(4), relativeTo: statement.optionalText(5), phrase: statement.text(6)))
        }
        return found
    }
}
