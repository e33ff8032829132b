import AttuneKernels
import Foundation
import Testing

/// The float kernels of the encoder against double-precision references (Foundation's exp and erf,
/// and the scalar references beside the kernels).
@Suite struct TransformerKernelTests {
    @Test func expAndErfAreAccurate() {
        var worstExp = 0.0
        for x in stride(from: -87.0, through: 88.0, by: 0.0137) {
            let relative = abs(Double(kernelExp(Float(x))) - Foundation.exp(Double(Float(x)))) / Foundation.exp(Double(Float(x)))
            worstExp = max(worstExp, relative)
        }
        #expect(worstExp < 3e-7, "exp relative error \(worstExp)")
        #expect(kernelExp(-100) == 0 && kernelExp(0) == 1)
        var worstErf = 0.0
        for x in stride(from: -6.0, through: 6.0, by: 0.001) {
            worstErf = max(worstErf, abs(Double(kernelErf(Float(x))) - Foundation.erf(Double(Float(x)))))
        }
        #expect(worstErf < 5e-7, "erf absolute error \(worstErf)")  // 1.5e-7 from the formula, the rest float rounding
    }

    @Test func vectorExpAndErfAreAccurate() {
        var worstExp = 0.0, worstErf = 0.0
        var x = SIMD8<Float>(repeating: 0)
        for start in stride(from: -87.0, through: 0.0, by: 0.0137 * 8) {
            for lane in 0..<8 { x[lane] = Float(start + 0.0137 * Double(lane)) }
            let e = kernelExpNonPositive(x)
            for lane in 0..<8 where x[lane] <= 0 {
                let exact = Foundation.exp(Double(x[lane]))
                worstExp = max(worstExp, abs(Double(e[lane]) - exact) / exact)
            }
        }
        #expect(worstExp < 3e-7, "exp relative error \(worstExp)")
        #expect(kernelExpNonPositive(SIMD8(repeating: 0)) == SIMD8(repeating: 1))
        #expect(kernelExpNonPositive(SIMD8(repeating: -1000)).max() < 1.2e-38)
        for start in stride(from: -6.0, through: 6.0, by: 0.008) {
            for lane in 0..<8 { x[lane] = Float(start + 0.001 * Double(lane)) }
            let y = kernelErf(x)
            for lane in 0..<8 {
                worstErf = max(worstErf, abs(Double(y[lane]) - Foundation.erf(Double(x[lane]))))
                #expect(y[lane].sign == x[lane].sign || y[lane] == 0)
            }
        }
        #expect(worstErf < 5e-7, "erf absolute error \(worstErf)")
    }

    @Test func vectorGeluMatchesTheScalarOneOnEveryTail() {
        var generator = SystemRandomNumberGenerator()
        for count in Array(1...17) + [1536, 1537] {
            var y = (0..<count).map { _ in Float.random(in: -8...8, using: &generator) }
            let original = y
            geluInPlace(&y, count: count)
            for index in y.indices {
                #expect(abs(y[index] - geluReference(original[index])) <= 4e-7 * max(1, abs(original[index])), "count \(count)")
            }
        }
    }

    @Test func softmaxAndGeluMatchDoublePrecision() {
        var generator = SystemRandomNumberGenerator()
        for columns in [1, 7, 8, 9, 10, 17, 60, 256] {
            var x = (0..<(3 * columns)).map { _ in Float.random(in: -20...20, using: &generator) }
            let original = x
            softmaxRows(&x, rows: 3, columns: columns)
            for row in 0..<3 {
                let slice = original[(row * columns)..<((row + 1) * columns)].map(Double.init)
                let largest = slice.max()!
                let total = slice.map { Foundation.exp($0 - largest) }.reduce(0, +)
                for column in 0..<columns {
                    let expected = Foundation.exp(slice[column] - largest) / total
                    #expect(abs(Double(x[row * columns + column]) - expected) < 1e-6)
                }
            }
        }
        var y = (0..<1537).map { _ in Float.random(in: -8...8, using: &generator) }
        let original = y
        geluInPlace(&y, count: y.count)
        for index in y.indices {
            let v = Double(original[index])
            #expect(abs(Double(y[index]) - 0.5 * v * (1 + Foundation.erf(v / 2.0.squareRoot()))) < 2e-6)
        }
    }

    @Test func attentionMatchesItsReference() {
        var generator = SystemRandomNumberGenerator()
        // Head sizes 32 (the model's), 8, and 10 (a tail of 2 after the vector columns); 1 to 13 tokens.
        for (width, heads) in [(384, 12), (24, 3), (40, 4)] {
            for tokens in [1, 2, 7, 8, 13, 60] {
                let q = (0..<(tokens * width)).map { _ in Float.random(in: -2...2, using: &generator) }
                let k = (0..<(tokens * width)).map { _ in Float.random(in: -2...2, using: &generator) }
                let v = (0..<(tokens * width)).map { _ in Float.random(in: -2...2, using: &generator) }
                var scores = [Float](repeating: .nan, count: tokens * tokens)
                var fast = [Float](repeating: .nan, count: tokens * width), reference = fast
                var transposed = [Float](repeating: .nan, count: attentionTransposedKeyCount(tokens: tokens, width: width, heads: heads))
                multiHeadAttention(query: q, key: k, value: v, tokens: tokens, width: width, heads: heads, scores: &scores, transposedKeys: &transposed, into: &fast)
                multiHeadAttentionReference(query: q, key: k, value: v, tokens: tokens, width: width, heads: heads, into: &reference)
                for index in fast.indices { #expect(abs(fast[index] - reference[index]) < 2e-5, "\(tokens) tokens, \(heads) heads of \(width / heads)") }
            }
        }
    }

    @Test func layerNormMeanPoolAndNormalizeMatchTheirReferences() {
        var generator = SystemRandomNumberGenerator()
        for columns in [1, 8, 13, 384, 385] {
            let rows = Int.random(in: 1...7, using: &generator)
            let x = (0..<(rows * columns)).map { _ in Float.random(in: -3...3, using: &generator) }
            let gamma = (0..<columns).map { _ in Float.random(in: 0.5...1.5, using: &generator) }
            let beta = (0..<columns).map { _ in Float.random(in: -0.2...0.2, using: &generator) }
            var fast = x, reference = x
            layerNormRows(&fast, rows: rows, columns: columns, gamma: gamma, beta: beta, epsilon: 1e-12)
            layerNormRowsReference(&reference, rows: rows, columns: columns, gamma: gamma, beta: beta, epsilon: 1e-12)
            for index in fast.indices { #expect(abs(fast[index] - reference[index]) < 2e-5, "layer norm \(rows)×\(columns)") }
            var pooled = [Float](repeating: .nan, count: columns), pooledReference = pooled
            meanPoolRows(x, rows: rows, columns: columns, into: &pooled)
            meanPoolRowsReference(x, rows: rows, columns: columns, into: &pooledReference)
            for index in pooled.indices { #expect(abs(pooled[index] - pooledReference[index]) < 1e-6) }
            var normalized = x, normalizedReference = x
            l2NormalizeInPlace(&normalized, count: x.count)
            l2NormalizeReference(&normalizedReference, count: x.count)
            for index in normalized.indices { #expect(abs(normalized[index] - normalizedReference[index]) < 1e-6) }
        }
        var zeros = [Float](repeating: 0, count: 9)
        l2NormalizeInPlace(&zeros, count: 9)
        #expect(zeros.allSatisfy { $0 == 0 })
    }
}
