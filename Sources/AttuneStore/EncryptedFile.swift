import CSQLite
import Foundation

/// One file of a store as the encrypting VFS sees it: the platform's unix file underneath, and the
/// translation between SQLite's plaintext pages and sealed pages (`PageCipher`) on the way through.
///
/// Where pages sit differs by file kind (SQLite's `pager.c` and `wal.c` header comments):
/// - main database: page N at (N-1)·P. SQLite writes whole pages but may read less than a page
///   (the 100-byte header at open; overflow pages read directly), so every read decrypts whole pages.
/// - WAL: a 32-byte header, then frames of a 24-byte header (page number, checksums, salts; left in
///   plaintext, it holds no content) and a page. SQLite writes the frame header and the page in two
///   calls, and reads them in one call while recovering the log.
/// - rollback journal: sector-aligned headers, then records of page number (4) + page + checksum (4);
///   each part is written and read in its own call. A page-sized call at an offset that is not
///   sector-aligned is a page (records start 4 bytes past a multiple of 8, headers on multiples of 512).
final class EncryptedFile {
    enum Kind { case main, wal, journal }

    static let walHeaderSize: Int64 = 32
    static let walFrameHeaderSize = 24

    let kind: Kind
    let context: StoreFileContext
    let base: UnsafeMutablePointer<sqlite3_file>
    private let pageSize = PageCipher.pageSize
    private let sealedScratch: UnsafeMutableRawBufferPointer
    private let plainScratch: UnsafeMutableRawBufferPointer
    private let frameScratch: UnsafeMutableRawBufferPointer
    /// The frame whose header SQLite wrote last, and its page number: the page comes next.
    private var lastFrameHeader: (frame: Int64, page: UInt32)?

    init(kind: Kind, context: StoreFileContext, base: UnsafeMutablePointer<sqlite3_file>) {
        self.kind = kind
        self.context = context
        self.base = base
        sealedScratch = .allocate(byteCount: PageCipher.pageSize, alignment: 16)
        plainScratch = .allocate(byteCount: PageCipher.pageSize, alignment: 16)
        frameScratch = .allocate(byteCount: PageCipher.pageSize + Self.walFrameHeaderSize, alignment: 16)
    }

    deinit {
        sealedScratch.deallocate()
        plainScratch.deallocate()
        frameScratch.deallocate()
    }

    private var frameSize: Int64 { Int64(pageSize + Self.walFrameHeaderSize) }

    // MARK: - The file underneath

    func baseRead(_ buffer: UnsafeMutableRawPointer, _ amount: Int, _ offset: Int64) -> Int32 {
        base.pointee.pMethods.pointee.xRead(base, buffer, Int32(amount), offset)
    }

    func baseWrite(_ buffer: UnsafeRawPointer, _ amount: Int, _ offset: Int64) -> Int32 {
        switch context.faults.faultForNextWrite() {
        case nil: return writeToDisk(buffer, amount, offset)
        case .ioError: return SQLITE_IOERR_WRITE
        case .diskFull: return SQLITE_FULL
        case .shortWrite:
            _ = writeToDisk(buffer, amount / 2, offset)
            return SQLITE_FULL
        }
    }

    /// The unix file's write, which a power-loss test (`PowerLossSimulator`) sees before it happens.
    private func writeToDisk(_ buffer: UnsafeRawPointer, _ amount: Int, _ offset: Int64) -> Int32 {
        if let powerLoss = context.powerLoss, !powerLoss.willWrite(kind, UnsafeRawBufferPointer(start: buffer, count: amount), at: offset) {
            return SQLITE_IOERR_WRITE
        }
        return base.pointee.pMethods.pointee.xWrite(base, buffer, Int32(amount), offset)
    }

    func sync(flags: Int32) -> Int32 {
        if let powerLoss = context.powerLoss, !powerLoss.willSync(kind) { return SQLITE_IOERR_FSYNC }
        return base.pointee.pMethods.pointee.xSync(base, flags)
    }

    func truncate(to size: Int64) -> Int32 {
        if let powerLoss = context.powerLoss, !powerLoss.willTruncate(kind, to: size) { return SQLITE_IOERR_TRUNCATE }
        return base.pointee.pMethods.pointee.xTruncate(base, size)
    }

    func baseSize() -> Int64 {
        var size: sqlite3_int64 = 0
        return base.pointee.pMethods.pointee.xFileSize(base, &size) == SQLITE_OK ? size : 0
    }

    /// Takes the store id from page 1 of an existing main file, unless the store already found it
    /// (`StoreIdentity`); a new file keeps the context's fresh id.
    func adoptStoreID() -> Int32 {
        guard kind == .main, !context.hasStoreID, baseSize() >= Int64(PageCipher.storeIDByteCount) else { return SQLITE_OK }
        var id = [UInt8](repeating: 0, count: PageCipher.storeIDByteCount)
        let rc = id.withUnsafeMutableBytes { baseRead($0.baseAddress!, $0.count, 0) }
        guard rc == SQLITE_OK else { return rc }
        context.adopt(storeID: id)
        return SQLITE_OK
    }

    // MARK: - Read

    func read(into buffer: UnsafeMutableRawPointer, amount: Int, offset: Int64) -> Int32 {
        switch kind {
        case .main: return readMain(into: buffer, amount: amount, offset: offset)
        case .wal: return readWAL(into: buffer, amount: amount, offset: offset)
        case .journal: return readJournal(into: buffer, amount: amount, offset: offset)
        }
    }

    private func readMain(into buffer: UnsafeMutableRawPointer, amount: Int, offset: Int64) -> Int32 {
        let size = Int64(pageSize)
        var position = offset
        let end = offset + Int64(amount)
        var short = false
        while position < end {
            let pageStart = position / size * size
            let pageNumber = UInt32(pageStart / size + 1)
            let within = Int(position - pageStart)
            let count = Int(min(size - Int64(within), end - position))
            let destination = buffer.advanced(by: Int(position - offset))
            let rc = baseRead(sealedScratch.baseAddress!, pageSize, pageStart)
            if rc == SQLITE_IOERR_SHORT_READ {
                guard baseSize() <= pageStart else {
                    context.record(.init(file: .main, page: pageNumber, frame: nil, reason: "is cut short (the file is truncated)"))
                    return SQLITE_IOERR_DATA
                }
                destination.initializeMemory(as: UInt8.self, repeating: 0, count: count)
                short = true
            } else if rc != SQLITE_OK {
                return rc
            } else {
                if !context.cipher.open(page: pageNumber, storeID: context.storeID, sealed: UnsafeRawBufferPointer(sealedScratch), into: plainScratch) {
                    if pageNumber == 1 && offset + Int64(amount) <= Int64(Self.fixedHeader.count) {
                        // SQLite reads the first 100 bytes straight from the file while opening, before
                        // it looks at the WAL, only to learn the page size and reserved bytes. A crash
                        // in a checkpoint can leave page 1 torn here while the WAL holds it whole, so
                        // this read gets those two constants of every store; the page itself is read
                        // later through the pager (from the WAL, or failing here if it is not there).
                        Self.fixedHeader.withUnsafeBytes { destination.copyMemory(from: $0.baseAddress!.advanced(by: within), byteCount: count) }
                        position += Int64(count)
                        continue
                    }
                    context.record(.init(file: .main, page: pageNumber, frame: nil, reason: "failed authentication (tampered, moved, or from another store)"))
                    return SQLITE_IOERR_DATA
                }
                if pageNumber == 1 && plainScratch[20] != UInt8(PageCipher.reservedBytesPerPage) {
                    context.record(.init(file: .main, page: 1, frame: nil, reason: "reserves \(plainScratch[20]) bytes per page, not \(PageCipher.reservedBytesPerPage)"))
                    return SQLITE_IOERR_DATA
                }
                destination.copyMemory(from: plainScratch.baseAddress!.advanced(by: within), byteCount: count)
            }
            position += Int64(count)
        }
        return short ? SQLITE_IOERR_SHORT_READ : SQLITE_OK
    }

    private func readWAL(into buffer: UnsafeMutableRawPointer, amount: Int, offset: Int64) -> Int32 {
        var position = offset
        let end = offset + Int64(amount)
        var short = false
        while position < end {
            let destination = buffer.advanced(by: Int(position - offset))
            if position < Self.walHeaderSize {
                let count = Int(min(Self.walHeaderSize, end) - position)
                let rc = baseRead(destination, count, position)
                if rc == SQLITE_IOERR_SHORT_READ { short = true } else if rc != SQLITE_OK { return rc }
                position += Int64(count)
                continue
            }
            let frame = (position - Self.walHeaderSize) / frameSize
            let frameStart = Self.walHeaderSize + frame * frameSize
            let within = Int(position - frameStart)
            let count = Int(min(frameSize - Int64(within), end - position))
            if within + count <= Self.walFrameHeaderSize {
                let rc = baseRead(destination, count, position)
                if rc == SQLITE_IOERR_SHORT_READ { short = true } else if rc != SQLITE_OK { return rc }
                position += Int64(count)
                continue
            }
            let rc = baseRead(frameScratch.baseAddress!, Int(frameSize), frameStart)
            if rc == SQLITE_IOERR_SHORT_READ {
                // A frame cut short (a crash while it was written): give what exists of its header and
                // zeros for the page; SQLite's checksum then ends the log before it.
                plainScratch.initializeMemory(as: UInt8.self, repeating: 0)
                short = true
            } else if rc != SQLITE_OK {
                return rc
            } else {
                let pageNumber = Self.bigEndianUInt32(frameScratch.baseAddress!)
                let sealed = UnsafeRawBufferPointer(rebasing: frameScratch[Self.walFrameHeaderSize...])
                if !context.cipher.open(page: pageNumber, storeID: context.storeID, sealed: sealed, into: plainScratch) {
                    let failure = PageAuthenticationFailure(file: .wal, page: pageNumber, frame: Int(frame) + 1, reason: "failed authentication (tampered, moved, or from another store)")
                    guard within == 0 else {
                        context.record(failure)
                        return SQLITE_IOERR_DATA
                    }
                    // SQLite reads a whole frame only while it scans the log (recovery, checksum
                    // rewrite). Zeros fail its checksum, so the log ends here, as after a torn write;
                    // the store checks before opening that no later transaction follows it (see
                    // `WALAuthenticator`).
                    context.recordDuringRecovery(failure)
                }
            }
            let headerBytes = max(0, min(Self.walFrameHeaderSize - within, count))
            if headerBytes > 0 {
                destination.copyMemory(from: frameScratch.baseAddress!.advanced(by: within), byteCount: headerBytes)
            }
            if count > headerBytes {
                let pageStart = within + headerBytes - Self.walFrameHeaderSize
                destination.advanced(by: headerBytes).copyMemory(from: plainScratch.baseAddress!.advanced(by: pageStart), byteCount: count - headerBytes)
            }
            if within == Self.walFrameHeaderSize && count == pageSize && !short {
                context.checkpointCarry.remember(
                    page: Self.bigEndianUInt32(frameScratch.baseAddress!),
                    sealed: UnsafeRawBufferPointer(rebasing: frameScratch[Self.walFrameHeaderSize...]), plain: UnsafeRawBufferPointer(plainScratch))
            }
            position += Int64(count)
        }
        return short ? SQLITE_IOERR_SHORT_READ : SQLITE_OK
    }

    private func readJournal(into buffer: UnsafeMutableRawPointer, amount: Int, offset: Int64) -> Int32 {
        guard isJournalPage(amount: amount, offset: offset) else { return baseRead(buffer, amount, offset) }
        var pageBytes: UInt32 = 0
        var rc = baseRead(&pageBytes, 4, offset - 4)
        guard rc == SQLITE_OK else { return rc }
        let pageNumber = UInt32(bigEndian: pageBytes)
        rc = baseRead(sealedScratch.baseAddress!, pageSize, offset)
        if rc == SQLITE_IOERR_SHORT_READ {
            buffer.initializeMemory(as: UInt8.self, repeating: 0, count: amount)
            return rc
        }
        guard rc == SQLITE_OK else { return rc }
        guard context.cipher.open(page: pageNumber, storeID: context.storeID, sealed: UnsafeRawBufferPointer(sealedScratch), into: plainScratch) else {
            context.record(.init(file: .journal, page: pageNumber, frame: nil, reason: "failed authentication (tampered, moved, or from another store)"))
            return SQLITE_IOERR_DATA
        }
        buffer.copyMemory(from: plainScratch.baseAddress!, byteCount: pageSize)
        return SQLITE_OK
    }

    // MARK: - Write

    func write(from buffer: UnsafeRawPointer, amount: Int, offset: Int64) -> Int32 {
        switch kind {
        case .main: return writeMain(from: buffer, amount: amount, offset: offset)
        case .wal: return writeWAL(from: buffer, amount: amount, offset: offset)
        case .journal:
            guard isJournalPage(amount: amount, offset: offset) else { return baseWrite(buffer, amount, offset) }
            var pageBytes: UInt32 = 0
            let rc = baseRead(&pageBytes, 4, offset - 4)
            guard rc == SQLITE_OK else { return rc }
            return sealAndWrite(page: UInt32(bigEndian: pageBytes), plaintext: buffer, at: offset)
        }
    }

    private func writeMain(from buffer: UnsafeRawPointer, amount: Int, offset: Int64) -> Int32 {
        let size = Int64(pageSize)
        guard offset % size == 0, amount % pageSize == 0 else {
            // SQLite writes whole pages to the main file; anything else is refused rather than
            // sealed half-known.
            return SQLITE_IOERR_WRITE
        }
        for index in 0..<(amount / pageSize) {
            let pageStart = offset + Int64(index * pageSize)
            let pageNumber = UInt32(pageStart / size + 1)
            let plaintext = buffer.advanced(by: index * pageSize)
            if pageNumber == 1 && plaintext.load(fromByteOffset: 20, as: UInt8.self) != UInt8(PageCipher.reservedBytesPerPage) {
                // Without the reserved bytes the tag would overwrite SQLite's data.
                return SQLITE_IOERR_WRITE
            }
            let rc: Int32
            if context.checkpointCarry.take(page: pageNumber, plain: UnsafeRawBufferPointer(start: plaintext, count: pageSize), into: sealedScratch) {
                rc = baseWrite(sealedScratch.baseAddress!, pageSize, pageStart)
            } else {
                rc = sealAndWrite(page: pageNumber, plaintext: plaintext, at: pageStart)
            }
            guard rc == SQLITE_OK else { return rc }
        }
        return SQLITE_OK
    }

    private func writeWAL(from buffer: UnsafeRawPointer, amount: Int, offset: Int64) -> Int32 {
        if offset + Int64(amount) <= Self.walHeaderSize { return baseWrite(buffer, amount, offset) }
        guard offset >= Self.walHeaderSize else { return SQLITE_IOERR_WRITE }
        let frame = (offset - Self.walHeaderSize) / frameSize
        let frameStart = Self.walHeaderSize + frame * frameSize
        let within = Int(offset - frameStart)
        switch (within, amount) {
        case (0, Self.walFrameHeaderSize):
            lastFrameHeader = (frame, Self.bigEndianUInt32(buffer))
            return baseWrite(buffer, amount, offset)
        case (Self.walFrameHeaderSize, pageSize):
            var pageNumber: UInt32
            if let header = lastFrameHeader, header.frame == frame {
                pageNumber = header.page
            } else {
                // A page rewritten in place within one transaction: its header is already on disk.
                var pageBytes: UInt32 = 0
                let rc = baseRead(&pageBytes, 4, frameStart)
                guard rc == SQLITE_OK else { return rc }
                pageNumber = UInt32(bigEndian: pageBytes)
            }
            return sealAndWrite(page: pageNumber, plaintext: buffer, at: offset)
        case (0, Self.walFrameHeaderSize + pageSize):
            let pageNumber = Self.bigEndianUInt32(buffer)
            let rc = baseWrite(buffer, Self.walFrameHeaderSize, offset)
            guard rc == SQLITE_OK else { return rc }
            return sealAndWrite(page: pageNumber, plaintext: buffer.advanced(by: Self.walFrameHeaderSize), at: offset + Int64(Self.walFrameHeaderSize))
        default:
            return SQLITE_IOERR_WRITE
        }
    }

    private func sealAndWrite(page pageNumber: UInt32, plaintext: UnsafeRawPointer, at offset: Int64) -> Int32 {
        context.cipher.seal(
            page: pageNumber, storeID: context.storeID,
            plaintext: UnsafeRawBufferPointer(start: plaintext, count: pageSize), into: sealedScratch)
        return baseWrite(sealedScratch.baseAddress!, pageSize, offset)
    }

    private func isJournalPage(amount: Int, offset: Int64) -> Bool {
        amount == pageSize && offset % 512 != 0 && offset >= 4
    }

    /// The database header fields every store shares: magic, page size 4096, WAL file format (2, 2),
    /// 28 reserved bytes, payload fractions 64/32/32; the rest zero.
    static let fixedHeader: [UInt8] = {
        var header = PageCipher.sqliteMagic + [0x10, 0x00, 2, 2, UInt8(PageCipher.reservedBytesPerPage), 64, 32, 32]
        header += [UInt8](repeating: 0, count: 100 - header.count)
        return header
    }()

    static func bigEndianUInt32(_ pointer: UnsafeRawPointer) -> UInt32 {
        UInt32(bigEndian: pointer.loadUnaligned(as: UInt32.self))
    }
}
