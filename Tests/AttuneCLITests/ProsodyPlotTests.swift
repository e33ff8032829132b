import Foundation
import Testing

/// What `attune analyze --plot` draws: a filled envelope with one minimum and maximum per pixel
/// column (not one line per 10 ms, which is a comb on a short file), and an F0 axis fitted to the
/// speaker with its floor and ceiling stated.
@Suite struct ProsodyPlotTests {
    static let prosodyData = CLITestPaths.repositoryRoot.appendingPathComponent("Tests/Data/prosody")

    /// The PCM samples of a 16 kHz mono 16-bit fixture, as raw bytes for `attune analyze -`.
    static func pcm(_ name: String, seconds: Double? = nil) throws -> Data {
        let wav = try Data(contentsOf: prosodyData.appendingPathComponent(name))
        let marker = try #require(wav.range(of: Data("data".utf8)))
        var pcm = wav[(marker.upperBound + 4)...]
        if let seconds { pcm = pcm.prefix(Int(seconds * 16000) * 2) }
        return Data(pcm)
    }

    static func plot(_ input: Data) throws -> String {
        let svg = try CLITestPaths.temporaryDirectory().appendingPathComponent("plot.svg")
        let result = try AttuneBinary.run(["analyze", "-", "--plot", svg.path], standardInput: input)
        #expect(result.status == 0, "\(result.standardError)")
        return try String(contentsOf: svg, encoding: .utf8)
    }

    /// The `d` of the path with this class.
    static func path(_ svg: String, class name: String) throws -> String {
        let start = try #require(svg.range(of: "<path class=\"\(name)\" d=\""))
        let end = try #require(svg[start.upperBound...].firstIndex(of: "\""))
        return String(svg[start.upperBound..<end])
    }

    /// (floor, ceiling) from the F0 axis legend "F0 axis A–B Hz, …".
    static func f0Axis(_ svg: String) throws -> (Double, Double) {
        let start = try #require(svg.range(of: "F0 axis "))
        let numbers = svg[start.upperBound...].prefix(while: { $0 != " " }).split(separator: "–")
        return (try #require(Double(numbers[0])), try #require(Double(numbers[1])))
    }

    @Test func shortFileIsAFilledEnvelopeWithAColumnPerPixel() throws {
        let svg = try Self.plot(try Self.pcm("espeak-male.wav", seconds: 0.6))
        let envelope = try Self.path(svg, class: "envelope")
        #expect(envelope.hasSuffix("Z"), "a closed outline")
        #expect(!envelope.contains("V"), "no vertical strokes")
        #expect(svg.contains("<path class=\"envelope\" d=\"\(envelope)\" fill=\"#3a6ea5\" stroke=\"none\"/>"))
        // 1,110 px of plot: one maximum and one minimum per column, plus the four corners.
        let points = envelope.filter { $0 == "L" }.count
        #expect(points == 2 * 1110 + 3, "\(points) points")
        // The columns are adjacent: the comb had 60 strokes 18.5 px apart.
        let xs = envelope.split(separator: "L").prefix(20).compactMap { Double($0.split(separator: " ")[0].dropFirst($0.hasPrefix("M") ? 1 : 0)) }
        for (a, b) in zip(xs.dropFirst(), xs.dropFirst(2)) { #expect(b - a <= 1.01) }
    }

    @Test func f0AxisFitsALowVoice() throws {
        // espeak-ng's male voice at about 100 Hz: a 0–600 Hz axis put it in the bottom sixth.
        let svg = try Self.plot(try Self.pcm("espeak-male.wav"))
        let (floor, ceiling) = try Self.f0Axis(svg)
        print("espeak-male.wav: F0 axis \(floor)–\(ceiling) Hz")
        #expect(floor >= 50 && floor <= 90)
        #expect(ceiling >= 120 && ceiling <= 200)
        #expect(svg.contains("this speaker's range"))
        #expect(svg.contains(">\(Int(floor))</text>") && svg.contains(">\(Int(ceiling))</text>"), "floor and ceiling labelled")
    }

    @Test func strayPointsInNoiseDoNotSetTheAxis() throws {
        // Brown noise at 10 dB SNR: Praat's pitch analysis, and Attune's, finds ~70 frames at
        // 400–600 Hz in the noise (PitchInNoiseTests); the 85 Hz voice still fills the panel.
        let svg = try Self.plot(try Self.pcm("pauses-male-brown10.wav"))
        let (floor, ceiling) = try Self.f0Axis(svg)
        print("pauses-male-brown10.wav: F0 axis \(floor)–\(ceiling) Hz")
        #expect(ceiling <= 200)
        // 21 s of input: the envelope's bins were merged down to the same one pair per column.
        #expect(try Self.path(svg, class: "envelope").filter { $0 == "L" }.count == 2 * 1110 + 3)
        let beyond = try Self.path(svg, class: "f0-beyond").filter { $0 == "M" }.count
        #expect(beyond >= 60)
        #expect(svg.contains("\(beyond) points beyond it drawn at its edge"))
    }
}
