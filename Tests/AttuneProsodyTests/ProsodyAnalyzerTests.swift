import AttuneProsody
import Foundation
import Testing

@Suite struct ProsodyAnalyzerTests {
    @Test func streamingInTenMillisecondChunksGivesTheSameFramesAsOneBatch() throws {
        let samples = try ProsodyTestData.samples("speech/arctic_a0007.wav")
        let batch = ProsodyTestData.analyze(samples)
        let streamed = ProsodyTestData.analyze(samples, chunk: 160)
        #expect(batch.frames.count == samples.count / 160)
        #expect(batch.frames == streamed.frames)
        #expect(batch.nuclei == streamed.nuclei)
        #expect(batch.summary == streamed.summary)
    }

    @Test(arguments: [1, 7, 333, 4096])
    func anyChunkingGivesTheSameFrames(chunk: Int) throws {
        let samples = try ProsodyTestData.samples("espeak-female.wav")
        let batch = ProsodyTestData.analyze(samples)
        let streamed = ProsodyTestData.analyze(samples, chunk: chunk)
        #expect(batch.frames == streamed.frames)
        #expect(batch.nuclei == streamed.nuclei)
    }

    @Test func framesAreCentredOnTheTenMillisecondGrid() throws {
        let samples = try ProsodyTestData.samples("tone-220.wav")
        let frames = ProsodyTestData.analyze(samples).frames
        #expect(frames.count == samples.count / 160)
        for (i, frame) in frames.enumerated() {
            #expect(frame.index == i + 1)
            #expect(abs(frame.timeSec - Double(i + 1) * 0.01) < 1e-12)
        }
    }

    @Test func lookAheadIsNinetyMilliseconds() {
        #expect(abs(ProsodyAnalyzer().lookAheadSeconds - 0.089_937_5) < 1e-9)
    }

    @Test func framesArriveWithinTheStatedLookAhead() throws {
        let samples = try ProsodyTestData.samples("espeak-male.wav")
        let analyzer = ProsodyAnalyzer()
        let lookAheadSamples = Int((analyzer.lookAheadSeconds * 16000).rounded(.up))
        var latest = 0
        var fed = 0
        samples.withUnsafeBufferPointer { all in
            while fed < all.count {
                let end = min(fed + 160, all.count)
                analyzer.process(UnsafeBufferPointer(rebasing: all[fed..<end])) { event in
                    if case .frame(let frame) = event { latest = frame.index }
                }
                fed = end
                // Every frame whose centre plus the look-ahead has been heard is out.
                let due = (fed - lookAheadSamples) / 160
                #expect(latest >= due)
            }
        }
    }

    @Test(arguments: [100.0, 220.0, 440.0])
    func pureTonesAreWithinHalfAPercent(frequency: Double) throws {
        let samples = try ProsodyTestData.samples("tone-\(Int(frequency)).wav")
        let frames = ProsodyTestData.analyze(samples).frames
        let inside = frames.dropFirst(5).dropLast(5)
        #expect(!inside.isEmpty)
        #expect(inside.allSatisfy { $0.sounding }, "a steady voice sounds even with no silence to measure a floor from")
        for frame in inside {
            let f0 = try #require(frame.f0Hz, "frame \(frame.index) voiceless")
            #expect(abs(f0 - frequency) / frequency < 0.005, "frame \(frame.index): \(f0) Hz")
        }
        let summary = ProsodyTestData.analyze(samples).summary
        #expect(abs(try #require(summary.f0MeanHz) - frequency) / frequency < 0.001)
        #expect(try #require(summary.f0StdevSemitones) < 0.05)
    }

    @Test func silenceHasNoVoicedFrames() throws {
        let samples = try ProsodyTestData.samples("silence.wav")
        let result = ProsodyTestData.analyze(samples)
        #expect(result.frames.count == 50)
        #expect(result.frames.allSatisfy { !$0.voiced && !$0.sounding })
        #expect(result.frames.allSatisfy { $0.intensityDb == -300 && $0.loudnessSones == 0 })
        #expect(result.summary.syllables == 0)
        #expect(result.summary.f0MeanHz == nil)
        #expect(result.summary.speechRateSylPerSec == nil)
    }

    @Test func emptyAndTinyInputsGiveNoFrames() {
        for count in [0, 1, 159] {
            let result = ProsodyTestData.analyze([Float](repeating: 0.1, count: count))
            #expect(result.frames.isEmpty)
            #expect(result.summary.frameCount == 0)
            #expect(abs(result.summary.durationSec - Double(count) / 16000) < 1e-12)
        }
        #expect(ProsodyTestData.analyze([Float](repeating: 0.1, count: 160)).frames.count == 1)
    }

    @Test func intensityMatchesPraatsDefinition() throws {
        var worst = 0.0
        var compared = 0
        for (name, entry) in (try ProsodyTestData.reference()).files {
            guard let reference = entry.intensityDb else { continue }
            let frames = ProsodyTestData.analyze(try ProsodyTestData.samples(name)).frames
            for (i, value) in reference.enumerated() {
                guard let value, value > -200 else { continue }
                worst = max(worst, abs(frames[i].intensityDb - value))
                compared += 1
            }
        }
        print("intensity vs Praat's definition: \(compared) frames, worst difference \(worst) dB")
        #expect(compared > 4000)
        #expect(worst < 0.01)
    }

    @Test func pausesBetweenBurstsAreFoundRelativeToTheSpeakersLevel() {
        // 0.3 s room noise, 0.5 s tone, 0.6 s room noise, 0.5 s tone, 0.3 s room noise — once loud
        // and once 40 dB quieter: the pause is the same because the threshold follows the speaker.
        for gain in [Float(0.5), 0.005] {
            var generator = SystemRandomNumberGenerator()
            var samples: [Float] = []
            func noise(_ seconds: Double) {
                for _ in 0..<Int(seconds * 16000) { samples.append(gain * 0.001 * Float.random(in: -1...1, using: &generator)) }
            }
            func tone(_ seconds: Double) {
                for n in 0..<Int(seconds * 16000) { samples.append(gain * Float(sin(2 * Double.pi * 180 * Double(n) / 16000))) }
            }
            noise(0.3); tone(0.5); noise(0.6); tone(0.5); noise(0.3)
            let summary = ProsodyTestData.analyze(samples).summary
            #expect(summary.pauseCount == 1, "gain \(gain)")
            #expect(abs((summary.meanPauseSec ?? 0) - 0.6) <= 0.08, "gain \(gain): \(summary.meanPauseSec ?? -1)")
            #expect(abs((summary.speechSpanSec ?? 0) - 1.6) <= 0.08, "gain \(gain)")
            // The 64 ms intensity window smears each burst's edges by a few frames.
            #expect(abs(summary.phonationTimeSec - 1.0) <= 0.1, "gain \(gain)")
        }
    }

    @Test func risingSweepHasARisingFinalSlope() throws {
        let summary = ProsodyTestData.analyze(try ProsodyTestData.samples("sweep-100-400.wav")).summary
        // sox sweeps exponentially: 100 → 400 Hz is two octaves in 2 s, 12 semitones per second
        // throughout (Praat's track of the file confirms a constant frame-to-frame ratio).
        let slope = try #require(summary.f0SlopeLast300msSemitonesPerSec)
        #expect(abs(slope - 12) < 0.3, "\(slope)")
        let p20 = try #require(summary.f0Percentile20Semitones)
        let p80 = try #require(summary.f0Percentile80Semitones)
        let median = try #require(summary.f0MedianSemitones)
        #expect(p20 < median)
        #expect(p80 > median)
    }
}
