/// Decides, frame by frame, whether a frame *sounds*: the speaker-relative silence threshold behind
/// pauses, speech rate and the summary's sounding statistics.
///
/// Two levels are tracked separately, each over a sliding window of recent frames, so that the
/// decision follows a change of room, microphone gain or speaker within one window and never
/// depends on what was heard minutes earlier:
///
/// - **The noise floor**, in the manner of minimum statistics (R. Martin, "Noise power spectral
///   density estimation based on optimal smoothing and minimum statistics", IEEE Trans. Speech and
///   Audio Processing 9(5), 2001): speech leaves gaps, so the quietest frames of a window a few
///   seconds long are noise, even while someone talks. Martin corrects the minimum's bias towards
///   the low tail of the noise from the noise's variance; here the correction is read off the window
///   directly: the floor is the median of the frames within `noiseSpanDb` of the window's quietest.
///   Wandering noise (brown noise at 10 dB SNR spreads 10 dB from its 2nd to 98th percentile) then
///   sits around the floor instead of above a margin over its quietest frame.
/// - **The speaker's loud end**, after de Jong & Wempe (2009): the 99th percentile of the frames in
///   the window that are above the floor (or voiced), so long silences do not pull it down and a
///   few bursts do not push it up. A frame more than `silenceBelowSpeakerDb` (25 dB) below it is
///   silent, as in their script; they take the percentile over the whole file, which live audio
///   does not have and which would let one loud minute silence the next quiet speaker.
///
/// Every window is counted in frames, so the decisions do not depend on how the input was chunked;
/// the recovery time after a change is the longer window (5 s by default).
struct SpeakerLevelTracker {
    let silenceBelowSpeakerDb: Double
    let soundingAboveFloorDb: Double
    let noiseSpanDb: Double
    private var all: SlidingLevelHistogram
    private var aboveFloor: SlidingLevelHistogram
    /// The speaker threshold after the last frame (p99 − 25 dB); +∞ while no frame was above the floor.
    private(set) var speakerThresholdDb = Double.infinity
    /// The floor threshold after the last frame (noise floor + 6 dB).
    private(set) var floorThresholdDb = Double.infinity

    init(settings: ProsodySettings, frameStepSeconds: Double) {
        silenceBelowSpeakerDb = settings.silenceBelowSpeakerDb
        soundingAboveFloorDb = settings.soundingAboveFloorDb
        noiseSpanDb = settings.noiseSpanDb
        all = SlidingLevelHistogram(capacity: max(1, Int((settings.floorWindowSec / frameStepSeconds).rounded())))
        aboveFloor = SlidingLevelHistogram(capacity: max(1, Int((settings.speakerWindowSec / frameStepSeconds).rounded())))
    }

    /// The noise floor over the floor window (nil before the first frame).
    var noiseFloorDb: Double? { all.medianNearLowest(spanDb: noiseSpanDb) }

    /// Adds the next frame and decides it. A frame sounds when it is within reach of the speaker's
    /// loud end and either clearly above the noise floor or voiced. The floor keeps room noise from
    /// counting as sound; the voicing exception keeps a steady voice (a held vowel, a tone) sounding
    /// when the window holds no silence to measure a floor from.
    mutating func add(_ decibels: Double, voiced: Bool) -> Bool {
        all.add(decibels)
        floorThresholdDb = (noiseFloorDb ?? .infinity) + soundingAboveFloorDb
        let candidate = voiced || decibels >= floorThresholdDb
        aboveFloor.add(candidate ? decibels : nil)
        speakerThresholdDb = aboveFloor.quantile(0.99).map { $0 - silenceBelowSpeakerDb } ?? .infinity
        return candidate && decibels >= speakerThresholdDb
    }
}
