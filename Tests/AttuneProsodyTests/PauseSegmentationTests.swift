import AttuneProsody
import Foundation
import Testing

/// Sounding decisions and pauses on espeak-ng sentences joined by silences of known length in
/// noise (tools/prosody/make_pause_fixtures.py), alone and after another recording.
@Suite struct PauseSegmentationTests {
    struct Labels: Decodable {
        struct File: Decodable { var speechSec: [[Double]] }
        var files: [String: File]
    }

    static let labels: Labels = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: ProsodyTestData.path("pauses.json")))
        return try! JSONDecoder().decode(Labels.self, from: data)
    }()

    static let brown = "pauses-male-brown10.wav"
    static let pink = "pauses-female-pink20.wav"
    /// The stated recovery time: the floor and speaker windows (ProsodySettings, 5 s each).
    static let recoverySec = 5.0

    struct Run {
        var sounding: [Bool] = []
        var pauses: [(start: Double, end: Double)] = []
    }

    static func run(_ samples: [Float]) -> Run {
        let analyzer = ProsodyAnalyzer()
        var run = Run()
        let collect: (ProsodyEvent) -> Void = { event in
            switch event {
            case .frame(let frame): run.sounding.append(frame.sounding)
            case .pause(let start, let duration):
                run.pauses.append((Double(start) * 0.01, Double(start) * 0.01 + duration))
            case .syllableNucleus: break
            }
        }
        samples.withUnsafeBufferPointer { analyzer.process($0, collect) }
        analyzer.finish(collect)
        return run
    }

    /// Known silences between two speech segments that are long enough to be pauses (≥ 0.3 s).
    static func knownPauses(_ name: String) throws -> [(start: Double, end: Double)] {
        let speech = try #require(labels.files[name]).speechSec
        return zip(speech, speech.dropFirst()).map { ($0[1], $1[0]) }.filter { $0.1 - $0.0 >= 0.3 }
    }

    @Test(arguments: [brown, pink])
    func everyKnownPauseIsFoundAndNothingElse(name: String) throws {
        let known = try Self.knownPauses(name)
        let found = Self.run(try ProsodyTestData.samples(name)).pauses
        print("\(name): \(found.count) pauses found, \(known.count) known")
        #expect(found.count == known.count)
        for pause in known {
            // The 64 ms intensity window smears each edge by a few frames, and in noise the quiet
            // end of a clause and a voiceless onset ("So I went", an /s/ under brown noise) sink
            // below the floor: measured up to 0.15 s earlier starts and 0.26 s later ends.
            let match = found.first {
                $0.start >= pause.start - 0.2 && $0.start <= pause.start + 0.1
                    && $0.end >= pause.end - 0.1 && $0.end <= pause.end + 0.3
            }
            #expect(match != nil, "known pause \(pause.start)–\(pause.end) s not found in \(found)")
        }
    }

    /// Past the 5 s windows too, the frames do not depend on how the input was chunked.
    @Test(arguments: [7, 333, 4096])
    func slidingWindowsGiveTheSameFramesHoweverChunked(chunk: Int) throws {
        let samples = try ProsodyTestData.samples(Self.brown)
        let batch = ProsodyTestData.analyze(samples)
        let streamed = ProsodyTestData.analyze(samples, chunk: chunk)
        #expect(batch.frames.count == 2092)
        #expect(batch.frames == streamed.frames)
        #expect(batch.nuclei == streamed.nuclei)
        #expect(batch.summary == streamed.summary)
    }

    enum Before: String, CaseIterable, Sendable {
        case same, loud, quiet, digitalSilence
    }

    /// Recording B alone against A + B: from `recoverySec` into B, B's sounding decisions are the
    /// ones B gives alone, whatever A was: the same level, 20 dB louder, 20 dB quieter, or clean
    /// speech with digital silence (whose floor of −300 dB used to stay the floor forever).
    @Test(arguments: Before.allCases, [brown, pink])
    func decisionsDoNotDependOnAnEarlierRecording(before: Before, name: String) throws {
        let b = try ProsodyTestData.samples(name)
        var a = try ProsodyTestData.samples(name == Self.brown ? Self.pink : Self.brown)
        switch before {
        case .same: break
        case .loud: a = a.map { $0 * 10 }
        case .quiet: a = a.map { $0 * 0.1 }
        case .digitalSilence:
            let clean = try ProsodyTestData.samples("espeak-female.wav").map { abs($0) < 1e-3 ? 0 : $0 }
            a = Array(repeating: 0, count: 16000) + clean + Array(repeating: 0, count: 16000) + clean
        }
        let aFrames = a.count / 160
        a.removeLast(a.count - aFrames * 160)
        let alone = Self.run(b)
        let joined = Self.run(a + b)
        let skip = Int(Self.recoverySec / 0.01)
        var agree = 0, compared = 0
        for k in skip..<alone.sounding.count {
            compared += 1
            if alone.sounding[k] == joined.sounding[aFrames + k] { agree += 1 }
        }
        let fraction = Double(agree) / Double(compared)
        let offset = Double(aFrames) * 0.01
        let pausesAlone = alone.pauses.filter { $0.start >= Self.recoverySec }
        let pausesJoined = joined.pauses.filter { $0.start - offset >= Self.recoverySec }
        print(String(format: "%@ after %@ (%.1f s): %.4f of %d frames agree from %.0f s; pauses %d alone, %d joined",
                     name, before.rawValue, offset, fraction, compared, Self.recoverySec, pausesAlone.count, pausesJoined.count))
        #expect(fraction >= 0.99)
        #expect(pausesJoined.count == pausesAlone.count)
        for (x, y) in zip(pausesAlone, pausesJoined) {
            #expect(abs(x.start - (y.start - offset)) < 0.015 && abs(x.end - (y.end - offset)) < 0.015)
        }
    }

    @Test func aQuieterSpeakerIsHeardWithinTheRecoveryTime() throws {
        // Loud speech, then the same speech 30 dB quieter with the room noise scaled alike: a
        // whole-input 99th percentile stays with the loud speaker and calls the quiet one silent.
        let b = try ProsodyTestData.samples(Self.pink)
        let alone = Self.run(b.map { $0 * 0.03 })
        let joined = Self.run(b + b.map { $0 * 0.03 })
        let offset = b.count / 160
        let soundingAlone = alone.sounding.dropFirst(Int(Self.recoverySec / 0.01)).filter { $0 }.count
        let soundingJoined = joined.sounding.dropFirst(offset + Int(Self.recoverySec / 0.01)).filter { $0 }.count
        print("quiet speaker after a loud one: \(soundingJoined) sounding frames, \(soundingAlone) alone")
        #expect(soundingAlone > 300)
        #expect(soundingJoined == soundingAlone)
    }
}
