/// The store's schema as a list of versioned migrations. Each runs in its own transaction together
/// with the row that records it in `schema_migrations`, so a store is always at exactly one version;
/// tests open a store built at every older version and check that its items survive.
enum StoreSchema {
    struct Migration {
        let version: Int
        let description: String
        let sql: String
    }

    static let migrations: [Migration] = [
        Migration(version: 1, description: "memory items and sessions", sql: """
            CREATE TABLE sessions(
              id TEXT PRIMARY KEY,
              first_time_ms INTEGER NOT NULL,
              last_time_ms INTEGER NOT NULL);
            CREATE TABLE memory_items(
              id INTEGER PRIMARY KEY,
              kind TEXT NOT NULL CHECK (kind IN ('utterance', 'fact', 'preference', 'event')),
              text TEXT NOT NULL,
              time_ms INTEGER NOT NULL,
              speaker TEXT,
              session TEXT REFERENCES sessions(id),
              tags TEXT NOT NULL DEFAULT '[]',
              expires_ms INTEGER,
              created_ms INTEGER NOT NULL);
            CREATE INDEX memory_items_by_time ON memory_items(time_ms);
            """),
        Migration(version: 2, description: "indexes for expiry and per-session recall", sql: """
            CREATE INDEX memory_items_by_expiry ON memory_items(expires_ms) WHERE expires_ms IS NOT NULL;
            CREATE INDEX memory_items_by_session ON memory_items(session, time_ms);
            """),
        Migration(version: 3, description: "store generation, for detecting a store rolled back to an older copy", sql: """
            CREATE TABLE store_meta(name TEXT PRIMARY KEY, value INTEGER NOT NULL);
            INSERT INTO store_meta(name, value) VALUES ('generation', 0);
            """),
        // One int8 sentence vector per memory item (symmetric, one scale per vector: `vector[i] · scale`
        // ≈ the embedder's float). Keyed by the item's id, which is also the rowid, so fetching a few
        // hundred by id is as many b-tree lookups; deleting the item deletes its vector.
        Migration(version: 4, description: "int8 sentence vectors of memory items", sql: """
            CREATE TABLE memory_vectors(
              item_id INTEGER PRIMARY KEY REFERENCES memory_items(id) ON DELETE CASCADE,
              scale REAL NOT NULL,
              vector BLOB NOT NULL);
            """),
    ]

    static var latestVersion: Int { migrations.last!.version }
    /// The first version with `store_meta`'s generation.
    static let generationVersion = 3

    static func currentVersion(_ connection: SQLiteConnection) throws -> Int {
        try connection.execute("""
            CREATE TABLE IF NOT EXISTS schema_migrations(
              version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_ms INTEGER NOT NULL)
            """)
        return Int(try connection.integer("SELECT coalesce(max(version), 0) FROM schema_migrations") ?? 0)
    }

    /// Brings the schema up to `target` (the latest by default); returns the versions applied.
    @discardableResult
    static func migrate(_ connection: SQLiteConnection, upTo target: Int = latestVersion, nowMs: Int64) throws -> [Int] {
        let current = try currentVersion(connection)
        guard current <= latestVersion else {
            throw StoreError.newerSchema(path: connection.path, version: current, supported: latestVersion)
        }
        var applied: [Int] = []
        for migration in migrations where migration.version > current && migration.version <= target {
            do {
                try connection.transaction {
                    try connection.execute(migration.sql)
                    try connection.prepare("INSERT INTO schema_migrations(version, description, applied_ms) VALUES (?, ?, ?)")
                        .run([.integer(Int64(migration.version)), .text(migration.description), .integer(nowMs)])
                }
            } catch let error as StoreError {
                if case .tampered = error { throw error }
                throw StoreError.migrationFailed(path: connection.path, version: migration.version, message: error.description)
            }
            applied.append(migration.version)
        }
        return applied
    }
}
