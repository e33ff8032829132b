import Foundation
import Testing

/// `attune bench embed` shows progress on standard error and keeps standard output the results.
@Suite struct BenchCommandTests {
    @Test func progressGoesToStandardErrorOneLinePerPhaseInALog() throws {
        let result = try AttuneBinary.run(["bench", "embed", "--runs", "5", "--json"])
        #expect(result.status == 0, "\(result.standardError)")
        // Standard output is the JSON report alone.
        let report = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
        #expect((report?["latencies"] as? [Any])?.count == 2)
        // Not a terminal: one line per phase (load, two sentence lengths), no carriage returns.
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 3, "\(result.standardError)")
        #expect(lines.first == "bench embed: loading the model…")
        #expect(lines.dropFirst().allSatisfy { $0.contains("25") && $0.contains("tokens") })
        #expect(!result.standardError.contains("\r"))
    }

    @Test func aTerminalGetsALiveCounterThatIsClearedAtTheEnd() throws {
        let command = "\(AttuneBinary.url.path) bench embed --runs 5 --json"
        let result = try AttuneBinary.runProgram("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(result.status == 0, "\(result.standardOutput)")
        #expect(result.standardOutput.contains("60 tokens, 20 warm-up and 5 timed runs: 25/25"))
        #expect(result.standardOutput.contains("\r\u{1B}[K"))
    }
}
