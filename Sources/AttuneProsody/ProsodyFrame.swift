/// One 10 ms analysis frame, as `attune analyze --json` prints it.
public struct ProsodyFrame: Sendable, Equatable {
    /// Frame number k ≥ 1; the frame is centred at t = k · 10 ms.
    public var index: Int
    /// F0 in Hz, nil in voiceless frames.
    public var f0Hz: Double?
    /// Strength of the chosen candidate: the normalised autocorrelation (0…1) for a voiced frame.
    public var voicingStrength: Double
    /// Praat's intensity (minimum pitch 100 Hz) in dB; −300 for digital silence.
    public var intensityDb: Double
    /// A-weighted level in dB(A) of the 40 ms pitch window (1.0 full scale = 1 Pa).
    public var aWeightedLevelDb: Double
    /// Loudness in sones from the A-weighted level (see `Loudness`).
    public var loudnessSones: Double
    /// Above the speaker-relative silence threshold (see `SpeakerLevelTracker`).
    public var sounding: Bool

    public init(
        index: Int, f0Hz: Double?, voicingStrength: Double, intensityDb: Double,
        aWeightedLevelDb: Double, loudnessSones: Double, sounding: Bool
    ) {
        self.index = index
        self.f0Hz = f0Hz
        self.voicingStrength = voicingStrength
        self.intensityDb = intensityDb
        self.aWeightedLevelDb = aWeightedLevelDb
        self.loudnessSones = loudnessSones
        self.sounding = sounding
    }

    /// Frame centre in seconds.
    public var timeSec: Double { Double(index) * ProsodyAnalyzer.frameStepSeconds }
    public var voiced: Bool { f0Hz != nil }
}

/// Loudness from an A-weighted level by Stevens' power law in Zwicker's sone scale:
/// N = 2^((L_A − 40) / 10) sones, so 40 dB(A) is 1 sone and every +10 dB doubles the loudness.
/// This treats dB(A) as phons, which holds for broadband sounds like speech to within a few phons;
/// it is not a full Zwicker (ISO 532-1) model with critical bands and masking.
public enum Loudness {
    public static func sones(fromAWeightedDb level: Double) -> Double {
        level <= -200 ? 0 : pow(2, (level - 40) / 10)
    }
}
