import Synchronization

/// The one memory budget Attune runs in, set at start-up (`--memory-budget`, `memory_budget`).
///
/// Every large buffer (capture ring, conversion tables, model files, caches) is charged here before it
/// is allocated; a charge that does not fit is refused with the biggest consumers named, so a
/// configuration that cannot run on a small board fails at start, not hours later. Small objects are
/// covered by `processBaseline`, measured as the resident size of `attune doctor` (see docs/BENCHMARKS.md).
public final class MemoryBudget: Sendable {
    /// Default budget: an eighth of a Raspberry Pi Zero 2 W (512 MB), leaving the rest to the assistant;
    /// room for the process baseline, the int8 sentence model (~23 MB, mapped) and the audio path.
    public static let defaultLimit = ByteCount(64_000_000)
    /// What the Swift runtime, Foundation, libasound and SQLite take before Attune allocates anything:
    /// peak RSS of `attune doctor`, release build, 19.7 MB with `--static-swift-stdlib` (as deployed)
    /// and 24.4 MB with the shared Swift libraries (x86-64, 2026-11-24; docs/BENCHMARKS.md).
    public static let processBaseline = ByteCount(20_000_000)

    public let limit: ByteCount
    private let charges = Mutex<[(name: String, bytes: Int)]>([])

    public init(limit: ByteCount = MemoryBudget.defaultLimit, includeProcessBaseline: Bool = true) {
        self.limit = limit
        if includeProcessBaseline {
            charges.withLock { $0.append(("process baseline", MemoryBudget.processBaseline.bytes)) }
        }
    }

    public var used: ByteCount { ByteCount(charges.withLock { $0.reduce(0) { $0 + $1.bytes } }) }
    public var remaining: ByteCount { ByteCount(limit.bytes - used.bytes) }

    /// The charges so far, largest first.
    public var consumers: [(name: String, bytes: ByteCount)] {
        charges.withLock { $0 }.sorted { $0.bytes > $1.bytes }.map { ($0.name, ByteCount($0.bytes)) }
    }

    /// Records `bytes` for `name`, or throws without recording if the total would exceed the limit.
    public func charge(_ name: String, bytes: Int) throws(MemoryBudgetError) {
        try charges.withLock { (list) throws(MemoryBudgetError) in
            let total = list.reduce(0) { $0 + $1.bytes } + bytes
            guard total <= limit.bytes else {
                let all = (list + [(name, bytes)]).sorted { $0.bytes > $1.bytes }
                throw MemoryBudgetError.exceeded(
                    limit: limit, needed: ByteCount(total),
                    biggest: all.prefix(3).map { ($0.name, ByteCount($0.bytes)) }.map(MemoryBudgetError.Consumer.init))
            }
            list.append((name, bytes))
        }
    }

    /// Returns a charge when its buffer is freed.
    public func release(_ name: String) {
        charges.withLock { list in
            if let index = list.lastIndex(where: { $0.name == name }) { list.remove(at: index) }
        }
    }
}

public enum MemoryBudgetError: Error, Equatable, Sendable, CustomStringConvertible {
    public struct Consumer: Equatable, Sendable {
        public var name: String
        public var bytes: ByteCount
        init(_ pair: (String, ByteCount)) { name = pair.0; bytes = pair.1 }
    }

    case exceeded(limit: ByteCount, needed: ByteCount, biggest: [Consumer])

    public var description: String {
        switch self {
        case let .exceeded(limit, needed, biggest):
            let list = biggest.map { "\($0.name) \($0.bytes)" }.joined(separator: ", ")
            return "this configuration needs \(needed) but the memory budget is \(limit); biggest consumers: \(list). "
                + "Raise --memory-budget (or memory_budget in the config) or shrink the largest consumer."
        }
    }
}
