import AttuneTestFixtures
import Foundation
import Testing

/// The turn-taking evaluation's own tests (tools/turn/test_*.py): the binning of false cut-ins by hold
/// length and of results by SNR, the scorer's pause assignment, and the harder set's split (no test voice,
/// accent, variant or phrase in training) and hold-length distribution.
@Suite struct TurnEvaluationToolTests {
    @Test func theTurnEvaluationToolsPassTheirOwnTests() throws {
        let directory = try TestFixture.path("tools/turn")
        let run = try AttuneBinary.runProgram("/usr/bin/env", ["python3", "-m", "unittest", "discover", "-s", directory, "-p", "test_*.py"],
                                              environment: ["PYTHONDONTWRITEBYTECODE": "1"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("OK"))
    }
}
