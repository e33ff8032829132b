/// In-place radix-2 complex FFT over split real/imaginary `Double` buffers.
///
/// Written here because no package on the mirror offers an FFT that builds for a Pi without
/// Foundation or Accelerate, and the prosody analyser needs only one size (1024 points, two
/// transforms per 10 ms frame: the autocorrelation of Boersma 1993 §2 is the inverse transform of
/// the power spectrum). `Double` because the autocorrelation is divided by the window's own
/// autocorrelation near its tail, where `Float` loses the digits Praat keeps.
///
/// The twiddle table is built with half-angle recurrences from cos(π) = −1, so this file needs no
/// `sin`/`cos` from libm and stays buildable with Embedded Swift like the rest of AttuneKernels.
public struct FastFourierTransform: Sendable {
    /// Number of complex points; a power of two.
    public let count: Int
    @usableFromInline let cosines: [Double]   // cos(2πk/N), k < N/2
    @usableFromInline let sines: [Double]     // sin(2πk/N), k < N/2
    @usableFromInline let bitReversed: [Int32]
    /// Twiddles per stage, concatenated: for half-length h, cos/sin(2πj / 2h) for j < h.
    @usableFromInline let stageCosines: [Double]
    @usableFromInline let stageSines: [Double]

    /// Returns nil unless `count` is a power of two ≥ 2.
    public init?(count: Int) {
        guard count >= 2, count & (count - 1) == 0 else { return nil }
        self.count = count
        let half = count / 2
        // Base angles θ_j = 2π / 2^j by halving: cos(θ/2) = √((1 + cos θ)/2), sin(θ/2) = √((1 − cos θ)/2).
        var cosTable = [Double](repeating: 1, count: half)
        var sinTable = [Double](repeating: 0, count: half)
        var levels = 0
        while (1 << levels) < count { levels += 1 }
        // angle 2π/N * k for k = 2^b is the base angle 2π / 2^(levels - b).
        var baseCos = [Double](repeating: 1, count: levels + 1)   // baseCos[m] = cos(2π / 2^m)
        var baseSin = [Double](repeating: 0, count: levels + 1)
        if levels >= 1 { baseCos[1] = -1; baseSin[1] = 0 }
        if levels >= 2 { baseCos[2] = 0; baseSin[2] = 1 }
        var m = 3
        while m <= levels {
            let c = baseCos[m - 1]
            baseCos[m] = ((1 + c) / 2).squareRoot()
            baseSin[m] = ((1 - c) / 2).squareRoot()
            m += 1
        }
        // Each k is a sum of powers of two; combine the base rotations of its set bits, so the
        // error grows with the number of bits (≤ log2 N products), not with k.
        for k in 1..<half {
            var c = 1.0, s = 0.0
            var bit = 0
            while (1 << bit) <= k {
                if k & (1 << bit) != 0 {
                    let bc = baseCos[levels - bit], bs = baseSin[levels - bit]
                    (c, s) = (c * bc - s * bs, c * bs + s * bc)
                }
                bit += 1
            }
            cosTable[k] = c
            sinTable[k] = s
        }
        cosines = cosTable
        sines = sinTable
        var stageCos: [Double] = [], stageSin: [Double] = []
        stageCos.reserveCapacity(count)
        stageSin.reserveCapacity(count)
        var h = 1
        while h < count {
            let stride = count / (2 * h)
            for j in 0..<h {
                stageCos.append(cosTable[j * stride])
                stageSin.append(sinTable[j * stride])
            }
            h *= 2
        }
        stageCosines = stageCos
        stageSines = stageSin
        var reversed = [Int32](repeating: 0, count: count)
        for i in 0..<count {
            var r = 0
            for b in 0..<levels where i & (1 << b) != 0 { r |= 1 << (levels - 1 - b) }
            reversed[i] = Int32(r)
        }
        bitReversed = reversed
    }

    /// Forward transform X_k = Σ x_n e^{−2πikn/N}, in place. With `inputInBitReversedOrder` the input
    /// is already stored permuted (x_n at `bitReversedIndex(n)`), as a caller that writes its input
    /// anyway can do for free, and the transform skips its own permutation pass; the result is
    /// bit-identical to the transform of the input in natural order.
    @inlinable
    public func forward(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>, inputInBitReversedOrder: Bool = false) {
        transform(real: real, imaginary: imaginary, sign: -1, inputIsBitReversed: inputInBitReversedOrder)
    }

    /// Inverse transform without the 1/N factor: x_n = Σ X_k e^{+2πikn/N}, in place;
    /// `inputInBitReversedOrder` as for `forward`.
    @inlinable
    public func inverseUnscaled(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>, inputInBitReversedOrder: Bool = false) {
        transform(real: real, imaginary: imaginary, sign: 1, inputIsBitReversed: inputInBitReversedOrder)
    }

    /// Where the transform's permutation puts input n (an involution: the index of n reversed in log2 N bits).
    @inlinable
    public func bitReversedIndex(_ n: Int) -> Int { Int(bitReversed[n]) }

    /// Iterative radix-2 (decimation in time). Each stage keeps its twiddles contiguous
    /// (`stageCosines` starts with stage 1's single twiddle, then stage 2's two, …) so that the
    /// long inner loops of the late stages read memory in order and vectorise; the first two stages,
    /// whose twiddles are 1 and ∓i, run together in one pass over groups of four points held in
    /// registers (the same operations in the same order as two passes, so the same result).
    /// Always inlined, so `sign` is a constant in each caller and ∓i and the sines' sign fold into
    /// negations (exact) instead of multiplications by ±1 (exact too, but instructions).
    @inlinable @inline(__always)
    func transform(real: UnsafeMutablePointer<Double>, imaginary: UnsafeMutablePointer<Double>, sign: Double, inputIsBitReversed: Bool) {
        if !inputIsBitReversed {
            bitReversed.withUnsafeBufferPointer { reversed in
                for i in 0..<count {
                    let j = Int(reversed[i])
                    if j > i {
                        swap(&real[i], &real[j])
                        swap(&imaginary[i], &imaginary[j])
                    }
                }
            }
        }
        stageCosines.withUnsafeBufferPointer { cosTable in
            stageSines.withUnsafeBufferPointer { sinTable in
                var halfLength = 1
                var tableOffset = 0
                if count == 2 {
                    // Twiddle 1 alone: a sum and a difference.
                    let br = real[1], bi = imaginary[1]
                    real[1] = real[0] - br
                    imaginary[1] = imaginary[0] - bi
                    real[0] += br
                    imaginary[0] += bi
                    halfLength = 2
                    tableOffset = 1
                } else {
                    // Stages 1 and 2 at once, four points a step: twiddle 1 on the pairs (0, 1) and
                    // (2, 3), then twiddles 1 and ∓i on (0, 2) and (1, 3).
                    var a = 0
                    while a < count {
                        let r0 = real[a], r1 = real[a &+ 1], r2 = real[a &+ 2], r3 = real[a &+ 3]
                        let i0 = imaginary[a], i1 = imaginary[a &+ 1], i2 = imaginary[a &+ 2], i3 = imaginary[a &+ 3]
                        let s0r = r0 + r1, s0i = i0 + i1, s1r = r0 - r1, s1i = i0 - i1
                        let s2r = r2 + r3, s2i = i2 + i3, s3r = r2 - r3, s3i = i2 - i3
                        let tr = -sign * s3i, ti = sign * s3r
                        real[a] = s0r + s2r
                        imaginary[a] = s0i + s2i
                        real[a &+ 2] = s0r - s2r
                        imaginary[a &+ 2] = s0i - s2i
                        real[a &+ 1] = s1r + tr
                        imaginary[a &+ 1] = s1i + ti
                        real[a &+ 3] = s1r - tr
                        imaginary[a &+ 3] = s1i - ti
                        a &+= 4
                    }
                    halfLength = 4
                    tableOffset = 3
                }
                while halfLength < count {
                    let length = halfLength << 1
                    // Four butterflies per step in SIMD4<Double> (two SSE2 or NEON registers);
                    // half-lengths here are powers of two ≥ 4, so there is no tail.
                    let cosBase = UnsafeRawPointer(cosTable.baseAddress! + tableOffset)
                    let sinBase = UnsafeRawPointer(sinTable.baseAddress! + tableOffset)
                    let signs = SIMD4<Double>(repeating: sign)
                    var start = 0
                    while start < count {
                        let ra = UnsafeMutableRawPointer(real + start), ia = UnsafeMutableRawPointer(imaginary + start)
                        let rb = ra + halfLength &* 8, ib = ia + halfLength &* 8
                        var offset = 0
                        let end = halfLength &* 8
                        while offset < end {
                            let wr = cosBase.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                            let wi = signs * sinBase.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                            let br = rb.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                            let bi = ib.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                            let ar = ra.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                            let ai = ia.loadUnaligned(fromByteOffset: offset, as: SIMD4<Double>.self)
                            let tr = br * wr - bi * wi
                            let ti = br * wi + bi * wr
                            rb.storeBytes(of: ar - tr, toByteOffset: offset, as: SIMD4<Double>.self)
                            ib.storeBytes(of: ai - ti, toByteOffset: offset, as: SIMD4<Double>.self)
                            ra.storeBytes(of: ar + tr, toByteOffset: offset, as: SIMD4<Double>.self)
                            ia.storeBytes(of: ai + ti, toByteOffset: offset, as: SIMD4<Double>.self)
                            offset &+= 32
                        }
                        start += length
                    }
                    tableOffset += halfLength
                    halfLength = length
                }
            }
        }
    }
}

/// Plain DFT, O(N²): the reference the FFT is tested against.
public func discreteFourierTransformReference(
    real: [Double], imaginary: [Double], cosine: (Double) -> Double, sine: (Double) -> Double
) -> (real: [Double], imaginary: [Double]) {
    let n = real.count
    var outReal = [Double](repeating: 0, count: n)
    var outImaginary = [Double](repeating: 0, count: n)
    for k in 0..<n {
        var sr = 0.0, si = 0.0
        for t in 0..<n {
            let angle = -2 * Double.pi * Double((k * t) % n) / Double(n)
            let c = cosine(angle), s = sine(angle)
            sr += real[t] * c - imaginary[t] * s
            si += real[t] * s + imaginary[t] * c
        }
        outReal[k] = sr
        outImaginary[k] = si
    }
    return (outReal, outImaginary)
}
