@testable import AttuneRapport
import Testing

/// The prosodic baseline is the median of earlier sessions only, and the voice is read against it:
/// a naturally loud or slow speaker at their own baseline reads `same`.
@Suite struct VoiceBaselineTests {
    static func sample(_ session: String, _ hour: Int, rate: Double, loudness: Double, f0: Double = 200) -> UserModel.VoiceSample {
        UserModel.VoiceSample(session: session, timeMs: Int64(hour) * 3_600_000, f0MeanHz: f0, f0RangeSemitones: 6,
                              speechRateSylPerSec: rate, loudnessDb: loudness, pauseBeforeMs: 400)
    }

    @Test func baselineIsTheMedianOfEarlierSessionsAndIgnoresTheCurrentOne() throws {
        let samples = [Self.sample("a", 9, rate: 3.0, loudness: 70), Self.sample("a", 9, rate: 3.2, loudness: 72),
                       Self.sample("b", 9, rate: 3.4, loudness: 74), Self.sample("now", 9, rate: 9, loudness: 90)]
        let baseline = try #require(ProsodicBaseline.from(samples, excludingSession: "now", localHour: 9, hourOf: { Int($0 / 3_600_000) }, minimumTurns: 3))
        #expect(baseline.speechRateSylPerSec == 3.2 && baseline.loudnessDb == 72 && baseline.turns == 3)
        #expect(ProsodicBaseline.from(samples, excludingSession: "a", localHour: 9, hourOf: { Int($0 / 3_600_000) }, minimumTurns: 3) == nil,
                "two earlier voiced turns are not enough")
    }

    @Test func sameDayPartNarrowsTheBaselineWhenThereAreEnough() throws {
        let mornings = (0..<5).map { Self.sample("m\($0)", 8, rate: 3.0, loudness: 60) }
        let evenings = (0..<5).map { Self.sample("e\($0)", 20, rate: 5.0, loudness: 70) }
        let baseline = try #require(ProsodicBaseline.from(mornings + evenings, excludingSession: "now", localHour: 9, hourOf: { Int($0 / 3_600_000) }, minimumTurns: 3))
        #expect(baseline.speechRateSylPerSec == 3.0 && baseline.partOfDay == "mornings")
    }

    @Test func aSlowLoudSpeakerAtTheirBaselineReadsSame() {
        let baseline = ProsodicBaseline(f0MeanHz: 110, f0RangeSemitones: 4, speechRateSylPerSec: 2.4, loudnessDb: 78, pauseBeforeMs: 900, turns: 6, partOfDay: nil)
        let voice = VoiceComparison(TurnProsody(f0MeanHz: 112, f0RangeSemitones: 4.2, speechRateSylPerSec: 2.5, loudnessDb: 79, pauseBeforeMs: 850), baseline: baseline)
        #expect(voice.arousal == "same" && voice.pace == "normal")
    }

    @Test func fasterLouderHigherReadsHigherAndQuietSlowLower() {
        let baseline = ProsodicBaseline(f0MeanHz: 200, f0RangeSemitones: 6, speechRateSylPerSec: 4.0, loudnessDb: 62, pauseBeforeMs: 500, turns: 6, partOfDay: "mornings")
        let up = VoiceComparison(TurnProsody(f0MeanHz: 235, speechRateSylPerSec: 5.12, loudnessDb: 68), baseline: baseline)
        #expect(up.arousal == "higher" && up.pace == "faster")
        #expect(up.signals.contains { $0.text == "speech rate +28 % against your usual mornings (4.0 syl/s)" })
        #expect(up.signals.contains { $0.text == "loudness +6.0 dB against your usual mornings (62.0 dB)" })
        let down = VoiceComparison(TurnProsody(f0MeanHz: 180, speechRateSylPerSec: 3.2, loudnessDb: 56), baseline: baseline)
        #expect(down.arousal == "lower" && down.pace == "slower")
    }
}
