import Foundation
import Testing
import AttuneKernels
@testable import AttuneAudio

/// The resampler's stated quality (see `Resampler`): pass band 0…7 kHz flat, stop band from 8 kHz
/// at ≥ 90 dB down (we test 85 dB, leaving room for the float arithmetic), output aligned in time.
@Suite struct ResamplerTests {
    func sine(frequencyHz: Double, rateHz: Int, seconds: Double, amplitude: Double = 0.5) -> [Float] {
        (0..<Int(seconds * Double(rateHz))).map { Float(amplitude * sin(2 * .pi * frequencyHz * Double($0) / Double(rateHz))) }
    }

    func resample(_ input: [Float], from rate: Int, chunk: Int = 441) throws -> [Float] {
        let resampler = try Resampler(inputRateHz: rate, maximumChunk: chunk)
        var output: [Float] = []
        var scratch = [Float](repeating: 0, count: max(resampler.maximumOutput(forInput: chunk), resampler.maximumFlushOutput))
        var index = 0
        while index < input.count {
            let end = min(index + chunk, input.count)
            let n = input[index..<end].withUnsafeBufferPointer { piece in
                scratch.withUnsafeMutableBufferPointer { resampler.process(piece, into: $0) }
            }
            output += scratch[0..<n]
            index = end
        }
        let n = scratch.withUnsafeMutableBufferPointer { resampler.flush(into: $0) }
        output += scratch[0..<n]
        return output
    }

    @Test(arguments: [8_000, 11_025, 22_050, 32_000, 44_100, 48_000])
    func passBandIsFlat(rate: Int) throws {
        let limit = min(7_000.0, Double(rate) / 2 * 0.875)
        for frequency in stride(from: 100.0, through: limit, by: limit / 12) {
            let out = try resample(sine(frequencyHz: frequency, rateHz: rate, seconds: 0.5), from: rate)
            let gain = rms(out[2000..<6000]) / (0.5 / 2.0.squareRoot())
            #expect(abs(decibels(gain)) < 0.01, "gain \(decibels(gain)) dB at \(frequency) Hz from \(rate) Hz")
        }
    }

    @Test(arguments: [22_050, 44_100, 48_000])
    func stopBandIsAttenuated(rate: Int) throws {
        for frequency in stride(from: 8_000.0, to: Double(rate) / 2, by: 1_000) {
            let out = try resample(sine(frequencyHz: frequency, rateHz: rate, seconds: 0.5), from: rate)
            let level = decibels(rms(out[2000..<6000]) / (0.5 / 2.0.squareRoot()))
            #expect(level < -85, "only \(level) dB at \(frequency) Hz from \(rate) Hz")
        }
    }

    @Test func outputLengthAndTimeAlignment() throws {
        // A click at exactly 1.0 s must come out centred at sample 16000.
        var input = [Float](repeating: 0, count: 44_100 * 2)
        input[44_100] = 1
        let out = try resample(input, from: 44_100)
        #expect(out.count == 32_000)
        let peak = out.indices.max { abs(out[$0]) < abs(out[$1]) }!
        #expect(peak == 16_000)
    }

    @Test func sixteenKilohertzIsIdentity() throws {
        let input = sine(frequencyHz: 440, rateHz: 16_000, seconds: 0.3)
        #expect(try resample(input, from: 16_000) == input)
    }

    @Test func chunkingDoesNotChangeOutput() throws {
        let input = sine(frequencyHz: 1234, rateHz: 48_000, seconds: 0.4)
        let a = try resample(input, from: 48_000, chunk: 480)
        let b = try resample(input, from: 48_000, chunk: 37)
        #expect(a == b)
    }

    /// Against sox's own resampler (`rate -v`) on real speech: 44.1 kHz stereo 32-bit back to 16 kHz mono.
    /// The speech is band-limited to 6.8 kHz first: between 7 and 8 kHz the two filters differ by design
    /// (sox keeps more of the transition band), and that is not what this test is about.
    @Test func matchesSoxOnSpeech() throws {
        let directory = try TestPaths.temporaryDirectory()
        let wide = directory.appendingPathComponent("wide.wav").path
        let reference = directory.appendingPathComponent("ref.wav").path
        let arctic = try TestPaths.speechFile("arctic_a0009.wav")
        try run("sox", ["-D", arctic, "-b", "32", "-c", "2", wide, "sinc", "-6800", "rate", "-v", "44100"])
        try run("sox", ["-D", wide, "-b", "32", "-e", "floating-point", "-c", "1", reference, "rate", "-v", "16000"])
        let ours = try WAVFile.readMono16k(path: wide)
        let theirs = try WAVFile.readMono16k(path: reference)
        #expect(abs(ours.count - theirs.count) <= 1)
        let n = min(ours.count, theirs.count)
        let error = zip(ours[0..<n], theirs[0..<n]).map { $0 - $1 }
        let snr = decibels(rms(theirs[0..<n]) / rms(error[...]))
        #expect(snr > 60, "agreement with sox only \(snr) dB")
    }

    @Test func oddRatesAreRefusedWithTheRate() {
        #expect(throws: AudioSourceError.unsupportedSampleRate(0)) { _ = try Resampler(inputRateHz: 0) }
        #expect(throws: AudioSourceError.unsupportedSampleRate(44_099)) { _ = try Resampler(inputRateHz: 44_099) }
    }
}

@Suite struct FloatDotProductTests {
    @Test func simdMatchesReferenceOnOddLengths() {
        var generator = SplitMix64(seed: 7)
        for count in [0, 1, 7, 8, 9, 15, 16, 17, 100, 251] {
            let a = (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
            let b = (0..<count).map { _ in Float.random(in: -1...1, using: &generator) }
            let fast = floatDotProduct(a, b, count: count)
            let reference = floatDotProductReference(a, b, count: count)
            #expect(abs(fast - reference) <= 1e-5 * Float(max(count, 1)))
        }
    }
}
