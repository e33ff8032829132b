import AttuneMemory
import AttuneRapport
import Foundation

/// A message from Attune to the host: one JSON object per line, keys sorted. Answers to a
/// request repeat its `id`; turn events go to every connected host as they are decided.
public enum ServiceMessage: Equatable, Sendable {
    case hello(Hello)
    case turnEvent(TurnEventMessage)
    case context(Context)
    case handoff(Handoff)
    case noted(Noted)
    case recall(Recall)
    case followups(Followups)
    case forgotten(Forgotten)
    case set(Settings)
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

    /// The rapport context for the assistant's reply to a final user transcript (docs/RAPPORT.md),
    /// and the same rendered as a prompt block to put before the language model's turn. Sent after
    /// the turn's transaction committed, so a turn that got its context survives a crash.
    public struct Context: Codable, Equatable, Sendable {
        public var type = "context"
        public var context: RapportContext
        public var prompt: String
        public var id: String?
        public init(context: RapportContext, prompt: String, id: String?) {
            self.context = context
            self.prompt = prompt
            self.id = id
        }
    }

    /// Sent to every host the moment a turn raises a hand-off (a crisis, danger, a fall): point the
    /// person to human help now. The same flag is in that turn's `context`.
    public struct Handoff: Codable, Equatable, Sendable {
        public var type = "handoff"
        /// The turn that raised it, RFC 3339.
        public var time: String
        public var speaker: String
        public var session: String
        public var handoff: HandoffFlag
        public init(time: String, speaker: String, session: String, handoff: HandoffFlag) {
            self.time = time
            self.speaker = speaker
            self.session = session
            self.handoff = handoff
        }
    }

    /// An assistant turn was committed to memory.
    public struct Noted: Codable, Equatable, Sendable {
        public var type = "noted"
        public var time: String
        public var id: String?
        public init(time: String, id: String?) {
            self.time = time
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

    /// The answer to `set`: the changes saved to the person's model, which their next `context`
    /// lists again in `adjustments` and follows in its guidance.
    public struct Settings: Codable, Equatable, Sendable {
        public var type = "set"
        public var speaker: String
        public var adjustments: [ContextAdjustment]
        public var id: String?
        public init(speaker: String, adjustments: [ContextAdjustment], id: String?) {
            self.speaker = speaker
            self.adjustments = adjustments
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
            bytes = Array(try encoder.encode(self))
        } catch {
            // Only a non-finite number can fail to encode; the message types hold none they do not check.
            preconditionFailure("a service message did not encode: \(error)")
        }
        bytes.append(0x0A)
        return bytes
    }
}

/// Each message encodes as its own object, `type` included.
extension ServiceMessage: Encodable {
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .hello(let m): try m.encode(to: encoder)
        case .turnEvent(let m): try m.encode(to: encoder)
        case .context(let m): try m.encode(to: encoder)
        case .handoff(let m): try m.encode(to: encoder)
        case .noted(let m): try m.encode(to: encoder)
        case .recall(let m): try m.encode(to: encoder)
        case .followups(let m): try m.encode(to: encoder)
        case .forgotten(let m): try m.encode(to: encoder)
        case .set(let m): try m.encode(to: encoder)
        case .stats(let m): try m.encode(to: encoder)
        case .error(let m): try m.encode(to: encoder)
        case .goodbye(let m): try m.encode(to: encoder)
        }
    }
}
