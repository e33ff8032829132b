// One all-MiniLM-L6-v2 encoder layer's arithmetic on synthetic weights, for instruction counting under
// qemu (cross/check-kernels.sh): quantize, the six int8 projections (query, key, value and attention
// output 384×384, intermediate 1536×384, output 384×1536), attention over 12 heads of 32, two layer
// norms and GELU, for T tokens. The embedder does exactly these calls per layer, six times, with the
// panel product; `usePanels = false` counts the row-major dot-product kernel instead, for comparison.

@main
struct EncoderLayerWorkload {
    static func main() {
        let tokens = tokenCount
        let h = 384, i = 1536, heads = 12
        var random = SplitMix64(seed: 7)
        let weights = (0..<(i * h)).map { _ in random.int8() }
        let scales = (0..<i).map { _ in 0.001 + random.float(0.0001) }
        let bias = (0..<i).map { _ in random.float() }
        let smooth = (0..<i).map { _ in 1 + random.float(0.1) }
        let gamma = (0..<h).map { _ in 1 + random.float(0.1) }
        var state = (0..<(tokens * h)).map { _ in random.float() }
        var q = [Float](repeating: 0, count: tokens * h), k = q, v = q, context = q, projected = q
        var expanded = [Float](repeating: 0, count: tokens * i)
        var scores = [Float](repeating: 0, count: tokens * tokens)
        var quantized = [Int8](repeating: 0, count: tokens * i)
        var tokenScales = [Float](repeating: 0, count: tokens)
        // One 1536 × 384 matrix packed; the 384 × 384 and 384 × 1536 products read the same bytes.
        var panels = [Int8](repeating: 0, count: int8PanelPackedCount(outputs: i, inner: h))
        packInt8Panels(weights, outputs: i, inner: h, into: &panels)
        var scratch = [Int32](repeating: 0, count: int8PanelScratchCount(inner: i))
        func multiply(outputs: Int, inner: Int, into result: inout [Float]) {
            if usePanels {
                int8PanelMatrixMultiply(activations: quantized, activationScales: tokenScales, tokens: tokens, panels: panels, weightScales: scales,
                                        outputs: outputs, inner: inner, bias: bias, scratch: &scratch, into: &result)
            } else {
                int8MatrixMultiply(activations: quantized, activationScales: tokenScales, tokens: tokens, weights: weights, weightScales: scales,
                                   outputs: outputs, inner: inner, bias: bias, into: &result)
            }
        }

        quantizeRowsSymmetric(state, rows: tokens, columns: h, channelScales: smooth, into: &quantized, scales: &tokenScales)
        multiply(outputs: h, inner: h, into: &q)
        multiply(outputs: h, inner: h, into: &k)
        multiply(outputs: h, inner: h, into: &v)
        multiHeadAttention(query: q, key: k, value: v, tokens: tokens, width: h, heads: heads, scores: &scores, into: &context)
        quantizeRowsSymmetric(context, rows: tokens, columns: h, channelScales: smooth, into: &quantized, scales: &tokenScales)
        multiply(outputs: h, inner: h, into: &projected)
        for index in 0..<(tokens * h) { state[index] += projected[index] }
        layerNormRows(&state, rows: tokens, columns: h, gamma: gamma, beta: bias, epsilon: 1e-12)
        quantizeRowsSymmetric(state, rows: tokens, columns: h, channelScales: smooth, into: &quantized, scales: &tokenScales)
        multiply(outputs: i, inner: h, into: &expanded)
        geluInPlace(&expanded, count: tokens * i)
        quantizeRowsSymmetric(expanded, rows: tokens, columns: i, channelScales: smooth, into: &quantized, scales: &tokenScales)
        multiply(outputs: h, inner: i, into: &projected)
        for index in 0..<(tokens * h) { state[index] += projected[index] }
        layerNormRows(&state, rows: tokens, columns: h, gamma: gamma, beta: bias, epsilon: 1e-12)
        print(state[0] > 1000 ? "unexpected" : "layer done")
    }
}
