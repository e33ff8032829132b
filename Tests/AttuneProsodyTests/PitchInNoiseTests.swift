import AttuneProsody
import Foundation
import Testing

/// F0 points high in the pitch range inside noise (450–600 Hz in the pauses of a 85 Hz voice in
/// brown noise) are checked against Praat's "To Pitch (ac)" on the same files (committed values):
/// Attune reports them where Praat does and nowhere else, so they are a property of Boersma's
/// method on that noise, not a fault of the port.
@Suite struct PitchInNoiseTests {
    struct PauseFixtures: Decodable {
        struct File: Decodable {
            struct Praat: Decodable { var pitchFirstFrame: Int; var f0Hz: [Double] }
            var praat: Praat
        }
        var files: [String: File]
    }

    static let pauseFixtures: PauseFixtures = {
        let data = try! Data(contentsOf: URL(fileURLWithPath: ProsodyTestData.path("pauses.json")))
        return try! JSONDecoder().decode(PauseFixtures.self, from: data)
    }()

    struct HighPoints: CustomStringConvertible {
        var attune = 0, praat = 0, both = 0
        var description: String { "Attune \(attune), Praat \(praat), both \(both) frames above 400 Hz" }
    }

    static func highPoints(_ name: String, praatFirstFrame: Int, praatF0: [Double]) throws -> HighPoints {
        let frames = ProsodyTestData.analyze(try ProsodyTestData.samples(name)).frames
        var points = HighPoints()
        for (offset, praat) in praatF0.enumerated() {
            let k = praatFirstFrame + offset
            guard k >= 1, k <= frames.count else { continue }
            let mine = (frames[k - 1].f0Hz ?? 0) > 400
            let theirs = praat > 400
            if mine { points.attune += 1 }
            if theirs { points.praat += 1 }
            if mine && theirs { points.both += 1 }
        }
        return points
    }

    @Test func strayHighPointsInBrownNoiseArePraats() throws {
        let name = "pauses-male-brown10.wav"
        let praat = try #require(Self.pauseFixtures.files[name]).praat
        let points = try Self.highPoints(name, praatFirstFrame: praat.pitchFirstFrame, praatF0: praat.f0Hz)
        print("\(name): \(points)")
        #expect(points.praat > 40, "the fixture has Praat's stray points to compare with")
        #expect(Double(points.both) >= 0.9 * Double(points.praat))
        #expect(Double(points.both) >= 0.9 * Double(points.attune))
    }

    @Test(arguments: ["male", "female"], [20, 10, 5])
    func whiteNoiseGivesNoHighPointsAsInPraat(voice: String, snr: Int) throws {
        let name = "espeak-\(voice)-snr\(snr).wav"
        let entry = try #require(ProsodyTestData.reference().files[name])
        let points = try Self.highPoints(
            name, praatFirstFrame: try #require(entry.pitchFirstFrame), praatF0: try #require(entry.f0Hz))
        #expect(points.praat == 0)
        #expect(points.attune == 0, "\(name): \(points)")
    }
}
