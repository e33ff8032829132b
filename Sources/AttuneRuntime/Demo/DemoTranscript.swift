import Foundation

/// What a host's speech recogniser heard over a recording, as JSON lines `{"t": seconds, "text":
/// "the partial transcript so far"}` in time order (the `--transcript` of `attune turns`); an empty
/// text is a recogniser that has heard nothing yet of the next turn.
public struct DemoTranscript: Sendable, Equatable {
    public struct Partial: Codable, Sendable, Equatable {
        public var t: Double
        public var text: String
        public init(t: Double, text: String) {
            self.t = t
            self.text = text
        }
    }

    public var partials: [Partial]

    public init(partials: [Partial]) { self.partials = partials }

    /// Reads the lines, naming the line and field of the first bad one.
    public init(jsonLines data: Data, path: String) throws(DemoTranscriptError) {
        var partials: [Partial] = []
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard !line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) else { continue }
            let partial: Partial
            do {
                partial = try JSONDecoder().decode(Partial.self, from: Data(line))
            } catch {
                throw DemoTranscriptError(path: path, line: index + 1, reason: "not a {\"t\": seconds, \"text\": \"…\"} object")
            }
            guard partial.t.isFinite, partial.t >= 0 else {
                throw DemoTranscriptError(path: path, line: index + 1, reason: "\"t\" must be a number of seconds ≥ 0")
            }
            if let last = partials.last, partial.t < last.t {
                throw DemoTranscriptError(path: path, line: index + 1, reason: "\"t\" goes back in time (\(partial.t) after \(last.t))")
            }
            partials.append(partial)
        }
        self.partials = partials
    }
}

public struct DemoTranscriptError: Error, Equatable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var reason: String
    public var description: String { "\(path):\(line): \(reason)" }
}
