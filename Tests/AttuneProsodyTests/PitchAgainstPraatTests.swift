import AttuneProsody
import Foundation
import Testing

/// Attune's F0 against Praat's "To Pitch (ac)" with the same settings (references from
/// tools/prosody/make_reference.py). GPE: frames voiced in both whose F0 differs by > 20 %;
/// VDE: frames where one is voiced and the other not.
@Suite struct PitchAgainstPraatTests {
    static let cleanFiles = [
        "espeak-male.wav", "espeak-female.wav", "espeak-low.wav", "espeak-high.wav",
        "shared/arctic_a0007.wav", "shared/arctic_a0009.wav",
    ]

    func agreement(_ name: String) throws -> PitchAgreement {
        let entry = try #require(ProsodyTestData.reference.files[name])
        let samples = try ProsodyTestData.samples(name)
        let frames = ProsodyTestData.analyze(samples).frames
        return PitchAgreement(
            frames: frames, praatFirstFrame: try #require(entry.pitchFirstFrame), praatF0: try #require(entry.f0Hz))
    }

    @Test func cleanSpeechMatchesPraat() throws {
        var total = PitchAgreement()
        for name in Self.cleanFiles {
            let result = try agreement(name)
            print("pitch vs Praat, \(name): \(result)")
            #expect(result.compared > 100)
            total.merge(result)
        }
        print("pitch vs Praat, clean total: \(total)")
        #expect(total.grossPitchError <= 0.02, "\(total)")
        #expect(total.voicingDecisionError <= 0.08, "\(total)")
    }

    @Test(arguments: [20, 10, 5])
    func noisySpeechDegradesGracefully(snr: Int) throws {
        var total = PitchAgreement()
        for voice in ["male", "female"] {
            total.merge(try agreement("espeak-\(voice)-snr\(snr).wav"))
        }
        print("pitch vs Praat at \(snr) dB SNR: \(total)")
        // Both trackers see the same noisy input; agreement loosens as noise grows.
        #expect(total.grossPitchError <= 0.05, "\(total)")
        #expect(total.voicingDecisionError <= (snr >= 10 ? 0.10 : 0.15), "\(total)")
    }

    @Test func sweepFollowsPraat() throws {
        let result = try agreement("sweep-100-400.wav")
        print("pitch vs Praat, sweep: \(result)")
        #expect(result.grossPitchError == 0)
        #expect(result.voicingDecisionError <= 0.02)
    }
}
