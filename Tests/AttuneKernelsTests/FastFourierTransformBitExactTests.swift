@testable import AttuneKernels
import Testing

/// The FFT against the plain radix-2 it is an optimisation of: a permutation pass, then one pass per
/// stage with the library's own twiddles, each butterfly `t = b·w; b = a − t; a = a + t` in scalar
/// `Double`. The fused first two stages, the constant sign and the input written in bit-reversed order
/// must change no bit of any output, since the pitch analysis and the VAD's references were recorded
/// with the plain order.
@Suite struct FastFourierTransformBitExactTests {
    /// The plain transform: what `FastFourierTransform` computed before its first two stages were fused.
    static func stageByStage(_ fft: FastFourierTransform, real: inout [Double], imaginary: inout [Double], sign: Double) {
        let n = fft.count
        for i in 0..<n {
            let j = Int(fft.bitReversed[i])
            if j > i { real.swapAt(i, j); imaginary.swapAt(i, j) }
        }
        var half = 1, offset = 0
        while half < n {
            for start in stride(from: 0, to: n, by: 2 * half) {
                for j in 0..<half {
                    let wr = fft.stageCosines[offset + j], wi = sign * fft.stageSines[offset + j]
                    let a = start + j, b = a + half
                    let tr = real[b] * wr - imaginary[b] * wi
                    let ti = real[b] * wi + imaginary[b] * wr
                    real[b] = real[a] - tr
                    imaginary[b] = imaginary[a] - ti
                    real[a] = real[a] + tr
                    imaginary[a] = imaginary[a] + ti
                }
            }
            offset += half
            half *= 2
        }
    }

    static func signal(_ n: Int, seed: UInt64) -> (real: [Double], imaginary: [Double]) {
        var random = SplitMix64(seed: seed)
        return ((0..<n).map { _ in Double.random(in: -1...1, using: &random) }, (0..<n).map { _ in Double.random(in: -1...1, using: &random) })
    }

    static func same(_ a: [Double], _ b: [Double]) -> Bool { a.map(\.bitPattern) == b.map(\.bitPattern) }

    @Test(arguments: [2, 4, 8, 16, 64, 128, 512, 1024])
    func everyEntryPointIsThePlainRadix2BitForBit(count: Int) throws {
        let fft = try #require(FastFourierTransform(count: count))
        for (sign, seed) in [(-1.0, UInt64(count)), (1.0, UInt64(count + 7))] {
            let input = Self.signal(count, seed: seed)
            var expectedReal = input.real, expectedImaginary = input.imaginary
            Self.stageByStage(fft, real: &expectedReal, imaginary: &expectedImaginary, sign: sign)

            var real = input.real, imaginary = input.imaginary
            real.withUnsafeMutableBufferPointer { r in
                imaginary.withUnsafeMutableBufferPointer { i in
                    if sign < 0 { fft.forward(real: r.baseAddress!, imaginary: i.baseAddress!) } else { fft.inverseUnscaled(real: r.baseAddress!, imaginary: i.baseAddress!) }
                }
            }
            #expect(Self.same(real, expectedReal) && Self.same(imaginary, expectedImaginary), "size \(count), sign \(sign), natural order")

            var permutedReal = [Double](repeating: .nan, count: count), permutedImaginary = permutedReal
            for n in 0..<count {
                permutedReal[fft.bitReversedIndex(n)] = input.real[n]
                permutedImaginary[fft.bitReversedIndex(n)] = input.imaginary[n]
            }
            permutedReal.withUnsafeMutableBufferPointer { r in
                permutedImaginary.withUnsafeMutableBufferPointer { i in
                    if sign < 0 {
                        fft.forward(real: r.baseAddress!, imaginary: i.baseAddress!, inputInBitReversedOrder: true)
                    } else {
                        fft.inverseUnscaled(real: r.baseAddress!, imaginary: i.baseAddress!, inputInBitReversedOrder: true)
                    }
                }
            }
            #expect(Self.same(permutedReal, expectedReal) && Self.same(permutedImaginary, expectedImaginary), "size \(count), sign \(sign), bit-reversed input")
        }
    }

    /// The real transforms, which now write their half-length input in bit-reversed order, against the
    /// same arithmetic on an input copied in natural order and put through the plain radix-2.
    @Test(arguments: [4, 16, 256, 1024])
    func theRealTransformsAreThePlainOrderBitForBit(count: Int) throws {
        let transform = try #require(RealFourierTransform(count: count))
        let m = count / 2
        let input = Self.signal(count, seed: UInt64(count) * 31).real

        var power = [Double](repeating: .nan, count: m + 1)
        input.withUnsafeBufferPointer { x in power.withUnsafeMutableBufferPointer { transform.powerSpectrum(of: x.baseAddress!, into: $0.baseAddress!) } }
        var zr = (0..<m).map { input[2 * $0] }, zi = (0..<m).map { input[2 * $0 + 1] }
        Self.stageByStage(transform.half, real: &zr, imaginary: &zi, sign: -1)
        var expectedPower = [Double](repeating: 0, count: m + 1)
        for k in 0...m {
            let z = k == m ? 0 : k, partner = k == 0 || k == m ? 0 : m - k
            expectedPower[k] = RealFourierTransform.binPower(
                zr: SIMD2(repeating: zr[z]), zi: SIMD2(repeating: zi[z]),
                partnerReal: SIMD2(repeating: zr[partner]), partnerImaginary: SIMD2(repeating: zi[partner]),
                cosine: SIMD2(repeating: transform.cosines[k]), sine: SIMD2(repeating: transform.sines[k]))[0]
        }
        #expect(Self.same(power, expectedPower), "size \(count): power spectrum")

        var output = [Double](repeating: .nan, count: count)
        power.withUnsafeBufferPointer { s in output.withUnsafeMutableBufferPointer { transform.inverseOfEvenSpectrum(s.baseAddress!, into: $0.baseAddress!) } }
        var er = [Double](repeating: 0, count: m), ei = er
        for k in 0..<m {
            let a = power[k], b = power[m - k]
            let e = 0.5 * (a + b), d = 0.5 * (a - b)
            er[k] = e - d * transform.sines[k]
            ei[k] = d * transform.cosines[k]
        }
        Self.stageByStage(transform.half, real: &er, imaginary: &ei, sign: 1)
        var expectedOutput = [Double](repeating: 0, count: count)
        for n in 0..<m {
            expectedOutput[2 * n] = 2 * er[n]
            expectedOutput[2 * n + 1] = 2 * ei[n]
        }
        #expect(Self.same(output, expectedOutput), "size \(count): inverse of the even spectrum")
    }
}
