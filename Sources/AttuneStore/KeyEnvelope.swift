import Crypto
import Foundation

/// The store's key envelope, `STORE.key` beside the database: the random 256-bit data key that seals
/// every page, itself sealed (ChaCha20-Poly1305) by a key-encryption key derived from a passphrase or
/// a key file. Rekeying re-seals the data key; no page is rewritten.
///
///     offset size
///      0      8   magic "ATTUNEK1"
///      8      1   format version (1)
///      9      1   protector: 1 = passphrase (scrypt), 2 = key file (HKDF-SHA256)
///     10      3   scrypt log2(N), r, p
///     13      3   zero
///     16     16   salt
///     32      8   generation (big-endian): the store generation last closed cleanly
///     40     12   nonce
///     52     32   sealed data key
///     84     16   tag
///                 associated data = bytes [0, 40): every field above is authenticated
///
/// A wrong passphrase or key fails the tag, which is how "wrong passphrase or key" is told apart
/// from a damaged store.
struct KeyEnvelope: Equatable {
    enum Protector: UInt8 { case passphrase = 1, keyFile = 2 }

    static let magic = Array("ATTUNEK1".utf8)
    static let size = 100

    var protector: Protector
    var scrypt: ScryptParameters
    var salt: [UInt8]
    var generation: Int64
    var nonce: [UInt8]
    var sealedKey: [UInt8]
    var tag: [UInt8]

    static func path(forStore store: String) -> String { store + ".key" }

    /// Seals `dataKey` under a key derived from `source` with a fresh salt.
    static func seal(dataKey: SymmetricKey, source: StoreKeySource, scrypt: ScryptParameters, generation: Int64) throws -> (KeyEnvelope, SymmetricKey) {
        var generator = SystemRandomNumberGenerator()
        let salt = (0..<16).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let kek = try source.keyEncryptionKey(salt: salt, scrypt: scrypt)
        var envelope = KeyEnvelope(protector: source.protector, scrypt: scrypt, salt: salt, generation: generation, nonce: [], sealedKey: [], tag: [])
        envelope.reseal(dataKey: dataKey, with: kek)
        return (envelope, kek)
    }

    /// Seals the data key again (new nonce), for instance after the generation changed.
    mutating func reseal(dataKey: SymmetricKey, with kek: SymmetricKey) {
        let box = try! ChaChaPoly.seal(dataKey.withUnsafeBytes { Array($0) }, using: kek, authenticating: headerBytes)
        nonce = Array(box.nonce.withUnsafeBytes { Array($0) })
        sealedKey = Array(box.ciphertext)
        tag = Array(box.tag)
    }

    /// Opens the envelope: the key-encryption key and the data key, or `wrongKey`.
    func open(with source: StoreKeySource, storePath: String) throws -> (kek: SymmetricKey, dataKey: SymmetricKey) {
        guard source.protector == protector else {
            let wanted = protector == .passphrase ? "a passphrase" : "a key file (--key-file)"
            throw StoreError.badArgument("the store \(storePath) is locked with \(wanted); \(StoreError.wrongKey(path: storePath))")
        }
        let kek = try source.keyEncryptionKey(salt: salt, scrypt: scrypt)
        guard let box = try? ChaChaPoly.SealedBox(nonce: ChaChaPoly.Nonce(data: nonce), ciphertext: sealedKey, tag: tag),
              let key = try? ChaChaPoly.open(box, using: kek, authenticating: headerBytes)
        else { throw StoreError.wrongKey(path: storePath) }
        return (kek, SymmetricKey(data: key))
    }

    var headerBytes: [UInt8] {
        var bytes = Self.magic
        bytes += [1, protector.rawValue, scrypt.log2N, scrypt.r, scrypt.p, 0, 0, 0]
        bytes += salt
        bytes += (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: generation) >> (56 - 8 * $0)) }
        return bytes
    }

    var bytes: [UInt8] { headerBytes + nonce + sealedKey + tag }

    init(protector: Protector, scrypt: ScryptParameters, salt: [UInt8], generation: Int64, nonce: [UInt8], sealedKey: [UInt8], tag: [UInt8]) {
        self.protector = protector
        self.scrypt = scrypt
        self.salt = salt
        self.generation = generation
        self.nonce = nonce
        self.sealedKey = sealedKey
        self.tag = tag
    }

    init(bytes: [UInt8], path: String) throws {
        guard bytes.count == Self.size else { throw StoreError.malformedKeyEnvelope(path: path, reason: "it is \(bytes.count) bytes long, not \(Self.size)") }
        guard Array(bytes[0..<8]) == Self.magic else { throw StoreError.malformedKeyEnvelope(path: path, reason: "it does not start with ATTUNEK1") }
        guard bytes[8] == 1 else { throw StoreError.malformedKeyEnvelope(path: path, reason: "format version \(bytes[8]) is not supported") }
        guard let protector = Protector(rawValue: bytes[9]) else { throw StoreError.malformedKeyEnvelope(path: path, reason: "unknown protector \(bytes[9])") }
        guard bytes[10] >= 10, bytes[10] <= 24, bytes[11] > 0, bytes[12] > 0 else {
            throw StoreError.malformedKeyEnvelope(path: path, reason: "scrypt parameters out of range")
        }
        self.protector = protector
        scrypt = ScryptParameters(log2N: bytes[10], r: bytes[11], p: bytes[12])
        salt = Array(bytes[16..<32])
        generation = Int64(bitPattern: bytes[32..<40].reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
        nonce = Array(bytes[40..<52])
        sealedKey = Array(bytes[52..<84])
        tag = Array(bytes[84..<100])
    }

    static func read(storePath: String) throws -> KeyEnvelope {
        let path = Self.path(forStore: storePath)
        guard FileManager.default.fileExists(atPath: path) else { throw StoreError.missingKeyEnvelope(path: storePath, envelope: path) }
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.unreadable(path: path, reason: "read failed") }
        return try KeyEnvelope(bytes: Array(data), path: path)
    }

    /// Replaces the envelope atomically: a temporary file, fsync, rename, fsync of the directory.
    func write(storePath: String) throws {
        let path = Self.path(forStore: storePath)
        try DurableFile.replace(path: path, with: bytes, mode: 0o600)
    }
}
