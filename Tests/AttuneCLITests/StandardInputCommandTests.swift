import Foundation
import Testing

/// `-` as INPUT: a WAV on standard input is decoded as a WAV by every command that takes `-`,
/// raw stays the default, and FLAC is named with the command that converts it.
@Suite struct StandardInputCommandTests {
    static let wav = CLITestPaths.repositoryRoot.appendingPathComponent("Tests/Data/prosody/espeak-male.wav").path

    @Test func analyzeReadsAPipedWAVAsTheFile() throws {
        let fromFile = try AttuneBinary.run(["analyze", Self.wav, "--json"])
        let piped = try AttuneBinary.run(["analyze", "-", "--json"], standardInput: Data(contentsOf: URL(fileURLWithPath: Self.wav)))
        #expect(fromFile.status == 0 && piped.status == 0, "\(piped.standardError)")
        #expect(piped.standardOutput == fromFile.standardOutput)
        // Read as raw, the 44 header bytes would be the first 22 samples: a loud first frame.
        let frames = try #require((try JSONSerialization.jsonObject(with: Data(piped.standardOutput.utf8)) as? [String: Any])?["frames"] as? [[String: Any]])
        #expect((frames.first?["intensityDb"] as? Double ?? 100) < 40)
    }

    @Test func turnsReadsAPipedWAVAsTheFile() throws {
        let fromFile = try AttuneBinary.run(["turns", Self.wav, "--json"])
        let piped = try AttuneBinary.run(["turns", "-", "--json"], standardInput: Data(contentsOf: URL(fileURLWithPath: Self.wav)))
        #expect(fromFile.status == 0 && piped.status == 0, "\(piped.standardError)")
        #expect(piped.standardOutput == fromFile.standardOutput)
        #expect(piped.standardOutput.contains("speech_start"))
    }

    @Test func aFLACIsRefusedWithTheConversion() throws {
        let directory = try CLITestPaths.temporaryDirectory()
        let flac = directory.appendingPathComponent("hello.flac").path
        let sox = Process()
        sox.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        sox.arguments = ["sox", Self.wav, flac]
        try sox.run()
        sox.waitUntilExit()
        try #require(sox.terminationStatus == 0, "sox could not write FLAC")
        let file = try AttuneBinary.run(["analyze", flac])
        #expect(file.status != 0)
        #expect(file.standardError == "Error: \(flac) is FLAC, not WAV; convert it with `sox \(flac) -r 16000 -c 1 out.wav`\n")
        let piped = try AttuneBinary.run(["turns", "-"], standardInput: Data(contentsOf: URL(fileURLWithPath: flac)))
        #expect(piped.status != 0)
        #expect(piped.standardError == "Error: standard input is FLAC, not WAV; convert it with `sox in.flac -r 16000 -c 1 out.wav`\n")
    }
}

/// `analyze --plot`: the path is checked before the analysis starts, and a run that fails leaves no file.
@Suite struct PlotPathTests {
    @Test func anUnwritablePlotPathFailsBeforeTheAnalysis() throws {
        let result = try AttuneBinary.run(["analyze", StandardInputCommandTests.wav, "--json", "--plot", "/nonexistent/dir/plot.svg"])
        #expect(result.status != 0)
        #expect(result.standardOutput.isEmpty, "nothing analysed before the path was checked")
        #expect(result.standardError == "Error: cannot write /nonexistent/dir/plot.svg: No such file or directory; choose a path in a directory you can write to\n")
    }

    @Test func aRunThatFailsLeavesNoPlotBehind() throws {
        let directory = try CLITestPaths.temporaryDirectory()
        let plot = directory.appendingPathComponent("plot.svg").path
        let bad = directory.appendingPathComponent("bad.wav")
        try Data("RIFF\u{0}\u{0}\u{0}\u{0}WAVEjunk".utf8).write(to: bad)
        let result = try AttuneBinary.run(["analyze", bad.path, "--plot", plot])
        #expect(result.status != 0)
        #expect(!FileManager.default.fileExists(atPath: plot))
        let good = try AttuneBinary.run(["analyze", StandardInputCommandTests.wav, "--plot", plot])
        #expect(good.status == 0, "\(good.standardError)")
        #expect(FileManager.default.fileExists(atPath: plot))
    }
}
