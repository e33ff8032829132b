import CSQLite

// SQLite's extended result codes are C macros built from expressions (`SQLITE_IOERR | (3<<8)`),
// which Swift does not import; the values are from sqlite3.h.
let SQLITE_IOERR_SHORT_READ: Int32 = SQLITE_IOERR | (2 << 8)
let SQLITE_IOERR_WRITE: Int32 = SQLITE_IOERR | (3 << 8)
let SQLITE_IOERR_FSYNC: Int32 = SQLITE_IOERR | (4 << 8)
let SQLITE_IOERR_TRUNCATE: Int32 = SQLITE_IOERR | (6 << 8)
/// What a VFS returns for data that fails its check (the cksumvfs extension uses it the same way).
let SQLITE_IOERR_DATA: Int32 = SQLITE_IOERR | (32 << 8)
/// A foreign key constraint failed (an insert naming a row that does not exist).
let SQLITE_CONSTRAINT_FOREIGNKEY: Int32 = SQLITE_CONSTRAINT | (3 << 8)
