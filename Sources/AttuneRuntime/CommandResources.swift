import AttuneAudio
import AttuneMemory
import AttuneStore
import AttuneText
import AttuneTurn
import Foundation

/// What each command loads and charges to the memory budget, in one place. The commands load
/// through these functions, and `attune doctor` calls the same functions against a budget of the
/// same size, so "doctor passed" means the models are there, valid, and fit.
public enum CommandResources {
    /// A WAV file's or standard input's read block and conversion state (4096 frames of up to 64
    /// channels of 8 bytes, the resampler's history): 256 KiB covers the largest.
    public static let audioReaderBytes = 256 * 1024
    /// The prosody analyser's frame ring, pitch candidates and Viterbi lag (90 ms look-ahead).
    public static let prosodyAnalyzerBytes = 96 * 1024

    /// Silero VAD and the end-of-turn model, as `turns` and `listen` use them.
    public struct TurnModels {
        public let vadWeights: SileroVADWeights
        public let endOfTurn: EndOfTurnModel
    }

    /// Loads and validates both turn models, charging the VAD weights.
    /// - Parameter endOfTurnPath: a model given on the command line, else the bundled one.
    public static func loadTurnModels(endOfTurnPath: String? = nil, budget: MemoryBudget) throws -> TurnModels {
        let vadWeights = try loadVADWeights(budget: budget)
        let endOfTurn = try EndOfTurnModel(path: endOfTurnPath ?? EndOfTurnModel.defaultPath())
        return TurnModels(vadWeights: vadWeights, endOfTurn: endOfTurn)
    }

    /// Loads and validates the bundled Silero VAD weights alone (`attune analyze --vad-gate`), charging them.
    public static func loadVADWeights(budget: MemoryBudget) throws -> SileroVADWeights {
        let vadWeights = try SileroVADWeights(path: SileroVADWeights.defaultPath())
        try budget.charge("Silero VAD weights", bytes: vadWeights.byteCount)
        return vadWeights
    }

    /// The tokenizer's vocabulary and normaliser tables, from the bundled models.
    public static func loadTokenizer(maximumLength: Int = WordPieceTokenizer.defaultMaximumLength) throws -> WordPieceTokenizer {
        let modelsDirectory = (ModelLocator.path(of: "minilm-l6-v2-vocab.txt") as NSString).deletingLastPathComponent
        return try WordPieceTokenizer(modelsDirectory: modelsDirectory, maximumLength: maximumLength)
    }

    /// The tokenizer and the int8 sentence embedder, charging the mapped model and the scratch
    /// before the scratch is allocated.
    public static func loadEmbedder(threads: Int, budget: MemoryBudget) throws -> (tokenizer: WordPieceTokenizer, embedder: MiniLMEmbedder) {
        let tokenizer = try loadTokenizer()
        let weights = try MiniLMWeights(path: ModelLocator.path(of: "minilm-l6-v2-int8.bin"))
        try budget.charge("sentence model (mapped)", bytes: weights.mappedBytes)
        try budget.charge("sentence embedder scratch", bytes: MiniLMEmbedder.scratchBytes(config: weights.config, threads: threads))
        return (tokenizer, try MiniLMEmbedder(weights: weights, threads: threads))
    }

    /// The memory engine over an open store: the embedder (charged as `loadEmbedder` does) and the
    /// in-memory vector index (charged once loaded, with what it holds). `timeZone` is the IANA zone
    /// times such as "Thursday at nine" are read in.
    /// - Parameter loaded: the tokenizer and embedder when the caller loaded (and charged) them.
    public static func openMemory(store: EncryptedStore, timeZone: String, budget: MemoryBudget,
                                  embedder loaded: (tokenizer: WordPieceTokenizer, embedder: MiniLMEmbedder)? = nil) throws -> MemoryEngine {
        let (tokenizer, embedder) = try loaded ?? loadEmbedder(threads: 1, budget: budget)
        let resolver = try TimeExpressionResolver(timeZoneIdentifier: timeZone)
        let engine = try MemoryEngine(store: store, tokenizer: tokenizer, embedder: embedder, resolver: resolver)
        try budget.charge("memory vector index (\(engine.indexedCount) memories)", bytes: engine.indexByteCount)
        return engine
    }

    /// VADER's lexicons and the distress cues.
    public static func loadTextAffect() throws -> TextAffectAnalyzer {
        let modelsDirectory = (ModelLocator.path(of: "vader-lexicon.tsv") as NSString).deletingLastPathComponent
        return try TextAffectAnalyzer(modelsDirectory: modelsDirectory)
    }

    /// Charges the capture ring that `--device` opens (the conversion, which depends on the device's
    /// format, is charged when the device is open).
    public static func chargeCaptureRing(configuration: AttuneConfiguration, budget: MemoryBudget) throws {
        let ringBytes = SPSCSampleRing.byteCount(forMinimumCapacity: Int(configuration.ringSeconds * Double(CanonicalAudio.sampleRateHz)))
        try budget.charge("capture ring (\(configuration.ringSeconds) s)", bytes: ringBytes)
    }

    /// Everything each command loads and charges before its first sample or line, for `attune doctor`.
    /// `tokenize` and `affect` hold only small tables and take no memory budget.
    public static let commandChecks: [(command: String, charged: Bool, load: @Sendable (AttuneConfiguration, MemoryBudget) throws -> Void)] = [
        ("analyze", true, { _, budget in
            try budget.charge("WAV reader", bytes: audioReaderBytes)
            try budget.charge("prosody analyser", bytes: prosodyAnalyzerBytes)
        }),
        ("turns", true, { _, budget in
            try budget.charge("WAV reader", bytes: audioReaderBytes)
            _ = try loadTurnModels(budget: budget)
            try Pipeline.chargeOwnState(to: budget)
        }),
        ("listen", true, { configuration, budget in
            _ = try loadTurnModels(budget: budget)
            try chargeCaptureRing(configuration: configuration, budget: budget)
            try Pipeline.chargeOwnState(to: budget)
        }),
        ("record", true, { configuration, budget in try chargeCaptureRing(configuration: configuration, budget: budget) }),
        ("tokenize", false, { _, _ in _ = try loadTokenizer() }),
        ("embed", true, { _, budget in _ = try loadEmbedder(threads: 1, budget: budget) }),
        ("memory", true, { configuration, budget in
            _ = try loadEmbedder(threads: 1, budget: budget)
            _ = try TimeExpressionResolver(timeZoneIdentifier: configuration.timeZone)
        }),
        ("affect", false, { _, _ in _ = try loadTextAffect() }),
        ("context", true, { configuration, budget in
            _ = try loadEmbedder(threads: 1, budget: budget)
            _ = try TimeExpressionResolver(timeZoneIdentifier: configuration.timeZone)
            _ = try loadTextAffect()
        }),
        // `attune serve` with a store and a device, before its store's memories are indexed, with one host.
        ("serve", true, { configuration, budget in
            let turnModels = try loadTurnModels(budget: budget)
            _ = try loadEmbedder(threads: 1, budget: budget)
            _ = try TimeExpressionResolver(timeZoneIdentifier: configuration.timeZone)
            _ = try loadTextAffect()
            _ = try Pipeline(rapport: nil, turnModels: turnModels, budget: budget)
            try chargeCaptureRing(configuration: configuration, budget: budget)
            try budget.charge("socket read buffer", bytes: HostConnection.readChunkBytes)
            try budget.charge("one host's connection", bytes: HostConnection.worstCaseBytes)
        }),
        ("profile", true, { configuration, budget in
            try budget.charge("WAV reader", bytes: audioReaderBytes)
            let turnModels = try loadTurnModels(budget: budget)
            _ = try loadEmbedder(threads: 1, budget: budget)
            _ = try TimeExpressionResolver(timeZoneIdentifier: configuration.timeZone)
            _ = try loadTextAffect()
            try budget.charge("profile: stand-alone stages and histograms", bytes: PipelineProfiler.byteCount)
            _ = try Pipeline(rapport: nil, turnModels: turnModels, budget: budget)
        }),
    ]
}
