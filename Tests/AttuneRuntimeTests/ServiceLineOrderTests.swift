import Testing
@testable import AttuneRuntime

/// The order in which `attune serve` handles the lines of one wake-up: hosts take turns, and each
/// host's lines keep their own order.
@Suite struct ServiceLineOrderTests {
    @Test func hostsTakeTurnsAndEachKeepsItsOrder() {
        let backlog = (0..<5).map { "t\($0)" }, audio = ["a0", "a1"], one = ["x0"]
        let taken = AttuneService.takingTurns([backlog, audio, [], one])
        #expect(taken == ["t0", "a0", "x0", "t1", "a1", "t2", "t3", "t4"])
        for host in [backlog, audio, one] {
            #expect(taken.filter(host.contains) == host)
        }
        #expect(AttuneService.takingTurns([[String]]()).isEmpty)
    }
}
