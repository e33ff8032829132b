import AttuneKernels
@testable import AttuneProsody
import Foundation
import Testing

@Suite struct DSPPrimitiveTests {
    @Test(arguments: [2, 4, 8, 64, 256, 1024])
    func fftMatchesTheDirectTransform(size: Int) throws {
        let fft = try #require(FastFourierTransform(count: size))
        var generator = SystemRandomNumberGenerator()
        let real = (0..<size).map { _ in Double.random(in: -1...1, using: &generator) }
        let imaginary = (0..<size).map { _ in Double.random(in: -1...1, using: &generator) }
        let expected = discreteFourierTransformReference(real: real, imaginary: imaginary, cosine: cos, sine: sin)
        var re = real, im = imaginary
        re.withUnsafeMutableBufferPointer { r in
            im.withUnsafeMutableBufferPointer { i in fft.forward(real: r.baseAddress!, imaginary: i.baseAddress!) }
        }
        for k in 0..<size {
            #expect(abs(re[k] - expected.real[k]) < 1e-9 * Double(size))
            #expect(abs(im[k] - expected.imaginary[k]) < 1e-9 * Double(size))
        }
        // Inverse without scaling returns N times the input.
        re.withUnsafeMutableBufferPointer { r in
            im.withUnsafeMutableBufferPointer { i in fft.inverseUnscaled(real: r.baseAddress!, imaginary: i.baseAddress!) }
        }
        for k in 0..<size { #expect(abs(re[k] / Double(size) - real[k]) < 1e-12) }
    }

    @Test func fftRefusesSizesThatAreNotPowersOfTwo() {
        #expect(FastFourierTransform(count: 0) == nil)
        #expect(FastFourierTransform(count: 1) == nil)
        #expect(FastFourierTransform(count: 1000) == nil)
    }

    @Test func sincInterpolationReconstructsABandLimitedSignal() {
        // A sine at a tenth of the sampling rate, read between samples.
        let y = (0..<400).map { sin(2 * Double.pi * 0.1 * Double($0) + 0.3) }
        y.withUnsafeBufferPointer { curve in
            for x in stride(from: 150.0, to: 250.0, by: 0.37) {
                let exact = sin(2 * Double.pi * 0.1 * x + 0.3)
                #expect(abs(WindowedSincInterpolation.value(curve, at: x, depth: 70) - exact) < 2e-3)
            }
            #expect(WindowedSincInterpolation.value(curve, at: 12, depth: 70) == y[12])
            #expect(WindowedSincInterpolation.value(curve, at: -3, depth: 70) == y[0])
            #expect(WindowedSincInterpolation.value(curve, at: 999, depth: 70) == y[399])
        }
    }

    @Test func brentFindsTheMaximumBetweenSamples() {
        // Peak of cos(2π·0.05·(x − 100.3)) is at 100.3.
        let y = (0..<200).map { cos(2 * Double.pi * 0.05 * (Double($0) - 100.3)) }
        y.withUnsafeBufferPointer { curve in
            let best = WindowedSincInterpolation.maximum(curve, near: 100, depth: 70)
            #expect(abs(best.position - 100.3) < 1e-4)
            #expect(abs(best.value - 1) < 1e-3)
        }
        let parabola = BrentMinimizer.minimize(from: -1, to: 3, tolerance: 1e-10) { ($0 - 1.234) * ($0 - 1.234) }
        #expect(abs(parabola.x - 1.234) < 1e-8)
    }

    @Test func aWeightingFollowsTheStandardTable() {
        // IEC 61672-1 Table 3 (nominal A-weighting, dB, rounded to 0.1 dB).
        let table: [(Double, Double)] = [(31.5, -39.4), (100, -19.1), (250, -8.6), (1000, 0.0), (2000, 1.2), (4000, 1.0), (8000, -1.1)]
        for (frequency, decibels) in table {
            #expect(abs(AWeighting.decibels(atHz: frequency) - decibels) < 0.15, "\(frequency) Hz")
        }
        #expect(Loudness.sones(fromAWeightedDb: 40) == 1)
        #expect(abs(Loudness.sones(fromAWeightedDb: 50) - 2) < 1e-12)
    }

    @Test func besselI0MatchesKnownValues() {
        #expect(Bessel.i0(0) == 1)
        #expect(abs(Bessel.i0(1) - 1.266_065_877_752_008) < 1e-14)
        #expect(abs(Bessel.i0(20.239_208_802_199_8) / 6.0e7 - 1) < 0.1)   // order of magnitude at Praat's window centre
    }
}

@Suite struct RealFourierTransformTests {
    @Test(arguments: [4, 16, 1024])
    func powerSpectrumAndEvenInverseMatchTheComplexTransform(size: Int) throws {
        let real = try #require(RealFourierTransform(count: size))
        let complex = try #require(FastFourierTransform(count: size))
        var generator = SystemRandomNumberGenerator()
        let x = (0..<size).map { _ in Double.random(in: -1...1, using: &generator) }
        var power = [Double](repeating: 0, count: size / 2 + 1)
        x.withUnsafeBufferPointer { input in
            power.withUnsafeMutableBufferPointer { real.powerSpectrum(of: input.baseAddress!, into: $0.baseAddress!) }
        }
        var re = x, im = [Double](repeating: 0, count: size)
        re.withUnsafeMutableBufferPointer { r in
            im.withUnsafeMutableBufferPointer { i in complex.forward(real: r.baseAddress!, imaginary: i.baseAddress!) }
        }
        for k in 0...(size / 2) {
            #expect(abs(power[k] - (re[k] * re[k] + im[k] * im[k])) < 1e-9 * Double(size))
        }
        // The autocorrelation: inverse of the full power spectrum.
        var fullRe = (0..<size).map { power[min($0, size - $0)] }, fullIm = [Double](repeating: 0, count: size)
        fullRe.withUnsafeMutableBufferPointer { r in
            fullIm.withUnsafeMutableBufferPointer { i in complex.inverseUnscaled(real: r.baseAddress!, imaginary: i.baseAddress!) }
        }
        var output = [Double](repeating: 0, count: size)
        power.withUnsafeBufferPointer { p in
            output.withUnsafeMutableBufferPointer { real.inverseOfEvenSpectrum(p.baseAddress!, into: $0.baseAddress!) }
        }
        for n in 0..<size { #expect(abs(output[n] - fullRe[n]) < 1e-8 * Double(size)) }
    }
}

@Suite struct SincKernelTableTests {
    /// The tabulated kernel and the rotation recurrence are the same sum, term by term.
    @Test func tableAgreesWithTheRecurrence() {
        var generator = SystemRandomNumberGenerator()
        let y = (0..<641).map { _ in Double.random(in: -1...1, using: &generator) }
        y.withUnsafeBufferPointer { curve in
            for x in stride(from: 100.013, to: 540, by: 3.71) {
                for depth in [30, 70] {
                    let table = WindowedSincInterpolation.value(curve, at: x, depth: depth)
                    let slow = WindowedSincInterpolation.recurrenceValue(curve, at: x, depth: depth)
                    #expect(abs(table - slow) < 1e-12, "x \(x), depth \(depth)")
                }
            }
        }
    }
}
