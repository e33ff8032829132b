import Foundation
import Testing
@testable import AttuneAudio

@Suite struct WAVDecodingTests {
    let arctic: String

    init() throws { arctic = try TestPaths.speechFile("arctic_a0007.wav") }

    @Test func sixteenKilohertzMonoIsDecodedExactly() throws {
        let source = try WAVFileSource(path: arctic)
        #expect(source.header.sampleRateHz == 16_000)
        #expect(source.header.channelCount == 1)
        #expect(source.header.encoding == .signed16)
        let samples = try source.readAll()
        let reference = try pcm16Samples(ofCanonicalWAV: arctic)
        #expect(samples.count == reference.count)
        #expect(samples.map(pcm16(fromFloat:)) == reference)
    }

    /// Every encoding sox can write, at 16 kHz so no resampling is involved: each must decode to the
    /// same 16-bit values (8-bit within its quantisation step).
    @Test(arguments: [
        ("-b 16 -e signed-integer", 0), ("-b 24 -e signed-integer", 0), ("-b 32 -e signed-integer", 0),
        ("-b 32 -e floating-point", 0), ("-b 64 -e floating-point", 0), ("-b 8 -e unsigned-integer", 256),
    ])
    func encodingsDecodeToTheSameSamples(soxEncoding: String, tolerance: Int) throws {
        let directory = try TestPaths.temporaryDirectory()
        let converted = directory.appendingPathComponent("converted.wav").path
        try run("sox", ["-D", arctic] + soxEncoding.split(separator: " ").map(String.init) + [converted])
        let decoded = try WAVFile.readMono16k(path: converted).map(pcm16(fromFloat:))
        let reference = try pcm16Samples(ofCanonicalWAV: arctic)
        #expect(decoded.count == reference.count)
        let worst = zip(decoded, reference).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst <= tolerance, "worst difference \(worst) for \(soxEncoding)")
    }

    /// WAVE_FORMAT_EXTENSIBLE (sox writes it for more than two channels): 4 identical channels average to the original.
    @Test func extensibleFourChannelsDownmixToMono() throws {
        let directory = try TestPaths.temporaryDirectory()
        let converted = directory.appendingPathComponent("quad.wav").path
        try run("sox", ["-D", arctic, "-b", "24", "-c", "4", converted])
        let bytes = try Data(contentsOf: URL(fileURLWithPath: converted))
        #expect(bytes[20] == 0xFE && bytes[21] == 0xFF, "sox should have written WAVE_FORMAT_EXTENSIBLE")
        let source = try WAVFileSource(path: converted)
        #expect(source.header.channelCount == 4)
        let decoded = try source.readAll().map(pcm16(fromFloat:))
        #expect(decoded == (try pcm16Samples(ofCanonicalWAV: arctic)))
    }

    @Test func writerRoundTripsSamples() throws {
        let directory = try TestPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("out.wav").path
        let original = try WAVFile.readMono16k(path: arctic)
        let writer = try WAVWriter(path: path)
        try original.withUnsafeBufferPointer { try writer.write($0) }
        try writer.finish()
        #expect(try pcm16Samples(ofCanonicalWAV: path) == (try pcm16Samples(ofCanonicalWAV: arctic)))
        // sox must accept what we wrote as a 16 kHz mono 16-bit file of the same length.
        for (flag, expected) in [("-r", "16000"), ("-c", "1"), ("-b", "16")] {
            let value = String(decoding: try run("soxi", [flag, path]), as: UTF8.self)
            #expect(value.trimmingCharacters(in: .whitespacesAndNewlines) == expected)
        }
        let samples = String(decoding: try run("soxi", ["-s", path]), as: UTF8.self)
        #expect(Int(samples.trimmingCharacters(in: .whitespacesAndNewlines)) == original.count)
    }

    @Test func emptyDataChunkGivesNoSamples() throws {
        let directory = try TestPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("empty.wav").path
        try WAVWriter(path: path).finish()
        #expect(try WAVFile.readMono16k(path: path).isEmpty)
    }
}

@Suite struct WAVLengthTests {
    /// Whatever the rate and however the file's length falls on the reader's 4096-frame blocks, the
    /// converted length is round(frames · 16000 / rate): the resampler's look-ahead is always flushed.
    @Test(arguments: [(44_100, 4096 * 3), (44_100, 4096 * 3 + 1), (48_000, 4096 * 2), (8_000, 4096), (22_050, 5000)])
    func convertedLengthIsExact(rate: Int, frames: Int) throws {
        let directory = try TestPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("tone.wav").path
        try run("sox", ["-r", "\(rate)", "-n", "-b", "16", "-c", "1", path, "synth", "\(frames)s", "sine", "440"])
        let samples = try WAVFile.readMono16k(path: path)
        let expected = Int((Double(frames) * 16_000 / Double(rate)).rounded())
        #expect(samples.count == expected)
        // The tone's amplitude survives to the very end (no zeros from a lost tail).
        let tail = samples.suffix(200)
        #expect(tail.map { abs($0) }.max() ?? 0 > 0.5)
    }
}
