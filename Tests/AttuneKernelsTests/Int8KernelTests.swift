import AttuneKernels
import Foundation
import Testing

/// The int8 kernels against their scalar references on random shapes, odd sizes and tails included:
/// integer results must be identical, float results identical too (same scaling order).
@Suite struct Int8KernelTests {
    static func randomInt8(_ count: Int, using generator: inout some RandomNumberGenerator) -> [Int8] {
        (0..<count).map { _ in Int8.random(in: -127...127, using: &generator) }
    }

    @Test func dotProductMatchesTheReferenceOnEveryLength() {
        var generator = SystemRandomNumberGenerator()
        for count in Array(0...70) + [127, 384, 1536, 1537, 4099] {
            var a = Self.randomInt8(count, using: &generator)
            var b = Self.randomInt8(count, using: &generator)
            if count > 3 { a[0] = -127; b[0] = -127; a[count - 1] = 127; b[count - 1] = -127 }
            let fast = int8DotProduct(a, b, count: count)
            let reference = int8DotProductReference(a, b, count: count)
            #expect(fast == reference, "count \(count)")
        }
        // The extreme case: every product at its largest.
        let extreme = [Int8](repeating: -127, count: 1536)
        #expect(int8DotProduct(extreme, extreme, count: 1536) == 1536 * 16129)
    }

    @Test func matrixProductMatchesTheReferenceOnRandomShapes() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<40 {
            let tokens = Int.random(in: 1...9, using: &generator)
            let outputs = Int.random(in: 1...70, using: &generator)
            let inner = [1, 15, 16, 17, 31, 33, 64, 100, 384].randomElement(using: &generator)!
            let activations = Self.randomInt8(tokens * inner, using: &generator)
            let weights = Self.randomInt8(outputs * inner, using: &generator)
            let activationScales = (0..<tokens).map { _ in Float.random(in: 0.001...0.1, using: &generator) }
            let weightScales = (0..<outputs).map { _ in Float.random(in: 0.001...0.1, using: &generator) }
            let bias: [Float]? = Bool.random(using: &generator) ? (0..<outputs).map { _ in Float.random(in: -1...1, using: &generator) } : nil
            var fast = [Float](repeating: .nan, count: tokens * outputs)
            var reference = [Float](repeating: .nan, count: tokens * outputs)
            bias.withOptionalPointer { biasPointer in
                int8MatrixMultiply(activations: activations, activationScales: activationScales, tokens: tokens, weights: weights, weightScales: weightScales,
                                   outputs: outputs, inner: inner, bias: biasPointer, into: &fast)
                int8MatrixMultiplyReference(activations: activations, activationScales: activationScales, tokens: tokens, weights: weights, weightScales: weightScales,
                                            outputs: outputs, inner: inner, bias: biasPointer, into: &reference)
            }
            #expect(fast == reference, "\(tokens)×\(inner) · \(outputs)×\(inner)")
            if tokens == 1 {
                var vector = [Float](repeating: .nan, count: outputs)
                bias.withOptionalPointer { biasPointer in
                    int8MatrixVector(activation: activations, activationScale: activationScales[0], weights: weights, weightScales: weightScales,
                                     outputs: outputs, inner: inner, bias: biasPointer, into: &vector)
                }
                #expect(vector == reference)
            }
        }
    }

    /// The panel product against the reference on random shapes (outputs not a multiple of 16, odd
    /// inner sizes, 1–9 tokens so every token-group tail occurs), plus the largest sums the 16-bit lanes
    /// must carry: every product ±127 · 127, in both signs.
    @Test func panelProductMatchesTheReferenceBitForBit() {
        var generator = SystemRandomNumberGenerator()
        var shapes: [(tokens: Int, outputs: Int, inner: Int, fill: Int8?)] = []
        for _ in 0..<60 {
            shapes.append((Int.random(in: 1...9, using: &generator), Int.random(in: 1...70, using: &generator),
                           [1, 2, 3, 15, 16, 17, 33, 100, 383, 384].randomElement(using: &generator)!, nil))
        }
        shapes += [(5, 32, 1536, 127), (5, 32, 1536, -127), (4, 384, 384, nil), (60, 1536, 384, nil), (7, 384, 1537, nil)]
        for shape in shapes {
            let (tokens, outputs, inner) = (shape.tokens, shape.outputs, shape.inner)
            let activations = shape.fill.map { [Int8](repeating: $0, count: tokens * inner) } ?? Self.randomInt8(tokens * inner, using: &generator)
            let weights = shape.fill.map { _ in [Int8](repeating: -127, count: outputs * inner) } ?? Self.randomInt8(outputs * inner, using: &generator)
            let activationScales = (0..<tokens).map { _ in Float.random(in: 0.001...0.1, using: &generator) }
            let weightScales = (0..<outputs).map { _ in Float.random(in: 0.001...0.1, using: &generator) }
            let bias: [Float]? = Bool.random(using: &generator) ? (0..<outputs).map { _ in Float.random(in: -1...1, using: &generator) } : nil
            var packed = [Int8](repeating: 99, count: int8PanelPackedCount(outputs: outputs, inner: inner))
            packInt8Panels(weights, outputs: outputs, inner: inner, into: &packed)
            var scratch = [Int32](repeating: 7, count: int8PanelScratchCount(inner: inner))
            var fast = [Float](repeating: .nan, count: tokens * outputs)
            var reference = [Float](repeating: .nan, count: tokens * outputs)
            bias.withOptionalPointer { biasPointer in
                int8PanelMatrixMultiply(activations: activations, activationScales: activationScales, tokens: tokens, panels: packed,
                                        weightScales: weightScales, outputs: outputs, inner: inner, bias: biasPointer, scratch: &scratch, into: &fast)
                int8MatrixMultiplyReference(activations: activations, activationScales: activationScales, tokens: tokens, weights: weights, weightScales: weightScales,
                                            outputs: outputs, inner: inner, bias: biasPointer, into: &reference)
            }
            #expect(fast == reference, "\(tokens)×\(inner) · \(outputs)×\(inner)")
        }
    }

    /// The register-blocked row-major product (two rows × three tokens, then the two- and one-token
    /// tails and an odd last row) against the reference, bit for bit: random shapes with 1–9 tokens so
    /// every tail occurs, inner sizes off the vector width, the model's shapes, every product at
    /// ±127 · 127, and a result written into a wider matrix (`resultStride`) that must keep the other
    /// columns untouched.
    @Test func rowBlockProductMatchesTheReferenceBitForBit() {
        var generator = SystemRandomNumberGenerator()
        var shapes: [(tokens: Int, outputs: Int, inner: Int, fill: Int8?)] = []
        for _ in 0..<60 {
            shapes.append((Int.random(in: 1...9, using: &generator), Int.random(in: 1...70, using: &generator),
                           [1, 2, 3, 15, 16, 17, 33, 100, 383, 384].randomElement(using: &generator)!, nil))
        }
        shapes += [(5, 33, 1536, 127), (4, 32, 1536, -127), (10, 384, 384, nil), (60, 1536, 384, nil), (7, 384, 1537, nil)]
        for shape in shapes {
            let (tokens, outputs, inner) = (shape.tokens, shape.outputs, shape.inner)
            let activations = shape.fill.map { [Int8](repeating: $0, count: tokens * inner) } ?? Self.randomInt8(tokens * inner, using: &generator)
            let weights = shape.fill.map { _ in [Int8](repeating: -127, count: outputs * inner) } ?? Self.randomInt8(outputs * inner, using: &generator)
            let activationScales = (0..<tokens).map { _ in Float.random(in: 0.001...0.1, using: &generator) }
            let weightScales = (0..<outputs).map { _ in Float.random(in: 0.001...0.1, using: &generator) }
            let bias: [Float]? = Bool.random(using: &generator) ? (0..<outputs).map { _ in Float.random(in: -1...1, using: &generator) } : nil
            var fast = [Float](repeating: .nan, count: tokens * outputs)
            var reference = [Float](repeating: .nan, count: tokens * outputs)
            bias.withOptionalPointer { biasPointer in
                int8RowBlockMatrixMultiply(activations: activations, activationScales: activationScales, tokens: tokens, weights: weights,
                                           weightScales: weightScales, outputs: outputs, inner: inner, bias: biasPointer, into: &fast)
                int8MatrixMultiplyReference(activations: activations, activationScales: activationScales, tokens: tokens, weights: weights, weightScales: weightScales,
                                            outputs: outputs, inner: inner, bias: biasPointer, into: &reference)
            }
            #expect(fast == reference, "\(tokens)×\(inner) · \(outputs)×\(inner)")
            if let fill = shape.fill { #expect(fast[0] == Float(Int32(fill) * -127 * Int32(inner)) * (activationScales[0] * weightScales[0]) + (bias?[0] ?? 0)) }
        }
        // Into columns 3..<3+outputs of a 7-wider matrix.
        let (tokens, outputs, inner, width) = (5, 9, 40, 16)
        let activations = Self.randomInt8(tokens * inner, using: &generator), weights = Self.randomInt8(outputs * inner, using: &generator)
        let scales = [Float](repeating: 0.01, count: max(tokens, outputs))
        var wide = [Float](repeating: -1, count: tokens * width)
        var reference = [Float](repeating: .nan, count: tokens * outputs)
        wide.withUnsafeMutableBufferPointer { buffer in
            int8RowBlockMatrixMultiply(activations: activations, activationScales: scales, tokens: tokens, weights: weights, weightScales: scales,
                                       outputs: outputs, inner: inner, bias: nil, into: buffer.baseAddress! + 3, resultStride: width)
        }
        int8MatrixMultiplyReference(activations: activations, activationScales: scales, tokens: tokens, weights: weights, weightScales: scales,
                                    outputs: outputs, inner: inner, bias: nil, into: &reference)
        for t in 0..<tokens {
            #expect(Array(wide[(t * width + 3)..<(t * width + 3 + outputs)]) == Array(reference[(t * outputs)..<((t + 1) * outputs)]))
            #expect(wide[t * width..<(t * width + 3)].allSatisfy { $0 == -1 } && wide[(t * width + 3 + outputs)..<((t + 1) * width)].allSatisfy { $0 == -1 })
        }
    }

    @Test func panelPackingPlacesEveryWeightAndPadsWithZero() {
        // 17 × 3: two panels, two pairs; w[n, k] = 3n + k + 1 (all distinct, none zero).
        let weights = (0..<51).map { Int8($0 + 1) }
        var packed = [Int8](repeating: 99, count: int8PanelPackedCount(outputs: 17, inner: 3))
        #expect(packed.count == 32 * 4)
        packInt8Panels(weights, outputs: 17, inner: 3, into: &packed)
        for n in 0..<32 {
            for k in 0..<4 {
                let expected: Int8 = n < 17 && k < 3 ? Int8(3 * n + k + 1) : 0
                #expect(packed[(((n / 16) * 2 + k / 2) * 16 + n % 16) * 2 + k % 2] == expected, "w[\(n), \(k)]")
            }
        }
    }

    @Test func unpackingPanelsGivesBackTheRows() {
        var generator = SystemRandomNumberGenerator()
        for (outputs, inner) in [(1, 1), (17, 3), (16, 384), (33, 17), (384, 1536)] {
            let rows = Self.randomInt8(outputs * inner, using: &generator)
            var packed = [Int8](repeating: 99, count: int8PanelPackedCount(outputs: outputs, inner: inner))
            packInt8Panels(rows, outputs: outputs, inner: inner, into: &packed)
            var unpacked = [Int8](repeating: 99, count: outputs * inner)
            unpackInt8Panels(packed, outputs: outputs, inner: inner, into: &unpacked)
            #expect(unpacked == rows, "\(outputs) × \(inner)")
        }
    }

    /// The vectorised SmoothQuant quantizer against its scalar reference: random rows of every width to
    /// 40 and the model's, and rows built so that scaled values fall exactly on ties (k + 0.5) and just
    /// below them, in both signs.
    @Test func channelQuantizationMatchesTheScalarReferenceIncludingTies() {
        var generator = SystemRandomNumberGenerator()
        var cases: [(values: [Float], factors: [Float], columns: Int)] = []
        for columns in Array(1...40) + [384, 1536] {
            let rows = Int.random(in: 1...4, using: &generator)
            cases.append(((0..<(rows * columns)).map { _ in Float.random(in: -6...6, using: &generator) },
                          (0..<columns).map { _ in Float.random(in: 0.1...3, using: &generator) }, columns))
        }
        // Largest 127 and factors 1: the scaled values are the values themselves.
        let ties: [Float] = [127, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 126.5, -126.5, 0.49999997, -0.49999997, 2.4999998, 0, -0.0, 63.5, -63.5]
        cases.append((ties, [Float](repeating: 1, count: 16), 16))
        cases.append((ties + [7.5, -7.5, 8.5], [Float](repeating: 1, count: 19), 19))
        for (values, factors, columns) in cases {
            let rows = values.count / columns
            var fast = [Int8](repeating: 99, count: values.count), reference = fast
            var fastScales = [Float](repeating: .nan, count: rows), referenceScales = fastScales
            quantizeRowsSymmetric(values, rows: rows, columns: columns, channelScales: factors, into: &fast, scales: &fastScales)
            quantizeRowsSymmetricReference(values, rows: rows, columns: columns, channelScales: factors, into: &reference, scales: &referenceScales)
            #expect(fast == reference, "\(rows)×\(columns)")
            #expect(fastScales == referenceScales)
        }
        var tied = [Int8](repeating: 0, count: 16), scale: Float = 0
        quantizeRowsSymmetric(ties, rows: 1, columns: 16, channelScales: [Float](repeating: 1, count: 16), into: &tied, scales: &scale)
        #expect(tied == [127, 1, -1, 2, -2, 3, -3, 127, -127, 0, 0, 2, 0, 0, 64, -64])
    }

    @Test func quantizationUsesTheFullRangeAndRoundsToNearest() {
        let values: [Float] = [0.5, -1.0, 0.25, 0.0, /* row 2 */ 0, 0, 0, 0, /* row 3 */ 3.0, 1.5, -0.75, 2.99]
        var quantized = [Int8](repeating: 99, count: values.count)
        var scales = [Float](repeating: .nan, count: 3)
        quantizeRowsSymmetric(values, rows: 3, columns: 4, into: &quantized, scales: &scales)
        #expect(quantized == [64, -127, 32, 0, 0, 0, 0, 0, 127, 64, -32, 127])
        #expect(scales == [1.0 / 127, 0, 3.0 / 127])
        // Dequantized values are within half a step of the originals.
        var generator = SystemRandomNumberGenerator()
        let row = (0..<384).map { _ in Float.random(in: -4...4, using: &generator) }
        var q = [Int8](repeating: 0, count: 384)
        var s: Float = 0
        quantizeRowsSymmetric(row, rows: 1, columns: 384, into: &q, scales: &s)
        for index in 0..<384 { #expect(abs(Float(q[index]) * s - row[index]) <= s / 2 * 1.0001) }
    }
}

extension Optional where Wrapped == [Float] {
    func withOptionalPointer<R>(_ body: (UnsafePointer<Float>?) -> R) -> R {
        switch self {
        case let .some(array): return array.withUnsafeBufferPointer { body($0.baseAddress) }
        case .none: return body(nil)
        }
    }
}
