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

    /// Random mutations of a valid header: every outcome is either a valid decode or a typed error.
    /// 2,000 mutants (deterministic seed); `ATTUNE_FUZZ_ITERATIONS` raises the count for a longer run.
    @Test func mutatedHeadersNeverCrash() throws {
        var original = Data(try Data(contentsOf: URL(fileURLWithPath: try arctic)).prefix(44 + 3200))
        original.replaceSubrange(4..<8, with: [0x5C, 0x0C, 0, 0])    // RIFF size 36 + 3200
        original.replaceSubrange(40..<44, with: [0x80, 0x0C, 0, 0])  // data size 3200
        let iterations = Int(ProcessInfo.processInfo.environment["ATTUNE_FUZZ_ITERATIONS"] ?? "") ?? 2_000
        var generator = SplitMix64(seed: 0xA77E)
        let directory = try TestPaths.temporaryDirectory()
        let path = directory.appendingPathComponent("mutant.wav").path
        var decoded = 0, refused = 0
        for _ in 0..<iterations {
            var bytes = Data(original)
            let edits = Int(generator.next() % 4) + 1
            for _ in 0..<edits {
                let position = Int(generator.next() % 48)
                bytes[position] = UInt8(truncatingIfNeeded: generator.next())
            }
            if generator.next() % 5 == 0 { bytes = bytes.prefix(Int(generator.next() % UInt64(bytes.count))) }
            try bytes.write(to: URL(fileURLWithPath: path))
            do {
                _ = try WAVFile.readMono16k(path: path)
                decoded += 1
            } catch is AudioSourceError {
                refused += 1
            }
        }
        #expect(decoded + refused == iterations)
        #expect(refused > 0 && decoded > 0)
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
