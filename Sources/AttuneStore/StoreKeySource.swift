import Crypto
import _CryptoExtras
import Foundation

/// Where the key that unlocks a store's data key comes from.
public enum StoreKeySource: Sendable {
    /// A passphrase (from `ATTUNE_PASSPHRASE`, `--passphrase-file` or a terminal prompt), stretched
    /// with scrypt.
    case passphrase(String)
    /// A file of at least 32 random bytes, readable by its owner only (mode 0600 or stricter),
    /// expanded with HKDF-SHA256.
    case keyFile(path: String)

    /// Passphrases shorter than this get a warning when a store is created or rekeyed: scrypt slows
    /// each guess, but a short passphrase still falls to a search over its few possibilities.
    public static let recommendedPassphraseLength = 12

    /// A one-line warning for a new key that is a short passphrase; nil for a long one or a key file.
    public var weaknessWarning: String? {
        guard case let .passphrase(text) = self, text.count < Self.recommendedPassphraseLength else { return nil }
        return "warning: the passphrase has \(text.count) character\(text.count == 1 ? "" : "s"); use at least \(Self.recommendedPassphraseLength) (several unrelated words), or a key file"
    }

    var protector: KeyEnvelope.Protector {
        switch self {
        case .passphrase: return .passphrase
        case .keyFile: return .keyFile
        }
    }

    /// Derives the key-encryption key for an envelope with `salt` and `scrypt` parameters.
    func keyEncryptionKey(salt: [UInt8], scrypt: ScryptParameters) throws -> SymmetricKey {
        switch self {
        case let .passphrase(text):
            var bytes = Array(text.utf8)
            defer { for index in bytes.indices { bytes[index] = 0 } }
            return try scrypt.deriveKey(passphrase: bytes, salt: salt)
        case let .keyFile(path):
            var bytes = try Self.readKeyFile(path)
            defer { for index in bytes.indices { bytes[index] = 0 } }
            return HKDF<SHA256>.deriveKey(
                inputKeyMaterial: SymmetricKey(data: bytes), salt: salt,
                info: Array("attune store key file".utf8), outputByteCount: 32)
        }
    }

    /// Reads a raw key file, refusing one that others may read.
    static func readKeyFile(_ path: String) throws -> [UInt8] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw StoreError.unreadable(path: path, reason: String(cString: strerror(errno))) }
        let mode = UInt16(status.st_mode & 0o777)
        guard mode & 0o077 == 0 else { throw StoreError.keyFileTooOpen(path: path, mode: mode) }
        guard let data = FileManager.default.contents(atPath: path) else { throw StoreError.unreadable(path: path, reason: "read failed") }
        guard data.count >= 32 else { throw StoreError.keyFileTooShort(path: path, bytes: data.count) }
        return Array(data)
    }
}

/// scrypt cost parameters (Percival 2009). The default, N = 2^15, r = 8, p = 1, needs
/// 128·N·r = 32 MiB: a Raspberry Pi Zero 2 W (512 MB, often 100 MB free beside an assistant) can
/// afford it at open, while it still makes each passphrase guess cost 32 MiB of memory traffic.
/// Open time is measured in docs/BENCHMARKS.md.
public struct ScryptParameters: Equatable, Sendable {
    public var log2N: UInt8
    public var r: UInt8
    public var p: UInt8

    public init(log2N: UInt8, r: UInt8 = 8, p: UInt8 = 1) {
        self.log2N = log2N
        self.r = r
        self.p = p
    }

    public static let `default` = ScryptParameters(log2N: 15)

    public var memoryBytes: Int { 128 * (1 << Int(log2N)) * Int(r) * Int(p) }

    func deriveKey(passphrase: [UInt8], salt: [UInt8]) throws -> SymmetricKey {
        do {
            return try KDF.Scrypt.deriveKey(
                from: passphrase, salt: salt, outputByteCount: 32, rounds: 1 << Int(log2N),
                blockSize: Int(r), parallelism: Int(p), maxMemory: memoryBytes + (1 << 20))
        } catch {
            throw StoreError.badArgument("scrypt with N=2^\(log2N), r=\(r), p=\(p) failed: \(error)")
        }
    }
}
