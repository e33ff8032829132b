import AttuneKernels
import Testing

/// The sign-code, Hamming and scaled int8 dot kernels against their bit-at-a-time references.
@Suite struct BinarySignCodeTests {
    static func randomFloats(_ count: Int, using generator: inout some RandomNumberGenerator) -> [Float] {
        (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
    }

    @Test(arguments: [64, 128, 384, 768])
    func signCodeMatchesTheReference(dimension: Int) {
        var generator = SystemRandomNumberGenerator()
        for round in 0..<50 {
            var values = Self.randomFloats(dimension, using: &generator)
            let centre: [Float]? = round % 2 == 0 ? nil : Self.randomFloats(dimension, using: &generator)
            // A value equal to its threshold must give a 0 bit in both ("greater than"); one just above, a 1.
            values[0] = centre?[0] ?? 0
            values[dimension - 1] = (centre?[dimension - 1] ?? 0).nextUp
            var fast = [UInt64](repeating: 0xDEAD, count: dimension / 64)
            var reference = [UInt64](repeating: 0xBEEF, count: dimension / 64)
            centre.withOptionalPointer { binarySignCode(values, centre: $0, dimension: dimension, into: &fast) }
            centre.withOptionalPointer { binarySignCodeReference(values, centre: $0, dimension: dimension, into: &reference) }
            #expect(fast == reference, "dimension \(dimension), round \(round)")
            #expect(fast[0] & 1 == 0 && fast[dimension / 64 - 1] >> 63 == 1)
        }
    }

    @Test func signCodeLayoutIsLowBitFirst() {
        var values = [Float](repeating: -1, count: 128)
        values[0] = 1; values[63] = 1; values[64] = 1; values[127] = 0.5
        var code = [UInt64](repeating: 0, count: 2)
        binarySignCode(values, centre: nil, dimension: 128, into: &code)
        let firstAndLast: UInt64 = 1 | (1 << 63)
        #expect(code == [firstAndLast, firstAndLast])
    }

    @Test func hammingDistanceMatchesTheReference() {
        var generator = SystemRandomNumberGenerator()
        for words in 1...8 {
            for _ in 0..<100 {
                let a = (0..<words).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
                let b = (0..<words).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
                #expect(hammingDistance(a, b, words: words) == hammingDistanceReference(a, b, words: words))
            }
        }
        let zeros = [UInt64](repeating: 0, count: 6), ones = [UInt64](repeating: .max, count: 6)
        #expect(hammingDistance(zeros, ones, words: 6) == 384 && hammingDistance(ones, ones, words: 6) == 0)
    }

    @Test(arguments: [6, 2, 7])
    func batchedDistancesMatchOneByOneAndSkipExcludedCodes(words: Int) {
        var generator = SystemRandomNumberGenerator()
        let count = 1000
        let codes = (0..<(count * words)).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
        let query = (0..<words).map { _ in UInt64.random(in: .min ... .max, using: &generator) }
        var distances = [UInt16](repeating: 7, count: count)
        codes.withUnsafeBufferPointer { codes in
            hammingDistances(to: query, codes: codes.baseAddress!, count: count, words: words, into: &distances) { $0 % 3 != 0 }
        }
        for index in 0..<count {
            let expected = index % 3 == 0 ? UInt16.max : UInt16(hammingDistanceReference(query, Array(codes[(index * words)...]), words: words))
            #expect(distances[index] == expected, "code \(index)")
        }
    }

    @Test func scaledDotProductIsBitExact() {
        var generator = SystemRandomNumberGenerator()
        for count in [1, 15, 16, 17, 383, 384, 385] {
            let a = (0..<count).map { _ in Int8.random(in: -127...127, using: &generator) }
            let b = (0..<count).map { _ in Int8.random(in: -127...127, using: &generator) }
            let scaleA = Float.random(in: 0.0001...0.1, using: &generator), scaleB = Float.random(in: 0.0001...0.1, using: &generator)
            let fast = int8ScaledDotProduct(a, scaleA: scaleA, b, scaleB: scaleB, count: count)
            let reference = int8ScaledDotProductReference(a, scaleA: scaleA, b, scaleB: scaleB, count: count)
            #expect(fast.bitPattern == reference.bitPattern, "count \(count)")
        }
    }
}
