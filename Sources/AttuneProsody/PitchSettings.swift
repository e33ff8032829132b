/// Parameters of the autocorrelation pitch tracker (Boersma 1993), with Praat's "To Pitch (ac)"
/// defaults so that results can be compared with Praat frame by frame.
public struct PitchSettings: Sendable, Equatable {
    /// Lowest F0 searched; sets the window to `periodsPerWindow` of its periods (40 ms at 75 Hz).
    public var floorHz: Double = 75
    /// Candidates at or above this frequency count as voiceless (Praat's "pitch ceiling").
    public var ceilingHz: Double = 600
    /// Candidates kept per frame, the voiceless one included (Praat's default 15).
    public var maximumCandidates: Int = 15
    /// §4: frames whose local peak is below this fraction of the global peak lean to voiceless.
    public var silenceThreshold: Double = 0.03
    /// §4: a candidate must beat this normalised autocorrelation to be preferred over voiceless.
    public var voicingThreshold: Double = 0.45
    /// §4: favours higher candidates, per octave (keeps the analysis from halving F0).
    public var octaveCost: Double = 0.01
    /// §5: path cost per octave of F0 change between consecutive frames.
    public var octaveJumpCost: Double = 0.35
    /// §5: path cost of each voiced/voiceless transition.
    public var voicedUnvoicedCost: Double = 0.14
    /// Window length in periods of `floorHz` (Praat: 3 for the Hanning-window method).
    public var periodsPerWindow: Double = 3
    /// The streaming path decides frame n once frame n + `decisionLagFrames` is analysed
    /// (fixed-lag Viterbi); Praat decides over the whole file.
    public var decisionLagFrames: Int = 7

    public init() {}
}
