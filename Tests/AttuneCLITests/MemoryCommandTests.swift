import AttuneMemory
import AttuneStore
import Foundation
import Testing

/// `attune memory …` end to end through the built binary: JSON and tables, a bad line that keeps
/// what came before it, read-only recall, forgetting with a dry run, exports that never overwrite.
@Suite struct MemoryCommandTests {
    static let turns = """
        {"time":"2025-01-06T09:00:00Z","speaker":"sam","text":"My sister Nia lives in Exeter, she's a midwife."}
        {"time":"2025-01-13T08:00:00Z","speaker":"sam","text":"I've got an eye test on Thursday at 10.","session":"s2"}
        {"time":"2025-01-20T09:00:00Z","speaker":"sam","text":"Nia's moved to Cardiff now."}

        """

    static func observed(_ lines: String = turns) throws -> StoreCommandTests.Setup {
        let setup = try StoreCommandTests.setup()
        let result = try AttuneBinary.run(["memory", "observe", "--json"] + setup.keyArguments, standardInput: Data(lines.utf8))
        #expect(result.status == 0, "\(result.standardError)")
        return setup
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(T.self, from: Data(text.utf8))
    }

    @Test func observeRecallAndFollowUpsAsJSONAndTables() throws {
        let setup = try StoreCommandTests.setup()
        let observed = try AttuneBinary.run(["memory", "observe", "--json"] + setup.keyArguments, standardInput: Data(Self.turns.utf8))
        #expect(observed.status == 0, "\(observed.standardError)")
        let outcomes = try observed.standardOutput.split(separator: "\n").map { try Self.decode(ObserveOutcome.self, String($0)) }
        #expect(outcomes.count == 3)
        #expect(outcomes[1].records.contains { $0.kind == "event" })
        #expect(outcomes[2].superseded.contains { $0.value == "exeter" }, "\(outcomes[2])")

        let recall = try AttuneBinary.run(["memory", "recall", "where does my sister live?", "--speaker", "sam", "--at", "2025-02-01T12:00:00Z", "--json"] + setup.keyArguments)
        #expect(recall.status == 0, "\(recall.standardError)")
        let answer = try Self.decode(RecallAnswer.self, recall.standardOutput)
        #expect(answer.confident && answer.results.first?.source.text.contains("Cardiff") == true, "\(answer)")
        let table = try AttuneBinary.run(["memory", "recall", "where does my sister live?", "--speaker", "sam", "--at", "2025-02-01T12:00:00Z"] + setup.keyArguments)
        #expect(table.standardOutput.hasPrefix("confident:") && table.standardOutput.contains("Cardiff"), "\(table.standardOutput)")

        let notYet = try AttuneBinary.run(["memory", "followups", "--at", "2025-01-15T12:00:00Z", "--json"] + setup.keyArguments)
        #expect(try Self.decode(FollowupsAnswer.self, notYet.standardOutput).followups.isEmpty)
        let due = try AttuneBinary.run(["memory", "followups", "--at", "2025-01-17T12:00:00Z", "--json"] + setup.keyArguments)
        let followups = try Self.decode(FollowupsAnswer.self, due.standardOutput).followups
        #expect(followups.count == 1 && followups[0].question.contains("eye test") && followups[0].source.session == "s2", "\(followups)")
    }

    /// What README command 1 shows, on the bundled demo turns.
    @Test func theBundledDemoTurnsAnswerAsTheReadmeShows() throws {
        let setup = try StoreCommandTests.setup()
        let turns = try Data(contentsOf: CLITestPaths.repositoryRoot.appendingPathComponent("Tests/Data/memory/demo-turns.jsonl"))
        #expect(try AttuneBinary.run(["memory", "observe"] + setup.keyArguments, standardInput: turns).status == 0)
        let recall = try AttuneBinary.run(["memory", "recall", "where does my brother live?", "--speaker", "ana", "--at", "2026-11-28T12:00:00Z", "--json"] + setup.keyArguments)
        let answer = try Self.decode(RecallAnswer.self, recall.standardOutput)
        #expect(answer.confident && answer.results.first?.source.text.contains("Lisbon") == true && !answer.results.contains { $0.source.text.contains("Porto") },
                "\(answer.results.map(\.source.text))")
        let due = try AttuneBinary.run(["memory", "followups", "--at", "2026-11-28T12:00:00Z", "--json"] + setup.keyArguments)
        #expect(try Self.decode(FollowupsAnswer.self, due.standardOutput).followups.map(\.question) == ["How did the physio go?"])
    }

    @Test func aMalformedLineIsNamedAndTheLinesBeforeItAreKept() throws {
        let lines = """
            {"time":"2025-01-06T09:00:00Z","speaker":"sam","text":"I walk the dog at seven"}
            {"time":"2025-01-06T09:01:00Z","speaker":"sam","text":"I like tea"}
            {"time":"yesterday","speaker":"sam","text":"this line has a bad time"}
            {"time":"2025-01-06T09:03:00Z","speaker":"sam","text":"never read"}

            """
        let setup = try StoreCommandTests.setup()
        let result = try AttuneBinary.run(["memory", "observe"] + setup.keyArguments, standardInput: Data(lines.utf8))
        #expect(result.status != 0)
        #expect(result.standardError.hasPrefix("Error: line 3") && result.standardError.contains("the 2 lines before it were kept"), "\(result.standardError)")
        let listed = try AttuneBinary.run(["memory", "list", "--json"] + setup.keyArguments)
        let listings = try Self.decode([MemoryListing].self, listed.standardOutput)
        #expect(listings.map(\.text).sorted() == ["I like tea", "I walk the dog at seven"])
        for bad in ["not json", "{\"time\":\"2025-01-06T09:00:00Z\",\"text\":\"no speaker\"}", "[1,2]"] {
            let refused = try AttuneBinary.run(["memory", "observe"] + setup.keyArguments, standardInput: Data((bad + "\n").utf8))
            #expect(refused.status != 0 && refused.standardError.hasPrefix("Error: line 1"), "\(bad): \(refused.standardError)")
        }
        #expect(try Self.decode([MemoryListing].self, AttuneBinary.run(["memory", "list", "--json"] + setup.keyArguments).standardOutput).count == 2)
    }

    @Test func recallFollowUpsListAndExportChangeNoByteOfTheStore() throws {
        let setup = try Self.observed()
        let files = [setup.db, setup.db + "-wal", setup.db + ".key"]
        let before = files.map { FileManager.default.contents(atPath: $0) }
        for arguments in [["memory", "recall", "when is my eye test?", "--speaker", "sam", "--at", "2025-01-14T00:00:00Z"],
                          ["memory", "followups", "--at", "2025-01-20T00:00:00Z"], ["memory", "list"], ["memory", "export"]] {
            let result = try AttuneBinary.run(arguments + setup.keyArguments)
            #expect(result.status == 0, "\(arguments): \(result.standardError)")
        }
        #expect(files.map { FileManager.default.contents(atPath: $0) } == before)
    }

    @Test func forgetShowsWhatItWouldRemoveThenRemovesExactlyThat() throws {
        let setup = try Self.observed()
        let dry = try AttuneBinary.run(["memory", "forget", "--match", "eye test", "--dry-run", "--json"] + setup.keyArguments)
        #expect(dry.status == 0, "\(dry.standardError)")
        let wouldGo = try Self.decode([ForgottenItem].self, dry.standardOutput)
        #expect(wouldGo.map(\.text) == ["I've got an eye test on Thursday at 10."])
        #expect(try Self.decode([MemoryListing].self, AttuneBinary.run(["memory", "list", "--json"] + setup.keyArguments).standardOutput).count == 3)
        let done = try AttuneBinary.run(["memory", "forget", "--match", "eye test", "--json"] + setup.keyArguments)
        #expect(try Self.decode([ForgottenItem].self, done.standardOutput) == wouldGo)
        let left = try Self.decode([MemoryListing].self, AttuneBinary.run(["memory", "list", "--json"] + setup.keyArguments).standardOutput)
        #expect(left.count == 2 && !left.contains { $0.text.contains("eye test") })
        let due = try AttuneBinary.run(["memory", "followups", "--at", "2025-01-17T12:00:00Z", "--json"] + setup.keyArguments)
        #expect(try Self.decode(FollowupsAnswer.self, due.standardOutput).followups.isEmpty, "its event went with it")
        let nothing = try AttuneBinary.run(["memory", "forget"] + setup.keyArguments)
        #expect(nothing.status != 0 && nothing.standardError.contains("--id") && nothing.standardError.contains("--match"), "\(nothing.standardError)")
    }

    @Test func exportNeverOverwritesAndIsPrivate() throws {
        let setup = try Self.observed()
        let file = setup.directory.appendingPathComponent("mine.jsonl").path
        #expect(FileManager.default.createFile(atPath: file, contents: Data("keep me\n".utf8), attributes: [.posixPermissions: 0o644]))
        let refused = try AttuneBinary.run(["memory", "export", file] + setup.keyArguments)
        #expect(refused.status != 0 && refused.standardError.contains("--force"), "\(refused.standardError)")
        #expect(FileManager.default.contents(atPath: file) == Data("keep me\n".utf8))
        let forced = try AttuneBinary.run(["memory", "export", file, "--force"] + setup.keyArguments)
        #expect(forced.status == 0, "\(forced.standardError)")
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 3 && lines.allSatisfy { $0.hasPrefix("{") })
        #expect((try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func wrongKeyUnknownZoneAndBadTimeAreClearErrors() throws {
        let setup = try Self.observed()
        let otherKey = setup.directory.appendingPathComponent("other.keyfile").path
        #expect(FileManager.default.createFile(atPath: otherKey, contents: Data(repeating: 7, count: 32), attributes: [.posixPermissions: 0o600]))
        let wrong = try AttuneBinary.run(["memory", "recall", "anything", "--db", setup.db, "--key-file", otherKey])
        #expect(wrong.status != 0 && wrong.standardError.hasPrefix("Error:") && wrong.standardError.lowercased().contains("key"), "\(wrong.standardError)")
        let zone = try AttuneBinary.run(["memory", "followups", "--timezone", "Mars/Olympus"] + setup.keyArguments)
        #expect(zone.status != 0 && zone.standardError.contains("Europe/London"), "\(zone.standardError)")
        let time = try AttuneBinary.run(["memory", "recall", "x", "--at", "last tuesday"] + setup.keyArguments)
        #expect(time.status != 0 && time.standardError.contains("--at"), "\(time.standardError)")
    }

    @Test func theTimeZoneDecidesWhatThursdayAtTenIs() throws {
        let line = #"{"time":"2025-07-07T08:00:00Z","speaker":"sam","text":"dentist on Thursday at 10"}"# + "\n"
        let setup = try StoreCommandTests.setup()
        let result = try AttuneBinary.run(["memory", "observe", "--timezone", "Europe/London"] + setup.keyArguments, standardInput: Data(line.utf8))
        #expect(result.status == 0, "\(result.standardError)")
        let due = try AttuneBinary.run(["memory", "followups", "--at", "2025-07-11T00:00:00Z", "--json"] + setup.keyArguments)
        let followups = try Self.decode(FollowupsAnswer.self, due.standardOutput).followups
        #expect(followups.first?.eventTime == "2025-07-10T09:00:00Z", "10:00 in London in July is 09:00 UTC: \(followups)")
    }
}
