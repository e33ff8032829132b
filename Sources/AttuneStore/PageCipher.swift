import Crypto
import Foundation

/// How one SQLite page is kept on disk: ChaCha20-Poly1305 (RFC 8439) with a fresh random nonce for
/// every write. ChaCha rather than AES because a Raspberry Pi 4 has no AES instructions, and
/// ChaCha20 in software is faster there than AES in software and has no table-lookup timing leaks.
///
/// SQLite leaves `reservedBytesPerPage` (28) unused at the end of every page when the store is
/// created with `SQLITE_FCNTL_RESERVE_BYTES`; the nonce and the tag live there, so a page on disk is
/// exactly as long as a page in SQLite's cache and offsets never need translating.
///
///     page N > 1, on disk (page size P = 4096):
///     +------------------------------- P - 28 -------------------------------+--- 12 ---+--- 16 ---+
///     | ChaCha20 ciphertext of SQLite's bytes [0, P - 28)                    |  nonce   |   tag    |
///     +----------------------------------------------------------------------+----------+----------+
///
///     page 1, on disk:
///     +--- 16 ---+------------------------- P - 44 --------------------------+--- 12 ---+--- 16 ---+
///     | store id | ChaCha20 ciphertext of SQLite's bytes [16, P - 28)        |  nonce   |   tag    |
///     +----------+-----------------------------------------------------------+----------+----------+
///
///     associated data (authenticated, not stored with the page) = store id (16) ‖ page number (4, big-endian)
///
/// SQLite's first 16 bytes are always "SQLite format 3\0", so page 1 stores the random store id in
/// their place (as SQLCipher stores its salt) and the file does not start with the SQLite magic. The
/// page number in the associated data refuses a page moved or swapped to another position; the store
/// id refuses a page copied from another database, even one encrypted with the same key. Pages read
/// back give SQLite zeros in the reserved bytes: SQLite never writes anything else there, and WAL
/// checksums (computed by SQLite over the plaintext) stay valid across a write and a read.
final class PageCipher: @unchecked Sendable {
    static let pageSize = 4096
    static let nonceByteCount = 12
    static let tagByteCount = 16
    static let reservedBytesPerPage = nonceByteCount + tagByteCount
    static let storeIDByteCount = 16
    /// What SQLite keeps in the first 16 bytes of page 1.
    static let sqliteMagic: [UInt8] = Array("SQLite format 3\0".utf8)

    private let key: SymmetricKey

    init(dataKey: SymmetricKey) {
        self.key = dataKey
    }

    /// Encrypts `plaintext` (one page as SQLite wrote it) into `output` (one page as it goes to disk).
    func seal(page pageNumber: UInt32, storeID: [UInt8], plaintext: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) {
        let size = Self.pageSize
        precondition(plaintext.count == size && output.count == size && storeID.count == Self.storeIDByteCount)
        let start = pageNumber == 1 ? Self.storeIDByteCount : 0
        let end = size - Self.reservedBytesPerPage
        let nonce = ChaChaPoly.Nonce()
        // A ChaCha20-Poly1305 seal with a valid 32-byte key and 12-byte nonce cannot fail.
        let box = Self.withAssociatedData(page: pageNumber, storeID: storeID) {
            try! ChaChaPoly.seal(UnsafeRawBufferPointer(rebasing: plaintext[start..<end]), using: key, nonce: nonce, authenticating: $0)
        }
        if start > 0 { storeID.withUnsafeBytes { output.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: start) } }
        box.ciphertext.withUnsafeBytes { output.baseAddress!.advanced(by: start).copyMemory(from: $0.baseAddress!, byteCount: end - start) }
        nonce.withUnsafeBytes { output.baseAddress!.advanced(by: end).copyMemory(from: $0.baseAddress!, byteCount: Self.nonceByteCount) }
        box.tag.withUnsafeBytes { output.baseAddress!.advanced(by: end + Self.nonceByteCount).copyMemory(from: $0.baseAddress!, byteCount: Self.tagByteCount) }
    }

    /// Authenticates and decrypts one page from disk into `output`. Returns false (and leaves `output`
    /// zeroed) when the page is not what this store wrote at this position.
    func open(page pageNumber: UInt32, storeID: [UInt8], sealed: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Bool {
        let size = Self.pageSize
        precondition(sealed.count == size && output.count == size && storeID.count == Self.storeIDByteCount)
        let start = pageNumber == 1 ? Self.storeIDByteCount : 0
        let end = size - Self.reservedBytesPerPage
        guard start == 0 || storeID.withUnsafeBytes({ $0.elementsEqual(UnsafeRawBufferPointer(rebasing: sealed[0..<start])) }),
              let nonce = try? ChaChaPoly.Nonce(data: UnsafeRawBufferPointer(rebasing: sealed[end..<(end + Self.nonceByteCount)])),
              let box = try? ChaChaPoly.SealedBox(
                nonce: nonce,
                ciphertext: UnsafeRawBufferPointer(rebasing: sealed[start..<end]),
                tag: UnsafeRawBufferPointer(rebasing: sealed[(end + Self.nonceByteCount)..<size])),
              let plain = Self.withAssociatedData(page: pageNumber, storeID: storeID, { try? ChaChaPoly.open(box, using: key, authenticating: $0) })
        else {
            output.initializeMemory(as: UInt8.self, repeating: 0)
            return false
        }
        plain.withUnsafeBytes { output.baseAddress!.advanced(by: start).copyMemory(from: $0.baseAddress!, byteCount: end - start) }
        if start > 0 { Self.sqliteMagic.withUnsafeBytes { output.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: start) } }
        UnsafeMutableRawBufferPointer(rebasing: output[end...]).initializeMemory(as: UInt8.self, repeating: 0)
        return true
    }

    /// The 20 bytes of associated data, on the stack.
    private static func withAssociatedData<T>(page: UInt32, storeID: [UInt8], _ body: (UnsafeRawBufferPointer) throws -> T) rethrows -> T {
        var bytes: (UInt64, UInt64, UInt32) = (0, 0, page.bigEndian)
        return try withUnsafeMutableBytes(of: &bytes) { raw in
            storeID.withUnsafeBytes { raw.baseAddress!.copyMemory(from: $0.baseAddress!, byteCount: storeIDByteCount) }
            return try body(UnsafeRawBufferPointer(rebasing: raw[0..<(storeIDByteCount + 4)]))
        }
    }
}
