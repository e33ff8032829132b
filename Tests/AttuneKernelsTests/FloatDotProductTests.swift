import AttuneKernels
import Testing

/// The resampler's four-position kernel against `floatDotProduct`, whose order of additions it keeps:
/// bit-identical at every length that exercises the 8-lane body, the tail, and both, and at strides
/// that make the four windows overlap (the resampler's case) or not.
@Suite struct FloatDotProductTests {
    @Test(arguments: [0, 1, 7, 8, 9, 31, 64, 251, 385])
    func fourPositionsAreFourDotProductsBitForBit(count: Int) {
        var random = SplitMix64(seed: UInt64(count + 1))
        for stride in [1, 3, 8, count + 5] {
            let a = (0..<count).map { _ in Float.random(in: -1...1, using: &random) }
            let b = (0..<(count + 3 * stride)).map { _ in Float.random(in: -1...1, using: &random) }
            var four = [Float](repeating: .nan, count: 4)
            four.withUnsafeMutableBufferPointer { out in
                floatDotProductsAtFourPositions(a, b, stride: stride, count: count, into: out.baseAddress!)
            }
            for j in 0..<4 {
                let one = b.withUnsafeBufferPointer { floatDotProduct(a, $0.baseAddress! + j * stride, count: count) }
                #expect(four[j].bitPattern == one.bitPattern, "count \(count), stride \(stride), position \(j)")
            }
        }
    }
}
