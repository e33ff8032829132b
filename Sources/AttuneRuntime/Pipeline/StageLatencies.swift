import Histogram

/// Latency of each pipeline stage, in microseconds, in HdrHistogram (3 significant digits, 1 µs to
/// 60 s): constant memory however long the service runs, and percentiles without keeping samples.
public struct StageLatencies: Sendable {
    /// The stages the pipeline times, in the order `stats` lists them.
    public enum Stage: String, CaseIterable, Sendable {
        /// A final user transcript, from its line to its rapport context (memory committed).
        case context
        /// An assistant turn, from its line to its committed memory.
        case assistantTurn = "assistant_turn"
        case recall
        case followups
        case forget
        /// One chunk of audio through prosody, VAD and the end-of-turn model.
        case turns
    }

    private var histograms: [Stage: Histogram<UInt64>] = [:]

    /// Bytes the histograms hold (all stages), for the memory budget.
    public static var byteCount: Int {
        Histogram<UInt64>(highestTrackableValue: highestMicroseconds, numberOfSignificantValueDigits: .three).estimatedFootprintInBytes
            * Stage.allCases.count
    }

    static let highestMicroseconds: UInt64 = 60_000_000

    public init() {
        for stage in Stage.allCases {
            histograms[stage] = Histogram<UInt64>(highestTrackableValue: Self.highestMicroseconds, numberOfSignificantValueDigits: .three)
        }
    }

    /// Records one run of `stage` that took `microseconds` (clamped to the trackable range).
    public mutating func record(_ stage: Stage, microseconds: UInt64) {
        _ = histograms[stage]?.record(min(max(microseconds, 1), Self.highestMicroseconds))
    }

    /// The summary of every stage that ran at least once.
    public var summaries: [StageSummary] {
        Stage.allCases.compactMap { stage in
            guard let histogram = histograms[stage], histogram.totalCount > 0 else { return nil }
            func ms(_ us: UInt64) -> Double { (Double(us) / 10).rounded() / 100 }
            return StageSummary(stage: stage.rawValue, count: Int(histogram.totalCount), p50Ms: ms(histogram.valueAtPercentile(50)),
                                p99Ms: ms(histogram.valueAtPercentile(99)), maxMs: ms(histogram.max))
        }
    }
}
