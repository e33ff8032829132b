/// Transforms of real signals at the cost of a complex FFT of half the length: the even samples
/// go in the real part, the odd ones in the imaginary part, and one butterfly per bin separates
/// the two spectra afterwards (E[k] = (Z[k] + Z̄[M−k]) / 2, O[k] = (Z[k] − Z̄[M−k]) / 2i,
/// X[k] = E[k] + W^k O[k], W = e^{−2πi/N}, M = N/2).
///
/// The pitch analyser needs exactly two things per frame: the power spectrum of a real, windowed
/// frame, and the (real, even) autocorrelation back from that power spectrum (Boersma 1993 §2).
public final class RealFourierTransform {
    /// Number of real samples; a power of two ≥ 4.
    public let count: Int
    @usableFromInline let half: FastFourierTransform
    @usableFromInline let real: UnsafeMutablePointer<Double>
    @usableFromInline let imaginary: UnsafeMutablePointer<Double>
    /// cos/sin(2πk/N), k ≤ N/2.
    @usableFromInline let cosines: UnsafeMutablePointer<Double>
    @usableFromInline let sines: UnsafeMutablePointer<Double>

    public init?(count: Int) {
        guard count >= 4, count & (count - 1) == 0, let half = FastFourierTransform(count: count / 2),
              let full = FastFourierTransform(count: count) else { return nil }
        self.count = count
        self.half = half
        real = .allocate(capacity: count / 2)
        imaginary = .allocate(capacity: count / 2)
        cosines = .allocate(capacity: count / 2 + 1)
        sines = .allocate(capacity: count / 2 + 1)
        for k in 0..<(count / 2) {
            cosines[k] = full.cosines[k]
            sines[k] = full.sines[k]
        }
        cosines[count / 2] = -1
        sines[count / 2] = 0
    }

    deinit {
        real.deallocate()
        imaginary.deallocate()
        cosines.deallocate()
        sines.deallocate()
    }

    /// |X[k]|² for k = 0 … N/2 of the real signal `input` (N samples). `power` holds N/2 + 1 values.
    @inlinable
    public func powerSpectrum(of input: UnsafePointer<Double>, into power: UnsafeMutablePointer<Double>) {
        let m = count / 2
        // The even and odd samples go straight to their bit-reversed places, so the half-length
        // transform skips its permutation pass (same values in the same places, so the same result).
        half.bitReversed.withUnsafeBufferPointer { reversed in
            for n in 0..<m {
                let at = Int(reversed[n])
                real[at] = input[2 &* n]
                imaginary[at] = input[2 &* n &+ 1]
            }
        }
        half.forward(real: real, imaginary: imaginary, inputInBitReversedOrder: true)
        // Bins 0 and M both pair Z[0] with itself; bins 1 … M − 1 go two at a time, k and k + 1 with
        // their partners M − k and M − k − 1 read as one pair and swapped. The same operations run in
        // each lane as in one bin alone, so the result does not depend on how the bins are grouped.
        let ends = Self.binPower(
            zr: SIMD2(real[0], real[0]), zi: SIMD2(imaginary[0], imaginary[0]),
            partnerReal: SIMD2(real[0], real[0]), partnerImaginary: SIMD2(imaginary[0], imaginary[0]),
            cosine: SIMD2(cosines[0], cosines[m]), sine: SIMD2(sines[0], sines[m]))
        power[0] = ends[0]
        power[m] = ends[1]
        let re = UnsafeRawPointer(real), im = UnsafeRawPointer(imaginary)
        let cos = UnsafeRawPointer(cosines), sin = UnsafeRawPointer(sines)
        var k = 1
        while k &+ 2 <= m {
            let partner = (m &- k &- 1) &* 8
            let bins = Self.binPower(
                zr: re.loadUnaligned(fromByteOffset: k &* 8, as: SIMD2<Double>.self),
                zi: im.loadUnaligned(fromByteOffset: k &* 8, as: SIMD2<Double>.self),
                partnerReal: re.loadUnaligned(fromByteOffset: partner, as: SIMD2<Double>.self)[SIMD2(1, 0)],
                partnerImaginary: im.loadUnaligned(fromByteOffset: partner, as: SIMD2<Double>.self)[SIMD2(1, 0)],
                cosine: cos.loadUnaligned(fromByteOffset: k &* 8, as: SIMD2<Double>.self),
                sine: sin.loadUnaligned(fromByteOffset: k &* 8, as: SIMD2<Double>.self))
            UnsafeMutableRawPointer(power).storeBytes(of: bins, toByteOffset: k &* 8, as: SIMD2<Double>.self)
            k &+= 2
        }
        if k < m {   // M − 1 is odd: one bin is left.
            let bin = Self.binPower(
                zr: SIMD2(repeating: real[k]), zi: SIMD2(repeating: imaginary[k]),
                partnerReal: SIMD2(repeating: real[m &- k]), partnerImaginary: SIMD2(repeating: imaginary[m &- k]),
                cosine: SIMD2(repeating: cosines[k]), sine: SIMD2(repeating: sines[k]))
            power[k] = bin[0]
        }
    }

    /// |X[k]|² per lane from Z[k] and Z[M − k] (the partner, conjugated here) and W^k.
    @inlinable @inline(__always)
    static func binPower(
        zr: SIMD2<Double>, zi: SIMD2<Double>, partnerReal: SIMD2<Double>, partnerImaginary: SIMD2<Double>,
        cosine: SIMD2<Double>, sine: SIMD2<Double>
    ) -> SIMD2<Double> {
        let cr = partnerReal, ci = -partnerImaginary   // conj(Z[M − k])
        let er = 0.5 * (zr + cr), ei = 0.5 * (zi + ci)
        // O = (Z − conj) / 2i = (d_i − i d_r) / 2 with d = Z − conj.
        let dr = zr - cr, di = zi - ci
        let or = 0.5 * di, oi = -0.5 * dr
        // W^k = cos − i sin.
        let wr = cosine, wi = -sine
        let xr = er + wr * or - wi * oi
        let xi = ei + wr * oi + wi * or
        return xr * xr + xi * xi
    }

    /// x[n] = Σ_{k=0}^{N−1} S[k] e^{2πikn/N} for a real, even spectrum given by its bins
    /// k = 0 … N/2 (`spectrum`, N/2 + 1 values). `output` receives N real values, unscaled (as an
    /// inverse DFT without the 1/N factor).
    @inlinable
    public func inverseOfEvenSpectrum(_ spectrum: UnsafePointer<Double>, into output: UnsafeMutablePointer<Double>) {
        let m = count / 2
        // E[k] = (X[k] + conj X[M−k]) / 2 and O[k] = (X[k] − conj X[M−k]) / (2 W^k); with X real:
        // E[k] = (S[k] + S[M−k]) / 2, O[k] = (S[k] − S[M−k]) / 2 · W^{−k}; Z = E + iO.
        // Written to their bit-reversed places, as in `powerSpectrum`.
        half.bitReversed.withUnsafeBufferPointer { reversed in
            for k in 0..<m {
                let a = spectrum[k], b = spectrum[m &- k]
                let e = 0.5 * (a + b)
                let d = 0.5 * (a - b)
                // W^{−k} = cos + i sin.
                let or = d * cosines[k], oi = d * sines[k]
                let at = Int(reversed[k])
                real[at] = e - oi
                imaginary[at] = or
            }
        }
        half.inverseUnscaled(real: real, imaginary: imaginary, inputInBitReversedOrder: true)
        // Inverse of size M gives M·(e + i o) for x[2n] = e[n], x[2n+1] = o[n] scaled by 1/N·…;
        // multiply by 2 so the result matches the unscaled size-N inverse.
        for n in 0..<m {
            output[2 * n] = 2 * real[n]
            output[2 * n + 1] = 2 * imaginary[n]
        }
    }
}
