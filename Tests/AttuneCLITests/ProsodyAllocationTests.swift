import Foundation
import Testing

/// The prosody analyser allocates nothing per frame, its 5 s level windows and peak blocks
/// included: `attune analyze -` on 20 s and on 60 s of speech makes the same number of heap
/// allocations on the thread that runs the command (counted by tools/bench/alloc-count.c). Both
/// inputs are past every window; without --json and --plot the command keeps nothing per frame,
/// so a difference would be the analyser's.
@Suite struct ProsodyAllocationTests {
    /// The async command runs on a libdispatch worker, which names itself
    /// "com.apple.root.default-qos"; the kernel keeps the last 15 characters.
    static let analysingThread = "oot.default-qos"

    static func allocations(seconds: Double, probe: String) throws -> Int {
        let once = try ProsodyPlotTests.pcm("pauses-male-brown10.wav")
        let pcm = (once + once + once).prefix(Int(seconds * 16000) * 2)
        let result = try AttuneBinary.run(
            ["analyze", "-"], environment: ["LD_PRELOAD": probe, "ALLOC_COUNT_THREAD": Self.analysingThread],
            standardInput: Data(pcm))
        #expect(result.status == 0, "\(result.standardError)")
        let line = try #require(result.standardError.split(separator: "\n").last { $0.hasPrefix("alloc-count: ") })
        return try #require(Int(line.split(separator: " ").last ?? ""))
    }

    @Test func analysingThreeTimesLongerAllocatesNothingMore() throws {
        let probe = try CaptureAllocationTests.buildProbe(into: try CLITestPaths.temporaryDirectory())
        let short = try Self.allocations(seconds: 20, probe: probe)
        let long = try Self.allocations(seconds: 60, probe: probe)
        print("attune analyze: \(short) allocations for 20 s, \(long) for 60 s")
        // Argument parsing alone makes thousands on that thread: the probe watched the right one.
        #expect(short > 1000, "the probe did not see the thread that analyses")
        // 40 s more is 4,000 more frames: one allocation per frame would add thousands. Reading standard
        // input in blocks may add a handful, so the bound is far below one per frame.
        #expect(abs(long - short) < 100, "\(long - short) more allocations for 4,000 more frames")
    }
}
