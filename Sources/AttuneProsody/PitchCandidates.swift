/// The candidates of one analysis frame (Boersma 1993 §4): index 0 is always the voiceless
/// candidate (frequency 0); the others are autocorrelation peaks, refined to sub-sample lag.
public struct PitchCandidates: Sendable {
    /// Fixed capacity so that the tracker's ring of frames never allocates.
    public static let capacity = 16
    public var count: Int = 1
    public var frequencyHz = SIMD16<Double>(repeating: 0)
    public var strength = SIMD16<Double>(repeating: 0)
    /// Local peak over the global peak, clipped to 1 (the "intensity" of §4's voiceless strength).
    public var relativePeak: Double = 0

    public init() {}
}
