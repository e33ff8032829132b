import AttuneRapport
import Testing

/// Requests for false claims and questions about the assistant (`false-claim-requests.jsonl`), and the
/// guidance scanner (`guidance-scan.jsonl`: what each line licenses, empty when honest).
@Suite struct FalseClaimReadingTests {
    struct RequestRow: Decodable {
        let text: String
        let claim: String?
        let role: String?
        let question: String?
    }

    struct ScanRow: Decodable {
        let text: String
        let claims: [String]
    }

    @Test func requestsAndQuestionsReadAsTheTableSays() throws {
        let table = try RapportTable<RequestRow>("false-claim-requests.jsonl")
        let reader = UtteranceReader()
        for line in table.lines {
            let reading = reader.read(line.row.text, timeMs: tableTimeMs)
            let label = line.label(table.file, line.row.text)
            #expect(reading.falseClaimRequest?.claim.rawValue == line.row.claim, "\(label): request \(String(describing: reading.falseClaimRequest))")
            if let role = line.row.role { #expect(reading.falseClaimRequest?.role == role, "\(label): role \(String(describing: reading.falseClaimRequest?.role))") }
            #expect(reading.assistantQuestion?.topic.rawValue == line.row.question, "\(label): question \(String(describing: reading.assistantQuestion))")
        }
    }

    @Test func theScannerFindsLicensingWordingAndLetsHonestWordingThrough() throws {
        let table = try RapportTable<ScanRow>("guidance-scan.jsonl")
        let scanner = FalseClaimScanner()
        #expect(table.lines.contains { $0.row.claims.isEmpty } && table.lines.contains { !$0.row.claims.isEmpty })
        for line in table.lines {
            let findings = scanner.findings(in: line.row.text)
            #expect(findings.map(\.claim.rawValue) == line.row.claims, "\(line.label(table.file, line.row.text)): \(findings)")
            for finding in findings { #expect(line.row.text.contains(finding.phrase)) }
        }
    }
}
