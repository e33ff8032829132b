import AttuneTestFixtures
import Foundation
import Testing

/// `attune serve --wyoming` with the reference implementation of the protocol (the `wyoming` PyPI
/// package's AsyncUnixClient and AsyncTcpClient): tools/serve/check_wyoming.py lists every check.
@Suite struct WyomingTests {
    @Test func theReferenceClientGetsInfoVoiceEventsAndHandled() throws {
        let script = try TestFixture.path("tools/serve/check_wyoming.py")
        let wav = try TestFixture.path(TestFixture.speechDirectory + "/arctic_a0007.wav")
        let scratch = try CLITestPaths.temporaryDirectory().path
        let result = try AttuneBinary.runProgram("/usr/bin/env", ["python3", script, "--attune", AttuneBinary.url.path, "--wav", wav, "--scratch", scratch])
        if result.standardOutput.hasPrefix("skip:") {
            print("WyomingTests: \(result.standardOutput)")
            return
        }
        #expect(result.status == 0 && result.standardOutput.contains("all checks passed"),
                "\(result.standardOutput)\n\(result.standardError)\nservice log: \((try? String(contentsOfFile: scratch + "/wyoming.log", encoding: .utf8)) ?? "none")")
    }

    @Test func aWyomingAddressOffLoopbackIsRefused() throws {
        let result = try AttuneBinary.run(["serve", "--no-memory", "--no-capture", "--wyoming", "tcp://0.0.0.0:10700"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("loopback only"))
    }
}
