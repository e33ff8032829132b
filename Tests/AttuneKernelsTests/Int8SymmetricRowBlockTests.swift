import AttuneKernels
import Testing

/// `int8SymmetricRowBlockMatrixMultiply`, whose 16-bit pair sums are exact only for weights in
/// -127...127: bit for bit against the reference at the pair sums' largest magnitude, on random
/// shapes reaching every tail, and the range check the loader uses.
@Suite struct Int8SymmetricRowBlockTests {
    static func product(_ activations: [Int8], _ weights: [Int8], tokens: Int, outputs: Int, inner: Int, bias: [Float]?) -> (fast: [Float], reference: [Float]) {
        let activationScales = (0..<tokens).map { Float($0 + 1) * 0.003 }, weightScales = (0..<outputs).map { Float($0 + 1) * 0.002 }
        var fast = [Float](repeating: .nan, count: tokens * outputs), reference = fast
        func run(_ biasPointer: UnsafePointer<Float>?) {
            int8SymmetricRowBlockMatrixMultiply(activations: activations, activationScales: activationScales, tokens: tokens, weights: weights,
                                                weightScales: weightScales, outputs: outputs, inner: inner, bias: biasPointer, into: &fast)
            int8MatrixMultiplyReference(activations: activations, activationScales: activationScales, tokens: tokens, weights: weights,
                                        weightScales: weightScales, outputs: outputs, inner: inner, bias: biasPointer, into: &reference)
        }
        if let bias { bias.withUnsafeBufferPointer { run($0.baseAddress) } } else { run(nil) }
        return (fast, reference)
    }

    /// Activations of -128 against weights of -127 and 127: each pair sums to ±32,512, the most Int16 must hold.
    @Test func pairSumsAtTheirLargestStayExact() {
        for (tokens, outputs, inner) in [(4, 8, 384), (10, 12, 1536), (3, 5, 32)] {
            let activations = [Int8](repeating: -128, count: tokens * inner)
            for weight: Int8 in [-127, 127] {
                let (fast, reference) = Self.product(activations, [Int8](repeating: weight, count: outputs * inner),
                                                     tokens: tokens, outputs: outputs, inner: inner, bias: nil)
                #expect(fast == reference)
                #expect(fast[0] == Float(-128 * Int32(weight) * Int32(inner)) * (0.003 * 0.002))
            }
        }
    }

    @Test func randomShapesMatchTheReferenceBitForBit() {
        var generator = SystemRandomNumberGenerator()
        var shapes = [(10, 384, 384), (60, 1536, 384), (7, 384, 1536), (9, 13, 17), (1, 4, 16), (2, 7, 15), (5, 3, 1)]
        for _ in 0..<40 {
            shapes.append((Int.random(in: 1...9, using: &generator), Int.random(in: 1...40, using: &generator),
                           [1, 15, 16, 17, 31, 48, 100, 384].randomElement(using: &generator)!))
        }
        for (tokens, outputs, inner) in shapes {
            let activations = (0..<(tokens * inner)).map { _ in Int8.random(in: .min ... .max, using: &generator) }
            let weights = (0..<(outputs * inner)).map { _ in Int8.random(in: -127 ... 127, using: &generator) }
            let bias = Bool.random(using: &generator) ? (0..<outputs).map { _ in Float.random(in: -1...1, using: &generator) } : nil
            let (fast, reference) = Self.product(activations, weights, tokens: tokens, outputs: outputs, inner: inner, bias: bias)
            #expect(fast == reference, "\(tokens)×\(inner) · \(outputs)×\(inner)")
        }
    }

    /// The reason for the range: with a -128 weight and -128 activations a pair sums to 32,768, which wraps.
    @Test func aWeightOfMinus128IsOutOfRangeAndWouldWrap() {
        let weights: [Int8] = [3, -127, 127, 0, -128, 5]
        #expect(int8WeightsAreSymmetric(weights, count: 4))
        #expect(!int8WeightsAreSymmetric(weights, count: 5))
        let (fast, reference) = Self.product([Int8](repeating: -128, count: 16), [Int8](repeating: -128, count: 64), tokens: 1, outputs: 4, inner: 16, bias: nil)
        #expect(fast != reference)
    }
}
