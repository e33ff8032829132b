import AttuneProsody
import Foundation
import Testing

/// The pitch search gate: frames deep in what a VAD calls quiet keep only their voiceless
/// candidate; nothing else about a frame changes, speech is untouched, and the frames stay the same
/// however the input is chunked. The VAD's probabilities are given here, so the tests pin the
/// gate's own rule (the turn detector's use of it is in `TurnDetectorTests`).
@Suite struct PitchSearchGateTests {
    static let gate = PitchSearchGateSettings(chunkSamples: 512, quietProbability: 0.2, quietChunks: 7)

    /// Runs a gated analyser in pieces of `chunk` samples, noting the probability (`probability(c)`)
    /// of every 512-sample chunk a piece completes before handing the piece over, and the last
    /// partial chunk before the end, as the turn detector does with its VAD.
    static func gatedFrames(_ samples: [Float], chunk: Int, probability: (Int) -> Float) -> [ProsodyFrame] {
        let analyzer = ProsodyAnalyzer(pitchSearchGate: gate)
        var frames: [ProsodyFrame] = []
        let collect: (ProsodyEvent) -> Void = { if case .frame(let frame) = $0 { frames.append(frame) } }
        var noted = 0
        samples.withUnsafeBufferPointer { all in
            var offset = 0
            while offset < all.count {
                let end = min(offset + chunk, all.count)
                while (noted + 1) * 512 <= end {
                    analyzer.noteVoiceActivity(chunk: noted, probability: probability(noted))
                    noted += 1
                }
                analyzer.process(UnsafeBufferPointer(rebasing: all[offset..<end]), collect)
                offset = end
            }
        }
        if noted * 512 < samples.count { analyzer.noteVoiceActivity(chunk: noted, probability: probability(noted)) }
        analyzer.finish(collect)
        return frames
    }

    /// The first frame the gate keeps out of the search when every chunk is quiet: the latest
    /// chunk ending by the frame's last sample (centre + 319) is the 7th.
    static let firstGatedFrame = (7 * 512 - 319 + 159) / 160

    @Test(arguments: ["speech/arctic_a0007.wav", "espeak-female-snr10.wav", "tone-220.wav"])
    func speechThroughoutChangesNothing(name: String) throws {
        let samples = try ProsodyTestData.samples(name)
        let plain = ProsodyTestData.analyze(samples).frames
        let gated = Self.gatedFrames(samples, chunk: 160) { _ in 0.9 }
        #expect(gated == plain)
    }

    @Test func aQuietStretchIsVoicelessPastTheRunAndOtherwiseTheSame() throws {
        let samples = try ProsodyTestData.samples("tone-220.wav")
        let plain = ProsodyTestData.analyze(samples).frames
        let gated = Self.gatedFrames(samples, chunk: 160) { _ in 0 }
        #expect(gated.count == plain.count && plain.count > Self.firstGatedFrame + 20)
        // The tone is voiced all through without the gate …
        #expect(plain.dropFirst(5).dropLast(5).allSatisfy { $0.voiced })
        for (g, p) in zip(gated, plain) {
            if g.index >= Self.firstGatedFrame {
                #expect(!g.voiced, "frame \(g.index) searched behind a closed gate")
            } else if g.index + 7 < Self.firstGatedFrame {
                // … frames decided before the gate closes are untouched (the path finder decides 7 frames late) …
                #expect(g == p, "frame \(g.index) changed before the gate closed")
            }
            // … and every frame's level is measured as always.
            #expect(g.intensityDb == p.intensityDb && g.aWeightedLevelDb == p.aWeightedLevelDb && g.loudnessSones == p.loudnessSones)
        }
        // The frame just before the gate closes was searched: the boundary is where the rule puts it.
        #expect(try #require(gated.first { $0.index == Self.firstGatedFrame - 8 }).voiced)
    }

    @Test func theGateOpensAgainWithTheFirstSpeechChunk() throws {
        let samples = try ProsodyTestData.samples("tone-220.wav")
        // Quiet for chunks 0..<12, speech from chunk 12 on.
        let gated = Self.gatedFrames(samples, chunk: 160) { $0 < 12 ? 0.05 : 0.6 }
        let plain = ProsodyTestData.analyze(samples).frames
        // The first frame whose latest finished chunk is chunk 12 is searched again, and from a few
        // frames on (once the path finder has moved past the gated ones) all is as without the gate.
        let reopened = (13 * 512 - 319 + 159) / 160
        #expect(gated.contains { $0.index >= Self.firstGatedFrame && $0.index < reopened && !$0.voiced })
        let after = gated.filter { $0.index >= reopened + 8 }
        #expect(!after.isEmpty)
        for frame in after {
            #expect(frame == plain[frame.index - 1], "frame \(frame.index) differs after the gate reopened")
        }
    }

    @Test(arguments: [1, 333, 512, 1237, 4096, 7000])
    func anyChunkingGivesTheSameGatedFrames(chunk: Int) throws {
        let samples = try ProsodyTestData.samples("espeak-female-snr10.wav")
        // Speech and quiet alternating every 20 chunks (0.64 s), as a VAD would report them.
        let pattern: (Int) -> Float = { ($0 / 20) % 2 == 0 ? 0.1 : 0.8 }
        let reference = Self.gatedFrames(samples, chunk: 160, probability: pattern)
        #expect(reference.count == samples.count / 160)
        #expect(Self.gatedFrames(samples, chunk: chunk, probability: pattern) == reference)
    }
}
