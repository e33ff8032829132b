import Foundation

/// Reads a store's WAL file directly (not through SQLite) and authenticates every frame of the
/// current log: the frames whose salts match the WAL header. Frames after the first one with other
/// salts belong to an earlier, checkpointed log and are ignored, as SQLite ignores them.
///
/// A frame that fails authentication is judged by where it sits. Frames are written in order, and
/// with `synchronous=FULL` a commit is synced before it is acknowledged and before the next
/// transaction writes its first frame. So a failed frame is tampering only if it lies inside
/// committed history: the COMMIT frame of its transaction (the first commit frame at or after it) is
/// followed by the first frame of a later transaction. That frame is recognised by being authentic
/// and by continuing SQLite's checksum chain from the commit frame's checksums, so the stale frames
/// that an earlier crash left beyond the end of the log (authentic, same salts, another chain) do not
/// count. Anything else is crash residue of a transaction that was never synced, so never
/// acknowledged: a frame torn by a power cut, even with authentic frames of the same transaction
/// after it. SQLite's recovery ends the log before it (the VFS gives it zeros, whose checksum fails)
/// and the next commit overwrites it.
///
/// What this cannot tell apart from a crash: damage to the last committed transaction with nothing
/// after it, which loses that transaction as cutting the WAL short would. The generation in the key
/// envelope (`StoreError.rolledBack`) covers what a closed store had committed.
struct WALAuthenticator {
    struct Scan: Equatable {
        var frames = 0
        var authenticFrames = 0
        /// Pages of authentic frames: a main-file page they hold is rewritten at the next checkpoint.
        var pagesInLog: Set<UInt32> = []
        var firstFailure: PageAuthenticationFailure?
        /// Whether a later transaction follows a commit at or after the first failed frame.
        var committedAfterFailure = false

        var tampering: PageAuthenticationFailure? { committedAfterFailure ? firstFailure : nil }
    }

    static func scan(walPath: String, cipher: PageCipher, storeID: [UInt8]) throws -> Scan {
        var scan = Scan()
        guard let handle = FileHandle(forReadingAtPath: walPath) else { return scan }
        defer { try? handle.close() }
        let header = handle.readData(ofLength: Int(EncryptedFile.walHeaderSize))
        guard header.count == Int(EncryptedFile.walHeaderSize) else { return scan }
        let headerBytes = [UInt8](header)
        let salts = Array(headerBytes[16..<24])
        // The WAL magic's low bit says in which byte order SQLite summed the checksums.
        let bigEndianChecksums = headerBytes[3] & 1 == 1
        let frameSize = PageCipher.pageSize + EncryptedFile.walFrameHeaderSize
        let plain = UnsafeMutableRawBufferPointer.allocate(byteCount: PageCipher.pageSize, alignment: 16)
        defer { plain.deallocate() }
        /// The checksums stored in the previous frame if it was a commit at or after the first failure.
        var previousCommit: (UInt32, UInt32)?
        while true {
            let frame = [UInt8](handle.readData(ofLength: frameSize))
            guard frame.count == frameSize, Array(frame[8..<16]) == salts else { break }
            scan.frames += 1
            let page = frame.withUnsafeBytes { EncryptedFile.bigEndianUInt32($0.baseAddress!) }
            let authentic = frame.withUnsafeBytes {
                cipher.open(page: page, storeID: storeID, sealed: UnsafeRawBufferPointer(rebasing: $0[EncryptedFile.walFrameHeaderSize...]), into: plain)
            }
            if authentic {
                scan.authenticFrames += 1
                scan.pagesInLog.insert(page)
                if let start = previousCommit,
                   Self.checksum(frame: frame, page: UnsafeRawBufferPointer(plain), from: start, bigEndian: bigEndianChecksums) == Self.storedChecksums(frame) {
                    scan.committedAfterFailure = true
                }
            } else if scan.firstFailure == nil {
                scan.firstFailure = PageAuthenticationFailure(file: .wal, page: page, frame: scan.frames, reason: "failed authentication (tampered, moved, or from another store)")
            }
            // Bytes 4..<8 of a frame header: the database size after a commit, zero in other frames.
            // Any commit after the failure will do: a transaction chained to it proves it synced,
            // and with it everything before.
            let isCommit = frame[4..<8].contains { $0 != 0 }
            previousCommit = isCommit && scan.firstFailure != nil ? Self.storedChecksums(frame) : nil
        }
        return scan
    }

    /// The two checksums a frame header stores (bytes 16..<24, big-endian).
    static func storedChecksums(_ frame: [UInt8]) -> (UInt32, UInt32) {
        frame.withUnsafeBytes { (EncryptedFile.bigEndianUInt32($0.baseAddress! + 16), EncryptedFile.bigEndianUInt32($0.baseAddress! + 20)) }
    }

    /// SQLite's WAL checksum (`walChecksumBytes` in `wal.c`) of a frame, continuing from the previous
    /// frame's checksums: over the first 8 bytes of its header, then its plaintext page, in 32-bit words.
    static func checksum(frame: [UInt8], page: UnsafeRawBufferPointer, from start: (UInt32, UInt32), bigEndian: Bool) -> (UInt32, UInt32) {
        var (s1, s2) = start
        func add(_ bytes: UnsafeRawBufferPointer) {
            var offset = 0
            while offset < bytes.count {
                var x0 = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
                var x1 = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                if bigEndian { x0 = UInt32(bigEndian: x0); x1 = UInt32(bigEndian: x1) } else { x0 = UInt32(littleEndian: x0); x1 = UInt32(littleEndian: x1) }
                s1 = s1 &+ x0 &+ s2
                s2 = s2 &+ x1 &+ s1
                offset += 8
            }
        }
        frame.withUnsafeBytes { add(UnsafeRawBufferPointer(rebasing: $0[0..<8])) }
        add(page)
        return (s1, s2)
    }
}
