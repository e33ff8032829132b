import AttuneTestFixtures
import Foundation
import Testing

/// `attune serve` driven end to end by a real Python host (standard library only), through the
/// socket and --stdio: tools/serve/check_service.py lists every check it makes.
@Suite struct ServeCommandTests {
    @Test func aPythonHostDrivesTheServiceThroughEveryMessage() throws {
        let script = try TestFixture.path("tools/serve/check_service.py")
        let wav = try TestFixture.path(TestFixture.speechDirectory + "/arctic_a0007.wav")
        let scratch = try CLITestPaths.temporaryDirectory().path
        let result = try AttuneBinary.runProgram("/usr/bin/env", ["python3", script, "--attune", AttuneBinary.url.path, "--scratch", scratch, "--wav", wav])
        #expect(result.status == 0, "\(result.standardOutput)\n\(result.standardError)\nservice log: \((try? String(contentsOfFile: scratch + "/serve.log", encoding: .utf8)) ?? "none")")
        #expect(result.standardOutput.contains("all checks passed"))
    }

    @Test func aSocketInAMissingDirectoryIsAClearError() throws {
        let result = try AttuneBinary.run(["serve", "--no-memory", "--no-capture", "--socket", "/nonexistent-dir/attune.sock"])
        #expect(result.status != 0)
        #expect(result.standardError.contains("/nonexistent-dir does not exist"))
    }
}
