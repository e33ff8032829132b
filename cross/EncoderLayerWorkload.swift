// The arithmetic of one all-MiniLM-L6-v2 sentence embedding on synthetic weights, for instruction
// counting under qemu (tools/bench/embed-aarch64.sh, cross/check-kernels.sh --count): the word-row
// lookup with position and token-type embeddings and its layer norm, then six encoder layers
// (quantize, the six int8 projections: query, key, value and attention output 384×384, intermediate
// 1536×384, output 384×1536; attention over 12 heads of 32, two layer norms, GELU), mean pooling and
// L2 normalisation: the calls MiniLMEmbedder makes, in its order, for T tokens.
//
// Each measured embedding runs between the markers of tools/bench/aarch64/count_instructions.c
// (close(-1000001) and close(-1000002)), after one warm-up, so set-up is not counted. One window per
// product kernel and token count, in the order printed on stdout.

@_extern(c, "close") func close(_ descriptor: Int32) -> Int32

enum ProductKernel { case panels, rowBlocks }

struct EncoderWorkload {
    let h = 384, i = 1536, heads = 12, layers = 6, vocabulary = 1000, positions = 512
    let weights: [Int8], panels: [Int8], scales: [Float], bias: [Float], smooth: [Float], gamma: [Float]
    let words: [Int8], positionTable: [Float], tokenType: [Float]
    // Scratch as the embedder holds it: buffers allocated once, for the longest sentence.
    let state, q, k, v, context, projected, expanded, scores, transposedKeys, tokenScales, pooled: UnsafeMutablePointer<Float>
    let quantized: UnsafeMutablePointer<Int8>
    let scratch: UnsafeMutablePointer<Int32>

    init(maximumTokens t: Int) {
        var random = SplitMix64(seed: 7)
        weights = (0..<(i * h)).map { _ in random.int8() }
        var packed = [Int8](repeating: 0, count: int8PanelPackedCount(outputs: i, inner: h))
        packInt8Panels(weights, outputs: i, inner: h, into: &packed)
        panels = packed
        scales = (0..<i).map { _ in 0.001 + random.float(0.0001) }
        bias = (0..<i).map { _ in random.float() }
        smooth = (0..<i).map { _ in 1 + random.float(0.1) }
        gamma = (0..<h).map { _ in 1 + random.float(0.1) }
        words = (0..<(vocabulary * h)).map { _ in random.int8() }
        positionTable = (0..<(positions * h)).map { _ in random.float(0.1) }
        tokenType = (0..<h).map { _ in random.float(0.1) }
        func floats(_ count: Int) -> UnsafeMutablePointer<Float> {
            let buffer = UnsafeMutablePointer<Float>.allocate(capacity: count)
            buffer.initialize(repeating: 0, count: count)
            return buffer
        }
        (state, q, k, v, context, projected) = (floats(t * h), floats(t * h), floats(t * h), floats(t * h), floats(t * h), floats(t * h))
        (expanded, scores, tokenScales, pooled) = (floats(t * i), floats(t * t), floats(t), floats(h))
        transposedKeys = floats(attentionTransposedKeyCount(tokens: t, width: h, heads: heads))
        quantized = .allocate(capacity: t * i)
        quantized.initialize(repeating: 0, count: t * i)
        scratch = .allocate(capacity: int8PanelScratchCount(inner: i))
        scratch.initialize(repeating: 0, count: int8PanelScratchCount(inner: i))
    }

    /// One 1536 × 384 matrix serves every product (the 384 × 384 and 384 × 1536 ones read a prefix of
    /// the same bytes): the count depends on the shapes, not on the values.
    func multiply(_ kernel: ProductKernel, tokens: Int, outputs: Int, inner: Int, into result: UnsafeMutablePointer<Float>) {
        switch kernel {
        case .panels:
            int8PanelMatrixMultiply(activations: quantized, activationScales: tokenScales, tokens: tokens, panels: panels, weightScales: scales,
                                    outputs: outputs, inner: inner, bias: bias, scratch: scratch, into: result)
        case .rowBlocks:
            // The encoder's choice per build (MiniLMEncoder): 16-bit pair sums without dot-product instructions (weights in -127...127).
            #if ATTUNE_DOTPROD
            int8RowBlockMatrixMultiply(activations: quantized, activationScales: tokenScales, tokens: tokens, weights: weights, weightScales: scales,
                                       outputs: outputs, inner: inner, bias: bias, into: result)
            #else
            int8SymmetricRowBlockMatrixMultiply(activations: quantized, activationScales: tokenScales, tokens: tokens, weights: weights,
                                                weightScales: scales, outputs: outputs, inner: inner, bias: bias, into: result)
            #endif
        }
    }

    func embed(_ kernel: ProductKernel, tokens: Int) -> Float {
        for t in 0..<tokens {
            let id = (t &* 397) % vocabulary
            for c in 0..<h { state[t * h + c] = Float(words[id * h + c]) * scales[id] + positionTable[t * h + c] + tokenType[c] }
        }
        layerNormRows(state, rows: tokens, columns: h, gamma: gamma, beta: bias, epsilon: 1e-12)
        for _ in 0..<layers {
            quantizeRowsSymmetric(state, rows: tokens, columns: h, channelScales: smooth, into: quantized, scales: tokenScales)
            multiply(kernel, tokens: tokens, outputs: h, inner: h, into: q)
            multiply(kernel, tokens: tokens, outputs: h, inner: h, into: k)
            multiply(kernel, tokens: tokens, outputs: h, inner: h, into: v)
            multiHeadAttention(query: q, key: k, value: v, tokens: tokens, width: h, heads: heads, scores: scores, transposedKeys: transposedKeys,
                               into: context)
            quantizeRowsSymmetric(context, rows: tokens, columns: h, channelScales: smooth, into: quantized, scales: tokenScales)
            multiply(kernel, tokens: tokens, outputs: h, inner: h, into: projected)
            for index in 0..<(tokens * h) { state[index] += projected[index] }
            layerNormRows(state, rows: tokens, columns: h, gamma: gamma, beta: bias, epsilon: 1e-12)
            quantizeRowsSymmetric(state, rows: tokens, columns: h, channelScales: smooth, into: quantized, scales: tokenScales)
            multiply(kernel, tokens: tokens, outputs: i, inner: h, into: expanded)
            geluInPlace(expanded, count: tokens * i)
            quantizeRowsSymmetric(expanded, rows: tokens, columns: i, channelScales: smooth, into: quantized, scales: tokenScales)
            multiply(kernel, tokens: tokens, outputs: h, inner: i, into: projected)
            for index in 0..<(tokens * h) { state[index] += projected[index] }
            layerNormRows(state, rows: tokens, columns: h, gamma: gamma, beta: bias, epsilon: 1e-12)
        }
        meanPoolRows(state, rows: tokens, columns: h, into: pooled)
        l2NormalizeInPlace(pooled, count: h)
        return pooled[0]
    }
}

@main
struct EncoderLayerWorkload {
    static func main() {
        let workload = EncoderWorkload(maximumTokens: 60)
        for (name, kernel) in [("panels", ProductKernel.panels), ("row-blocks", ProductKernel.rowBlocks)] {
            for tokens in [10, 60] {
                _ = workload.embed(kernel, tokens: tokens)  // warm-up: the same path, uncounted
                _ = close(-1_000_001)
                let first = workload.embed(kernel, tokens: tokens)
                _ = close(-1_000_002)
                print("window " + name + " " + String(tokens) + (first.isFinite ? "" : " (not finite)"))
            }
        }
    }
}
