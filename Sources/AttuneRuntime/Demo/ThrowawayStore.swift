import AttuneStore
import Foundation

/// An encrypted store in a fresh private temporary directory with a random key file, for a run that
/// keeps nothing (`attune demo`): `erase()` destroys the store and removes the directory.
public final class ThrowawayStore {
    public let directory: String
    public let store: EncryptedStore

    public init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("attune-demo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        let keyPath = directory + "/store.key"
        var generator = SystemRandomNumberGenerator()
        let key = Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        guard FileManager.default.createFile(atPath: keyPath, contents: key, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: keyPath])
        }
        do {
            store = try EncryptedStore.create(at: directory + "/memory.db", key: .keyFile(path: keyPath))
        } catch {
            try? FileManager.default.removeItem(atPath: directory)
            throw error
        }
    }

    /// Closes and erases the store, then removes its directory.
    public func erase() throws {
        try store.close()
        _ = try EncryptedStore.erase(at: directory + "/memory.db")
        try FileManager.default.removeItem(atPath: directory)
    }
}
