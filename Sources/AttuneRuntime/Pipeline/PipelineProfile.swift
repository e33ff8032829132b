/// What `attune profile` measured: per-stage latency (p50 / p99 / max, and the distribution behind
/// them), CPU time per second of audio, peak resident memory and capture overruns. `Codable`: it is
/// also the `--json` output.
public struct PipelineProfile: Codable, Sendable, Equatable {
    /// The stages a profile times, in the order the table lists them.
    public enum Stage: String, Codable, CaseIterable, Sendable {
        /// How far each 10 ms period's arrival strays from the period before it plus 10 ms.
        case captureJitter = "capture_jitter"
        /// Resampling one period as from a 48 kHz microphone (480 samples → 160, `Resampler`).
        case resample
        /// One 10 ms period through the prosody analyser (pitch, intensity, loudness, nuclei).
        case prosodyFrame = "prosody_frame"
        /// One 32 ms chunk through the Silero VAD port.
        case vadChunk = "vad_chunk"
        /// The end-of-turn model on one 10 ms step of a pause (the features the detector computed).
        case endOfTurn = "end_of_turn"
        /// One 10 ms period through the pipeline's whole turn detector (the service's `turns` stage).
        case turnPeriod = "turn_period"
        /// One final transcript through the WordPiece tokenizer.
        case tokenize
        /// Its token ids through the int8 sentence embedder.
        case embed
        /// Recall over the memories so far, with the sentence vector already made.
        case recall
        /// The final transcript through the pipeline to its rapport context (embed, recall, store, guidance).
        case context

        /// What the stage times, for `--help` and the table's legend.
        public var timed: String {
            switch self {
            case .captureJitter: "|arrival − (previous arrival + 10 ms)| of each period"
            case .resample: "one period resampled as from 48 kHz (480 → 160 samples)"
            case .prosodyFrame: "one 10 ms period through the prosody analyser"
            case .vadChunk: "one 32 ms chunk through Silero VAD"
            case .endOfTurn: "the end-of-turn model on one 10 ms step of a pause"
            case .turnPeriod: "one 10 ms period through the whole turn detector"
            case .tokenize: "one final transcript tokenized"
            case .embed: "its ids through the int8 embedder"
            case .recall: "recall with the vector made"
            case .context: "the final transcript to its rapport context"
            }
        }
    }

    /// A point of a stage's distribution: `ms` is the latency at or below which `percentile` % fell.
    public struct Point: Codable, Sendable, Equatable {
        public var percentile: Double
        public var ms: Double
    }

    public struct StageResult: Codable, Sendable, Equatable {
        public var stage: Stage
        public var count: Int
        public var p50Ms: Double
        public var p99Ms: Double
        public var maxMs: Double
        /// The distribution, for the plot: the latency at each of `PipelineProfile.plottedPercentiles`.
        public var distribution: [Point]
    }

    /// The audio's source: a WAV path or an ALSA device name.
    public var input: String
    public var device: Bool
    /// Whether the file was delivered at real time (a device always is).
    public var pacedAtRealTime: Bool
    public var audioSeconds: Double
    /// Final transcripts timed through the text stages (each turn of the transcript, once per round).
    public var textTurns: Int
    /// Stages that ran at least once, in `Stage` order.
    public var stages: [StageResult]
    /// The profiling thread's CPU time in reading the audio and in the pipeline's turn detector (the
    /// stand-alone stage timings excluded), per second of audio.
    public var cpuMsPerAudioSecond: Double
    /// The whole process's peak resident set (VmHWM), mapped model pages included.
    public var peakRSSBytes: Int
    /// Capture overruns on a device; nil for a file.
    public var xruns: Int?
    /// What the run charged to the memory budget, and the budget.
    public var chargedBytes: Int
    public var budgetBytes: Int

    public static let plottedPercentiles: [Double] = [0, 1, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95, 99, 99.9, 100]

    public func result(_ stage: Stage) -> StageResult? { stages.first { $0.stage == stage } }
}
