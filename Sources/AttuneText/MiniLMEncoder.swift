import AttuneKernels

/// The all-MiniLM-L6-v2 forward pass, tokens in and normalised vector out, over weights given as
/// pointers: the part of `MiniLMEmbedder` that builds with Embedded Swift (no Foundation, no
/// Dispatch, no existentials), so the same code is counted instruction by instruction on the Pis'
/// cores (tools/bench/aarch64/EmbeddingWorkload.swift) as runs in `attune`. `MiniLMEmbedder` maps the
/// model file, finds the tensors and hands them over; it also supplies the threads, through a
/// `MiniLMSliceRunner`.
///
/// The arithmetic: the six encoder layers' query, key, value, attention-output, intermediate and
/// output projections run on int8 weights (per output channel) and int8 activations (per token,
/// quantized at run time) with int32 sums; embeddings, attention scores, softmax, layer norms, GELU and
/// pooling stay in float. Each projection's input is first multiplied by its SmoothQuant factors
/// (tools/text/convert_minilm.py explains them). The sentence vector is the mean of the last layer's
/// token vectors, L2-normalised, as sentence-transformers computes it for this model.
public final class MiniLMEncoder {
    /// One encoder layer's tensors. The matrices are in the layout the encoder was made with.
    public struct Layer {
        public typealias Matrix = (weights: UnsafePointer<Int8>, scales: UnsafePointer<Float>)
        public let query, key, value, attentionOutput, intermediate, output: Matrix
        public let queryBias, keyBias, valueBias, attentionOutputBias, intermediateBias, outputBias: UnsafePointer<Float>
        public let attentionNormWeight, attentionNormBias, outputNormWeight, outputNormBias: UnsafePointer<Float>
        /// SmoothQuant factors each projection's input is multiplied by before it is quantized.
        public let qkvSmooth, attentionOutputSmooth, intermediateSmooth, outputSmooth: UnsafePointer<Float>

        public init(query: Matrix, key: Matrix, value: Matrix, attentionOutput: Matrix, intermediate: Matrix, output: Matrix,
                    queryBias: UnsafePointer<Float>, keyBias: UnsafePointer<Float>, valueBias: UnsafePointer<Float>,
                    attentionOutputBias: UnsafePointer<Float>, intermediateBias: UnsafePointer<Float>, outputBias: UnsafePointer<Float>,
                    attentionNormWeight: UnsafePointer<Float>, attentionNormBias: UnsafePointer<Float>,
                    outputNormWeight: UnsafePointer<Float>, outputNormBias: UnsafePointer<Float>,
                    qkvSmooth: UnsafePointer<Float>, attentionOutputSmooth: UnsafePointer<Float>,
                    intermediateSmooth: UnsafePointer<Float>, outputSmooth: UnsafePointer<Float>) {
            (self.query, self.key, self.value, self.attentionOutput, self.intermediate, self.output) = (query, key, value, attentionOutput, intermediate, output)
            (self.queryBias, self.keyBias, self.valueBias) = (queryBias, keyBias, valueBias)
            (self.attentionOutputBias, self.intermediateBias, self.outputBias) = (attentionOutputBias, intermediateBias, outputBias)
            (self.attentionNormWeight, self.attentionNormBias, self.outputNormWeight, self.outputNormBias) =
                (attentionNormWeight, attentionNormBias, outputNormWeight, outputNormBias)
            (self.qkvSmooth, self.attentionOutputSmooth, self.intermediateSmooth, self.outputSmooth) =
                (qkvSmooth, attentionOutputSmooth, intermediateSmooth, outputSmooth)
        }

        /// The same layer reading its six matrices from elsewhere (their row-major copies).
        public func replacingMatrices(query: Matrix, key: Matrix, value: Matrix, attentionOutput: Matrix, intermediate: Matrix, output: Matrix) -> Layer {
            Layer(query: query, key: key, value: value, attentionOutput: attentionOutput, intermediate: intermediate, output: output,
                  queryBias: queryBias, keyBias: keyBias, valueBias: valueBias, attentionOutputBias: attentionOutputBias,
                  intermediateBias: intermediateBias, outputBias: outputBias, attentionNormWeight: attentionNormWeight,
                  attentionNormBias: attentionNormBias, outputNormWeight: outputNormWeight, outputNormBias: outputNormBias,
                  qkvSmooth: qkvSmooth, attentionOutputSmooth: attentionOutputSmooth, intermediateSmooth: intermediateSmooth, outputSmooth: outputSmooth)
        }
    }

    /// The model's sizes the forward pass needs.
    public struct Shape {
        public let hidden, heads, inner, maxPositions: Int
        public let epsilon: Float
        public init(hidden: Int, heads: Int, inner: Int, maxPositions: Int, epsilon: Float) {
            (self.hidden, self.heads, self.inner, self.maxPositions, self.epsilon) = (hidden, heads, inner, maxPositions, epsilon)
        }
    }

    /// The embedding tables: word rows in int8 with a scale each, positions and token type 0 in float.
    public struct Embeddings {
        public let words: Layer.Matrix
        public let positions, tokenType, normWeight, normBias: UnsafePointer<Float>
        public init(words: Layer.Matrix, positions: UnsafePointer<Float>, tokenType: UnsafePointer<Float>,
                    normWeight: UnsafePointer<Float>, normBias: UnsafePointer<Float>) {
            (self.words, self.positions, self.tokenType, self.normWeight, self.normBias) = (words, positions, tokenType, normWeight, normBias)
        }
    }

    public let shape: Shape
    public let layout: MiniLMProductLayout
    public let maximumLength: Int
    /// Slices each large matrix product is split into (1: none).
    public let slices: Int

    private let hidden: Int
    private let heads: Int
    private let inner: Int
    private let epsilon: Float
    private let embeddings: Embeddings
    private let layers: [Layer]

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
    /// The matrix product's spread activations (`int8PanelScratchCount`), one block per slice.
    private let panelScratch: UnsafeMutablePointer<Int32>
    private let panelScratchCount: Int

    /// Tokens per pass through the feed-forward block. Each token's feed-forward is independent
    /// (activations are quantized per token), so passes of 32 give the same result as one pass over
    /// all tokens while the intermediate stays 196 KB instead of 1.5 MB at 256 tokens.
    public static let feedForwardBlock = 32

    /// Multiply-adds below which a product is not split (about 70 µs of work).
    public static let smallestSplitProduct = 2_000_000

    /// Bytes of scratch an encoder allocates (not counting row-major copies of the weights).
    public static func scratchBytes(shape: Shape, maximumLength: Int, slices: Int) -> Int {
        let (tokens, h, i) = (maximumLength, shape.hidden, shape.inner)
        let block = min(tokens, feedForwardBlock)
        let floats = 6 * tokens * h + block * i + tokens * tokens + tokens + attentionTransposedKeyCount(tokens: tokens, width: h, heads: shape.heads)
        return 4 * (floats + slices * int8PanelScratchCount(inner: max(h, i))) + max(tokens * h, block * i)
    }

    /// `maximumLength` must be at least 2 and at most `shape.maxPositions`, and the hidden size a
    /// multiple of the heads (the embedder checks both against the file first).
    public init(shape: Shape, embeddings: Embeddings, layers: [Layer], layout: MiniLMProductLayout, maximumLength: Int, slices: Int) {
        precondition(maximumLength >= 2 && maximumLength <= shape.maxPositions && shape.hidden % shape.heads == 0 && slices >= 1)
        self.shape = shape
        self.layout = layout
        self.maximumLength = maximumLength
        self.slices = slices
        (hidden, heads, inner, epsilon) = (shape.hidden, shape.heads, shape.inner, shape.epsilon)
        self.embeddings = embeddings
        self.layers = layers
        let (tokens, h, i) = (maximumLength, shape.hidden, shape.inner)
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
        panelScratch = .allocate(capacity: slices * panelScratchCount)
    }

    deinit {
        for buffer in [state, query, key, value, context, projected, expanded, scores, transposedKeys, tokenScales] { buffer.deallocate() }
        quantized.deallocate()
        panelScratch.deallocate()
    }

    /// Writes the L2-normalised sentence vector (`shape.hidden` floats) of `count` token ids (with
    /// [CLS] and [SEP]); ids beyond `maximumLength` are ignored, and no ids give zeros.
    public func embed<Runner: MiniLMSliceRunner>(ids: UnsafePointer<Int32>, count: Int, into output: UnsafeMutablePointer<Float>, runner: Runner) {
        let tokens = min(count, maximumLength)
        let h = hidden
        guard tokens > 0 else {
            output.update(repeating: 0, count: h)
            return
        }
        // Embeddings: the int8 word row, dequantized, plus position and token type 0; then layer norm.
        for t in 0..<tokens {
            let id = Int(ids[t])
            let row = embeddings.words.weights + id * h
            let scale = embeddings.words.scales[id]
            let position = embeddings.positions + t * h
            let target = state + t * h
            for c in 0..<h { target[c] = Float(row[c]) * scale + position[c] + embeddings.tokenType[c] }
        }
        layerNormRows(state, rows: tokens, columns: h, gamma: embeddings.normWeight, beta: embeddings.normBias, epsilon: epsilon)
        for layer in layers { run(layer, tokens: tokens, runner: runner) }
        meanPoolRows(state, rows: tokens, columns: h, into: output)
        l2NormalizeInPlace(output, count: h)
    }

    private func project<Runner: MiniLMSliceRunner>(_ input: UnsafePointer<Float>, tokens: Int, width: Int, smooth: UnsafePointer<Float>,
                         _ matrix: (weights: UnsafePointer<Int8>, scales: UnsafePointer<Float>), outputs: Int,
                         bias: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, runner: Runner) {
        quantizeRowsSymmetric(input, rows: tokens, columns: width, channelScales: smooth, into: quantized, scales: tokenScales)
        multiply(matrix, tokens: tokens, outputs: outputs, inner: width, bias: bias, into: output, runner: runner)
    }

    /// The product of the quantized activations with one matrix (packed or row-major, as `layout`), in
    /// `threads` slices of whole panels.
    private func multiply<Runner: MiniLMSliceRunner>(_ matrix: (weights: UnsafePointer<Int8>, scales: UnsafePointer<Float>), tokens: Int, outputs: Int,
                                                     inner: Int, bias: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, runner: Runner) {
        let product = ProductSlices(layout: layout, activations: quantized, activationScales: tokenScales, tokens: tokens, panels: matrix.weights,
                                         weightScales: matrix.scales, outputs: outputs, inner: inner, bias: bias,
                                         scratch: panelScratch, scratchCount: panelScratchCount, result: output)
        // A product too small to repay the hand-off to other threads (about 10 µs each) runs here, whole.
        guard slices > 1, tokens * outputs * inner >= Self.smallestSplitProduct else { return product.compute(slice: 0, of: 1) }
        let count = min(slices, (outputs + int8PanelRows - 1) / int8PanelRows)
        runner.run(slices: count) { slice in product.compute(slice: slice, of: count) }
    }

    private func run<Runner: MiniLMSliceRunner>(_ layer: Layer, tokens: Int, runner: Runner) {
        let h = hidden
        // The three projections share one quantization of the state.
        quantizeRowsSymmetric(state, rows: tokens, columns: h, channelScales: layer.qkvSmooth, into: quantized, scales: tokenScales)
        multiply(layer.query, tokens: tokens, outputs: h, inner: h, bias: layer.queryBias, into: query, runner: runner)
        multiply(layer.key, tokens: tokens, outputs: h, inner: h, bias: layer.keyBias, into: key, runner: runner)
        multiply(layer.value, tokens: tokens, outputs: h, inner: h, bias: layer.valueBias, into: value, runner: runner)
        multiHeadAttention(query: query, key: key, value: value, tokens: tokens, width: h, heads: heads, scores: scores,
                           transposedKeys: transposedKeys, into: context)
        project(context, tokens: tokens, width: h, smooth: layer.attentionOutputSmooth, layer.attentionOutput, outputs: h, bias: layer.attentionOutputBias, into: projected,
                runner: runner)
        for index in 0..<(tokens * h) { state[index] += projected[index] }
        layerNormRows(state, rows: tokens, columns: h, gamma: layer.attentionNormWeight, beta: layer.attentionNormBias, epsilon: epsilon)
        var first = 0
        while first < tokens {
            let count = min(Self.feedForwardBlock, tokens - first)
            project(state + first * h, tokens: count, width: h, smooth: layer.intermediateSmooth, layer.intermediate, outputs: inner,
                    bias: layer.intermediateBias, into: expanded, runner: runner)
            geluInPlace(expanded, count: count * inner)
            project(expanded, tokens: count, width: inner, smooth: layer.outputSmooth, layer.output, outputs: h, bias: layer.outputBias,
                    into: projected + first * h, runner: runner)
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
struct ProductSlices: @unchecked Sendable {
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
            #if ATTUNE_DOTPROD
            int8RowBlockMatrixMultiply(activations: activations, activationScales: activationScales, tokens: tokens, weights: panels + firstOutput * inner,
                                       weightScales: weightScales + firstOutput, outputs: min(end * int8PanelRows, outputs) - firstOutput,
                                       inner: inner, bias: bias + firstOutput, into: result + firstOutput, resultStride: outputs)
            #else
            // Without dot-product instructions, pairs of products summed in 16 bits: exact for the loader's weights (-127...127).
            int8SymmetricRowBlockMatrixMultiply(activations: activations, activationScales: activationScales, tokens: tokens,
                                                weights: panels + firstOutput * inner, weightScales: weightScales + firstOutput,
                                                outputs: min(end * int8PanelRows, outputs) - firstOutput, inner: inner, bias: bias + firstOutput,
                                                into: result + firstOutput, resultStride: outputs)
            #endif
            return
        }
        int8PanelMatrixMultiply(activations: activations, activationScales: activationScales, tokens: tokens,
                                panels: panels + first * int8PanelPackedCount(outputs: int8PanelRows, inner: inner),
                                weightScales: weightScales + firstOutput, outputs: min(end * int8PanelRows, outputs) - firstOutput,
                                inner: inner, bias: bias + firstOutput, scratch: scratch + slice * scratchCount,
                                into: result + firstOutput, resultStride: outputs)
    }
}

/// Runs the slices of a split matrix product: all of them, each once, returning when all are done,
/// and may run them at the same time (slices write disjoint outputs).
public protocol MiniLMSliceRunner {
    func run(slices: Int, _ body: @Sendable (Int) -> Void)
}

/// Slices one after another on the calling thread.
public struct MiniLMSerialRunner: MiniLMSliceRunner {
    public init() {}
    public func run(slices: Int, _ body: @Sendable (Int) -> Void) { for slice in 0..<slices { body(slice) } }
}
