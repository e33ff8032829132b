import AttuneProsody
import AttuneTestFixtures
@testable import AttuneTurn
import Testing

/// What the edge binary (cross/edge) reads from the detector besides its events: the prosody summary
/// of the audio it analysed, and the time of each end-of-turn judgement for `--profile`.
@Suite struct TurnDetectorProfilingTests {
    @Test func theProsodySummaryIsTheAnalyzersOwn() throws {
        let samples = try TurnDetectorTests.samples("turns-015")
        let detector = TurnDetector(vadWeights: try SileroVADTests.weights(), model: try TurnDetectorTests.model)
        // The detector's prosody is the VAD-gated analyser's (`VADGatedProsody`, as `attune analyze --vad-gate`).
        let analyzer = ProsodyAnalyzer(pitchSearchGate: TurnSettings().pitchSearchGate)
        let vad = VoiceActivityDetector(weights: try SileroVADTests.weights())
        samples.withUnsafeBufferPointer { all in
            detector.process(all) { _ in }
            VADGatedProsody.process(all, vad: vad, prosody: analyzer, chunk: { _, _ in }, event: { _ in })
        }
        detector.finish { _ in }
        VADGatedProsody.finish(vad: vad, prosody: analyzer, chunk: { _, _ in }, event: { _ in })
        let summary = detector.prosodySummary()
        #expect(summary == analyzer.summary())
        // … which is not the ungated analyser's: the gate left noise in the pauses voiceless.
        let plain = ProsodyAnalyzer()
        samples.withUnsafeBufferPointer { plain.process($0) { _ in } }
        plain.finish { _ in }
        #expect(summary.voicedFrameCount < plain.summary().voicedFrameCount)
        #expect(summary.syllables > 20 && summary.pauseCount > 3, "\(summary)")
    }

    @Test func theJudgementTimerSeesEveryJudgementAndChangesNothing() throws {
        let samples = try TurnDetectorTests.samples("turns-015")
        let plain = try TurnDetectorTests.events(samples)
        let detector = TurnDetector(vadWeights: try SileroVADTests.weights(), model: try TurnDetectorTests.model)
        detector.recordFeatures = true
        var timings: [UInt64] = []
        detector.judgementTimer = { timings.append($0) }
        var timed: [TurnEvent] = []
        samples.withUnsafeBufferPointer { all in
            var offset = 0
            while offset < all.count {
                let end = min(offset + 160, all.count)
                detector.process(UnsafeBufferPointer(rebasing: all[offset..<end])) { timed.append($0) }
                offset = end
            }
        }
        detector.finish { timed.append($0) }
        #expect(timed.map(TurnEventText.init) == plain.map(TurnEventText.init))
        // One timing per evaluation of the model, each a real duration.
        #expect(timings.count == detector.featureLog.count)
        #expect(timings.count > 20)
        #expect(timings.allSatisfy { $0 > 0 && $0 < 1_000_000_000 })
    }
}
