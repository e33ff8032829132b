import AttuneRapport
import Foundation
import Testing

/// Bad turns are refused with the field named, before anything is stored.
@Suite struct TurnValidationTests {
    func problem(_ json: String, after previous: Int64? = nil) -> String? {
        do {
            let turn = try RapportTurnLine.decode(Data(json.utf8))
            _ = try turn.validated(after: previous)
            return nil
        } catch let problem as RapportTurnProblem {
            return problem.description
        } catch {
            return "\(error)"
        }
    }

    @Test func eachRuleNamesItsField() {
        #expect(problem(#"{"time":"2025-01-13T07:07:40Z","speaker":"user","text":"hi"}"#) == nil)
        #expect(problem(#"{"time":"2025-01-13T07:07:40Z","speaker":"user","text":"hi""#) == "is not valid JSON")
        #expect(problem(#"["hi"]"#) == "is not a JSON object")
        #expect(problem(#"{"speaker":"user","text":"hi"}"#) == "has no \"time\"")
        #expect(problem(#"{"time":"yesterday","speaker":"user","text":"hi"}"#)?.contains("RFC 3339") == true)
        #expect(problem(#"{"time":"2025-01-13T07:07:40","speaker":"user","text":"hi"}"#)?.contains("RFC 3339") == true, "no offset")
        #expect(problem(#"{"time":"2025-01-13T07:07:40Z","speaker":"user","text":"  "}"#) == "has an empty \"text\"")
        #expect(problem(#"{"time":"2025-01-13T07:07:40Z","speaker":"system","text":"hi"}"#)?.contains("host role") == true)
        #expect(problem(#"{"time":"2025-01-13T07:07:40Z","speaker":"<script>","text":"hi"}"#)?.contains("speaker") == true)
        #expect(problem(#"{"time":"2025-01-13T07:07:40Z","speeker":"user","text":"hi"}"#)?.contains("unknown field \"speeker\"") == true)
        #expect(problem(#"{"time":"2025-01-13T07:07:40Z","speaker":"user","text":"hi","prosody":{"rate":4}}"#)?.contains("prosody.rate") == true)
        #expect(problem(#"{"time":"2025-01-13T07:07:40Z","speaker":"user","text":"hi","prosody":{"loudnessDb":"loud"}}"#)?.contains("prosody.loudnessDb") == true)
        #expect(problem(#"{"time":"2025-01-13T07:07:40Z","speaker":"user","text":"hi","prosody":{"f0MeanHz":5000}}"#)?.contains("prosody.f0MeanHz") == true)
        #expect(problem(#"{"time":"2025-01-13T07:07:40Z","speaker":"user","text":"hi","session":""}"#)?.contains("session") == true)
        #expect(problem(#"{"time":"2025-01-13T07:07:40Z","speaker":"user","text":"hi"}"#, after: 1_736_752_061_000)?.contains("earlier than the turn before") == true)
        let huge = String(repeating: "a", count: 1 << 20)
        #expect(problem(#"{"time":"2025-01-13T07:07:40Z","speaker":"user","text":"\#(huge)"}"#)?.contains("bytes") == true)
    }
}
