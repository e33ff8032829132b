import AttuneStore
import Foundation
import Testing

/// `attune context` end to end: a context per person's turn (none for the assistant's), --last,
/// --format prompt, and bad lines that name their line and store nothing of it.
@Suite struct ContextCommandTests {
    static let turns = """
        {"time":"2025-01-13T08:10:00Z","speaker":"user","text":"My brother's operation is on Wednesday."}
        {"time":"2025-01-13T08:10:05Z","speaker":"assistant","text":"I hope it goes well. How is he feeling?"}
        {"time":"2025-01-13T08:11:00Z","speaker":"user","text":"Keep it short please, I'm busy."}

        """

    static func contexts(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test func aContextAfterEachPersonsTurnAndOnlyTheLastWithLast() throws {
        let setup = try StoreCommandTests.setup()
        let result = try AttuneBinary.run(["context"] + setup.keyArguments, standardInput: Data(Self.turns.utf8))
        #expect(result.status == 0, "\(result.standardError)")
        let contexts = try Self.contexts(result.standardOutput)
        #expect(contexts.count == 2)
        #expect(contexts.map { $0["time"] as? String } == ["2025-01-13T08:10:00Z", "2025-01-13T08:11:00Z"])
        let later = """
            {"time":"2025-01-16T09:00:00Z","speaker":"user","text":"What did I tell you about my brother?"}
            {"time":"2025-01-16T09:00:30Z","speaker":"user","text":"Thanks."}
            """
        let last = try AttuneBinary.run(["context", "--last"] + setup.keyArguments, standardInput: Data(later.utf8))
        #expect(last.status == 0, "\(last.standardError)")
        let only = try Self.contexts(last.standardOutput)
        #expect(only.count == 1 && only[0]["time"] as? String == "2025-01-16T09:00:30Z")
        let guidance = try #require(only[0]["guidance"] as? [String: Any])
        #expect(guidance["replyLength"] as? String == "short", "the brevity preference of the earlier run was kept in the store")
        let backwards = try AttuneBinary.run(["context"] + setup.keyArguments,
                                             standardInput: Data(#"{"time":"2025-01-14T09:00:00Z","speaker":"user","text":"hi"}"#.utf8))
        #expect(backwards.status != 0 && backwards.standardError.contains("earlier than the turn before it"), "the last run's time is kept in the store")
    }

    @Test func promptFormatIsAShortPlainBlock() throws {
        let setup = try StoreCommandTests.setup()
        let result = try AttuneBinary.run(["context", "--format", "prompt", "--last"] + setup.keyArguments, standardInput: Data(Self.turns.utf8))
        #expect(result.status == 0, "\(result.standardError)")
        let words = result.standardOutput.split(whereSeparator: { $0.isWhitespace }).count
        #expect(result.standardOutput.hasPrefix("Rapport context (2025-01-13T08:11:00Z") && words <= 150, "\(result.standardOutput)")
        #expect(!result.standardOutput.contains("{"))
    }

    @Test(arguments: [
        (#"{"time":"2025-01-13T08:12:00Z","speaker":"user","text":"hi""#, "line 2 is not valid JSON"),
        (#"{"speaker":"user","text":"hi"}"#, "line 2 has no \"time\""),
        (#"{"time":"2025-01-13T08:00:00Z","speaker":"user","text":"hi"}"#, "line 2 has a \"time\" (2025-01-13T08:00:00Z) earlier than the turn before it"),
        (#"{"time":"2025-01-13T08:12:00Z","speaker":"user","text":""}"#, "line 2 has an empty \"text\""),
        (#"{"time":"2025-01-13T08:12:00Z","speaker":"system","text":"hi"}"#, "line 2 has \"speaker\":\"system\", a host role"),
    ])
    func aBadLineNamesItsLineAndStoresNothingOfIt(line: String, message: String) throws {
        let setup = try StoreCommandTests.setup()
        let input = #"{"time":"2025-01-13T08:10:00Z","speaker":"user","text":"first turn kept"}"# + "\n" + line + "\n"
            + #"{"time":"2025-01-13T08:20:00Z","speaker":"user","text":"never read"}"# + "\n"
        let result = try AttuneBinary.run(["context"] + setup.keyArguments, standardInput: Data(input.utf8))
        #expect(result.status != 0)
        #expect(result.standardError.contains(message), "\(result.standardError)")
        let exported = try AttuneBinary.run(["store", "export"] + setup.keyArguments)
        let lines = exported.standardOutput.split(separator: "\n")
        let items = lines.filter { !$0.contains("\"rapportModel\"") }
        #expect(items.count == 1 && items[0].contains("first turn kept"), "\(exported.standardOutput)")
        #expect(lines.count == 2 && lines[1].hasPrefix("{\"person\":\"user\",\"rapportModel\":{"), "the person's model is exported with the store")
    }

    @Test func aMebibyteOfTextIsRefusedWithItsLine() throws {
        let setup = try StoreCommandTests.setup()
        let text = String(repeating: "word ", count: 220_000)
        let input = #"{"time":"2025-01-13T08:10:00Z","speaker":"user","text":"\#(text)"}"# + "\n"
        let result = try AttuneBinary.run(["context"] + setup.keyArguments, standardInput: Data(input.utf8))
        #expect(result.status != 0 && result.standardError.contains("line 1"), "\(result.standardError)")
        let exported = try AttuneBinary.run(["store", "export"] + setup.keyArguments)
        #expect(exported.standardOutput.isEmpty)
    }
}
