import AttuneTestFixtures
import Foundation
import Testing

/// `attune serve` SIGKILLed during traffic from two hosts: after each kill the store verifies and every
/// turn whose context a host received is in memory (tools/serve/check_crash_safety.py; 10 rounds here,
/// 50 with `--rounds 50`, docs/BENCHMARKS.md).
@Suite struct ServeCrashTests {
    @Test func everyAcknowledgedTurnSurvivesSIGKILL() throws {
        let script = try TestFixture.path("tools/serve/check_crash_safety.py")
        let scratch = try CLITestPaths.temporaryDirectory().path
        let result = try AttuneBinary.runProgram("/usr/bin/env", ["python3", script, "--attune", AttuneBinary.url.path, "--rounds", "10", "--scratch", scratch])
        #expect(result.status == 0 && result.standardOutput.contains("all checks passed"),
                "\(result.standardOutput)\n\(result.standardError)\nservice log: \((try? String(contentsOfFile: scratch + "/crash.log", encoding: .utf8)) ?? "none")")
    }
}
