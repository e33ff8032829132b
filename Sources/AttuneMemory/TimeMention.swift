import Foundation

/// One time expression found in an utterance and resolved against the utterance's own time.
public struct TimeMention: Hashable, Sendable {
    /// The words of the expression as they appear in the text ("on Thursday at nine").
    public let phrase: String
    /// Where `phrase` sits in the text given to the resolver.
    public let range: Range<String.Index>
    /// The same place as UTF-8 byte offsets, for storing beside the utterance.
    public let utf8Offsets: Range<Int>
    /// The instants the expression names, half-open.
    public let interval: InstantInterval
    public let granularity: TimeGranularity
    /// Whether a clock time was given ("at nine", "9am", "half past six", "noon"), not just a date or a
    /// part of the day.
    public let hasClockTime: Bool
    public let orientation: TimeOrientation
    public let orientationReason: TimeOrientationReason

    public init(
        phrase: String, range: Range<String.Index>, utf8Offsets: Range<Int>, interval: InstantInterval,
        granularity: TimeGranularity, hasClockTime: Bool, orientation: TimeOrientation,
        orientationReason: TimeOrientationReason
    ) {
        self.phrase = phrase
        self.range = range
        self.utf8Offsets = utf8Offsets
        self.interval = interval
        self.granularity = granularity
        self.hasClockTime = hasClockTime
        self.orientation = orientation
        self.orientationReason = orientationReason
    }
}
