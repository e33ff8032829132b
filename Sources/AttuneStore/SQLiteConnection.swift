import CSQLite
import Foundation

/// A thin owner of one `sqlite3*` through the raw C API (no GRDB: the store needs file controls and
/// a custom VFS at open, and the raw API keeps the binary small on a Pi). Errors name the store, and
/// an authentication failure seen by the VFS replaces SQLite's generic "disk I/O error".
final class SQLiteConnection {
    let handle: OpaquePointer
    let path: String
    private let context: StoreFileContext?
    /// Statements that run on every call of a hot path, prepared once (finalized at `close`).
    var cachedStatements: [String: SQLiteStatement] = [:]

    init(uri: String, path: String, flags: Int32, vfs: String?, context: StoreFileContext?) throws {
        var db: OpaquePointer?
        let rc = sqlite3_open_v2(uri, &db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, vfs)
        guard rc == SQLITE_OK, let db else {
            let message = db.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            sqlite3_close_v2(db)
            // SQLite reads the database header while opening: page 1 may already have failed.
            if let failure = context?.failure { throw StoreError.tampered(path: path, failure: failure) }
            throw StoreError.sqlite(path: path, code: rc, message: message)
        }
        sqlite3_extended_result_codes(db, 1)
        handle = db
        self.path = path
        self.context = context
    }

    func close() {
        cachedStatements.removeAll()
        sqlite3_close_v2(handle)
    }

    func error(_ rc: Int32) -> StoreError {
        if let failure = context?.failure { return .tampered(path: path, failure: failure) }
        return .sqlite(path: path, code: rc, message: String(cString: sqlite3_errmsg(handle)))
    }

    func execute(_ sql: String) throws {
        let rc = sqlite3_exec(handle, sql, nil, nil, nil)
        guard rc == SQLITE_OK else { throw error(rc) }
    }

    func prepare(_ sql: String) throws -> SQLiteStatement {
        var statement: OpaquePointer?
        let rc = sqlite3_prepare_v2(handle, sql, -1, &statement, nil)
        guard rc == SQLITE_OK, let statement else { throw error(rc) }
        return SQLiteStatement(statement, connection: self)
    }

    /// Runs `body` with `sql` prepared once per connection and kept in `cachedStatements` (for the
    /// statements of hot paths: a parse is tens of microseconds), reset afterwards so it holds no
    /// read snapshot open. `body` must not run the same statement again inside itself.
    func withCachedStatement<Result>(_ sql: String, _ body: (SQLiteStatement) throws -> Result) throws -> Result {
        let statement: SQLiteStatement
        if let cached = cachedStatements[sql] {
            statement = cached
        } else {
            statement = try prepare(sql)
            cachedStatements[sql] = statement
        }
        defer { statement.reset() }
        return try body(statement)
    }

    /// The first column of the first row, as an integer.
    func integer(_ sql: String) throws -> Int64? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.int64(0) : nil
    }

    func text(_ sql: String) throws -> String? {
        let statement = try prepare(sql)
        return try statement.step() ? statement.text(0) : nil
    }

    /// Runs `body` in one write transaction: committed if it returns, rolled back if it throws.
    /// Inside another transaction it is a savepoint of that one, so store calls compose: the memory
    /// engine's observe adds an utterance, its vector and its records as one commit.
    func transaction<T>(_ body: () throws -> T) throws -> T {
        if sqlite3_get_autocommit(handle) == 0 {
            try execute("SAVEPOINT nested")
            do {
                let result = try body()
                try execute("RELEASE nested")
                return result
            } catch {
                sqlite3_exec(handle, "ROLLBACK TO nested; RELEASE nested", nil, nil, nil)
                throw error
            }
        }
        try execute("BEGIN IMMEDIATE")
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            sqlite3_exec(handle, "ROLLBACK", nil, nil, nil)
            throw error
        }
    }

    var totalChanges: Int64 { Int64(sqlite3_total_changes(handle)) }
    var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }
    var changes: Int { Int(sqlite3_changes(handle)) }
}

/// One prepared statement; finalized when released.
final class SQLiteStatement {
    let handle: OpaquePointer
    private let connection: SQLiteConnection

    init(_ handle: OpaquePointer, connection: SQLiteConnection) {
        self.handle = handle
        self.connection = connection
    }

    deinit { sqlite3_finalize(handle) }

    /// SQLite copies bound text at once (`SQLITE_TRANSIENT`).
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func bind(_ values: [SQLiteValue]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (index, value) in values.enumerated() {
            let position = Int32(index + 1)
            let rc: Int32
            switch value {
            case .null: rc = sqlite3_bind_null(handle, position)
            case let .integer(number): rc = sqlite3_bind_int64(handle, position, number)
            case let .text(text): rc = sqlite3_bind_text(handle, position, text, -1, Self.transient)
            case let .real(number): rc = sqlite3_bind_double(handle, position, number)
            case let .blob(bytes):
                rc = bytes.withUnsafeBytes { sqlite3_bind_blob(handle, position, $0.baseAddress, Int32($0.count), Self.transient) }
            }
            guard rc == SQLITE_OK else { throw connection.error(rc) }
        }
    }

    /// Steps once: true for a row, false when done.
    func step() throws -> Bool {
        let rc = sqlite3_step(handle)
        if rc == SQLITE_ROW { return true }
        if rc == SQLITE_DONE { return false }
        let failure = connection.error(rc)
        sqlite3_reset(handle)
        throw failure
    }

    /// Ends a step in progress, so the statement holds no read snapshot open.
    func reset() { sqlite3_reset(handle) }

    func run(_ values: [SQLiteValue] = []) throws {
        try bind(values)
        while try step() {}
    }

    func isNull(_ column: Int32) -> Bool { sqlite3_column_type(handle, column) == SQLITE_NULL }
    func int64(_ column: Int32) -> Int64 { sqlite3_column_int64(handle, column) }
    func text(_ column: Int32) -> String { sqlite3_column_text(handle, column).map { String(cString: $0) } ?? "" }
    func optionalText(_ column: Int32) -> String? { isNull(column) ? nil : text(column) }
    func optionalInt64(_ column: Int32) -> Int64? { isNull(column) ? nil : int64(column) }
    func double(_ column: Int32) -> Double { sqlite3_column_double(handle, column) }
    /// The column's bytes, valid until the next step, reset or finalize (no copy is made).
    func blob(_ column: Int32) -> UnsafeRawBufferPointer {
        let count = Int(sqlite3_column_bytes(handle, column))
        guard count > 0, let base = sqlite3_column_blob(handle, column) else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: base, count: count)
    }
}

enum SQLiteValue: Equatable {
    case null
    case integer(Int64)
    case text(String)
    case real(Double)
    case blob([UInt8])

    init(_ text: String?) { self = text.map { .text($0) } ?? .null }
    init(_ number: Int64?) { self = number.map { .integer($0) } ?? .null }
}
