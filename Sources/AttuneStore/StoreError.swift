import Foundation

/// Everything that can go wrong with a store, each with a message a person can act on. No message
/// ever contains a key, a passphrase or stored text.
///
/// `indirect` boxes every payload, so a value is one pointer. With its payloads inline, Swift 6.3.1's
/// `swift_dynamicCast` of this many-case, multi-payload enum (which swift-testing performs when it
/// describes an expected error) destroyed it as the wrong case and crashed; errors are rare enough
/// that the box costs nothing.
public indirect enum StoreError: Error, Equatable, CustomStringConvertible {
    case noKeyGiven
    /// The passphrase variable exists but holds nothing (often an unfilled template or unit file).
    case emptyPassphraseVariable(name: String)
    case wrongKey(path: String)
    case keyFileTooOpen(path: String, mode: UInt16)
    case keyFileTooShort(path: String, bytes: Int)
    case unreadable(path: String, reason: String)
    case notFound(path: String)
    case alreadyExists(path: String)
    /// An export's output file exists and replacing it was not asked for.
    case outputExists(path: String)
    /// `store init` found a file at the store's or its envelope's path that is not an Attune store.
    case pathTaken(path: String, store: String)
    case missingKeyEnvelope(path: String, envelope: String)
    case malformedKeyEnvelope(path: String, reason: String)
    case tampered(path: String, failure: PageAuthenticationFailure)
    case rolledBack(path: String, storeGeneration: Int64, envelopeGeneration: Int64)
    case newerSchema(path: String, version: Int, supported: Int)
    case migrationFailed(path: String, version: Int, message: String)
    case sqlite(path: String, code: Int32, message: String)
    case badLine(line: Int, reason: String)
    /// An import refused as a whole because of one line.
    case importRefused(line: Int, reason: String)
    case badArgument(String)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case let .emptyPassphraseVariable(name):
            return "\(name) is set but empty; put the passphrase in it, or unset it and pass --passphrase-file FILE or --key-file FILE"
        case .noKeyGiven:
            return "no key for the store: set ATTUNE_PASSPHRASE, or pass --passphrase-file FILE or --key-file FILE (Attune asks for a passphrase only when it runs on a terminal)"
        case let .wrongKey(path): return "wrong passphrase or key for \(path)"
        case let .keyFileTooOpen(path, mode):
            return "key file \(path) has mode \(String(mode, radix: 8)); it must be readable by its owner only: chmod 600 \(path)"
        case let .keyFileTooShort(path, bytes):
            return "key file \(path) holds \(bytes) bytes; it needs at least 32 random bytes: head -c 32 /dev/urandom > \(path) && chmod 600 \(path)"
        case let .unreadable(path, reason): return "cannot read \(path): \(reason)"
        case let .notFound(path): return "no store at \(path); create one with: attune store init --db \(path)"
        case let .alreadyExists(path): return "a store already exists at \(path); Attune does not overwrite a store (attune store erase --db \(path) --yes destroys it)"
        case let .outputExists(path):
            return "\(path) already exists; export does not overwrite a file (pass --force to replace it; the result is mode 0600)"
        case let .pathTaken(path, store):
            return "\(path) already exists and is not part of an Attune store; the store \(store) needs that name: choose another --db or move \(path) away"
        case let .missingKeyEnvelope(path, envelope):
            return "the store \(path) has no key envelope (\(envelope) is missing); without it the store cannot be opened"
        case let .malformedKeyEnvelope(path, reason): return "the key envelope \(path) is damaged: \(reason)"
        case let .tampered(path, failure): return "\(path): \(failure); the store was modified outside Attune or is damaged (attune store verify --db \(path))"
        case let .rolledBack(path, storeGeneration, envelopeGeneration):
            return "\(path) is an older copy of the store (generation \(storeGeneration), but its key envelope has seen generation \(envelopeGeneration)); it was rolled back or restored from a backup"
        case let .newerSchema(path, version, supported):
            return "\(path) has schema version \(version); this Attune understands up to \(supported): upgrade Attune"
        case let .migrationFailed(path, version, message): return "migration to schema version \(version) of \(path) failed and was rolled back: \(message)"
        case let .sqlite(path, code, message): return "\(path): \(message) (SQLite error \(code))"
        case let .badLine(line, reason): return "line \(line) \(reason)"
        case let .importRefused(line, reason): return "line \(line) \(reason); nothing from the input was imported"
        case let .badArgument(message): return message
        case let .io(path, reason): return "\(path): \(reason)"
        }
    }
}
