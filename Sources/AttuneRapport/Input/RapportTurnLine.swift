import Foundation

/// One JSON line of `attune context`'s input, decoded as a `RapportTurn`. Unknown fields (top level
/// and in `prosody`) are refused, so a misspelt key ("speeker") is not silently dropped.
public enum RapportTurnLine {
    static let knownKeys: Set<String> = ["time", "speaker", "text", "session", "prosody"]
    static let knownProsodyKeys: Set<String> = ["f0MeanHz", "f0RangeSemitones", "speechRateSylPerSec", "loudnessDb", "pauseBeforeMs"]

    /// The turn a line describes (its rules are checked by `RapportTurn.validated(after:)`).
    public static func decode(_ line: Data) throws(RapportTurnProblem) -> RapportTurn {
        guard String(data: line, encoding: .utf8) != nil else { throw RapportTurnProblem("is not valid UTF-8") }
        let object: [String: Any]
        do {
            guard let decoded = try JSONSerialization.jsonObject(with: line) as? [String: Any] else { throw RapportTurnProblem("is not a JSON object") }
            object = decoded
        } catch let problem as RapportTurnProblem {
            throw problem
        } catch {
            throw RapportTurnProblem("is not valid JSON")
        }
        if let unknown = object.keys.filter({ !knownKeys.contains($0) }).sorted().first {
            throw RapportTurnProblem("has an unknown field \"\(unknown)\" (known: \(knownKeys.sorted().joined(separator: ", ")))")
        }
        if let prosody = object["prosody"] as? [String: Any], let unknown = prosody.keys.filter({ !knownProsodyKeys.contains($0) }).sorted().first {
            throw RapportTurnProblem("has an unknown field \"prosody.\(unknown)\" (known: \(knownProsodyKeys.sorted().joined(separator: ", ")))")
        }
        for key in ["time", "speaker", "text"] where object[key] == nil || object[key] is NSNull {
            throw RapportTurnProblem("has no \"\(key)\"")
        }
        do {
            return try JSONDecoder().decode(RapportTurn.self, from: line)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw RapportTurnProblem("has \"\(path)\" of the wrong type (time, speaker, text and session are strings, prosody values numbers)")
        } catch {
            throw RapportTurnProblem("has a field of the wrong type (time, speaker, text and session are strings, prosody values numbers)")
        }
    }
}
