import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `attune analyze` end to end: the JSON shape, standard input, the plot, bad input, live capture.
@Suite struct AnalyzeCommandTests {
    static let prosodyData = CLITestPaths.repositoryRoot.appendingPathComponent("Tests/Data/prosody")

    static func jsonObject(_ text: String) throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [String: Any])
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let wav = CLITestPaths.speech.appendingPathComponent("arctic_a0009.wav").path
        let result = try AttuneBinary.run(["analyze", wav, "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        let document = try Self.jsonObject(result.standardOutput)
        #expect(document["sampleRate"] as? Int == 16000)
        #expect(document["frameStepMs"] as? Int == 10)
        let frames = try #require(document["frames"] as? [[String: Any]])
        #expect(frames.count == 49_520 / 160)
        for (i, frame) in frames.enumerated() {
            #expect(abs((frame["t"] as? Double ?? -1) - Double(i + 1) * 0.01) < 1e-9)
            let voiced = try #require(frame["voiced"] as? Bool)
            #expect(voiced == !(frame["f0Hz"] is NSNull), "f0Hz is null exactly in unvoiced frames")
            #expect(frame["intensityDb"] is Double)
            #expect(frame["loudness"] is Double)
        }
        #expect(frames.contains { $0["voiced"] as? Bool == true })
        let summary = try #require(document["summary"] as? [String: Any])
        for key in ["durationSec", "syllables", "speechRateSylPerSec", "articulationRateSylPerSec", "pauseCount",
                    "meanPauseSec", "f0MeanHz", "f0StdevSemitones"] {
            #expect(summary.keys.contains(key), "summary lacks \(key)")
        }
        #expect(summary["durationSec"] as? Double == 3.095)
        #expect((summary["syllables"] as? Int ?? 0) > 5)
    }

    /// `--vad-gate` analyses as the turn detector does: a hum the VAD calls no speech is voiced
    /// without it and voiceless past the gate's first 224 ms with it; the frames' levels are the same.
    @Test func theVADGateLeavesTheSearchOutOfWhatTheVADCallsQuiet() throws {
        let wav = Self.prosodyData.appendingPathComponent("tone-220.wav").path
        let plain = try AttuneBinary.run(["analyze", wav, "--json"])
        let gated = try AttuneBinary.run(["analyze", wav, "--json", "--vad-gate"])
        #expect(plain.status == 0 && gated.status == 0, "\(gated.standardError)")
        let plainFrames = try #require(try Self.jsonObject(plain.standardOutput)["frames"] as? [[String: Any]])
        let gatedFrames = try #require(try Self.jsonObject(gated.standardOutput)["frames"] as? [[String: Any]])
        #expect(plainFrames.count == 100 && gatedFrames.count == 100)
        let voiced = { (frames: [[String: Any]]) in frames.filter { $0["voiced"] as? Bool == true }.count }
        #expect(voiced(plainFrames) > 90)
        #expect(voiced(gatedFrames) > 10 && voiced(gatedFrames) < 25)
        for (g, p) in zip(gatedFrames, plainFrames) {
            #expect(g["intensityDb"] as? Double == p["intensityDb"] as? Double)
            #expect(g["loudness"] as? Double == p["loudness"] as? Double)
        }
    }

    @Test func readableSummaryWithoutJSON() throws {
        let wav = Self.prosodyData.appendingPathComponent("tone-220.wav").path
        let result = try AttuneBinary.run(["analyze", wav])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("F0 mean            220.0 Hz"))
        #expect(result.standardOutput.contains("syllables"))
    }

    @Test func rawStandardInputGivesTheSameFramesAsTheWAV() throws {
        let url = CLITestPaths.speech.appendingPathComponent("arctic_a0007.wav")
        let fromFile = try AttuneBinary.run(["analyze", url.path, "--json"])
        let raw = try Data(contentsOf: url).dropFirst(44)
        let fromStdin = try AttuneBinary.run(["analyze", "-", "--json"], standardInput: Data(raw))
        #expect(fromStdin.status == 0, "\(fromStdin.standardError)")
        #expect(fromStdin.standardOutput == fromFile.standardOutput)
    }

    @Test func emptyInputGivesAnEmptyFrameList() throws {
        let result = try AttuneBinary.run(["analyze", "-", "--json"], standardInput: Data())
        #expect(result.status == 0)
        let document = try Self.jsonObject(result.standardOutput)
        #expect((document["frames"] as? [Any])?.isEmpty == true)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["f0MeanHz"] is NSNull)
    }

    @Test func truncatedAndMalformedWAVsAreOneClearLine() throws {
        let directory = try CLITestPaths.temporaryDirectory()
        let wav = try Data(contentsOf: CLITestPaths.speech.appendingPathComponent("arctic_a0007.wav"))
        let truncated = directory.appendingPathComponent("truncated.wav")
        try wav.prefix(30).write(to: truncated)
        let garbage = directory.appendingPathComponent("garbage.wav")
        try Data((0..<512).map { UInt8(truncatingIfNeeded: $0 &* 37) }).write(to: garbage)
        for url in [truncated, garbage] {
            let result = try AttuneBinary.run(["analyze", url.path, "--json"])
            #expect(result.status != 0)
            let lines = result.standardError.split(separator: "\n")
            #expect(lines.count == 1, "\(result.standardError)")
            #expect(result.standardError.contains(url.path))
            #expect(result.standardOutput.isEmpty)
        }
        let missing = try AttuneBinary.run(["analyze", directory.appendingPathComponent("nope.wav").path])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("nope.wav"))
    }

    @Test func plotIsAnSVGWithTheNuclei() throws {
        let directory = try CLITestPaths.temporaryDirectory()
        let svg = directory.appendingPathComponent("plot.svg")
        let wav = CLITestPaths.speech.appendingPathComponent("arctic_a0007.wav").path
        let result = try AttuneBinary.run(["analyze", wav, "--json", "--plot", svg.path])
        #expect(result.status == 0, "\(result.standardError)")
        let summary = try #require(try Self.jsonObject(result.standardOutput)["summary"] as? [String: Any])
        let text = try String(contentsOf: svg, encoding: .utf8)
        let parser = XMLParser(data: Data(text.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse(), "the plot is well-formed XML")
        #expect(counter.root == "svg")
        #expect(counter.nuclei == summary["syllables"] as? Int)
        #expect(text.contains("F0 (Hz)") && text.contains("time (s)"))
        let unwritable = try AttuneBinary.run(["analyze", wav, "--plot", "/proc/attune.svg"])
        #expect(unwritable.status != 0)
        #expect(unwritable.standardError.contains("cannot write /proc/attune.svg"))
    }

    final class ElementCounter: NSObject, XMLParserDelegate {
        var root: String?
        var nuclei = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            if root == nil { root = name }
            if name == "circle", attributes["class"] == "nucleus" { nuclei += 1 }
        }
    }

    @Test func inputAndDeviceTogetherAreRefused() throws {
        let result = try AttuneBinary.run(["analyze", "x.wav", "--device", "default"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("either INPUT or --device"))
    }

    /// Live: frames stream as JSON lines until SIGINT, then the summary line.
    @Test func liveDevicePrintsJSONLinesUntilInterrupted() throws {
        let devices = try RecordCommandTests.makeDevices()
        let process = Process()
        process.executableURL = AttuneBinary.url
        process.arguments = ["analyze", "--device", "cli_s16"]
        process.environment = ProcessInfo.processInfo.environment.merging(devices.environment) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        var received = Data()
        while received.split(separator: UInt8(ascii: "\n")).count < 150 {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            received += chunk
        }
        kill(process.processIdentifier, SIGINT)
        received += out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let lines = String(decoding: received, as: UTF8.self).split(separator: "\n").map(String.init)
        #expect(lines.count > 150)
        for (i, line) in lines.dropLast().enumerated() {
            let frame = try Self.jsonObject(line)
            #expect(abs((frame["t"] as? Double ?? -1) - Double(i + 1) * 0.01) < 1e-9)
        }
        let last = try Self.jsonObject(try #require(lines.last))
        #expect(last["summary"] is [String: Any])
    }
}
