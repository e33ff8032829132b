@testable import AttuneProsody
import Testing

/// The sliding windows behind the speaker-relative sounding decision and the pitch analysis'
/// global peak: they forget what left the window, exactly.
@Suite struct SlidingLevelTests {
    @Test func histogramForgetsFramesThatLeftTheWindow() {
        var window = SlidingLevelHistogram(capacity: 100)
        for _ in 0..<100 { window.add(80) }
        #expect(window.quantile(0.99) == 80.125)
        for _ in 0..<99 { window.add(40) }
        #expect(window.count == 100)
        #expect(window.quantile(0.99) == 40.125, "99 of 100 frames are 40 dB")
        window.add(40)
        #expect(window.quantile(1) == 40.125, "the last 80 dB frame has left")
    }

    @Test func absentFramesMoveTheWindowWithoutCounting() {
        var window = SlidingLevelHistogram(capacity: 10)
        for _ in 0..<10 { window.add(60) }
        for _ in 0..<9 { window.add(nil) }
        #expect(window.count == 1)
        #expect(window.quantile(0.5) == 60.125)
        window.add(nil)
        #expect(window.count == 0)
        #expect(window.quantile(0.5) == nil)
        #expect(window.medianNearLowest(spanDb: 12) == nil)
    }

    @Test func noiseFloorIsTheMedianNearTheQuietestFrame() {
        // Noise wandering between 50 and 60 dB, speech at 75–80 dB: the floor is the noise's
        // middle, not its quietest frame, and the speech does not move it.
        var window = SlidingLevelHistogram(capacity: 500)
        for i in 0..<200 { window.add(50 + Double(i % 11)) }
        for i in 0..<300 { window.add(75 + Double(i % 6)) }
        let floor = window.medianNearLowest(spanDb: 12)
        #expect(floor == 55.125, "\(floor ?? -1)")
        // Digital silence sits in the lowest bin.
        var silent = SlidingLevelHistogram(capacity: 10)
        silent.add(-300)
        #expect(silent.medianNearLowest(spanDb: 12) == SlidingLevelHistogram.lowestDb + 0.125)
    }

    @Test func peakIsOverTheRecentBlocksOnly() {
        var peak = SlidingSamplePeak(blockSize: 4, blockCount: 3)
        for x in [0.0, 0.9, -0.9, 0.0] { peak.add(x) }
        #expect(abs(peak.peak - 0.9) < 1e-12)
        for _ in 0..<8 { peak.add(0.1) }
        // Three blocks held: the loud one is still in.
        #expect(peak.peak > 0.8)
        peak.add(0.1)   // starts a fourth block, which replaces the loud one
        #expect(abs(peak.peak) < 1e-12, "only 0.1s are left: no deviation from their mean")
        peak.add(-0.3)
        #expect(abs(peak.peak - (0.1 - (-0.3)) * (1 - 1.0 / 10)) < 1e-12)
    }
}
