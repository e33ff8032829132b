/// Latencies of one stage in nanoseconds of the monotonic clock, reported as p50/p99/max. `--profile`
/// runs are bounded by their input, so every sample is kept and sorted once at the end.
struct StageLatencyRecorder {
    let stage: String
    private(set) var nanoseconds: [UInt64] = []

    init(stage: String) { self.stage = stage }

    mutating func add(_ value: UInt64) { nanoseconds.append(value) }

    func write(to writer: inout JSONLineWriter) {
        let sorted = nanoseconds.sorted()
        func percentile(_ q: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let rank = Int((q * Double(sorted.count)).rounded(.up)) - 1
            return Double(sorted[min(max(rank, 0), sorted.count - 1)]) / 1000
        }
        writer.begin()
        writer.string("type", "stage_latency")
        writer.string("stage", stage)
        writer.integer("count", sorted.count)
        writer.number("p50Us", percentile(0.5), decimals: 1)
        writer.number("p99Us", percentile(0.99), decimals: 1)
        writer.number("maxUs", sorted.last.map { Double($0) / 1000 } ?? 0, decimals: 1)
        writer.end()
    }
}
