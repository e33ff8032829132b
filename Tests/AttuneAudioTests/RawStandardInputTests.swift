import Foundation
import Testing
@testable import AttuneAudio

/// Raw S16_LE 16 kHz mono through a pipe, written in uneven pieces as a live producer would.
@Suite struct RawStandardInputTests {
    func readThroughPipe(_ bytes: Data, pieceSize: Int) throws -> [Float] {
        try TestPaths.throughPipe(bytes, pieceSize: pieceSize) { try RawStandardInputSource(fileDescriptor: $0).readAll() }
    }

    @Test func samplesArriveExactlyWhateverThePieces() throws {
        let wav = try Data(contentsOf: URL(fileURLWithPath: try TestPaths.speechFile("arctic_a0009.wav")))
        let raw = Data(wav.dropFirst(44))
        let expected = try pcm16Samples(ofCanonicalWAV: try TestPaths.speechFile("arctic_a0009.wav"))
        for piece in [1, 3, 320, 4099] {
            let samples = try readThroughPipe(raw, pieceSize: piece)
            #expect(samples.map(pcm16(fromFloat:)) == expected, "pieces of \(piece) bytes")
        }
    }

    @Test func emptyInputIsAnEmptyStream() throws {
        #expect(try readThroughPipe(Data(), pieceSize: 1).isEmpty)
    }

    @Test func strayByteAtTheEndIsAnError() throws {
        #expect(throws: AudioSourceError.readFailed(source: "standard input",
                                                    reason: "input ended inside a frame: 1 stray byte(s) after 6 bytes of whole frames")) {
            _ = try readThroughPipe(Data([1, 0, 2, 0, 3, 0, 4]), pieceSize: 2)
        }
    }
}
