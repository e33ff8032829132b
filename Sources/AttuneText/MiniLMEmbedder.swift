import AttuneKernels
import Dispatch

/// Sentence embeddings from all-MiniLM-L6-v2 with int8 matrix products (`AttuneKernels`): the six
/// encoder layers' query, key, value, attention-output, intermediate and output projections run on
/// int8 weights (per output channel) and int8 activations (per token, quantized at run time) with
/// int32 sums; embeddings, attention scores, softmax, layer norms, GELU and pooling stay in float.
/// Each projection's input is first multiplied by its SmoothQuant factors (tools/text/convert_minilm.py
/// explains them). The sentence vector is the mean of the last layer's token vectors, L2-normalised,
/// as sentence-transformers computes it for this model.
///
/// The matrices are read as the model file stores them (panels) or, with `layout: .rowBlocks` (the
/// AArch64 default, `MiniLMProductLayout`), from row-major copies made once at load; the vectors are
/// identical.
///
/// One embedder owns its scratch buffers (sized for `maximumLength` tokens at creation, nothing is
/// allocated per sentence but the returned vector), so use one per thread. With `threads` > 1, each
/// matrix product of at least `smallestSplitProduct` multiply-adds is split into that many slices of
/// whole 16-output panels, run with
/// `DispatchQueue.concurrentPerform`; every output is computed exactly as with one thread, so the
/// vectors are identical.
public final class MiniLMEmbedder {
    public let weights: MiniLMWeights
    public let maximumLength: Int
    /// Threads each matrix product is split across (1: the calling thread only).
    public let threads: Int
    /// How the encoder's matrices are held and multiplied.
    public let layout: MiniLMProductLayout
    public var dimension: Int { hidden }

    struct Layer {
        let query, key, value, attentionOutput, intermediate, output: (weights: UnsafePointer<Int8>, scales: UnsafePointer<Float>)
        let queryBias, keyBias, valueBias, attentionOutputBias, intermediateBias, outputBias: UnsafePointer<Float>
        let attentionNormWeight, attentionNormBias, outputNormWeight, outputNormBias: UnsafePointer<Float>
        /// SmoothQuant factors each projection's input is multiplied by before it is quantized.
        let qkvSmooth, attentionOutputSmooth, intermediateSmooth, outputSmooth: UnsafePointer<Float>

        typealias Matrix = (weights: UnsafePointer<Int8>, scales: UnsafePointer<Float>)
        /// The same layer reading its six matrices from elsewhere (their row-major copies).
        func replacingMatrices(query: Matrix, key: Matrix, value: Matrix, attentionOutput: Matrix, intermediate: Matrix, output: Matrix) -> Layer {
            Layer(query: query, key: key, value: value, attentionOutput: attentionOutput, intermediate: intermediate, output: output,
                  queryBias: queryBias, keyBias: keyBias, valueBias: valueBias, attentionOutputBias: attentionOutputBias,
                  intermediateBias: intermediateBias, outputBias: outputBias, attentionNormWeight: attentionNormWeight,
                  attentionNormBias: attentionNormBias, outputNormWeight: outputNormWeight, outputNormBias: outputNormBias,
                  qkvSmooth: qkvSmooth, attentionOutputSmooth: attentionOutputSmooth, intermediateSmooth: intermediateSmooth, outputSmooth: outputSmooth)
        }
    }

    private let hidden: Int
    private let heads: Int
    private let inner: Int
    private let epsilon: Float
    private let wordEmbeddings: (weights: UnsafePointer<Int8>, scales: UnsafePointer<Float>)
    private let positionEmbeddings: UnsafePointer<Float>
    private let tokenTypeEmbeddings: UnsafePointer<Float>
    private let embeddingNormWeight: UnsafePointer<Float>
    private let embeddingNormBias: UnsafePointer<Float>
    private let layers: [Layer]
    /// The word-embedding table's pages, released after each lookup.
    private let wordEmbeddingPages: UnsafeMutableRawBufferPointer?
    /// The row-major copies of the encoder's matrices (`.rowBlocks`), owned.
    private let rowMajorWeights: UnsafeMutablePointer<Int8>?

    // Scratch, sized for maximumLength tokens.
    private let state: UnsafeMutablePointer<Float>
    private let query: UnsafeMutablePointer<Float>
    private let key: UnsafeMutablePointer<Float>
    private let value: UnsafeMutablePointer<Float>
    private let context: UnsafeMutablePointer<Float>
    private let projected: UnsafeMutablePointer<Float>
    /// The feed-forward block's 1,536-wide intermediate, for `feedForwardBlock` tokens at a time.
    private let expanded: UnsafeMutablePointer<Float>
    private let scores: UnsafeMutablePointer<Float>
    /// One head's keys, transposed, for `multiHeadAttention`.
    private let transposedKeys: UnsafeMutablePointer<Float>
    private let quantized: UnsafeMutablePointer<Int8>
    private let tokenScales: UnsafeMutablePointer<Float>
    /// The matrix product's spread activations (`int8PanelScratchCount`), one block per thread.
    private let panelScratch: UnsafeMutablePointer<Int32>
    private let panelScratchCount: Int

    /// Bytes of scratch, for the memory budget (the mapped model is `weights.mappedBytes`).
    public let scratchBytes: Int

    /// Tokens per pass through the feed-forward block. Each token's feed-forward is independent
    /// (activations are quantized per token), so passes of 32 give the same result as one pass over
    /// all tokens while the intermediate stays 196 KB instead of 1.5 MB at 256 tokens.
    static let feedForwardBlock = 32

    /// Multiply-adds below which a product is not split across threads (about 70 µs of work).
    static let smallestSplitProduct = 2_000_000

    /// Bytes of scratch an embedder for this model will allocate, so a caller can charge its memory
    /// budget before creating one.
    public static func scratchBytes(config: MiniLMWeights.Config, maximumLength: Int = WordPieceTokenizer.defaultMaximumLength,
                                    threads: Int = 1) -> Int {
        scratchBytes(config: config, maximumLength: maximumLength, threads: threads, layout: .preferred)
    }

    /// Bytes an embedder with a given layout allocates: its scratch and, for `.rowBlocks`, the copies.
    public static func scratchBytes(config: MiniLMWeights.Config, maximumLength: Int, threads: Int, layout: MiniLMProductLayout) -> Int {
        let (tokens, h, i) = (maximumLength, config.hiddenSize, config.intermediateSize)
        let block = min(tokens, feedForwardBlock)
        let floats = 6 * tokens * h + block * i + tokens * tokens + tokens
            + attentionTransposedKeyCount(tokens: tokens, width: h, heads: config.numAttentionHeads)
        return 4 * (floats + threads * int8PanelScratchCount(inner: max(h, i))) + max(tokens * h, block * i) + layout.allocatedBytes(config: config)
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
        heads = config.numAttentionHeads
        inner = config.intermediateSize
        epsilon = config.layerNormEps
        let h = hidden, i = inner
        wordEmbeddings = try weights.int8("embeddings.word", shape: [config.vocabSize, h])
        positionEmbeddings = try weights.float("embeddings.position", shape: [config.maxPositionEmbeddings, h])
        tokenTypeEmbeddings = try weights.float("embeddings.token_type", shape: [config.typeVocabSize, h])
        embeddingNormWeight = try weights.float("embeddings.norm.weight", shape: [h])
        embeddingNormBias = try weights.float("embeddings.norm.bias", shape: [h])
        wordEmbeddingPages = weights.pages(of: "embeddings.word")
        let packedLayers = try (0..<config.numHiddenLayers).map { index in
            let p = "encoder.layer.\(index)."
            return Layer(
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
        let tokens = maximumLength
        state = .allocate(capacity: tokens * h)
        query = .allocate(capacity: tokens * h)
        key = .allocate(capacity: tokens * h)
        value = .allocate(capacity: tokens * h)
        context = .allocate(capacity: tokens * h)
        projected = .allocate(capacity: tokens * h)
        let block = min(tokens, Self.feedForwardBlock)
        expanded = .allocate(capacity: block * i)
        scores = .allocate(capacity: tokens * tokens)
        transposedKeys = .allocate(capacity: attentionTransposedKeyCount(tokens: tokens, width: h, heads: heads))
        quantized = .allocate(capacity: max(tokens * h, block * i))
        tokenScales = .allocate(capacity: tokens)
        panelScratchCount = int8PanelScratchCount(inner: max(h, i))
        panelScratch = .allocate(capacity: threads * panelScratchCount)
        scratchBytes = Self.scratchBytes(config: config, maximumLength: maximumLength, threads: threads, layout: layout)
    }

    deinit {
        for buffer in [state, query, key, value, context, projected, expanded, scores, transposedKeys, tokenScales] { buffer.deallocate() }
        quantized.deallocate()
        panelScratch.deallocate()
        rowMajorWeights?.deallocate()
    }

    /// The L2-normalised sentence vector of token ids (with [CLS] and [SEP], as `WordPieceTokenizer`
    /// makes them); ids beyond `maximumLength` are ignored.
    public func embed(ids: [Int32]) -> [Float] {
        let tokens = min(ids.count, maximumLength)
        var result = [Float](repeating: 0, count: hidden)
        guard tokens > 0 else { return result }
        let h = hidden
        // Embeddings: the int8 word row, dequantized, plus position and token type 0; then layer norm.
        for t in 0..<tokens {
            let id = Int(ids[t])
            let row = wordEmbeddings.weights + id * h
            let scale = wordEmbeddings.scales[id]
            let position = positionEmbeddings + t * h
            let target = state + t * h
            for c in 0..<h { target[c] = Float(row[c]) * scale + position[c] + tokenTypeEmbeddings[c] }
        }
        if let wordEmbeddingPages { MiniLMWeights.releaseResidentPages(wordEmbeddingPages) }
        layerNormRows(state, rows: tokens, columns: h, gamma: embeddingNormWeight, beta: embeddingNormBias, epsilon: epsilon)
        for layer in layers { run(layer, tokens: tokens) }
        result.withUnsafeMutableBufferPointer { output in
            meanPoolRows(state, rows: tokens, columns: h, into: output.baseAddress!)
            l2NormalizeInPlace(output.baseAddress!, count: h)
        }
        return result
    }

    private func project(_ input: UnsafePointer<Float>, tokens: Int, width: Int, smooth: UnsafePointer<Float>,
                         _ matrix: (weights: UnsafePointer<Int8>, scales: UnsafePointer<Float>), outputs: Int,
                         bias: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>) {
        quantizeRowsSymmetric(input, rows: tokens, columns: width, channelScales: smooth, into: quantized, scales: tokenScales)
        multiply(matrix, tokens: tokens, outputs: outputs, inner: width, bias: bias, into: output)
    }

    /// The product of the quantized activations with one matrix (packed or row-major, as `layout`), in
    /// `threads` slices of whole panels.
    private func multiply(_ matrix: (weights: UnsafePointer<Int8>, scales: UnsafePointer<Float>), tokens: Int, outputs: Int, inner: Int,
                          bias: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>) {
        let product = ProductSlices(layout: layout, activations: quantized, activationScales: tokenScales, tokens: tokens, panels: matrix.weights,
                                         weightScales: matrix.scales, outputs: outputs, inner: inner, bias: bias,
                                         scratch: panelScratch, scratchCount: panelScratchCount, result: output)
        // A product too small to repay the hand-off to other threads (about 10 µs each) runs here, whole.
        guard threads > 1, tokens * outputs * inner >= Self.smallestSplitProduct else { return product.compute(slice: 0, of: 1) }
        let slices = min(threads, (outputs + int8PanelRows - 1) / int8PanelRows)
        DispatchQueue.concurrentPerform(iterations: slices) { slice in product.compute(slice: slice, of: slices) }
    }

    private func run(_ layer: Layer, tokens: Int) {
        let h = hidden
        // The three projections share one quantization of the state.
        quantizeRowsSymmetric(state, rows: tokens, columns: h, channelScales: layer.qkvSmooth, into: quantized, scales: tokenScales)
        multiply(layer.query, tokens: tokens, outputs: h, inner: h, bias: layer.queryBias, into: query)
        multiply(layer.key, tokens: tokens, outputs: h, inner: h, bias: layer.keyBias, into: key)
        multiply(layer.value, tokens: tokens, outputs: h, inner: h, bias: layer.valueBias, into: value)
        multiHeadAttention(query: query, key: key, value: value, tokens: tokens, width: h, heads: heads, scores: scores,
                           transposedKeys: transposedKeys, into: context)
        project(context, tokens: tokens, width: h, smooth: layer.attentionOutputSmooth, layer.attentionOutput, outputs: h, bias: layer.attentionOutputBias, into: projected)
        for index in 0..<(tokens * h) { state[index] += projected[index] }
        layerNormRows(state, rows: tokens, columns: h, gamma: layer.attentionNormWeight, beta: layer.attentionNormBias, epsilon: epsilon)
        var first = 0
        while first < tokens {
            let count = min(Self.feedForwardBlock, tokens - first)
            project(state + first * h, tokens: count, width: h, smooth: layer.intermediateSmooth, layer.intermediate, outputs: inner,
                    bias: layer.intermediateBias, into: expanded)
            geluInPlace(expanded, count: count * inner)
            project(expanded, tokens: count, width: inner, smooth: layer.outputSmooth, layer.output, outputs: h, bias: layer.outputBias,
                    into: projected + first * h)
            first += count
        }
        for index in 0..<(tokens * h) { state[index] += projected[index] }
        layerNormRows(state, rows: tokens, columns: h, gamma: layer.outputNormWeight, beta: layer.outputNormBias, epsilon: epsilon)
    }

}

/// One matrix product split into slices of whole 16-row panels (of rows, for row blocks), each with
/// its own block of scratch, for `DispatchQueue.concurrentPerform` (slice 0 of 1 is the whole product,
/// on the calling thread). The pointers outlive the call, which returns only when every slice is
/// done, and slices write disjoint columns of the result: hence `@unchecked Sendable`.
private struct ProductSlices: @unchecked Sendable {
    let layout: MiniLMProductLayout
    let activations: UnsafePointer<Int8>
    let activationScales: UnsafePointer<Float>
    let tokens: Int
    let panels: UnsafePointer<Int8>
    let weightScales: UnsafePointer<Float>
    let outputs: Int
    let inner: Int
    let bias: UnsafePointer<Float>
    let scratch: UnsafeMutablePointer<Int32>
    let scratchCount: Int
    let result: UnsafeMutablePointer<Float>

    init(layout: MiniLMProductLayout, activations: UnsafeMutablePointer<Int8>, activationScales: UnsafeMutablePointer<Float>, tokens: Int, panels: UnsafePointer<Int8>,
         weightScales: UnsafePointer<Float>, outputs: Int, inner: Int, bias: UnsafePointer<Float>,
         scratch: UnsafeMutablePointer<Int32>, scratchCount: Int, result: UnsafeMutablePointer<Float>) {
        self.layout = layout
        (self.activations, self.activationScales, self.tokens, self.panels) = (UnsafePointer(activations), UnsafePointer(activationScales), tokens, panels)
        (self.weightScales, self.outputs, self.inner, self.bias) = (weightScales, outputs, inner, bias)
        (self.scratch, self.scratchCount, self.result) = (scratch, scratchCount, result)
    }

    func compute(slice: Int, of slices: Int) {
        let panelCount = (outputs + int8PanelRows - 1) / int8PanelRows
        let first = panelCount * slice / slices, end = panelCount * (slice + 1) / slices
        let firstOutput = first * int8PanelRows
        if layout == .rowBlocks {
            int8RowBlockMatrixMultiply(activations: activations, activationScales: activationScales, tokens: tokens, weights: panels + firstOutput * inner,
                                       weightScales: weightScales + firstOutput, outputs: min(end * int8PanelRows, outputs) - firstOutput,
                                       inner: inner, bias: bias + firstOutput, into: result + firstOutput, resultStride: outputs)
            return
        }
        int8PanelMatrixMultiply(activations: activations, activationScales: activationScales, tokens: tokens,
                                panels: panels + first * int8PanelPackedCount(outputs: int8PanelRows, inner: inner),
                                weightScales: weightScales + firstOutput, outputs: min(end * int8PanelRows, outputs) - firstOutput,
                                inner: inner, bias: bias + firstOutput, scratch: scratch + slice * scratchCount,
                                into: result + firstOutput, resultStride: outputs)
    }
}
