/// Praat's "To Intensity" (subtract mean: yes) for one frame: the mean-subtracted signal's
/// power under a Kaiser–Bessel window of 6.4 / minimumPitch seconds, in dB re (2·10⁻⁵ Pa)²,
/// where a sample value of 1.0 is 1 Pa (Praat's convention; uncalibrated microphones make the
/// absolute level arbitrary, differences between frames are what matter).
///
/// Window: w(u) = I0((2π² + 0.5) √(1 − u²)) for u ∈ [−1, 1] over ±3.2 periods of the minimum
/// pitch, which makes the result free of pitch ripple for F0 above the minimum (Praat manual,
/// "Sound: To Intensity...").
final class IntensityAnalyzer {
    let halfWindow: Int
    private let window: UnsafeMutablePointer<Double>
    private let windowSum: Double

    init(minimumPitchHz: Double, sampleRate: Double) {
        let halfDuration = 3.2 / minimumPitchHz
        halfWindow = Int((halfDuration * sampleRate).rounded(.down))
        let count = 2 * halfWindow + 1
        window = .allocate(capacity: count)
        var sum = 0.0
        for i in 0..<count {
            let u = Double(i - halfWindow) / sampleRate / halfDuration
            let root = max(0, 1 - u * u).squareRoot()
            window[i] = Bessel.i0((2 * Double.pi * Double.pi + 0.5) * root)
            sum += window[i]
        }
        windowSum = sum
    }

    deinit { window.deallocate() }

    /// Intensity in dB of the frame centred on `centre[0]` (samples `centre[-half] … centre[half]`).
    /// Returns −300 dB for digital silence, as Praat does.
    func decibels(centre: UnsafePointer<Float>) -> Double {
        // Two passes like Praat (centre, then weigh): one pass would cancel digits under a DC offset.
        // Four Double lanes at a time: the 50 Hz window is 2,049 samples every 10 ms.
        // Unchecked index arithmetic, and eight samples per step of the plain sum (two lane-wise adds,
        // in order): the loops' overflow checks were a quarter of this function's AArch64 instructions.
        let count = 2 * halfWindow + 1
        let start = centre - halfWindow
        let weights = UnsafeRawPointer(window)
        @inline(__always) func four(_ i: Int) -> SIMD4<Double> {
            SIMD4<Double>(Double(start[i]), Double(start[i &+ 1]), Double(start[i &+ 2]), Double(start[i &+ 3]))
        }
        var lanes = SIMD4<Double>(repeating: 0)
        var i = 0
        while i &+ 8 <= count {
            lanes += four(i)
            lanes += four(i &+ 4)
            i &+= 8
        }
        if i &+ 4 <= count { lanes += four(i); i &+= 4 }
        var sumX = lanes.sum()
        while i < count { sumX += Double(start[i]); i &+= 1 }
        let mean = sumX / Double(count)
        let meanLanes = SIMD4<Double>(repeating: mean)
        lanes = SIMD4<Double>(repeating: 0)
        i = 0
        while i &+ 4 <= count {   // four at a time: unrolled further, this loop vectorises worse
            let x = four(i) - meanLanes
            let w = weights.loadUnaligned(fromByteOffset: i &* 8, as: SIMD4<Double>.self)
            lanes += w * x * x
            i &+= 4
        }
        var sumWXX = lanes.sum()
        while i < count {
            let x = Double(start[i]) - mean
            sumWXX += window[i] * x * x
            i &+= 1
        }
        let power = sumWXX / windowSum
        let relative = power / 4e-10
        return relative < 1e-30 ? -300 : 10 * log10(relative)
    }
}

/// The modified Bessel function of the first kind, order 0, by its power series
/// Σ ((x/2)^k / k!)², summed until terms no longer change the result.
enum Bessel {
    static func i0(_ x: Double) -> Double {
        let halfX = x / 2
        var term = 1.0, sum = 1.0
        var k = 1.0
        while term > sum * 1e-17 {
            term *= (halfX / k) * (halfX / k)
            sum += term
            k += 1
        }
        return sum
    }
}
