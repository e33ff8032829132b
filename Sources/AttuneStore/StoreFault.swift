import Foundation

/// An I/O fault the encrypting VFS can inject into its own writes, for fault tests (SQLite's
/// testing culture: every write of a transaction is made to fail once, in each way).
enum StoreFault: String, Sendable, CaseIterable {
    /// The write fails with `SQLITE_IOERR_WRITE` and writes nothing.
    case ioError
    /// The write fails with `SQLITE_FULL` and writes nothing.
    case diskFull
    /// Half of the bytes reach the file, then the write fails with `SQLITE_FULL` (what the unix VFS
    /// reports for a short write).
    case shortWrite
}

/// Counts the VFS's writes to one store's files and fails the chosen one (each open store has its
/// own, so fault tests run beside other tests).
final class StoreFaultInjector: @unchecked Sendable {
    private let lock = NSLock()
    private var plan: (fault: StoreFault, atWrite: Int)?
    private var writes = 0

    /// Fails write number `atWrite` (1-based, counted from now) with `fault`; nil stops injecting.
    func arm(_ fault: StoreFault?, atWrite: Int = 1) {
        lock.lock(); defer { lock.unlock() }
        plan = fault.map { ($0, atWrite) }
        writes = 0
    }

    /// Writes seen since the last `arm`.
    var writesSinceArmed: Int {
        lock.lock(); defer { lock.unlock() }
        return writes
    }

    func faultForNextWrite() -> StoreFault? {
        lock.lock(); defer { lock.unlock() }
        writes += 1
        guard let plan, plan.atWrite == writes else { return nil }
        return plan.fault
    }
}
