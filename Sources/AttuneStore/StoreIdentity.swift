import Foundation

/// Where an existing store's id (the 16 bytes that start page 1, bound into every page's
/// authentication) is read when the store is opened or verified.
///
/// Normally from the main file. But a checkpoint rewrites page 1 of the main file in place, and a
/// power cut in the middle of that write can leave its first sector torn (garbage) while the WAL,
/// synced before the checkpoint began, still holds page 1 whole; SQLite then reads page 1 from the
/// WAL and the next checkpoint writes it again. So when page 1 of the main file does not
/// authenticate under its own first 16 bytes, a WAL frame of page 1 that authenticates under its own
/// first 16 bytes gives the id. Authentication is what proves an id: without the data key no frame
/// can be made to pass, so this accepts nothing that the page check would not.
enum StoreIdentity {
    static func read(storePath: String, cipher: PageCipher) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: storePath) else { throw StoreError.unreadable(path: storePath, reason: String(cString: strerror(errno))) }
        defer { try? handle.close() }
        let page = [UInt8](handle.readData(ofLength: PageCipher.pageSize))
        guard page.count >= PageCipher.storeIDByteCount else {
            throw StoreError.tampered(path: storePath, failure: .init(file: .main, page: 1, frame: nil, reason: "is cut short (the file is truncated)"))
        }
        let fromMain = Array(page[0..<PageCipher.storeIDByteCount])
        if page.count == PageCipher.pageSize && authenticates(page, cipher: cipher) { return fromMain }
        // Otherwise page 1 is refused, named, as soon as it is read from the main file.
        return fromWAL(storePath + "-wal", cipher: cipher) ?? fromMain
    }

    /// Whether a sealed page 1 authenticates under the id it starts with.
    private static func authenticates(_ sealed: [UInt8], cipher: PageCipher) -> Bool {
        let plain = UnsafeMutableRawBufferPointer.allocate(byteCount: PageCipher.pageSize, alignment: 16)
        defer { plain.deallocate() }
        return sealed.withUnsafeBytes { cipher.open(page: 1, storeID: Array(sealed[0..<PageCipher.storeIDByteCount]), sealed: $0, into: plain) }
    }

    /// The id from the first frame of page 1 in the WAL's current log that authenticates.
    private static func fromWAL(_ walPath: String, cipher: PageCipher) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: walPath) else { return nil }
        defer { try? handle.close() }
        let header = [UInt8](handle.readData(ofLength: Int(EncryptedFile.walHeaderSize)))
        guard header.count == Int(EncryptedFile.walHeaderSize) else { return nil }
        let frameSize = PageCipher.pageSize + EncryptedFile.walFrameHeaderSize
        while true {
            let frame = [UInt8](handle.readData(ofLength: frameSize))
            guard frame.count == frameSize, frame[8..<16].elementsEqual(header[16..<24]) else { return nil }
            guard frame.withUnsafeBytes({ EncryptedFile.bigEndianUInt32($0.baseAddress!) }) == 1 else { continue }
            let sealed = Array(frame[EncryptedFile.walFrameHeaderSize...])
            if authenticates(sealed, cipher: cipher) { return Array(sealed[0..<PageCipher.storeIDByteCount]) }
        }
    }
}
