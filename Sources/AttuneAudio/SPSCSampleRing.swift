import Atomics

/// A lock-free single-producer / single-consumer ring of `Float` samples.
///
/// The ALSA capture thread is the only writer and the pipeline the only reader, so two monotonically
/// increasing counters suffice (Lamport, "Specifying concurrent program modules", 1983): the writer
/// publishes `writeIndex` with release ordering after storing samples, the reader acquires it before
/// loading them, and symmetrically for `readIndex`. Capacity is a power of two so positions wrap with a
/// mask. Neither side allocates or blocks; `write` reports how many samples did not fit (an overrun the
/// caller counts) rather than overwrite unread audio.
public final class SPSCSampleRing: @unchecked Sendable {
    public let capacity: Int
    private let mask: Int
    private let storage: UnsafeMutablePointer<Float>
    private let writeIndex = ManagedAtomic<Int>(0)
    private let readIndex = ManagedAtomic<Int>(0)

    /// - Parameter minimumCapacity: rounded up to a power of two.
    public init(minimumCapacity: Int) {
        precondition(minimumCapacity > 0)
        capacity = SPSCSampleRing.byteCount(forMinimumCapacity: minimumCapacity) / MemoryLayout<Float>.size
        let size = capacity
        mask = size - 1
        storage = .allocate(capacity: size)
        storage.initialize(repeating: 0, count: size)
    }

    deinit { storage.deallocate() }

    public var byteCount: Int { capacity * MemoryLayout<Float>.size }

    /// What a ring of at least `minimumCapacity` samples will hold, before creating it (for the memory budget).
    public static func byteCount(forMinimumCapacity minimumCapacity: Int) -> Int {
        var size = 1
        while size < minimumCapacity { size <<= 1 }
        return size * MemoryLayout<Float>.size
    }

    /// Samples ready to read (a snapshot).
    public var availableToRead: Int {
        writeIndex.load(ordering: .acquiring) - readIndex.load(ordering: .relaxed)
    }

    /// Producer side: copies as many samples as fit; returns how many were written.
    @discardableResult
    public func write(_ samples: UnsafeBufferPointer<Float>) -> Int {
        let write = writeIndex.load(ordering: .relaxed)
        let read = readIndex.load(ordering: .acquiring)
        let count = min(samples.count, capacity - (write - read))
        guard count > 0 else { return 0 }
        let start = write & mask
        let first = min(count, capacity - start)
        (storage + start).update(from: samples.baseAddress!, count: first)
        if first < count { storage.update(from: samples.baseAddress! + first, count: count - first) }
        writeIndex.store(write + count, ordering: .releasing)
        return count
    }

    /// Consumer side: copies up to `buffer.count` samples; returns how many were read.
    public func read(into buffer: UnsafeMutableBufferPointer<Float>) -> Int {
        let read = readIndex.load(ordering: .relaxed)
        let write = writeIndex.load(ordering: .acquiring)
        let count = min(buffer.count, write - read)
        guard count > 0 else { return 0 }
        let start = read & mask
        let first = min(count, capacity - start)
        buffer.baseAddress!.update(from: storage + start, count: first)
        if first < count { (buffer.baseAddress! + first).update(from: storage, count: count - first) }
        readIndex.store(read + count, ordering: .releasing)
        return count
    }
}
