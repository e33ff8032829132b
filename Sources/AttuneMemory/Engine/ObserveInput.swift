import AttuneStore
import Foundation

/// One line of `attune memory observe`'s input: `{"time":"2025-01-13T07:07:40Z","speaker":"sam",
/// "text":"…","session":"…"}` (`session` optional). Decoded as a `Codable` type; unknown fields are
/// refused so a misspelt key ("speeker") is not silently dropped.
public struct ObserveInput: Codable, Sendable, Equatable {
    public var time: String
    public var speaker: String
    public var text: String
    public var session: String?

    static let knownKeys: Set<String> = ["time", "speaker", "text", "session"]

    /// Why a line was refused, without quoting its text.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public let description: String
        init(_ description: String) { self.description = description }
    }

    /// The turn a line describes.
    public static func parse(_ line: Data) throws(Problem) -> ObservedTurn {
        guard String(data: line, encoding: .utf8) != nil else { throw Problem("is not valid UTF-8") }
        let keys: [String]
        do {
            guard let object = try JSONSerialization.jsonObject(with: line) as? [String: Any] else { throw Problem("is not a JSON object") }
            keys = Array(object.keys)
        } catch let problem as Problem {
            throw problem
        } catch {
            throw Problem("is not valid JSON")
        }
        if let unknown = keys.filter({ !knownKeys.contains($0) }).sorted().first {
            throw Problem("has an unknown field \"\(unknown)\" (known: \(knownKeys.sorted().joined(separator: ", ")))")
        }
        let input: ObserveInput
        do {
            input = try JSONDecoder().decode(ObserveInput.self, from: line)
        } catch let DecodingError.keyNotFound(key, _) {
            throw Problem("has no \"\(key.stringValue)\"")
        } catch {
            throw Problem("has a field of the wrong type (time, speaker, text and session are strings)")
        }
        guard let timeMs = RFC3339Time.parse(input.time) else {
            throw Problem("has a \"time\" that is not an RFC 3339 time like 2025-01-13T07:07:40Z")
        }
        guard !input.speaker.trimmingCharacters(in: .whitespaces).isEmpty else { throw Problem("has an empty \"speaker\"") }
        guard !input.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw Problem("has an empty \"text\"") }
        return ObservedTurn(timeMs: timeMs, speaker: input.speaker, text: input.text, session: input.session)
    }
}
