import Foundation

/// A person's usual voice: the medians of their turns in EARLIER sessions (never the current one,
/// so a session spoken fast does not become its own yardstick), of the same part of the day when
/// there are enough of those ("your usual mornings"), otherwise of all of them.
public struct ProsodicBaseline: Sendable, Equatable {
    public var f0MeanHz: Double?
    public var f0RangeSemitones: Double?
    public var speechRateSylPerSec: Double?
    public var loudnessDb: Double?
    public var pauseBeforeMs: Double?
    /// The turns it is the median of.
    public var turns: Int
    /// "mornings" | "afternoons" | "evenings" | "nights" when only that part of the day was used.
    public var partOfDay: String?

    /// Samples from the same part of the day needed before the baseline narrows to them.
    static let partOfDayMinimum = 5

    /// The baseline for a turn in `session` at local hour `hour`, or nil with fewer than `minimumTurns` earlier voiced turns.
    public static func from(_ samples: [UserModel.VoiceSample], excludingSession session: String, localHour hour: Int,
                            hourOf: (Int64) -> Int, minimumTurns: Int) -> ProsodicBaseline? {
        let earlier = samples.filter { $0.session != session }
        guard earlier.count >= max(1, minimumTurns) else { return nil }
        let part = partOfDay(hour)
        let samePart = earlier.filter { partOfDay(hourOf($0.timeMs)) == part }
        let used = samePart.count >= partOfDayMinimum ? samePart : earlier
        return ProsodicBaseline(
            f0MeanHz: median(used.compactMap(\.f0MeanHz)), f0RangeSemitones: median(used.compactMap(\.f0RangeSemitones)),
            speechRateSylPerSec: median(used.compactMap(\.speechRateSylPerSec)), loudnessDb: median(used.compactMap(\.loudnessDb)),
            pauseBeforeMs: median(used.compactMap(\.pauseBeforeMs)), turns: used.count,
            partOfDay: used.count == samePart.count && samePart.count < earlier.count ? part : nil)
    }

    static func partOfDay(_ hour: Int) -> String {
        switch hour {
        case 5..<12: "mornings"
        case 12..<17: "afternoons"
        case 17..<22: "evenings"
        default: "nights"
        }
    }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// "your usual mornings" / "your usual".
    var yardstick: String { partOfDay.map { "your usual \($0)" } ?? "your usual" }
}
