import AttuneTestFixtures
import Foundation
import Testing

/// `attune profile` end to end: the table, --json, --plot (parsed by Python's xml), a device through
/// ALSA's file plugin, and the errors.
@Suite struct ProfileCommandTests {
    static let wav = CLITestPaths.repositoryRoot.appendingPathComponent("Tests/Data/turn/turns-015.wav").path
    static let transcript = CLITestPaths.repositoryRoot.appendingPathComponent("Tests/Data/turn/turns-015.transcript.jsonl").path
    static let stages = ["capture_jitter", "resample", "prosody_frame", "vad_chunk", "end_of_turn", "turn_period",
                         "tokenize", "embed", "recall", "context"]

    struct Profile: Decodable {
        struct Stage: Decodable { var stage: String; var count: Int; var p50Ms: Double; var p99Ms: Double; var maxMs: Double }
        var input: String
        var audioSeconds: Double
        var stages: [Stage]
        var cpuMsPerAudioSecond: Double
        var peakRSSBytes: Int
        var xruns: Int?
        var device: Bool
    }

    @Test func aFileGivesEveryStageAndAPlotWithOneSeriesEach() throws {
        let directory = try CLITestPaths.temporaryDirectory()
        let svg = directory.appendingPathComponent("profile.svg").path
        let result = try AttuneBinary.run(["profile", Self.wav, "--seconds", "3", "--rounds", "1", "--transcript", Self.transcript,
                                           "--json", "--plot", svg])
        #expect(result.status == 0, "\(result.standardError)")
        let profile = try JSONDecoder().decode(Profile.self, from: Data(result.standardOutput.utf8))
        #expect(profile.audioSeconds == 3)
        #expect(profile.stages.map(\.stage) == Self.stages)
        #expect(profile.stages.first { $0.stage == "turn_period" }?.count == 300)
        #expect(profile.stages.first { $0.stage == "context" }?.count == 5)
        #expect(profile.xruns == nil && !profile.device)
        #expect(result.standardError.contains("profile: audio from"), "progress goes to standard error")
        // Python's XML parser: well-formed, an svg root, one series per stage, in order.
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            assert root.tag == "{http://www.w3.org/2000/svg}svg", root.tag
            series = [g.get("data-stage") for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "series"]
            lines = [g.find("{http://www.w3.org/2000/svg}polyline") for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "series"]
            assert all(l is not None and len(l.get("points").split()) == 16 for l in lines)
            print(",".join(series))
            """
        let parsed = try AttuneBinary.runProgram("/usr/bin/python3", ["-c", script, svg])
        #expect(parsed.status == 0, "\(parsed.standardError)")
        #expect(parsed.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines) == Self.stages.joined(separator: ","))
    }

    @Test func theTableFitsOneScreen() throws {
        let result = try AttuneBinary.run(["profile", Self.wav, "--seconds", "2", "--fast", "--rounds", "1", "--transcript", Self.transcript])
        #expect(result.status == 0, "\(result.standardError)")
        let lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 24, "\(lines.count) lines")
        #expect(lines.dropFirst().allSatisfy { $0.count <= 80 }, "\(result.standardOutput)")  // the first names the input
        #expect(result.standardOutput.contains("STAGE") && result.standardOutput.contains("P99") && result.standardOutput.contains("vad_chunk"))
        #expect(result.standardOutput.contains("per second of audio") && result.standardOutput.contains("peak RSS"))
        // Read as fast as it decodes: there is no capture jitter to report.
        #expect(!result.standardOutput.contains("capture_jitter"))
    }

    @Test func noInputProfilesTheBundledRecordingFromAnyDirectory() throws {
        let result = try AttuneBinary.runProgram("/bin/sh", ["-c", "cd / && exec \"$0\" profile --fast --seconds 1 --rounds 1 --json",
                                                             AttuneBinary.url.path])
        #expect(result.status == 0, "\(result.standardError)")
        let profile = try JSONDecoder().decode(Profile.self, from: Data(result.standardOutput.utf8))
        #expect(profile.input.hasSuffix("Tests/Data/turn/turns-015.wav"), "\(profile.input)")
        #expect(profile.stages.first { $0.stage == "context" }?.count == 5)
    }

    @Test func aDeviceIsProfiledThroughALSA() throws {
        let devices = try RecordCommandTests.makeDevices()
        let result = try AttuneBinary.run(["profile", "--device", "cli_s16", "--seconds", "1", "--rounds", "1", "--transcript", Self.transcript, "--json"],
                                          environment: devices.environment)
        #expect(result.status == 0, "\(result.standardError)")
        let profile = try JSONDecoder().decode(Profile.self, from: Data(result.standardOutput.utf8))
        #expect(profile.device && profile.xruns == 0)
        #expect(profile.audioSeconds == 1)
        #expect(profile.stages.first { $0.stage == "turn_period" }.map { $0.count >= 100 } == true)
    }

    @Test func badInputIsRefusedWithAClearError() throws {
        let missing = try AttuneBinary.run(["profile", "--device", "attune_no_such_device", "--seconds", "1", "--transcript", Self.transcript])
        #expect(missing.status != 0)
        #expect(missing.standardError.contains("no capture device 'attune_no_such_device'"), "\(missing.standardError)")
        #expect(missing.standardError.contains("attune devices"))
        let both = try AttuneBinary.run(["profile", Self.wav, "--device", "default"])
        #expect(both.status != 0 && both.standardError.contains("either INPUT or --device"))
        let directory = try CLITestPaths.temporaryDirectory()
        let transcript = directory.appendingPathComponent("bad.jsonl")
        try Data("{\"t\": 0, \"text\": \"hello\"}\n{\"t\": \"soon\"}\n".utf8).write(to: transcript)
        let bad = try AttuneBinary.run(["profile", Self.wav, "--transcript", transcript.path])
        #expect(bad.status != 0)
        #expect(bad.standardError.contains("bad.jsonl:2:"), "\(bad.standardError)")
        let unwritable = try AttuneBinary.run(["profile", Self.wav, "--plot", "/proc/attune-profile.svg"])
        #expect(unwritable.status != 0 && unwritable.standardError.contains("cannot write /proc/attune-profile.svg"), "\(unwritable.standardError)")
        let help = try AttuneBinary.run(["profile", "--help"])
        for stage in Self.stages { #expect(help.standardOutput.contains(stage), "--help says what \(stage) times") }
    }
}
