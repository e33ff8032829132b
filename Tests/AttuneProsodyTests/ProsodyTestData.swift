import AttuneAudio
import AttuneProsody
import AttuneTestFixtures
import Foundation

/// Test audio and the Praat reference values made by tools/prosody/make_reference.py.
enum ProsodyTestData {
    static let dataDirectory = "Tests/Data/prosody"

    /// A file of the reference by its key: `speech/…` is a CMU ARCTIC recording in Tests/Data/speech,
    /// any other name a file in Tests/Data/prosody. Throws `MissingTestFixture`.
    static func path(_ name: String) throws -> String {
        if name.hasPrefix("speech/") { return try TestFixture.speech(String(name.dropFirst("speech/".count))) }
        return try TestFixture.path("\(dataDirectory)/\(name)")
    }

    static func samples(_ name: String) throws -> [Float] {
        try WAVFile.readMono16k(path: path(name))
    }

    struct Reference: Decodable {
        struct FileEntry: Decodable {
            var pitchFirstFrame: Int?
            var f0Hz: [Double]?
            var intensityDb: [Double?]?
        }
        struct RateEntry: Decodable {
            var file: String
            var text: String
            var espeakWordsPerMinute: Int
            var syllables: Int
            var speechSpanSec: Double
            var trueRateSylPerSec: Double
        }
        var praat: String
        var files: [String: FileEntry]
        var rate: [RateEntry]
    }

    /// Tests/Data/prosody/reference.json, read once.
    static func reference() throws -> Reference { try loadedReference.get() }
    private static let loadedReference = LoadedOnce { try TestFixture.decode(Reference.self, from: "\(dataDirectory)/reference.json") }

    /// Runs the analyser over `samples`, fed in chunks of `chunk` samples (0: all at once).
    static func analyze(_ samples: [Float], chunk: Int = 0, settings: ProsodySettings = ProsodySettings())
        -> (frames: [ProsodyFrame], nuclei: [Int], summary: ProsodySummary)
    {
        let analyzer = ProsodyAnalyzer(settings: settings)
        var frames: [ProsodyFrame] = []
        var nuclei: [Int] = []
        let collect: (ProsodyEvent) -> Void = { event in
            switch event {
            case .frame(let frame): frames.append(frame)
            case .syllableNucleus(let index, _): nuclei.append(index)
            case .pause: break
            }
        }
        samples.withUnsafeBufferPointer { all in
            if chunk <= 0 {
                analyzer.process(all, collect)
            } else {
                var start = 0
                while start < all.count {
                    let end = min(start + chunk, all.count)
                    analyzer.process(UnsafeBufferPointer(rebasing: all[start..<end]), collect)
                    start = end
                }
            }
        }
        analyzer.finish(collect)
        return (frames, nuclei, analyzer.summary())
    }
}

/// Gross pitch error and voicing decision error of Attune's frames against Praat's.
struct PitchAgreement: CustomStringConvertible {
    var compared = 0
    var bothVoiced = 0
    var grossErrors = 0
    var voicingErrors = 0
    var grossPitchError: Double { bothVoiced > 0 ? Double(grossErrors) / Double(bothVoiced) : 0 }
    var voicingDecisionError: Double { compared > 0 ? Double(voicingErrors) / Double(compared) : 0 }

    init() {}

    init(frames: [ProsodyFrame], praatFirstFrame: Int, praatF0: [Double]) {
        for (offset, praat) in praatF0.enumerated() {
            let k = praatFirstFrame + offset
            guard k >= 1, k <= frames.count else { continue }
            let mine = frames[k - 1].f0Hz
            compared += 1
            let praatVoiced = praat > 0
            if praatVoiced != (mine != nil) { voicingErrors += 1 }
            if praatVoiced, let mine {
                bothVoiced += 1
                if abs(mine - praat) > 0.2 * praat { grossErrors += 1 }
            }
        }
    }

    mutating func merge(_ other: PitchAgreement) {
        compared += other.compared
        bothVoiced += other.bothVoiced
        grossErrors += other.grossErrors
        voicingErrors += other.voicingErrors
    }

    var description: String {
        String(format: "GPE %.2f%% (%d/%d), VDE %.2f%% (%d/%d)",
               100 * grossPitchError, grossErrors, bothVoiced, 100 * voicingDecisionError, voicingErrors, compared)
    }
}
