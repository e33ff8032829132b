import AttuneRapport
import Testing

/// Risky plans (`risky-plans.jsonl`) and isolation against social contact (`isolation.jsonl`).
@Suite struct PlanAndSocialReadingTests {
    struct PlanRow: Decodable {
        let text: String
        let domain: String?
    }

    struct SocialRow: Decodable {
        let text: String
        let isolation: Bool?
        let social: Bool?
    }

    @Test func riskyPlansNameTheirDomainARiskAndASaferOption() throws {
        let table = try RapportTable<PlanRow>("risky-plans.jsonl")
        let reader = UtteranceReader()
        for line in table.lines {
            let reading = reader.read(line.row.text, timeMs: tableTimeMs)
            let label = line.label(table.file, line.row.text)
            #expect(reading.riskyPlan?.domain.rawValue == line.row.domain, "\(label): \(String(describing: reading.riskyPlan))")
            if let plan = reading.riskyPlan {
                #expect(!plan.risk.isEmpty && !plan.saferOption.isEmpty && line.row.text.contains(plan.phrase), "\(label)")
                #expect(!plan.saferOption.lowercased().contains("support their decision"), "\(label)")
            }
        }
    }

    @Test func isolationAndSocialContactReadAsTheTableSays() throws {
        let table = try RapportTable<SocialRow>("isolation.jsonl")
        let reader = UtteranceReader()
        for line in table.lines {
            let reading = reader.read(line.row.text, timeMs: tableTimeMs)
            let label = line.label(table.file, line.row.text)
            if let isolation = line.row.isolation { #expect(!reading.isolation.isEmpty == isolation, "\(label): isolation \(reading.isolation)") }
            if let social = line.row.social { #expect(!reading.socialContact.isEmpty == social, "\(label): social \(reading.socialContact)") }
        }
    }
}
