import AttuneKernels
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#elseif canImport(CEdgeLibc)
import CEdgeLibc  // the Embedded Swift build for aarch64 (cross/build-edge.sh)
#endif

/// Streaming rational-ratio resampler (polyphase windowed-sinc FIR), written here because it is
/// small, allocation-free per call and its quality is stated and tested, which matters more on a
/// Pi than the generality of a large DSP library.
///
/// Design (Kaiser, "Nonrecursive digital filter design using the I0-sinh window function", 1974;
/// polyphase structure after Crochiere & Rabiner, "Multirate Digital Signal Processing", 1983, §4.3):
/// - the ratio out/in is reduced to L/M; a low-pass prototype runs at in·L;
/// - with N = min(in, out)/2 (the lower Nyquist frequency):
///   **pass band** 0…0.875·N (0…7 kHz for 16 kHz output), ripple below ±0.001 dB;
///   **stop band** from N (8 kHz for 16 kHz output), attenuation ≥ 90 dB (Kaiser β = 8.96);
///   cutoff 0.9375·N, the middle of the transition;
/// - the filter is linear-phase and its group delay is removed, so output sample n lines up
///   with input time n/out (checked against sox in the tests);
/// - at rate 16 kHz in, it is the identity (bit-exact), so a 16 kHz device is delivered untouched.
///
/// Memory: L × taps coefficients (`coefficientByteCount`), e.g. 44.1 kHz → 16 kHz: 160 × 252 floats ≈ 160 KB.
public final class Resampler {
    public let inputRateHz: Int
    public let outputRateHz: Int
    /// Upsampling factor L and downsampling factor M of the reduced ratio.
    public let interpolation: Int
    public let decimation: Int
    /// Taps per polyphase branch (the filter length in input samples).
    public let tapsPerPhase: Int
    /// Stop-band attenuation the filter was designed for.
    public static let stopBandAttenuationDb = 90.0
    /// The largest L accepted; larger reduced ratios (odd rates) would need huge tables.
    public static let maximumInterpolation = 4096

    private let isIdentity: Bool
    /// Phase-major, each phase's taps reversed so an output is one forward dot product.
    private let coefficients: UnsafeMutablePointer<Float>
    /// Input history: `tapsPerPhase - 1` old samples followed by new ones.
    private let history: UnsafeMutablePointer<Float>
    private let historyCapacity: Int
    private var historyCount: Int
    /// Absolute index of `history[0]` in the input stream.
    private var historyStartIndex: Int
    /// Absolute input samples seen.
    private var inputCount: Int
    /// Next output's position in the upsampled domain (includes the group-delay offset).
    private var nextUpsampledPosition: Int
    private var outputCount: Int
    private let groupDelayUpsampled: Int
    private var flushed = false

    /// The largest input chunk `process` takes at once.
    public let maximumChunk: Int

    /// - Parameters:
    ///   - maximumChunk: the largest number of input samples passed to one `process` call.
    /// - Throws: `AudioSourceError.unsupportedSampleRate` for rates outside 1 Hz…384 kHz or ratios needing L > 4096.
    public init(inputRateHz: Int, outputRateHz: Int = CanonicalAudio.sampleRateHz, maximumChunk: Int = 8192) throws(AudioSourceError) {
        guard (1...384_000).contains(inputRateHz), (1...384_000).contains(outputRateHz) else {
            throw .unsupportedSampleRate(inputRateHz)
        }
        let divisor = greatestCommonDivisor(inputRateHz, outputRateHz)
        let l = outputRateHz / divisor
        let m = inputRateHz / divisor
        guard l <= Resampler.maximumInterpolation else { throw .unsupportedSampleRate(inputRateHz) }
        self.inputRateHz = inputRateHz
        self.outputRateHz = outputRateHz
        self.interpolation = l
        self.decimation = m
        self.maximumChunk = maximumChunk
        self.isIdentity = (l == 1 && m == 1)

        let nyquistHz = Double(min(inputRateHz, outputRateHz)) / 2
        let transitionHz = 0.125 * nyquistHz
        let cutoffHz = 0.9375 * nyquistHz
        let attenuation = Resampler.stopBandAttenuationDb
        let beta = 0.1102 * (attenuation - 8.7)
        // Kaiser's length estimate, in input samples: (A − 8) / (2.285 · Δω).
        let deltaOmega = 2 * Double.pi * transitionHz / Double(inputRateHz)
        let taps = isIdentity ? 1 : Int(((attenuation - 8) / (2.285 * deltaOmega)).rounded(.up)) + 1
        self.tapsPerPhase = taps
        var length = l * taps
        if length % 2 == 0 { length -= 1 }  // odd length: integer group delay
        self.groupDelayUpsampled = isIdentity ? 0 : (length - 1) / 2

        coefficients = .allocate(capacity: l * taps)
        coefficients.initialize(repeating: 0, count: l * taps)
        if isIdentity {
            coefficients[0] = 1
        } else {
            let prototypeRateHz = Double(inputRateHz) * Double(l)
            let normalizedCutoff = cutoffHz / prototypeRateHz  // cycles per prototype sample
            let centre = Double(length - 1) / 2
            let i0Beta = besselI0(beta)
            for k in 0..<length {
                let x = Double(k) - centre
                let sinc = x == 0 ? 2 * normalizedCutoff : sin(2 * Double.pi * normalizedCutoff * x) / (Double.pi * x)
                let ratio = x / centre
                let window = besselI0(beta * (1 - ratio * ratio).squareRoot()) / i0Beta
                // ×L restores the gain lost to zero-stuffing: each phase then sums to ≈ 1.
                let value = Float(sinc * window * Double(l))
                let phase = k % l
                let tap = k / l
                coefficients[phase * taps + (taps - 1 - tap)] = value
            }
        }
        historyCapacity = taps - 1 + maximumChunk
        history = .allocate(capacity: historyCapacity)
        history.initialize(repeating: 0, count: historyCapacity)
        historyCount = taps - 1  // leading zeros stand for the signal before time 0
        historyStartIndex = -(taps - 1)
        inputCount = 0
        nextUpsampledPosition = groupDelayUpsampled
        outputCount = 0
    }

    deinit {
        coefficients.deallocate()
        history.deallocate()
    }

    /// Bytes held for coefficients and history, for the memory budget.
    public var byteCount: Int { (interpolation * tapsPerPhase + historyCapacity) * MemoryLayout<Float>.size }

    /// The most output samples `process` can produce for `inputCount` input samples.
    public func maximumOutput(forInput inputCount: Int) -> Int {
        inputCount * interpolation / decimation + 2
    }

    /// Resamples `input` (at most `maximumChunk` samples) into `output`; returns the samples written.
    /// `output` must hold `maximumOutput(forInput: input.count)`. Allocates nothing.
    public func process(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) -> Int {
        precondition(input.count <= maximumChunk, "Resampler chunk larger than maximumChunk")
        precondition(!flushed, "Resampler used after flush")
        if isIdentity {
            _ = output.initialize(from: input)
            inputCount += input.count
            outputCount += input.count
            return input.count
        }
        // Raw byte copies (memmove) here and in compactHistory: the typed `update(from:count:)` is an
        // element-by-element loop in the Embedded Swift build, about 6 aarch64 instructions a sample.
        UnsafeMutableRawPointer(history + historyCount).copyMemory(from: input.baseAddress!, byteCount: input.count &* MemoryLayout<Float>.stride)
        historyCount += input.count
        inputCount += input.count
        let written = produce(into: output, availableInputEnd: inputCount)
        compactHistory()
        return written
    }

    /// The most samples `flush` can produce: the outputs still waiting for look-ahead.
    public var maximumFlushOutput: Int { tapsPerPhase * interpolation / decimation + 2 }

    /// Ends the stream: produces the outputs that were waiting for look-ahead, so the total output
    /// is round(inputCount · out / in). `output` must hold `maximumFlushOutput` samples.
    public func flush(into output: UnsafeMutableBufferPointer<Float>) -> Int {
        guard !flushed else { return 0 }
        flushed = true
        if isIdentity { return 0 }
        let totalOutputs = Int((Double(inputCount) * Double(interpolation) / Double(decimation)).rounded())
        var written = 0
        while outputCount < totalOutputs && written < output.count {
            // Pad with zeros past the end, a chunk of look-ahead at a time.
            let pad = min(tapsPerPhase, historyCapacity - historyCount)
            (history + historyCount).initialize(repeating: 0, count: pad)
            historyCount += pad
            let padded = historyStartIndex + historyCount
            let limit = min(totalOutputs - outputCount, output.count - written)
            let slice = UnsafeMutableBufferPointer(rebasing: output[written..<(written + limit)])
            written += produce(into: slice, availableInputEnd: padded)
            compactHistory()
        }
        return written
    }

    @inline(__always)
    private func produce(into output: UnsafeMutableBufferPointer<Float>, availableInputEnd: Int) -> Int {
        var written = 0
        let l = interpolation
        let taps = tapsPerPhase
        while written < output.count {
            // With an integer ratio (L = 1: 48, 32 or 96 kHz in) every output uses the one phase,
            // so four outputs in a row are one filter at four positions, M input samples apart.
            if l == 1 && written &+ 4 <= output.count && nextUpsampledPosition + 3 * decimation < availableInputEnd {
                let start = history + (nextUpsampledPosition - (taps - 1) - historyStartIndex)
                floatDotProductsAtFourPositions(coefficients, start, stride: decimation, count: taps,
                                                into: output.baseAddress! + written)
                written += 4
                outputCount += 4
                nextUpsampledPosition += 4 * decimation
                continue
            }
            let newest = nextUpsampledPosition / l  // newest input index this output needs
            guard newest < availableInputEnd else { break }
            let phase = nextUpsampledPosition - newest * l
            let oldest = newest - (taps - 1)
            let start = history + (oldest - historyStartIndex)
            output[written] = floatDotProduct(coefficients + phase * taps, start, count: taps)
            written += 1
            outputCount += 1
            nextUpsampledPosition += decimation
        }
        return written
    }

    /// Keeps only the history the next output still needs, at the front of the buffer.
    private func compactHistory() {
        let nextNewest = nextUpsampledPosition / interpolation
        let keepFrom = max(historyStartIndex, nextNewest - (tapsPerPhase - 1))
        let drop = min(keepFrom - historyStartIndex, historyCount)
        guard drop > 0 else { return }
        UnsafeMutableRawPointer(history).copyMemory(from: history + drop, byteCount: (historyCount - drop) &* MemoryLayout<Float>.stride)
        historyCount -= drop
        historyStartIndex += drop
    }
}

@inline(__always)
private func greatestCommonDivisor(_ a: Int, _ b: Int) -> Int {
    var (x, y) = (a, b)
    while y != 0 { (x, y) = (y, x % y) }
    return x
}

/// Modified Bessel function of the first kind, order 0, by its power series (converges fast for β ≤ 20).
private func besselI0(_ x: Double) -> Double {
    var sum = 1.0
    var term = 1.0
    let quarterSquare = x * x / 4
    var k = 1.0
    while term > 1e-12 * sum {
        term *= quarterSquare / (k * k)
        sum += term
        k += 1
    }
    return sum
}
