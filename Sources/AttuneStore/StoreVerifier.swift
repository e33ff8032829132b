import Foundation

/// The result of `attune store verify`.
public struct StoreVerification: Codable, Equatable, Sendable {
    public var path: String
    public var databasePages: Int
    public var walFrames: Int
    public var authenticWALFrames: Int
    /// The first page that failed, named; nil when every page authenticated.
    public var firstBadPage: String?
    /// Things that are not failures: a torn WAL tail from a crash, main-file pages that the WAL
    /// rewrites at the next checkpoint.
    public var notes: [String]
    /// SQLite's `PRAGMA integrity_check` over the decrypted store ("ok"), when every page authenticated.
    public var integrity: String?

    public var passed: Bool { firstBadPage == nil && integrity == "ok" }
}

/// Authenticates every page of a store's main file and every frame of its WAL, reading the files
/// directly (not through SQLite, whose cache could hide a page), then runs SQLite's integrity check.
public enum StoreVerifier {
    public static func verify(at path: String, key: StoreKeySource) throws -> StoreVerification {
        let absolute = EncryptedStore.absolutePath(path)
        guard FileManager.default.fileExists(atPath: absolute) else { throw StoreError.notFound(path: absolute) }
        let envelope = try KeyEnvelope.read(storePath: absolute)
        let (_, dataKey) = try envelope.open(with: key, storePath: absolute)
        let cipher = PageCipher(dataKey: dataKey)
        var report = StoreVerification(path: absolute, databasePages: 0, walFrames: 0, authenticWALFrames: 0, firstBadPage: nil, notes: [], integrity: nil)

        guard let handle = FileHandle(forReadingAtPath: absolute) else { throw StoreError.unreadable(path: absolute, reason: String(cString: strerror(errno))) }
        defer { try? handle.close() }
        guard [UInt8](handle.readData(ofLength: PageCipher.storeIDByteCount)).count == PageCipher.storeIDByteCount else {
            report.firstBadPage = PageAuthenticationFailure(file: .main, page: 1, frame: nil, reason: "is cut short (the file is truncated)").description
            return report
        }
        let storeID = try StoreIdentity.read(storePath: absolute, cipher: cipher)
        let wal = try WALAuthenticator.scan(walPath: absolute + "-wal", cipher: cipher, storeID: storeID)
        report.walFrames = wal.frames
        report.authenticWALFrames = wal.authenticFrames
        if let tampering = wal.tampering {
            report.firstBadPage = tampering.description
            return report
        }
        if let torn = wal.firstFailure {
            report.notes.append("the WAL ends in \(wal.frames - wal.authenticFrames) frame(s) torn by a crash (from \(torn.description.replacingOccurrences(of: " failed authentication (tampered, moved, or from another store)", with: ""))); SQLite discards them")
        }

        try handle.seek(toOffset: 0)
        let plain = UnsafeMutableRawBufferPointer.allocate(byteCount: PageCipher.pageSize, alignment: 16)
        defer { plain.deallocate() }
        var headerPages: UInt32?
        var pageNumber: UInt32 = 0
        while true {
            let page = [UInt8](handle.readData(ofLength: PageCipher.pageSize))
            if page.isEmpty { break }
            pageNumber += 1
            guard page.count == PageCipher.pageSize else {
                if wal.pagesInLog.contains(pageNumber) {
                    report.notes.append("page \(pageNumber) of the database is cut short by an interrupted checkpoint; the WAL holds it and the next checkpoint writes it")
                    break
                }
                report.firstBadPage = PageAuthenticationFailure(file: .main, page: pageNumber, frame: nil, reason: "is cut short (the file is truncated)").description
                return report
            }
            report.databasePages += 1
            let authentic = page.withUnsafeBytes { cipher.open(page: pageNumber, storeID: storeID, sealed: $0, into: plain) }
            if !authentic {
                if wal.pagesInLog.contains(pageNumber) {
                    report.notes.append("page \(pageNumber) of the database does not authenticate, but the WAL holds a newer authentic copy that the next checkpoint writes over it")
                    continue
                }
                report.firstBadPage = PageAuthenticationFailure(file: .main, page: pageNumber, frame: nil, reason: "failed authentication (tampered, moved, or from another store)").description
                return report
            }
            if pageNumber == 1 {
                // The in-header page count is valid when the change counter matches "version valid for".
                let word = { (offset: Int) in plain.load(fromByteOffset: offset, as: UInt32.self).bigEndian }
                if word(24) == word(92) { headerPages = word(28) }
            }
        }
        if let headerPages, report.databasePages < Int(headerPages) {
            // A checkpoint interrupted by a crash writes page 1 before the pages that grow the file;
            // the WAL still holds those, and the next checkpoint writes them.
            let missing = (UInt32(report.databasePages) + 1)...headerPages
            if let lost = missing.first(where: { !wal.pagesInLog.contains($0) }) {
                report.firstBadPage = PageAuthenticationFailure(file: .main, page: lost, frame: nil, reason: "is missing: the header counts \(headerPages) pages, the file holds \(report.databasePages) (the file is truncated)").description
                return report
            }
            report.notes.append("pages \(missing.lowerBound)–\(headerPages) are not in the database file yet; the WAL holds them and the next checkpoint writes them")
        }
        let store = try EncryptedStore.open(at: absolute, key: key, migrateTo: nil)
        defer { try? store.close() }
        let statement = try store.connection.prepare("PRAGMA integrity_check")
        var lines: [String] = []
        while try statement.step() { lines.append(statement.text(0)) }
        report.integrity = lines.joined(separator: "; ")
        return report
    }
}
