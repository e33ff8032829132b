import AttuneKernels
import Dispatch

/// Sentence embeddings from all-MiniLM-L6-v2 (`models/minilm-l6-v2-int8.bin`): this maps the model,
/// checks and finds its tensors and runs `MiniLMEncoder` (the forward pass, which builds with Embedded
/// Swift) on them. The arithmetic is described there.
///
/// The matrices are read as the model file stores them (panels) or, with `layout: .rowBlocks` (the
/// AArch64 default, `MiniLMProductLayout`), from row-major copies made once at load; the vectors are
/// identical.
///
/// One embedder owns its scratch buffers (sized for `maximumLength` tokens at creation, nothing is
/// allocated per sentence but the returned vector), so use one per thread. With `threads` > 1, each
/// matrix product of at least `MiniLMEncoder.smallestSplitProduct` multiply-adds is split into that
/// many slices of whole 16-output panels, run with `DispatchQueue.concurrentPerform`; every output is
/// computed exactly as with one thread, so the vectors are identical.
public final class MiniLMEmbedder {
    public let weights: MiniLMWeights
    public let maximumLength: Int
    /// Threads each matrix product is split across (1: the calling thread only).
    public let threads: Int
    /// How the encoder's matrices are held and multiplied.
    public let layout: MiniLMProductLayout
    public var dimension: Int { hidden }

    private let hidden: Int
    private let encoder: MiniLMEncoder
    /// The word-embedding table's pages, released after each lookup.
    private let wordEmbeddingPages: UnsafeMutableRawBufferPointer?
    /// The row-major copies of the encoder's matrices (`.rowBlocks`), owned.
    private let rowMajorWeights: UnsafeMutablePointer<Int8>?

    /// Bytes of scratch, for the memory budget (the mapped model is `weights.mappedBytes`).
    public let scratchBytes: Int

    /// Bytes of scratch an embedder for this model will allocate, so a caller can charge its memory
    /// budget before creating one.
    public static func scratchBytes(config: MiniLMWeights.Config, maximumLength: Int = WordPieceTokenizer.defaultMaximumLength,
                                    threads: Int = 1) -> Int {
        scratchBytes(config: config, maximumLength: maximumLength, threads: threads, layout: .preferred)
    }

    /// Bytes an embedder with a given layout allocates: its scratch and, for `.rowBlocks`, the copies.
    public static func scratchBytes(config: MiniLMWeights.Config, maximumLength: Int, threads: Int, layout: MiniLMProductLayout) -> Int {
        MiniLMEncoder.scratchBytes(shape: shape(of: config), maximumLength: maximumLength, slices: threads) + layout.allocatedBytes(config: config)
    }

    static func shape(of config: MiniLMWeights.Config) -> MiniLMEncoder.Shape {
        MiniLMEncoder.Shape(hidden: config.hiddenSize, heads: config.numAttentionHeads, inner: config.intermediateSize,
                            maxPositions: config.maxPositionEmbeddings, epsilon: config.layerNormEps)
    }

    /// An embedder with this build's layout (`MiniLMProductLayout.preferred`).
    public convenience init(weights: MiniLMWeights, maximumLength: Int = WordPieceTokenizer.defaultMaximumLength, threads: Int = 1) throws {
        try self.init(weights: weights, maximumLength: maximumLength, threads: threads, layout: .preferred)
    }

    public init(weights: MiniLMWeights, maximumLength: Int = WordPieceTokenizer.defaultMaximumLength, threads: Int = 1,
                layout: MiniLMProductLayout) throws {
        let config = weights.config
        guard maximumLength >= 2, maximumLength <= config.maxPositionEmbeddings, config.hiddenSize % config.numAttentionHeads == 0 else {
            throw MiniLMWeights.LoadError.malformed(path: weights.path, reason: "a maximum length of \(maximumLength) does not fit this model")
        }
        precondition(threads >= 1, "threads must be at least 1")
        self.weights = weights
        self.maximumLength = maximumLength
        self.threads = threads
        self.layout = layout
        hidden = config.hiddenSize
        let h = config.hiddenSize, i = config.intermediateSize
        let embeddings = MiniLMEncoder.Embeddings(
            words: try weights.int8("embeddings.word", shape: [config.vocabSize, h]),
            positions: try weights.float("embeddings.position", shape: [config.maxPositionEmbeddings, h]),
            tokenType: try weights.float("embeddings.token_type", shape: [config.typeVocabSize, h]),
            normWeight: try weights.float("embeddings.norm.weight", shape: [h]),
            normBias: try weights.float("embeddings.norm.bias", shape: [h]))
        wordEmbeddingPages = weights.pages(of: "embeddings.word")
        let packedLayers = try (0..<config.numHiddenLayers).map { index in
            let p = "encoder.layer.\(index)."
            return MiniLMEncoder.Layer(
                query: try weights.int8Panels(p + "attention.self.query", shape: [h, h]),
                key: try weights.int8Panels(p + "attention.self.key", shape: [h, h]),
                value: try weights.int8Panels(p + "attention.self.value", shape: [h, h]),
                attentionOutput: try weights.int8Panels(p + "attention.output.dense", shape: [h, h]),
                intermediate: try weights.int8Panels(p + "intermediate.dense", shape: [i, h]),
                output: try weights.int8Panels(p + "output.dense", shape: [h, i]),
                queryBias: try weights.float(p + "attention.self.query.bias", shape: [h]),
                keyBias: try weights.float(p + "attention.self.key.bias", shape: [h]),
                valueBias: try weights.float(p + "attention.self.value.bias", shape: [h]),
                attentionOutputBias: try weights.float(p + "attention.output.dense.bias", shape: [h]),
                intermediateBias: try weights.float(p + "intermediate.dense.bias", shape: [i]),
                outputBias: try weights.float(p + "output.dense.bias", shape: [h]),
                attentionNormWeight: try weights.float(p + "attention.output.LayerNorm.weight", shape: [h]),
                attentionNormBias: try weights.float(p + "attention.output.LayerNorm.bias", shape: [h]),
                outputNormWeight: try weights.float(p + "output.LayerNorm.weight", shape: [h]),
                outputNormBias: try weights.float(p + "output.LayerNorm.bias", shape: [h]),
                qkvSmooth: try weights.float(p + "qkv.smooth", shape: [h]),
                attentionOutputSmooth: try weights.float(p + "attention_output.smooth", shape: [h]),
                intermediateSmooth: try weights.float(p + "intermediate.smooth", shape: [h]),
                outputSmooth: try weights.float(p + "output.smooth", shape: [i]))
        }
        let layers: [MiniLMEncoder.Layer]
        if layout == .rowBlocks {
            // Unpack every matrix once; the file's panel pages read for it are then released.
            let rows = UnsafeMutablePointer<Int8>.allocate(capacity: layout.allocatedBytes(config: config))
            var next = rows
            func unpacked(_ matrix: (weights: UnsafePointer<Int8>, scales: UnsafePointer<Float>), outputs: Int, inner: Int)
                -> (weights: UnsafePointer<Int8>, scales: UnsafePointer<Float>) {
                unpackInt8Panels(matrix.weights, outputs: outputs, inner: inner, into: next)
                defer { next += outputs * inner }
                return (UnsafePointer(next), matrix.scales)
            }
            layers = packedLayers.map { layer in
                layer.replacingMatrices(query: unpacked(layer.query, outputs: h, inner: h), key: unpacked(layer.key, outputs: h, inner: h),
                                        value: unpacked(layer.value, outputs: h, inner: h),
                                        attentionOutput: unpacked(layer.attentionOutput, outputs: h, inner: h),
                                        intermediate: unpacked(layer.intermediate, outputs: i, inner: h), output: unpacked(layer.output, outputs: h, inner: i))
            }
            for index in 0..<config.numHiddenLayers {
                for matrix in ["attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense", "intermediate.dense", "output.dense"] {
                    if let pages = weights.pages(of: "encoder.layer.\(index)." + matrix) { MiniLMWeights.releaseResidentPages(pages) }
                }
            }
            rowMajorWeights = rows
        } else {
            layers = packedLayers
            rowMajorWeights = nil
        }
        encoder = MiniLMEncoder(shape: Self.shape(of: config), embeddings: embeddings, layers: layers, layout: layout,
                                maximumLength: maximumLength, slices: threads)
        scratchBytes = Self.scratchBytes(config: config, maximumLength: maximumLength, threads: threads, layout: layout)
    }

    deinit {
        rowMajorWeights?.deallocate()
    }

    /// The L2-normalised sentence vector of token ids (with [CLS] and [SEP], as `WordPieceTokenizer`
    /// makes them); ids beyond `maximumLength` are ignored.
    public func embed(ids: [Int32]) -> [Float] {
        var result = [Float](repeating: 0, count: hidden)
        ids.withUnsafeBufferPointer { idBuffer in
            result.withUnsafeMutableBufferPointer { output in
                guard let first = idBuffer.baseAddress else { return }
                encoder.embed(ids: first, count: idBuffer.count, into: output.baseAddress!, runner: DispatchSliceRunner())
            }
        }
        if let wordEmbeddingPages, !ids.isEmpty { MiniLMWeights.releaseResidentPages(wordEmbeddingPages) }
        return result
    }
}

/// The embedder's threads: the slices of a product through `DispatchQueue.concurrentPerform`.
private struct DispatchSliceRunner: MiniLMSliceRunner {
    func run(slices: Int, _ body: @Sendable (Int) -> Void) { DispatchQueue.concurrentPerform(iterations: slices, execute: body) }
}

extension MiniLMProductLayout {
    /// Bytes of row-major weights this layout allocates for a model (0 for panels).
    public func allocatedBytes(config: MiniLMWeights.Config) -> Int {
        guard self == .rowBlocks else { return 0 }
        let (h, i) = (config.hiddenSize, config.intermediateSize)
        return config.numHiddenLayers * (4 * h * h + 2 * h * i)
    }
}
