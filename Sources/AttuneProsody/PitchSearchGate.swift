/// When a voice activity detector runs beside the analyser (the turn detector's Silero VAD), the
/// pitch candidate search can be left out of frames deep inside a stretch the detector calls quiet.
///
/// Why: in a quiet room the room's own noise is the pitch analysis' global peak, so no frame is
/// quiet enough *relative to it* to be skipped by the silence rule of `PitchFrameAnalyzer`, and
/// every frame of an empty room got the full search (two thirds of what listening to nothing cost
/// on a Pi). Behind the gate such frames keep only their voiceless candidate, as the silence rule
/// would give them, while their intensity and A-weighted level are measured as always.
///
/// What it changes: nothing in speech, nor in the first `quietChunks` chunks of a pause (the speech
/// before a pause, which the end-of-turn cues read, is decided by the path finder well inside
/// them); frames further into a quiet stretch are voiceless even where Praat would find a voiced
/// candidate in the noise. `attune analyze` does not gate (its frames stay Praat's).
///
/// Determinism: pitch frame k may look only at the chunks that end by the last sample it needs
/// (`PitchFrameAnalyzer.samplesAfter` past its centre), which have always arrived when the frame is
/// analysed, however the input is chunked, as long as the caller notes each chunk before handing
/// the analyser that chunk's samples and never runs more than `ringSize − 2` chunks ahead of it.
public struct PitchSearchGateSettings: Sendable, Equatable {
    /// Samples per detector chunk (Silero: 512, 32 ms at 16 kHz).
    public var chunkSamples: Int
    /// A chunk is quiet when its speech probability is below this (well under the turn detector's
    /// speech-off probability, 0.35).
    public var quietProbability: Float
    /// The search stops after this many quiet chunks in a row (7 × 32 ms = 224 ms).
    public var quietChunks: Int

    public init(chunkSamples: Int = 512, quietProbability: Float = 0.2, quietChunks: Int = 7) {
        precondition(chunkSamples > 0 && quietChunks > 0, "PitchSearchGateSettings: chunkSamples and quietChunks must be positive")
        self.chunkSamples = chunkSamples
        self.quietProbability = quietProbability
        self.quietChunks = quietChunks
    }
}

/// The gate's state: how many quiet chunks in a row end at each recent chunk.
struct PitchSearchGate {
    static let ringSize = 16
    let settings: PitchSearchGateSettings
    /// Quiet-run length ending at chunk c, at `c % ringSize`, for the last `ringSize` chunks noted.
    private var quietRun = [Int](repeating: 0, count: ringSize)
    private var notedChunks = 0

    init(settings: PitchSearchGateSettings) { self.settings = settings }

    /// Notes chunk `index`'s speech probability; chunks must come in order, each once.
    mutating func note(chunk index: Int, probability: Float) {
        precondition(index == notedChunks, "PitchSearchGate: chunks must be noted in order, each once")
        let previous = index > 0 ? quietRun[(index - 1) % Self.ringSize] : 0
        quietRun[index % Self.ringSize] = probability < settings.quietProbability ? previous + 1 : 0
        notedChunks += 1
    }

    /// Whether the frame whose analysis reads samples up to (not including) `sampleEnd` gets the
    /// candidate search: yes unless the latest chunk ending by then closes a long enough quiet run.
    /// At the end of the input (`inputEnded`), a frame reaching past the last chunk takes that chunk.
    func allowsSearch(samplesEndingAt sampleEnd: Int, inputEnded: Bool) -> Bool {
        var chunk = sampleEnd / settings.chunkSamples - 1
        if inputEnded { chunk = min(chunk, notedChunks - 1) }
        guard chunk >= 0 else { return true }
        precondition(chunk < notedChunks && chunk >= notedChunks - Self.ringSize,
                     "PitchSearchGate: a frame asked for a chunk not noted yet, or no longer held")
        return quietRun[chunk % Self.ringSize] < settings.quietChunks
    }
}
