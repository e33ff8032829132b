import AttuneProsody

/// Timing rules of the turn detector; the end-of-turn decision itself is the fitted model's.
public struct TurnSettings: Sendable, Equatable {
    /// VAD probability at or above which a frame is speech …
    public var speechOnProbability: Float = 0.5
    /// … and below which it is silence (in between, the previous state holds).
    public var speechOffProbability: Float = 0.35
    /// Speech must last this long before `speech_start` (keeps clicks and noise bursts out).
    public var minimumSpeechMs: Double = 120
    /// A silence becomes a `pause` event after this long.
    public var pauseEventMs: Double = 150
    /// Shortest pause that can be an end of turn (below it, people are mid-word).
    public var minimumEndOfTurnPauseMs: Double = 60
    /// Speech that starts again within this long of the speech end an end-of-turn was declared for,
    /// before the assistant said anything, is the same turn going on (`turn_resumed`).
    public var resumeWindowSec: Double = 1.0
    /// Gap people leave between turns; the suggested response delay tops the pause up to it.
    public var naturalGapMs: Double = 200
    /// Backchannel opportunities: a mid-turn pause of at least this long …
    public var backchannelPauseMs: Double = 200
    /// … after a final pitch movement of at least this many semitones per second …
    public var backchannelSlopeSemitonesPerSec: Double = 8
    /// … while the end-of-turn probability stays below this.
    public var backchannelMaximumP: Double = 0.3
    /// Frames deep in what the VAD calls quiet skip the pitch candidate search (`PitchSearchGate`):
    /// listening to an empty room then costs a third of what it did. Its chunks are the VAD's.
    /// `nil` searches every frame, as `attune analyze` does.
    public var pitchSearchGate: PitchSearchGateSettings? = PitchSearchGateSettings(chunkSamples: SileroVAD.chunkSamples)

    public init() {}
}
