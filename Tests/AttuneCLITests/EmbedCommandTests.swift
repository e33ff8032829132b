import Foundation
import Testing

/// `attune embed` end to end: one L2-normalised 384-float array per line, the same with `--threads`,
/// `null` and exit status 1 for a line that is not UTF-8, and a clear refusal of a bad thread count.
@Suite struct EmbedCommandTests {
    @Test func printsOneUnitVectorPerLineAndTheSameWithThreads() throws {
        var input = Data("I walk the dog every morning\n\n".utf8)
        input.append(contentsOf: [0xFF, 0x41, 0x0A])  // invalid UTF-8
        input.append(Data("Meeting at 10:45 in room B-12".utf8))
        let single = try AttuneBinary.run(["embed"], standardInput: input)
        #expect(single.status == 1)
        #expect(single.standardError == "Error: line 3 is not valid UTF-8\n")
        let lines = single.standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 4)
        #expect(lines[2] == "null")
        for index in [0, 1, 3] {
            let vector = try JSONDecoder().decode([Float].self, from: Data(lines[index].utf8))
            #expect(vector.count == 384)
            #expect(abs(vector.reduce(0) { $0 + $1 * $1 } - 1) < 1e-4)
        }
        let threaded = try AttuneBinary.run(["embed", "--threads", "3"], standardInput: input)
        #expect(threaded.standardOutput == single.standardOutput)
        #expect(threaded.status == 1)
    }

    @Test func aBadThreadCountIsRefused() throws {
        let result = try AttuneBinary.run(["embed", "--threads", "0"], standardInput: Data("hello\n".utf8))
        #expect(result.status == 64)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("--threads must be between 1 and 64, not 0"))
    }

    /// The mapped model (23.5 MB) and the scratch are charged before use: a budget they do not fit is
    /// refused at start, naming them, before any line is read.
    @Test func aBudgetTheModelDoesNotFitIsRefusedAtStart() throws {
        let result = try AttuneBinary.run(["embed", "--memory-budget", "40MB"], standardInput: Data("hello\n".utf8))
        #expect(result.status == 1)
        #expect(result.standardOutput.isEmpty)
        #expect(result.standardError.contains("memory budget is 40.0 MB"))
        #expect(result.standardError.contains("sentence model (mapped) 23.5 MB"))
        let fits = try AttuneBinary.run(["embed", "--memory-budget", "48MB"], standardInput: Data("hello\n".utf8))
        #expect(fits.status == 0)
    }
}
