import Foundation

/// A page that failed authentication: where it is, so errors and `attune store verify` can name it.
public struct PageAuthenticationFailure: Equatable, Sendable, CustomStringConvertible {
    public enum File: String, Sendable { case main = "database", wal = "WAL", journal = "rollback journal" }
    public let file: File
    public let page: UInt32
    /// The WAL frame (1-based) that holds the page, for WAL failures.
    public let frame: Int?
    public let reason: String

    public var description: String {
        let place = frame.map { "page \(page) in WAL frame \($0)" } ?? "page \(page) of the \(file.rawValue)"
        return "\(place) \(reason)"
    }
}

/// What the files of one open store share: the page cipher, the store id read from (or chosen for)
/// page 1, and the first authentication failure seen. The VFS finds it through the `attune_store`
/// URI parameter SQLite passes with every file name it opens for this database (its main file, its
/// WAL and its rollback journal).
final class StoreFileContext: @unchecked Sendable {
    let cipher: PageCipher
    /// The test hook that fails chosen writes (`StoreFault`).
    let faults = StoreFaultInjector()
    let checkpointCarry = CheckpointCarry()
    /// The test hook that cuts the power (`PowerLossSimulator`); nil outside power-loss tests. Set
    /// only while no statement runs on the store, since the VFS reads it without a lock.
    var powerLoss: PowerLossSimulator?
    private let lock = NSLock()
    private var chosenStoreID: [UInt8]?
    private var firstFailure: PageAuthenticationFailure?
    private var recoveryFailures: [PageAuthenticationFailure] = []

    init(cipher: PageCipher) {
        self.cipher = cipher
    }

    /// The store id: the first 16 bytes of the main file, or a fresh random one for a new file.
    var storeID: [UInt8] {
        lock.lock(); defer { lock.unlock() }
        if let chosenStoreID { return chosenStoreID }
        var generator = SystemRandomNumberGenerator()
        let fresh = (0..<PageCipher.storeIDByteCount).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        chosenStoreID = fresh
        return fresh
    }

    /// Whether the id is known (adopted, or chosen for a new file).
    var hasStoreID: Bool {
        lock.lock(); defer { lock.unlock() }
        return chosenStoreID != nil
    }

    func adopt(storeID: [UInt8]) {
        lock.lock(); defer { lock.unlock() }
        chosenStoreID = storeID
    }

    /// A failure that made a read return an error (nothing corrupt reached SQLite).
    func record(_ failure: PageAuthenticationFailure) {
        lock.lock(); defer { lock.unlock() }
        if firstFailure == nil { firstFailure = failure }
    }

    /// A WAL frame that did not authenticate while SQLite scanned the log: SQLite saw zeros, its
    /// checksum failed, and it took the log to end there (as it does for a frame torn by a crash).
    func recordDuringRecovery(_ failure: PageAuthenticationFailure) {
        lock.lock(); defer { lock.unlock() }
        recoveryFailures.append(failure)
    }

    var failure: PageAuthenticationFailure? {
        lock.lock(); defer { lock.unlock() }
        return firstFailure
    }

    var failuresDuringRecovery: [PageAuthenticationFailure] {
        lock.lock(); defer { lock.unlock() }
        return recoveryFailures
    }
}

/// A checkpoint reads each page from the WAL and at once writes it to the database file. The sealed
/// page in the WAL is already bound to this store and this page number, exactly as the database copy
/// must be, so when the page written is the page just read (same number, same bytes) its sealed bytes
/// go to disk as they are: one seal less per checkpointed page, and no new nonce is needed because
/// the message is the same. Anything else is sealed afresh.
final class CheckpointCarry: @unchecked Sendable {
    private let lock = NSLock()
    private var page: UInt32?
    private let sealed = UnsafeMutableRawBufferPointer.allocate(byteCount: PageCipher.pageSize, alignment: 16)
    private let plain = UnsafeMutableRawBufferPointer.allocate(byteCount: PageCipher.pageSize, alignment: 16)

    deinit {
        sealed.deallocate()
        plain.deallocate()
    }

    func remember(page: UInt32, sealed: UnsafeRawBufferPointer, plain: UnsafeRawBufferPointer) {
        lock.lock(); defer { lock.unlock() }
        self.page = page
        self.sealed.copyMemory(from: sealed)
        self.plain.copyMemory(from: plain)
    }

    /// Copies the sealed page into `output` if `plain` is the page last read; forgets it either way.
    func take(page: UInt32, plain: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> Bool {
        lock.lock(); defer { lock.unlock() }
        defer { self.page = nil }
        guard self.page == page, memcmp(self.plain.baseAddress!, plain.baseAddress!, PageCipher.pageSize) == 0 else { return false }
        output.copyMemory(from: UnsafeRawBufferPointer(sealed))
        return true
    }
}
