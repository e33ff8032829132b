import AttuneTestFixtures
import Foundation
import Testing
@testable import AttuneAudio

/// `-` on the command line: a WAV piped in is decoded as a WAV, read forward only; raw stays raw;
/// FLAC and friends are named.
@Suite struct StandardInputAudioTests {
    static var wavPath: String { get throws { try TestFixture.path("Tests/Data/prosody/espeak-female.wav") } }

    func standardInputSamples(_ bytes: Data, pieceSize: Int = 4096) throws -> (source: String, samples: [Float]) {
        try TestPaths.throughPipe(bytes, pieceSize: pieceSize) { fd in
            let source = try StandardInputAudio.open(fileDescriptor: fd)
            return ("\(type(of: source))", try source.readAll())
        }
    }

    /// A 16-bit WAV header for `dataBytes` (with `declaredSize` in the data chunk) and optional extra chunks before it.
    func wavBytes(rate: Int, channels: Int, samples: [Int16], declaredSize: UInt32? = nil, chunkBeforeData: Data = Data()) -> Data {
        func le32(_ v: UInt32) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
        func le16(_ v: UInt16) -> Data { withUnsafeBytes(of: v.littleEndian) { Data($0) } }
        var body = Data("WAVE".utf8)
        body += Data("fmt ".utf8) + le32(16) + le16(1) + le16(UInt16(channels)) + le32(UInt32(rate))
        body += le32(UInt32(rate * channels * 2)) + le16(UInt16(channels * 2)) + le16(16)
        body += chunkBeforeData
        body += Data("data".utf8) + le32(declaredSize ?? UInt32(samples.count * 2))
        for s in samples { body += le16(UInt16(bitPattern: s)) }
        return Data("RIFF".utf8) + le32(UInt32(body.count)) + body
    }

    @Test func aPipedWAVDecodesLikeTheFileWhateverThePieces() throws {
        let expected = try WAVFileSource(path: try Self.wavPath).readAll()
        let bytes = try Data(contentsOf: URL(fileURLWithPath: try Self.wavPath))
        for piece in [1, 5, 13, 4099] {
            let (kind, samples) = try standardInputSamples(bytes, pieceSize: piece)
            #expect(kind == "WAVStreamSource")
            #expect(samples == expected, "pieces of \(piece) bytes")
        }
    }

    @Test func aPipedWAVIsConvertedAndItsOtherChunksSkipped() throws {
        // 48 kHz stereo with a LIST chunk of odd size (and its pad byte) before the data, as sox writes it to a pipe
        // (data size 0x7FFFF000: "to the end").
        let frames = 4800
        var samples: [Int16] = []
        for i in 0..<frames { let v = Int16(8000 * sin(Double(i) * 2 * .pi * 440 / 48000)); samples += [v, v] }
        let list = Data("LIST".utf8) + withUnsafeBytes(of: UInt32(5).littleEndian) { Data($0) } + Data("INFOx".utf8) + Data([0])
        let piped = wavBytes(rate: 48000, channels: 2, samples: samples, declaredSize: 0x7FFF_F000, chunkBeforeData: list)
        let exact = wavBytes(rate: 48000, channels: 2, samples: samples, chunkBeforeData: list)
        let directory = try TestPaths.temporaryDirectory()
        let file = directory.appendingPathComponent("stereo48k.wav")
        try exact.write(to: file)
        let expected = try WAVFileSource(path: file.path).readAll()
        #expect(expected.count == 1600)
        #expect(try standardInputSamples(piped, pieceSize: 7).samples == expected)
        #expect(try standardInputSamples(exact, pieceSize: 7).samples == expected)
    }

    @Test func aPipedWAVThatEndsEarlyIsTruncated() throws {
        let bytes = wavBytes(rate: 16000, channels: 1, samples: [Int16](repeating: 100, count: 100), declaredSize: 400)
        #expect(throws: AudioSourceError.truncatedWAV(path: "standard input", byteOffset: 44, expectedBytes: 400, availableBytes: 200)) {
            _ = try standardInputSamples(bytes)
        }
    }

    @Test func rawStaysRawIncludingTheBytesLookedAt() throws {
        // Raw samples whose first bytes are neither RIFF nor any other magic, 3 of them fewer than the 12 looked at.
        let values: [Int16] = [1, -2, 3, 400, -500, 6000, 7, 8, 9, 10, 11, 12, 13]
        var bytes = Data()
        for v in values { bytes += withUnsafeBytes(of: v.littleEndian) { Data($0) } }
        let (kind, samples) = try standardInputSamples(bytes, pieceSize: 3)
        #expect(kind == "RawStandardInputSource")
        #expect(samples.map { Int16(($0 * 32768).rounded()) } == values)
        let (_, short) = try standardInputSamples(bytes.prefix(6), pieceSize: 1)
        #expect(short.map { Int16(($0 * 32768).rounded()) } == Array(values.prefix(3)))
    }

    @Test func otherFormatsAreNamedWithTheConversion() throws {
        let cases: [(Data, AudioContainerFormat)] = [
            (Data("fLaC".utf8) + Data(count: 30), .flac),
            (Data("OggS".utf8) + Data(count: 30), .ogg),
            (Data("ID3".utf8) + Data(count: 30), .mp3),
            (Data("FORM".utf8) + Data(count: 4) + Data("AIFF".utf8) + Data(count: 20), .aiff),
        ]
        for (bytes, format) in cases {
            #expect(throws: AudioSourceError.notWAV(path: "standard input", format: format)) {
                _ = try standardInputSamples(bytes)
            }
        }
        #expect(AudioSourceError.notWAV(path: "standard input", format: .flac).description
            == "standard input is FLAC, not WAV; convert it with `sox in.flac -r 16000 -c 1 out.wav`")
    }

    @Test func aFLACFileIsNamedAsFLAC() throws {
        let directory = try TestPaths.temporaryDirectory()
        let flac = directory.appendingPathComponent("hello.flac").path
        try run("sox", [try Self.wavPath, flac])
        #expect(throws: AudioSourceError.notWAV(path: flac, format: .flac)) { _ = try WAVFileSource(path: flac) }
        #expect("\(AudioSourceError.notWAV(path: flac, format: .flac))".contains("`sox \(flac) -r 16000 -c 1 out.wav`"))
    }
}
