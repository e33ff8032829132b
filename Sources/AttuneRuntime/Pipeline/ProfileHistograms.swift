import Histogram

/// One HdrHistogram per profiled stage, in nanoseconds (3 significant digits, 1 ns to 60 s): the
/// end-of-turn model takes about a microsecond, so the service's microsecond histograms
/// (`StageLatencies`) would round it away; memory stays constant however long the profile runs.
struct ProfileHistograms {
    private var histograms: [PipelineProfile.Stage: Histogram<UInt64>] = [:]

    static let highestNanoseconds: UInt64 = 60_000_000_000

    /// Bytes the histograms hold (all stages), for the memory budget.
    static var byteCount: Int {
        Histogram<UInt64>(highestTrackableValue: highestNanoseconds, numberOfSignificantValueDigits: .three).estimatedFootprintInBytes
            * PipelineProfile.Stage.allCases.count
    }

    init() {
        for stage in PipelineProfile.Stage.allCases {
            histograms[stage] = Histogram<UInt64>(highestTrackableValue: Self.highestNanoseconds, numberOfSignificantValueDigits: .three)
        }
    }

    /// Records one run of `stage` that took `nanoseconds` (clamped to the trackable range).
    mutating func record(_ stage: PipelineProfile.Stage, nanoseconds: UInt64) {
        _ = histograms[stage]?.record(min(max(nanoseconds, 1), Self.highestNanoseconds))
    }

    func count(_ stage: PipelineProfile.Stage) -> Int { Int(histograms[stage]?.totalCount ?? 0) }

    /// Every stage that ran at least once, in `Stage` order, in milliseconds (to the microsecond for
    /// the percentiles, to 0.1 µs below a millisecond).
    var results: [PipelineProfile.StageResult] {
        PipelineProfile.Stage.allCases.compactMap { stage in
            guard let histogram = histograms[stage], histogram.totalCount > 0 else { return nil }
            func ms(_ ns: UInt64) -> Double { (Double(ns) / 100).rounded() / 10_000 }
            return PipelineProfile.StageResult(
                stage: stage, count: Int(histogram.totalCount), p50Ms: ms(histogram.valueAtPercentile(50)),
                p99Ms: ms(histogram.valueAtPercentile(99)), maxMs: ms(histogram.max),
                distribution: PipelineProfile.plottedPercentiles.map { percentile in
                    .init(percentile: percentile, ms: ms(percentile == 0 ? histogram.min : percentile == 100 ? histogram.max
                                                         : histogram.valueAtPercentile(percentile)))
                })
        }
    }
}
