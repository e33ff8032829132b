import AttuneKernels
import Foundation

/// A test hook of the encrypting VFS that cuts the power, the way SQLite's crash-test VFS does
/// (`src/test6.c`): it keeps, for each file of one store, the state that the last `xSync` made durable,
/// and the writes and truncations since then, which only the page cache holds.
///
/// Writes still reach the file at once, so SQLite reads back what it wrote, as on a running machine.
/// At the chosen event (the N-th write, truncation or sync, counted from when the simulator was made)
/// the power goes off: that event and every later one fails with an I/O error and changes nothing.
/// Once the store is closed, `restoreSyncedState()` leaves on disk what a machine would find after
/// the cut: the synced state of every file, and in `.scramble` mode the unsynced writes applied
/// partly, sector by sector (each 512-byte sector of a write kept as it was, written, or garbage, as a
/// disk loses a write that was in flight). The shared-memory index lived in memory and is removed.
///
/// File deletion is not modelled: SQLite deletes the WAL only when the last connection closes after
/// a checkpoint that succeeded, so only after the last event, which a cut always precedes.
///
/// Set through `EncryptedStore.powerLossSimulator` by tests only (internal, `@testable import`); with
/// none set, the VFS pays one nil check per write, truncation and sync.
final class PowerLossSimulator: @unchecked Sendable {
    enum Mode: Equatable, Sendable {
        /// Every unsynced write and truncation is lost.
        case dropUnsynced
        /// Every unsynced write and truncation is applied in part, chosen by a SplitMix64 with this seed.
        case scramble(seed: UInt64)
    }

    /// A change to a file since its last sync.
    private enum Change {
        case write(offset: Int64, bytes: [UInt8])
        case truncate(size: Int64)
    }

    static let sectorSize = 512

    let storePath: String
    let mode: Mode
    /// The event (1-based) at which the power goes off; nil never cuts it (to count a workload's events).
    let cutAtEvent: Int?
    private let lock = NSLock()
    private var eventCount = 0
    private var powerIsOff = false
    /// The durable content of each file; none for a file that does not exist durably.
    private var synced: [EncryptedFile.Kind: [UInt8]] = [:]
    private var unsynced: [EncryptedFile.Kind: [Change]] = [:]

    /// Takes the store's files as they are now to be durable (as if the machine had just synced).
    init(storePath: String, mode: Mode = .dropUnsynced, cutAtEvent: Int?) {
        self.storePath = storePath
        self.mode = mode
        self.cutAtEvent = cutAtEvent
        for kind in [EncryptedFile.Kind.main, .wal, .journal] {
            if let contents = FileManager.default.contents(atPath: path(of: kind)) { synced[kind] = [UInt8](contents) }
        }
    }

    func path(of kind: EncryptedFile.Kind) -> String {
        switch kind {
        case .main: storePath
        case .wal: storePath + "-wal"
        case .journal: storePath + "-journal"
        }
    }

    /// Writes, truncations and syncs seen so far (the one that cut the power included).
    var events: Int { lock.withLock { eventCount } }

    /// Whether the power went off.
    var didCut: Bool { lock.withLock { powerIsOff } }

    /// Counts one event; false once the power is off (the caller then fails the operation).
    private func powerIsOnFor(_ record: () -> Void) -> Bool {
        lock.withLock {
            guard !powerIsOff else { return false }
            eventCount += 1
            if eventCount == cutAtEvent {
                powerIsOff = true
                return false
            }
            record()
            return true
        }
    }

    /// Before a write reaches `kind`'s file: false if the power is off.
    func willWrite(_ kind: EncryptedFile.Kind, _ bytes: UnsafeRawBufferPointer, at offset: Int64) -> Bool {
        powerIsOnFor { unsynced[kind, default: []].append(.write(offset: offset, bytes: [UInt8](bytes))) }
    }

    /// Before a truncation of `kind`'s file: false if the power is off.
    func willTruncate(_ kind: EncryptedFile.Kind, to size: Int64) -> Bool {
        powerIsOnFor { unsynced[kind, default: []].append(.truncate(size: size)) }
    }

    /// Before a sync of `kind`'s file: false if the power is off; otherwise its changes become durable.
    func willSync(_ kind: EncryptedFile.Kind) -> Bool {
        powerIsOnFor {
            var image = synced[kind] ?? []
            for change in unsynced[kind] ?? [] { Self.apply(change, to: &image) }
            synced[kind] = image
            unsynced[kind] = []
        }
    }

    /// Leaves each file as the power cut found it (call with the store closed). Throws
    /// `StoreError.io` if a file cannot be written.
    func restoreSyncedState() throws {
        try lock.withLock {
            var generator = SplitMix64(seed: { if case let .scramble(seed) = mode { return seed } else { return 0 } }())
            for kind in [EncryptedFile.Kind.main, .wal, .journal] {
                var image = synced[kind]
                if case .scramble = mode {
                    for change in unsynced[kind] ?? [] {
                        var partial = image ?? []
                        Self.applyInPart(change, to: &partial, using: &generator)
                        image = partial
                    }
                }
                let file = path(of: kind)
                if let image {
                    // Not synced: this only sets the scene for the reopen in the same process, and a
                    // power-loss test writes it hundreds of times.
                    let fd = open(file, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
                    guard fd >= 0 else { throw StoreError.io(path: file, reason: "cannot write the state after a simulated power cut: \(String(cString: strerror(errno)))") }
                    defer { close(fd) }
                    guard image.withUnsafeBytes({ DurableFile.writeAll(fd, $0) }) else {
                        throw StoreError.io(path: file, reason: "cannot write the state after a simulated power cut: \(String(cString: strerror(errno)))")
                    }
                } else {
                    unlink(file)
                }
            }
            unlink(storePath + "-shm")
        }
    }

    private static func apply(_ change: Change, to image: inout [UInt8]) {
        switch change {
        case let .write(offset, bytes):
            write(bytes[...], at: Int(offset), into: &image)
        case let .truncate(size):
            if Int(size) < image.count { image.removeLast(image.count - Int(size)) } else { image += [UInt8](repeating: 0, count: Int(size) - image.count) }
        }
    }

    /// A truncation happens or not; a write's sectors (512-byte aligned, clipped to the write) are
    /// each left as they were, written, or filled with garbage.
    private static func applyInPart(_ change: Change, to image: inout [UInt8], using generator: inout SplitMix64) {
        switch change {
        case .truncate:
            if Bool.random(using: &generator) { apply(change, to: &image) }
        case let .write(offset, bytes):
            let start = Int(offset), end = Int(offset) + bytes.count
            var sector = start / sectorSize * sectorSize
            while sector < end {
                let from = max(sector, start), to = min(sector + sectorSize, end)
                switch UInt8.random(in: 0..<3, using: &generator) {
                case 0: break
                case 1: write(bytes[(from - start)..<(to - start)], at: from, into: &image)
                default: write((from..<to).map { _ in UInt8.random(in: .min ... .max, using: &generator) }[...], at: from, into: &image)
                }
                sector += sectorSize
            }
        }
    }

    private static func write(_ bytes: ArraySlice<UInt8>, at offset: Int, into image: inout [UInt8]) {
        if image.count < offset + bytes.count { image += [UInt8](repeating: 0, count: offset + bytes.count - image.count) }
        image.replaceSubrange(offset..<(offset + bytes.count), with: bytes)
    }
}
