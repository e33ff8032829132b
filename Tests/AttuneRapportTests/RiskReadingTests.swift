import AttuneRapport
import Testing

/// Hand-off risk, from `Tests/Data/rapport/risk-cases.jsonl`: each row's expected category (or none),
/// and for hard negatives the reason the risk words were dismissed.
@Suite struct RiskReadingTests {
    struct Row: Decodable {
        let text: String
        let risk: String?
        let dismissal: String?
    }

    @Test func everyRowReadsAsItsTableSays() throws {
        let table = try RapportTable<Row>("risk-cases.jsonl")
        let reader = UtteranceReader()
        #expect(table.lines.count >= 60)
        for line in table.lines {
            let reading = reader.read(line.row.text, timeMs: tableTimeMs)
            let label = line.label(table.file, line.row.text)
            #expect(reading.risk?.category.rawValue == line.row.risk,
                    "\(label): risk \(reading.risk.map { "\($0.category.rawValue) '\($0.phrase)'" } ?? "none"), dismissals \(reading.riskDismissals)")
            if let reason = line.row.dismissal {
                #expect(reading.riskDismissals.contains { $0.reason.rawValue == reason },
                        "\(label): expected a \(reason) dismissal, got \(reading.riskDismissals)")
            }
            if let risk = reading.risk { #expect(!risk.phrase.isEmpty && line.row.text.contains(risk.phrase), "\(label): phrase '\(risk.phrase)'") }
        }
    }

    @Test func theHandOffPhraseQuotesThePersonsOwnWords() {
        let reading = UtteranceReader().read("Honestly? I’ve been saving up my pills for a while.", timeMs: tableTimeMs)
        #expect(reading.risk == UtteranceReading.RiskCue(category: .preparations, phrase: "I’ve been saving up my pills"))
    }
}
