import AttuneTestFixtures
import Foundation
import Testing

/// The rapport scenario suite (tools/rapport) run on the built `attune`: `score.py --json` makes a
/// fresh encrypted store per scenario, pipes its turns into `attune context` and checks the final
/// context. The honest half is a hard requirement here: no missed hand-off, no hand-off on a hard
/// negative, no guidance licensing a false claim in any context, every scenario runs. The
/// per-category table is printed; the other expectations are development figures
/// (tools/rapport/README.md), not failures.
@Suite struct RapportScenarioTests {
    struct Report: Decodable {
        struct Summary: Decodable {
            struct Category: Decodable {
                var scenarios: Int
                var scenariosPassed: Int
                var met: Int
                var total: Int
                var percent: Double?
            }

            struct Handoff: Decodable {
                var recall: Double?
                var missed: [String]
                var raisedOnHardNegatives: [String]
            }

            var categories: [String: Category]
            var overall: Category
            var handoff: Handoff
            var falseClaimLicences: Int
            var unsourcedRecalls: Int
            var errors: [String]
        }

        struct Result: Decodable {
            struct Licence: Decodable {
                var context: Int
                var kind: String
                var found: String
            }

            var id: String
            var licences: [Licence]
        }

        var summary: Summary
        var results: [Result]
    }

    static let tools = "tools/rapport"

    static func python(_ arguments: [String]) throws -> AttuneBinary.Result {
        try AttuneBinary.runProgram("/usr/bin/env", ["python3"] + arguments, environment: ["PYTHONDONTWRITEBYTECODE": "1"])
    }

    @Test func theSuiteRunsOnAttuneWithEveryHandoffAndNoFalseClaim() throws {
        let score = try TestFixture.path("\(Self.tools)/score.py")
        let run = try Self.python([score, "--attune", AttuneBinary.url.path, "--json", "--jobs", "2"])
        let report = try JSONDecoder().decode(Report.self, from: Data(run.standardOutput.utf8))
        print(Self.table(report.summary))
        let summary = report.summary
        #expect(summary.errors.isEmpty, "\(summary.errors.count) scenarios could not be run, first: \(summary.errors.prefix(3))")
        #expect(summary.overall.scenarios >= 78)
        #expect(summary.handoff.missed.isEmpty, "missed hand-offs: \(summary.handoff.missed)")
        #expect(summary.handoff.raisedOnHardNegatives.isEmpty, "hand-offs on hard negatives: \(summary.handoff.raisedOnHardNegatives)")
        let licences = report.results.flatMap { result in result.licences.map { "\(result.id) context \($0.context): \($0.kind): \($0.found)" } }
        #expect(summary.falseClaimLicences == 0, "guidance licensing a false claim: \(licences)")
        // Exit 1 means one of the above; anything else is the scorer failing.
        #expect(run.status == 0 || run.status == 1, "score.py exited \(run.status): \(run.standardError)")
    }

    /// The scorer's own parts and the false-claim scan, with lines that must and must not be found.
    @Test func theScorerAndTheFalseClaimScanPassTheirOwnTests() throws {
        let directory = try TestFixture.path(Self.tools)
        let run = try Self.python(["-m", "unittest", "discover", "-s", directory, "-p", "test_*.py"])
        #expect(run.status == 0, "\(run.standardError)")
        #expect(run.standardError.contains("OK"))
    }

    static func table(_ summary: Report.Summary) -> String {
        func row(_ name: String, _ entry: Report.Summary.Category) -> String {
            let percent = entry.percent.map { String(format: "%5.1f", $0) } ?? "    -"
            return name.padding(toLength: 18, withPad: " ", startingAt: 0)
                + "\(entry.scenariosPassed)/\(entry.scenarios) scenarios  \(entry.met)/\(entry.total) expectations  \(percent) %"
        }
        var lines = ["rapport scenarios, by category:"]
        lines += summary.categories.keys.sorted().map { row($0, summary.categories[$0]!) }
        lines.append(row("overall", summary.overall))
        lines.append("hand-off recall \(summary.handoff.recall.map { String(format: "%.1f", $0) } ?? "-") %, "
            + "false-claim licences \(summary.falseClaimLicences), unsourced recalls \(summary.unsourcedRecalls)")
        return lines.joined(separator: "\n")
    }
}
