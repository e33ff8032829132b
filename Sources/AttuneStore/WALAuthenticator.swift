import Foundation

/// Reads a store's WAL file directly (not through SQLite) and authenticates every frame of the
/// current log: the frames whose salts match the WAL header. Frames after the first one with other
/// salts belong to an earlier, checkpointed log and are ignored, as SQLite ignores them.
///
/// A frame that fails authentication is judged by what follows it. Frames are written in order and a
/// commit is synced before it is acknowledged, so a crash can only damage frames after the last
/// commit: a failed frame with no authentic frame after it is a torn tail, which SQLite discards (and
/// so do we). A failed frame followed by an authentic one cannot come from a crash: it is tampering.
struct WALAuthenticator {
    struct Scan: Equatable {
        var frames = 0
        var authenticFrames = 0
        /// Pages of authentic frames: a main-file page they hold is rewritten at the next checkpoint.
        var pagesInLog: Set<UInt32> = []
        var firstFailure: PageAuthenticationFailure?
        var authenticAfterFailure = false

        var tampering: PageAuthenticationFailure? { authenticAfterFailure ? firstFailure : nil }
    }

    static func scan(walPath: String, cipher: PageCipher, storeID: [UInt8]) throws -> Scan {
        var scan = Scan()
        guard let handle = FileHandle(forReadingAtPath: walPath) else { return scan }
        defer { try? handle.close() }
        let header = handle.readData(ofLength: Int(EncryptedFile.walHeaderSize))
        guard header.count == Int(EncryptedFile.walHeaderSize) else { return scan }
        let headerBytes = [UInt8](header)
        let salts = Array(headerBytes[16..<24])
        let frameSize = PageCipher.pageSize + EncryptedFile.walFrameHeaderSize
        let plain = UnsafeMutableRawBufferPointer.allocate(byteCount: PageCipher.pageSize, alignment: 16)
        defer { plain.deallocate() }
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
                if scan.firstFailure != nil { scan.authenticAfterFailure = true }
            } else if scan.firstFailure == nil {
                scan.firstFailure = PageAuthenticationFailure(file: .wal, page: page, frame: scan.frames, reason: "failed authentication (tampered, moved, or from another store)")
            }
        }
        return scan
    }
}
