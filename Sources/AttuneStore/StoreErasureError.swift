import Foundation

/// Why `attune store erase` refused to destroy anything. Each refusal leaves every file as it was.
public enum StoreErasureError: Error, Equatable, CustomStringConvertible {
    /// The files at the path are not provably an Attune store.
    case notAStore(path: String, reason: String)
    /// Erase was pointed at a key envelope instead of its store.
    case keyEnvelopeGiven(path: String, store: String)
    /// Another process has the store open.
    case inUse(path: String, process: Int32)

    public var description: String {
        switch self {
        case let .notAStore(path, reason):
            return "refusing to erase \(path): \(reason); erase destroys only an Attune store (a database beside its key envelope, \((path as NSString).lastPathComponent).key)"
        case let .inUse(path, process):
            return "refusing to erase \(path): it is open in process \(process); stop that process (systemctl stop attune, say) and erase again"
        case let .keyEnvelopeGiven(path, store):
            return "\(path) is the key envelope of the store \(store), not a store; to destroy that store: attune store erase --db \(store) --yes"
        }
    }
}
