import AttuneMemory
import Foundation
import Testing

/// Every hand-checked phrase in Tests/Data/memory/time-phrases.tsv resolves to exactly the intervals
/// the file states (or to no mention at all for the negatives).
@Suite struct TimePhraseTableTests {
    @Test func everyPhraseResolvesAsHandChecked() throws {
        let rows = try TimePhraseRow.load()
        #expect(rows.count >= 300, "the phrase table should hold at least 300 phrases, has \(rows.count)")
        var failures: [String] = []
        for row in rows {
            let resolver = TimeExpressionResolver(timeZone: row.zone)
            let preference: TimeOrientationPreference =
                switch row.orientation {
                case "past": .always(.past)
                case "future": .always(.future)
                default: .inferFromTense
                }
            let found = resolver.mentions(in: row.sentence, at: row.reference, orientation: preference)
                .map { TimePhraseRow.ClosedOpen(start: $0.interval.start, end: $0.interval.end) }
            if found != row.expected {
                failures.append("\(row): expected \(row.expected), got \(found)")
            }
        }
        #expect(failures.isEmpty, "\(failures.count) of \(rows.count) phrases differ:\n\(failures.joined(separator: "\n"))")
    }
}
