import Foundation

/// What the host's recogniser had heard by input time `t` (seconds): one line of an
/// `attune turns --transcript` file, `{"t": seconds, "text": "partial transcript so far"}`.
public struct PartialTranscript: Codable, Equatable, Sendable {
    public var t: Double
    public var text: String

    public init(t: Double, text: String) {
        self.t = t
        self.text = text
    }

    /// The lines of a transcript file, times never decreasing; blank lines are skipped.
    /// - Throws: `PartialTranscriptFileError` naming the file and the line.
    public static func load(path: String) throws(PartialTranscriptFileError) -> [PartialTranscript] {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        var entries: [PartialTranscript] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            let parsed: Line
            do {
                parsed = try JSONDecoder().decode(Line.self, from: Data(text.utf8))
            } catch {
                throw .badLine(path: path, line: number + 1, reason: "not a JSON object")
            }
            guard let t = parsed.t, t.isFinite, t >= 0 else {
                throw .badLine(path: path, line: number + 1, reason: "\"t\" must be a number of seconds ≥ 0")
            }
            guard let words = parsed.text else {
                throw .badLine(path: path, line: number + 1, reason: "\"text\" must be a string")
            }
            if let last = entries.last, t < last.t {
                throw .badLine(path: path, line: number + 1, reason: "t goes back in time (\(t) after \(last.t))")
            }
            entries.append(PartialTranscript(t: t, text: words))
        }
        return entries
    }

    /// One line as read: any JSON object, its fields checked one by one so the error can name them.
    private struct Line: Decodable {
        var t: Double?
        var text: String?

        enum CodingKeys: String, CodingKey { case t, text }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            t = try? container.decodeIfPresent(Double.self, forKey: .t)
            text = try? container.decodeIfPresent(String.self, forKey: .text)
        }
    }
}

public enum PartialTranscriptFileError: Error, CustomStringConvertible {
    case unreadable(path: String)
    case badLine(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(path): return "cannot read the transcript file \(path)"
        case let .badLine(path, line, reason):
            return "\(path):\(line): \(reason); expected one {\"t\": seconds, \"text\": \"…\"} per line"
        }
    }
}
