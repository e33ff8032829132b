import AttuneAudio
import AttuneTestFixtures
import AttuneTurn
import Foundation
import Testing

/// The Swift port against the float64 reference of the same network and weights, and against the
/// peer (the wheel's ONNX model through onnxruntime); references by tools/convert_silero_vad.py.
@Suite struct SileroVADTests {
    struct Reference: Decodable {
        struct Entry: Decodable { var numpy: [Double]; var onnxRuntime: [Double] }
        var files: [String: Entry]
    }

    static func reference() throws -> Reference { try loadedReference.get() }
    private static let loadedReference = LoadedOnce { try TestFixture.decode(Reference.self, from: "Tests/Data/vad/reference.json") }

    static func weights() throws -> SileroVADWeights { try loadedWeights.get() }
    private static let loadedWeights = LoadedOnce { try SileroVADWeights(path: TestFixture.path("models/silero-vad-16k.bin")) }

    static func probabilities(_ relativePath: String) throws -> [Float] {
        let samples = try WAVFile.readMono16k(path: TestFixture.path(relativePath))
        let vad = SileroVAD(weights: try weights())
        return samples.withUnsafeBufferPointer { all in
            (0..<(all.count / 512)).map { vad.probability(ofChunk: all.baseAddress! + $0 * 512) }
        }
    }

    @Test func portEqualsTheReferenceNetwork() throws {
        var worst = 0.0
        for (file, entry) in try Self.reference().files {
            let mine = try Self.probabilities(file)
            #expect(mine.count == entry.numpy.count)
            for (a, b) in zip(mine, entry.numpy) { worst = max(worst, abs(Double(a) - b)) }
        }
        print("Silero port vs float64 reference: worst |Δp| = \(worst)")
        #expect(worst < 1e-3)
    }

    @Test func agreesWithOnnxRuntimeOnSpeechDecisions() throws {
        var agree = 0, total = 0
        for (file, entry) in try Self.reference().files {
            let mine = try Self.probabilities(file)
            for (a, b) in zip(mine, entry.onnxRuntime) {
                total += 1
                if (a >= 0.5) == (b >= 0.5) { agree += 1 }
            }
        }
        let share = Double(agree) / Double(total)
        print("Silero port vs ONNX Runtime: \(agree)/\(total) chunks agree (\(share))")
        #expect(share >= 0.95)
    }

    @Test func silenceIsNotSpeechAndSpeechIs() throws {
        #expect(try Self.probabilities("Tests/Data/prosody/silence.wav").allSatisfy { $0 < 0.1 })
        let speech = try Self.probabilities("Tests/Data/speech/arctic_a0007.wav")
        #expect(speech.filter { $0 > 0.5 }.count > speech.count / 3)
    }

    @Test func brokenModelFilesAreNamedClearly() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("attune-vad-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = try TestFixture.data("models/silero-vad-16k.bin")
        let truncated = directory.appendingPathComponent("truncated.bin")
        try good.prefix(5000).write(to: truncated)
        #expect(throws: TurnModelError.truncated(path: truncated.path, atByte: 44)) { try SileroVADWeights(path: truncated.path) }
        let wrong = directory.appendingPathComponent("wrong.bin")
        try Data("GGUF0000".utf8).write(to: wrong)
        #expect(throws: TurnModelError.badMagic(path: wrong.path)) { try SileroVADWeights(path: wrong.path) }
        let missing = directory.appendingPathComponent("missing.bin").path
        #expect(throws: TurnModelError.unreadable(path: missing)) { try SileroVADWeights(path: missing) }
        #expect(TurnModelError.badMagic(path: "x").description.contains("tools/convert_silero_vad.py"))
    }
}
