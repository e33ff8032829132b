/// Frame levels of the last `capacity` frames in 0.25 dB bins (−20 … 140 dB; digital silence
/// lands in the lowest bin): a ring of bin numbers and a histogram of them, so adding a frame and
/// forgetting the one that left the window are O(1) and nothing is allocated after `init`.
/// A frame can be added as absent (`nil`): it moves the window on without being counted, so the
/// window is always the last `capacity` frames of time.
struct SlidingLevelHistogram {
    static let lowestDb = -20.0
    static let binWidthDb = 0.25
    static let binCount = 640
    private static let absent: Int16 = -1

    let capacity: Int
    private var ring: [Int16]
    private var counts: [Int32]
    private var next = 0
    /// Values present in the window.
    private(set) var count = 0

    init(capacity: Int) {
        precondition(capacity > 0)
        self.capacity = capacity
        ring = [Int16](repeating: Self.absent, count: capacity)
        counts = [Int32](repeating: 0, count: Self.binCount)
    }

    static func bin(of decibels: Double) -> Int {
        guard decibels.isFinite else { return decibels > 0 ? binCount - 1 : 0 }
        return min(max(Int(((decibels - lowestDb) / binWidthDb).rounded(.down)), 0), binCount - 1)
    }

    static func centre(ofBin bin: Int) -> Double { lowestDb + (Double(bin) + 0.5) * binWidthDb }

    mutating func add(_ decibels: Double?) {
        let leaving = ring[next]
        if leaving != Self.absent {
            counts[Int(leaving)] -= 1
            count -= 1
        }
        if let decibels {
            let bin = Self.bin(of: decibels)
            ring[next] = Int16(bin)
            counts[bin] += 1
            count += 1
        } else {
            ring[next] = Self.absent
        }
        next = next + 1 == capacity ? 0 : next + 1
    }

    /// The q-quantile (0…1) of the values in the window, to the bin's centre; nil when it holds none.
    func quantile(_ q: Double) -> Double? {
        guard count > 0 else { return nil }
        let rank = max(1, Int((q * Double(count)).rounded(.up)))
        var seen = 0
        for bin in 0..<Self.binCount {
            seen += Int(counts[bin])
            if seen >= rank { return Self.centre(ofBin: bin) }
        }
        return Self.centre(ofBin: Self.binCount - 1)
    }

    /// The median of the values within `spanDb` of the window's lowest one; nil when it holds none.
    func medianNearLowest(spanDb: Double) -> Double? {
        guard count > 0 else { return nil }
        var lowest = 0
        while counts[lowest] == 0 { lowest += 1 }
        let last = min(lowest + Int((spanDb / Self.binWidthDb).rounded()), Self.binCount - 1)
        var inSpan = 0
        for bin in lowest...last { inSpan += Int(counts[bin]) }
        let rank = (inSpan + 1) / 2
        var seen = 0
        for bin in lowest...last {
            seen += Int(counts[bin])
            if seen >= rank { return Self.centre(ofBin: bin) }
        }
        return Self.centre(ofBin: last)
    }
}
