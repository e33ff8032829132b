/// Everything the streaming prosody analyser can be tuned with; the defaults follow Praat
/// (pitch, intensity) and de Jong & Wempe (2009) (pauses, syllable nuclei).
public struct ProsodySettings: Sendable, Equatable {
    public var pitch = PitchSettings()
    /// Minimum pitch of the reported intensity (Praat's "To Intensity" default 100 Hz: 64 ms window).
    public var intensityMinimumPitchHz: Double = 100
    /// Minimum pitch of the smoother intensity used for syllable nuclei (de Jong & Wempe: 50 Hz).
    public var nucleusIntensityMinimumPitchHz: Double = 50
    /// A frame sounds when its intensity is within this many dB of the speaker's 99th percentile
    /// (de Jong & Wempe's "silence threshold", −25 dB) over the last `speakerWindowSec` ...
    public var silenceBelowSpeakerDb: Double = 25
    /// ... and, unless voiced, at least this far above the noise floor, so that room noise is not
    /// called sounding.
    public var soundingAboveFloorDb: Double = 6
    /// The noise floor is the median of the frames within this many dB of the quietest frame of the
    /// last `floorWindowSec` (minimum statistics with the bias read off the window; see
    /// `SpeakerLevelTracker`). 12 dB covers the wander of brown noise (10 dB from p2 to p98).
    public var noiseSpanDb: Double = 12
    /// Window of the noise floor: long enough to hold a gap between words in running speech.
    public var floorWindowSec: Double = 5
    /// Window of the speaker's loud end: the 99th percentile of the frames above the floor in it.
    public var speakerWindowSec: Double = 5
    /// Window of the pitch analysis' "global peak" (Praat's silence threshold is relative to it):
    /// the input's last 4.5 to 5 s, in 0.5 s blocks, instead of all of it.
    public var pitchPeakWindowSec: Double = 5
    /// Silences shorter than this are part of speech, not pauses (de Jong & Wempe: 0.3 s).
    public var minimumPauseSec: Double = 0.3
    /// Sounding stretches shorter than this are clicks, not speech (Praat's silences default: 0.1 s).
    public var minimumSoundingSec: Double = 0.1
    /// A syllable nucleus is an intensity peak followed by a dip of at least this many dB
    /// (de Jong & Wempe's "minimum dip between peaks", 2 dB).
    public var minimumDipDb: Double = 2

    public init() {}
}
