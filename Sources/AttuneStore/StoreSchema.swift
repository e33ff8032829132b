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
        // What the memory engine derives from each utterance (docs/MEMORY.md), all tied to the item it
        // came from, so deleting an utterance deletes everything derived from it (the cascades and the
        // triggers below). The FTS5 tables index the items' texts and the records' statements as
        // external-content tables (no second copy of the text); SQLite 3.40 (Debian 12) predates FTS5's
        // 'secure-delete' option (3.42), so a forget ends with FTS5's 'optimize', which rewrites the
        // index without the deleted tokens, and `secure_delete` zeroes the pages it frees.
        Migration(version: 5, description: "memory entities, records, requests and full-text indexes", sql: """
            CREATE TABLE memory_entities(
              id INTEGER PRIMARY KEY,
              item_id INTEGER NOT NULL REFERENCES memory_items(id) ON DELETE CASCADE,
              name TEXT,
              name_key TEXT,
              kind TEXT NOT NULL CHECK (kind IN ('person', 'pet', 'place', 'organisation')),
              relation TEXT,
              relative_to TEXT,
              phrase TEXT NOT NULL);
            CREATE INDEX memory_entities_by_item ON memory_entities(item_id);
            CREATE INDEX memory_entities_by_name ON memory_entities(name_key) WHERE name_key IS NOT NULL;
            CREATE INDEX memory_entities_by_relation ON memory_entities(relative_to, relation);
            CREATE TABLE memory_records(
              id INTEGER PRIMARY KEY,
              item_id INTEGER NOT NULL REFERENCES memory_items(id) ON DELETE CASCADE,
              kind TEXT NOT NULL CHECK (kind IN ('fact', 'preference', 'feeling', 'event')),
              subject TEXT NOT NULL,
              slot TEXT,
              value TEXT,
              statement TEXT NOT NULL,
              time_ms INTEGER NOT NULL,
              status TEXT NOT NULL DEFAULT 'current' CHECK (status IN ('current', 'superseded')),
              superseded_by INTEGER REFERENCES memory_records(id) ON DELETE SET NULL,
              event_label TEXT,
              event_owner TEXT,
              event_start_ms INTEGER,
              event_end_ms INTEGER,
              event_state TEXT CHECK (event_state IN ('planned', 'moved', 'cancelled', 'happened')),
              outcome TEXT,
              no_ask INTEGER NOT NULL DEFAULT 0);
            CREATE INDEX memory_records_by_item ON memory_records(item_id);
            CREATE INDEX memory_records_by_slot ON memory_records(subject, slot) WHERE slot IS NOT NULL;
            CREATE INDEX memory_records_by_event ON memory_records(event_owner, event_start_ms) WHERE event_label IS NOT NULL;
            CREATE TABLE memory_requests(
              id INTEGER PRIMARY KEY,
              item_id INTEGER NOT NULL REFERENCES memory_items(id) ON DELETE CASCADE,
              kind TEXT NOT NULL CHECK (kind IN ('do_not_ask', 'allow_asking')),
              target TEXT NOT NULL,
              time_ms INTEGER NOT NULL);
            CREATE VIRTUAL TABLE memory_items_fts USING fts5(text, content='memory_items', content_rowid='id', tokenize='porter unicode61');
            INSERT INTO memory_items_fts(memory_items_fts) VALUES ('rebuild');
            CREATE TRIGGER memory_items_fts_insert AFTER INSERT ON memory_items BEGIN
              INSERT INTO memory_items_fts(rowid, text) VALUES (new.id, new.text);
            END;
            CREATE TRIGGER memory_items_fts_delete AFTER DELETE ON memory_items BEGIN
              INSERT INTO memory_items_fts(memory_items_fts, rowid, text) VALUES ('delete', old.id, old.text);
            END;
            CREATE TRIGGER memory_items_fts_update AFTER UPDATE OF text ON memory_items BEGIN
              INSERT INTO memory_items_fts(memory_items_fts, rowid, text) VALUES ('delete', old.id, old.text);
              INSERT INTO memory_items_fts(rowid, text) VALUES (new.id, new.text);
            END;
            CREATE VIRTUAL TABLE memory_records_fts USING fts5(statement, content='memory_records', content_rowid='id', tokenize='porter unicode61');
            CREATE TRIGGER memory_records_fts_insert AFTER INSERT ON memory_records BEGIN
              INSERT INTO memory_records_fts(rowid, statement) VALUES (new.id, new.statement);
            END;
            CREATE TRIGGER memory_records_fts_delete AFTER DELETE ON memory_records BEGIN
              INSERT INTO memory_records_fts(memory_records_fts, rowid, statement) VALUES ('delete', old.id, old.statement);
            END;
            CREATE TRIGGER memory_records_fts_update AFTER UPDATE OF statement ON memory_records BEGIN
              INSERT INTO memory_records_fts(memory_records_fts, rowid, statement) VALUES ('delete', old.id, old.statement);
              INSERT INTO memory_records_fts(rowid, statement) VALUES (new.id, new.statement);
            END;
            """),
        // The rapport engine's model of each person (docs/RAPPORT.md, "User model"): standing
        // preferences, topic bans, intensity, the per-session prosody summaries the baseline is the
        // median of, and the usage pattern. One row per person, the model as a versioned JSON
        // document (the engine's `UserModel`, Codable), so the model can grow without a migration
        // per field; it is written in the same transaction as the turn that changed it.
        Migration(version: 6, description: "rapport user models", sql: """
            CREATE TABLE rapport_models(
              person TEXT PRIMARY KEY,
              model TEXT NOT NULL,
              updated_ms INTEGER NOT NULL);
            """),
        // Events by when they are over, the expressions the follow-ups and recall's time retriever
        // read them by (`followupEventRecords`, `currentEventRecords(overlapping:_:upToMs:)`), so each
        // reads the events near a time instead of every event the store holds.
        Migration(version: 7, description: "events by when they are over", sql: """
            CREATE INDEX memory_records_by_event_over ON memory_records(max(event_start_ms, coalesce(event_end_ms, event_start_ms)))
              WHERE event_label IS NOT NULL AND event_start_ms IS NOT NULL;
            CREATE INDEX memory_records_by_event_end ON memory_records(max(event_start_ms + 1, coalesce(event_end_ms, event_start_ms + 1)))
              WHERE event_label IS NOT NULL AND status = 'current';
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
