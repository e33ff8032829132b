import AttuneRapport
import AttuneStore
import Foundation
import Testing

/// Preferences, topic bans with their scope, corrections and intensity (`preferences.jsonl`).
@Suite struct PreferenceReadingTests {
    struct Ban: Decodable {
        let topic: String
        let keywords: [String]
        let scope: String
        let lifts: Bool
    }

    struct Row: Decodable {
        let text: String
        let preferences: [String]?
        let bans: [Ban]?
        let corrections: [String]?
        let intensity: String?
        /// The listed preferences must NOT be read.
        let expectNot: Bool?
    }

    static func scopeName(_ scope: UtteranceReading.TopicBan.Scope) -> String {
        switch scope {
        case .untilLifted: return "until_lifted"
        case .session: return "session"
        case .until(let endMs): return "until:" + RFC3339Time.format(endMs)
        }
    }

    static func correctionName(_ kind: UtteranceReading.Correction.Kind) -> String {
        switch kind {
        case .tooLong: return "too_long"
        case .tooShort: return "too_short"
        case .tooPersonal: return "too_personal"
        case .tooSlow: return "too_slow"
        case .tooFast: return "too_fast"
        case .fact(let right, let wrong): return "fact:\(right)/\(wrong ?? "")"
        case .stopAsking(let topic): return "stop_asking:\(topic)"
        }
    }

    /// "today" is the person's day: in New York, Friday 13:00 local, it ends at 05:00 UTC on Saturday.
    @Test func aBanForTodayEndsAtLocalMidnight() throws {
        let zone = try #require(TimeZone(identifier: "America/New_York"))
        let reading = UtteranceReader(timeZone: zone).read("let's not talk about work today", timeMs: tableTimeMs)
        let ban = try #require(reading.topicBans.first)
        #expect(Self.scopeName(ban.scope) == "until:2026-03-07T05:00:00Z")
        #expect(Self.scopeName(UtteranceReader().read("let's not talk about work today", timeMs: tableTimeMs).topicBans[0].scope) == "until:2026-03-07T00:00:00Z")
    }

    @Test func everyRowReadsAsItsTableSays() throws {
        let table = try RapportTable<Row>("preferences.jsonl")
        let reader = UtteranceReader()
        for line in table.lines {
            let row = line.row
            let reading = reader.read(row.text, timeMs: tableTimeMs)
            let label = line.label(table.file, row.text)
            let preferences = reading.preferences.map { "\($0.preference.rawValue):\($0.on ? "on" : "off")" }
            if let expected = row.preferences {
                if row.expectNot == true {
                    for name in expected { #expect(!preferences.contains(name), "\(label): read \(name)") }
                } else {
                    #expect(preferences == expected, "\(label): preferences \(preferences)")
                }
            }
            if let expected = row.bans {
                #expect(reading.topicBans.count == expected.count, "\(label): bans \(reading.topicBans)")
                for (ban, want) in zip(reading.topicBans, expected) {
                    #expect(ban.topic == want.topic, "\(label): topic '\(ban.topic)'")
                    #expect(Self.scopeName(ban.scope) == want.scope, "\(label): scope \(Self.scopeName(ban.scope))")
                    #expect(ban.lifts == want.lifts, "\(label): lifts \(ban.lifts)")
                    for keyword in want.keywords { #expect(ban.keywords.contains(keyword), "\(label): keywords \(ban.keywords) lack \(keyword)") }
                }
            }
            if let expected = row.corrections {
                let names = reading.corrections.map { Self.correctionName($0.kind) }
                #expect(names == expected, "\(label): corrections \(names)")
            }
            if let expected = row.intensity {
                // "none": the turn asks for no change of intensity.
                #expect((reading.intensity.map { $0.reduce ? "reduce" : "raise" } ?? "none") == expected, "\(label): intensity \(String(describing: reading.intensity))")
            }
        }
    }
}
