import AttuneMemory
import Foundation

/// A message from Attune to the host: one JSON object per line, keys sorted. Answers to a
/// request repeat its `id`; turn events go to every connected host as they are decided.
public enum ServiceMessage: Equatable, Sendable {
    case hello(Hello)
    case turnEvent(TurnEventMessage)
    case observed(Observed)
    case recall(Recall)
    case followups(Followups)
    case forgotten(Forgotten)
    case stats(ServiceStats)
    case error(ErrorReply)
    case goodbye(Goodbye)

    /// The answer to `hello`: the version both speak from now on.
    public struct Hello: Codable, Equatable, Sendable {
        public var type = "hello"
        public var version: Int
        public var versions: [Int]
        /// "attune 0.x.y".
        public var server: String
        /// Whether Attune captures a microphone itself (else the host may send `audio`).
        public var capture: Bool
        /// Whether a memory store is open (recall, forget, followups and final transcripts need one).
        public var memory: Bool
        public var id: String?
        public init(version: Int, server: String, capture: Bool, memory: Bool, id: String?) {
            self.version = version
            versions = AttuneProtocol.supportedVersions
            self.server = server
            self.capture = capture
            self.memory = memory
            self.id = id
        }
    }

    /// A final transcript (or assistant turn) was taken into memory: what was stored, superseded and
    /// forgotten. Sent after the turn's transaction committed, so an `observed` turn survives a crash.
    public struct Observed: Codable, Equatable, Sendable {
        public var type = "observed"
        public var memory: ObserveOutcome
        public var id: String?
        public init(memory: ObserveOutcome, id: String?) {
            self.memory = memory
            self.id = id
        }
    }

    public struct Recall: Codable, Equatable, Sendable {
        public var type = "recall"
        public var answer: RecallAnswer
        public var id: String?
        public init(answer: RecallAnswer, id: String?) {
            self.answer = answer
            self.id = id
        }
    }

    public struct Followups: Codable, Equatable, Sendable {
        public var type = "followups"
        public var answer: FollowupsAnswer
        public var id: String?
        public init(answer: FollowupsAnswer, id: String?) {
            self.answer = answer
            self.id = id
        }
    }

    /// What a `forget` removed (an empty list when nothing matched).
    public struct Forgotten: Codable, Equatable, Sendable {
        public var type = "forgotten"
        public var forgot: [ForgottenItem]
        public var id: String?
        public init(forgot: [ForgottenItem], id: String?) {
            self.forgot = forgot
            self.id = id
        }
    }

    /// A line was not acted on. `line` is its number on this connection (from 1).
    public struct ErrorReply: Codable, Equatable, Sendable {
        public var type = "error"
        public var code: ProtocolError.Code
        public var message: String
        public var line: Int?
        public var field: String?
        public var id: String?
        public init(_ error: ProtocolError, line: Int?, id: String? = nil) {
            code = error.code
            message = error.message
            self.line = line
            field = error.field
            self.id = id
        }
    }

    /// Attune is stopping (asked by `shutdown`, or by SIGTERM): nothing follows on this connection.
    public struct Goodbye: Codable, Equatable, Sendable {
        public var type = "goodbye"
        public var reason: String
        public var id: String?
        public init(reason: String, id: String? = nil) {
            self.reason = reason
            self.id = id
        }
    }

    /// The message as one JSON line, newline included.
    public func encodedLine() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8]
        do {
            switch self {
            case .hello(let m): bytes = Array(try encoder.encode(m))
            case .turnEvent(let m): bytes = Array(try encoder.encode(m))
            case .observed(let m): bytes = Array(try encoder.encode(m))
            case .recall(let m): bytes = Array(try encoder.encode(m))
            case .followups(let m): bytes = Array(try encoder.encode(m))
            case .forgotten(let m): bytes = Array(try encoder.encode(m))
            case .stats(let m): bytes = Array(try encoder.encode(m))
            case .error(let m): bytes = Array(try encoder.encode(m))
            case .goodbye(let m): bytes = Array(try encoder.encode(m))
            }
        } catch {
            // Only a non-finite number can fail to encode; the message types hold none they do not check.
            preconditionFailure("a service message did not encode: \(error)")
        }
        bytes.append(0x0A)
        return bytes
    }
}
