import Foundation
import Testing

/// `attune doctor` passes only what the commands can run: it loads every model the way they do and
/// charges the budget with what each command charges.
@Suite struct DoctorCommandTests {
    struct Report: Decodable {
        struct Check: Decodable { var name: String; var status: String; var detail: String; var hint: String? }
        var checks: [Check]
    }

    static func report(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, report: Report) {
        let result = try AttuneBinary.run(["doctor", "--json"] + arguments, environment: environment)
        return (result.status, try JSONDecoder().decode(Report.self, from: Data(result.standardOutput.utf8)))
    }

    @Test func theDefaultSetupPassesEveryCommand() throws {
        let (status, report) = try Self.report([])
        #expect(status == 0)
        let commands = report.checks.filter { $0.name.hasPrefix("attune ") }.map(\.name)
        #expect(commands == ["attune analyze", "attune turns", "attune listen", "attune record", "attune tokenize", "attune embed", "attune memory", "attune affect", "attune context", "attune serve", "attune profile"])
        #expect(report.checks.filter { $0.name.hasPrefix("attune ") }.allSatisfy { $0.status == "ok" })
    }

    @Test func aBudgetTheCommandsRefuseFailsNamingTheNeed() throws {
        let (status, report) = try Self.report(["--memory-budget", "10MB"])
        #expect(status == 1)
        let turns = try #require(report.checks.first { $0.name == "attune turns" })
        #expect(turns.status == "fail")
        #expect(turns.detail.contains("the budget is 10.0 MB"))
        #expect(turns.hint?.contains("--memory-budget") == true)
        // 30 MB runs the audio commands but not the sentence model (23.5 MB mapped + 20 MB baseline).
        let (status30, report30) = try Self.report(["--memory-budget", "30MB"])
        #expect(status30 == 1)
        #expect(report30.checks.first { $0.name == "attune turns" }?.status == "ok")
        let embed = try #require(report30.checks.first { $0.name == "attune embed" })
        #expect(embed.status == "fail")
        #expect(embed.detail.hasPrefix("needs 46.5 MB"), "\(embed.detail)")
        let refused = try AttuneBinary.run(["embed", "--memory-budget", "30MB"], standardInput: Data("hello\n".utf8))
        #expect(refused.status != 0, "the command refuses the budget doctor refuses")
    }

    @Test func missingModelsFailEveryCommandThatLoadsThem() throws {
        let (status, report) = try Self.report([], environment: ["ATTUNE_MODELS": "/nonexistent"])
        #expect(status == 1)
        for name in ["turns", "listen", "tokenize", "embed", "affect", "serve", "profile"] {
            let check = try #require(report.checks.first { $0.name == "attune \(name)" })
            #expect(check.status == "fail", "\(name)")
            #expect(check.detail.contains("/nonexistent/"), "\(check.detail)")
        }
        #expect(report.checks.first { $0.name == "attune analyze" }?.status == "ok")
    }

    @Test func aCorruptModelFailsAsTheCommandWould() throws {
        let directory = try CLITestPaths.temporaryDirectory()
        let models = CLITestPaths.repositoryRoot.appendingPathComponent("models")
        for file in try FileManager.default.contentsOfDirectory(atPath: models.path) {
            try FileManager.default.copyItem(at: models.appendingPathComponent(file), to: directory.appendingPathComponent(file))
        }
        try Data("not a model".utf8).write(to: directory.appendingPathComponent("minilm-l6-v2-int8.bin"))
        let (status, report) = try Self.report([], environment: ["ATTUNE_MODELS": directory.path])
        #expect(status == 1)
        let embed = try #require(report.checks.first { $0.name == "attune embed" })
        #expect(embed.status == "fail")
        #expect(embed.detail.contains("minilm-l6-v2-int8.bin"))
        #expect(report.checks.first { $0.name == "attune tokenize" }?.status == "ok")
    }
}
