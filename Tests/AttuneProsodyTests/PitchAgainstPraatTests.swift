import AttuneProsody
import Foundation
import Testing

/// Attune's F0 against Praat's "To Pitch (ac)" with the same settings (references from
/// tools/prosody/make_reference.py). GPE: frames voiced in both whose F0 differs by > 20 %;
/// VDE: frames where one is voiced and the other not.
@Suite struct PitchAgainstPraatTests {
    static let cleanFiles = [
        "espeak-male.wav", "espeak-female.wav", "espeak-low.wav", "espeak-high.wav",
        "speech/arctic_a0007.wav", "speech/arctic_a0009.wav",
    ]

    func agreement(_ name: String) throws -> PitchAgreement {
        let entry = try #require((try ProsodyTestData.reference()).files[name])
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
        // Both trackers see the same noisy input.
        #expect(total.grossPitchError <= 0.02, "\(total)")
        #expect(total.voicingDecisionError <= 0.05, "\(total)")
    }

    /// How noise degrades each tracker: both run on the noisy file and are scored against Praat on
    /// the clean file (the same speech before the noise was added).
    @Test(arguments: [20, 10, 5])
    func degradesWithNoiseNoWorseThanPraat(snr: Int) throws {
        var mine = PitchAgreement(), praats = PitchAgreement()
        for voice in ["male", "female"] {
            let clean = try #require((try ProsodyTestData.reference()).files["espeak-\(voice).wav"])
            let noisyName = "espeak-\(voice)-snr\(snr).wav"
            let noisy = try #require((try ProsodyTestData.reference()).files[noisyName])
            let first = try #require(clean.pitchFirstFrame)
            let frames = ProsodyTestData.analyze(try ProsodyTestData.samples(noisyName)).frames
            mine.merge(PitchAgreement(frames: frames, praatFirstFrame: first, praatF0: try #require(clean.f0Hz)))
            // Praat's noisy track as frames, scored the same way.
            let praatFrames = try #require(noisy.f0Hz).enumerated().map { offset, f0 in
                ProsodyFrame(index: first + offset, f0Hz: f0 > 0 ? f0 : nil, voicingStrength: 0,
                             intensityDb: 0, aWeightedLevelDb: 0, loudnessSones: 0, sounding: true)
            }
            let padded = (1..<first).map {
                ProsodyFrame(index: $0, f0Hz: nil, voicingStrength: 0, intensityDb: 0, aWeightedLevelDb: 0,
                             loudnessSones: 0, sounding: false)
            } + praatFrames
            praats.merge(PitchAgreement(frames: padded, praatFirstFrame: first, praatF0: try #require(clean.f0Hz)))
        }
        print("against clean Praat at \(snr) dB SNR: Attune \(mine); Praat \(praats)")
        #expect(mine.grossPitchError <= praats.grossPitchError + 0.01)
        #expect(mine.voicingDecisionError <= praats.voicingDecisionError + 0.02)
    }

    @Test func sweepFollowsPraat() throws {
        let result = try agreement("sweep-100-400.wav")
        print("pitch vs Praat, sweep: \(result)")
        #expect(result.grossPitchError == 0)
        #expect(result.voicingDecisionError <= 0.02)
    }
}
