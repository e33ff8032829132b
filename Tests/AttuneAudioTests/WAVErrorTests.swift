import Foundation
import Testing
@testable import AttuneAudio

/// Bad input gets a typed error that names the problem and where it is; never a crash.
@Suite struct WAVErrorTests {
    /// Only the tests that mutate a real file need it; the others run without it.
    var arctic: String { get throws { try TestPaths.speechFile("arctic_a0007.wav") } }

    func write(_ bytes: Data) throws -> String {
        let path = try TestPaths.temporaryDirectory().appendingPathComponent("bad.wav").path
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func truncatedFileNamesTheDataChunkAndByteCounts() throws {
        let full = try Data(contentsOf: URL(fileURLWithPath: try arctic))
        let path = try write(full.prefix(10_000))
        #expect(throws: AudioSourceError.truncatedWAV(path: path, byteOffset: 44, expectedBytes: full.count - 44, availableBytes: 10_000 - 44)) {
            _ = try WAVFileSource(path: path)
        }
    }

    @Test func missingFileSaysSo() {
        #expect(throws: AudioSourceError.cannotOpen(path: "/nonexistent/x.wav", reason: "No such file or directory")) {
            _ = try WAVFileSource(path: "/nonexistent/x.wav")
        }
    }

    @Test func notRIFF() throws {
        let path = try write(Data("this is not a wav file at all".utf8))
        #expect(throws: AudioSourceError.malformedWAV(path: path, byteOffset: 0, reason: "expected 'RIFF', found 'this'")) {
            _ = try WAVFileSource(path: path)
        }
    }

    @Test func tooShort() throws {
        let path = try write(Data("RIFF".utf8))
        #expect(throws: AudioSourceError.malformedWAV(path: path, byteOffset: 4, reason: "file is 4 bytes, too short for a RIFF header (12 bytes)")) {
            _ = try WAVFileSource(path: path)
        }
    }

    @Test func compressedFormatIsUnsupported() throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: try arctic))
        bytes[20] = 0x55  // MPEG layer 3
        let path = try write(bytes)
        #expect(throws: AudioSourceError.unsupportedWAV(path: path, reason: "format tag 85 (compressed audio; only PCM and IEEE float are read)")) {
            _ = try WAVFileSource(path: path)
        }
    }

    @Test func chunkPastTheEndIsMalformed() throws {
        var bytes = try Data(contentsOf: URL(fileURLWithPath: try arctic)).prefix(44)
        bytes.replaceSubrange(36..<40, with: Data("LIST".utf8))  // the data chunk becomes an unknown chunk
        let path = try write(bytes)
        #expect(throws: AudioSourceError.self) { _ = try WAVFileSource(path: path) }
        do { _ = try WAVFileSource(path: path) } catch let error as AudioSourceError {
            #expect(error.description.contains("chunk 'LIST' claims"))
        }
    }

    /// Random mutations of a valid header, each held to what the RIFF/WAVE rules say it must give
    /// (`CanonicalWAVExpectation`): a mutant that is still a valid file decodes to the frames its header
    /// declares (at 16 kHz mono 16-bit, to exactly the samples in its bytes); one that breaks a rule is
    /// refused with a typed one-line error naming the file and, for malformed input, a byte inside it.
    /// 2,000 mutants (deterministic seed); `ATTUNE_FUZZ_ITERATIONS` raises the count for a longer run.
    @Test func mutatedHeadersGiveWhatTheirBytesSay() throws {
        var original = Data(try Data(contentsOf: URL(fileURLWithPath: try arctic)).prefix(44 + 3200))
        original.replaceSubrange(4..<8, with: [0x5C, 0x0C, 0, 0])    // RIFF size 36 + 3200
        original.replaceSubrange(40..<44, with: [0x80, 0x0C, 0, 0])  // data size 3200
        let iterations = Int(ProcessInfo.processInfo.environment["ATTUNE_FUZZ_ITERATIONS"] ?? "") ?? 2_000
        var generator = SplitMix64(seed: 0xA77E)
        let directory = try TestPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("mutant.wav").path
        var decodedAsPredicted = 0, refusedAsPredicted = 0, exactSamples = 0, notCanonical = 0
        for iteration in 0..<iterations {
            var bytes = Data(original)
            let edits = Int(generator.next() % 4) + 1
            for _ in 0..<edits {
                let position = Int(generator.next() % 48)
                bytes[position] = UInt8(truncatingIfNeeded: generator.next())
            }
            if generator.next() % 5 == 0 { bytes = bytes.prefix(Int(generator.next() % UInt64(bytes.count))) }
            try bytes.write(to: URL(fileURLWithPath: path))
            let expectation = CanonicalWAVExpectation([UInt8](bytes))
            let label = "mutant \(iteration) (\(expectation))"
            do {
                let samples = try WAVFile.readMono16k(path: path)
                switch expectation {
                case let .decodes(encoding, channels, rate, frames):
                    decodedAsPredicted += 1
                    if rate == 16_000 {
                        #expect(samples.count == frames, "\(label): \(samples.count) samples")
                        if encoding == .signed16, channels == 1 {
                            let expected = bytes[44..<(44 + 2 * frames)].withUnsafeBytes { Array($0.bindMemory(to: Int16.self)) }
                            #expect(samples.map(pcm16(fromFloat:)) == expected, "\(label): samples differ from the file's")
                            exactSamples += 1
                        }
                    } else {
                        let resampled = Double(frames) * 16_000 / Double(rate)
                        #expect(abs(Double(samples.count) - resampled) <= max(2, 16_000 / Double(rate) + 1),
                                "\(label): \(samples.count) samples for \(frames) frames at \(rate) Hz")
                    }
                case .refused(let reason):
                    Issue.record("\(label): decoded \(samples.count) samples, but it must be refused (\(reason))")
                case .notCanonical:
                    notCanonical += 1
                }
            } catch let error as AudioSourceError {
                let message = error.description
                #expect(!message.contains("\n"), "\(label): \(message)")
                switch error {
                case .unsupportedSampleRate(let rate):
                    // The resampler's limit (interpolation factor ≤ 4096), not a header rule.
                    #expect(rate != 16_000, "\(label): \(message)")
                case let .malformedWAV(_, offset, _), let .truncatedWAV(_, offset, _, _):
                    #expect(message.contains(path), "\(label): \(message)")
                    #expect((0...bytes.count).contains(offset), "\(label): offset \(offset) outside the \(bytes.count) bytes")
                default:
                    #expect(message.contains(path), "\(label): \(message)")
                }
                switch expectation {
                case .refused: refusedAsPredicted += 1
                case .notCanonical: notCanonical += 1
                case .decodes:
                    guard case .unsupportedSampleRate = error else {
                        Issue.record("\(label): refused (\(message)), but it is a valid file"); continue
                    }
                    decodedAsPredicted += 1
                }
            }
        }
        print("WAV header fuzz: \(decodedAsPredicted) decoded as predicted (\(exactSamples) sample-exact), "
            + "\(refusedAsPredicted) refused as predicted, \(notCanonical) no longer canonical, of \(iterations)")
        #expect(decodedAsPredicted > iterations / 20 && refusedAsPredicted > iterations / 20 && exactSamples > 0)
    }
}

/// A small deterministic generator (Steele et al., "Fast splittable pseudorandom number generators", 2014).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
