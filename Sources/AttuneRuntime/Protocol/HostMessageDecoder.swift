import AttuneStore
import Foundation

/// Turns one line from the host into a `HostMessage`, or a `ProtocolError` that says what is wrong
/// with it in words a host developer can act on (the field, what it should be). It never throws
/// anything else and never stops on a bad line: the caller answers with an `error` and reads on.
public struct HostMessageDecoder: Sendable {
    public init() {}

    /// The message on `line`, or nil for a blank line (which is ignored, as between JSON lines).
    public func decode(_ line: [UInt8]) throws(ProtocolError) -> HostMessage? {
        guard let text = String(validating: line, as: UTF8.self) else {
            throw ProtocolError(.malformed, "the line is not valid UTF-8")
        }
        if text.allSatisfy({ $0 == " " || $0 == "\t" }) { return nil }
        let data = Data(line)
        let type: String
        do {
            guard let named = try JSONDecoder().decode(Envelope.self, from: data).type else {
                throw ProtocolError(.unknownType, "the object has no \"type\"; expected one of \(Self.typeList)", field: "type")
            }
            type = named
        } catch let error as ProtocolError {
            throw error
        } catch DecodingError.typeMismatch(_, let context) where context.codingPath.isEmpty {
            throw ProtocolError(.malformed, "the line is JSON but not an object; send one {\"type\":…} object per line")
        } catch DecodingError.typeMismatch(_, _) {
            throw ProtocolError(.unknownType, "\"type\" must be a string, one of \(Self.typeList)", field: "type")
        } catch {
            throw ProtocolError(.malformed, "the line is not valid JSON; send one {\"type\":…} object per line")
        }
        let message: HostMessage
        switch type {
        case "hello": message = .hello(try decode(HostMessage.Hello.self, data))
        case "transcript": message = .transcript(try decode(HostMessage.Transcript.self, data))
        case "assistant_turn": message = .assistantTurn(try decode(HostMessage.AssistantTurn.self, data))
        case "playback_start": message = .playbackStart
        case "playback_stop": message = .playbackStop
        case "audio": message = .audio(try decode(HostMessage.Audio.self, data))
        case "forget": message = .forget(try decode(HostMessage.Forget.self, data))
        case "recall": message = .recall(try decode(HostMessage.Recall.self, data))
        case "followups": message = .followups(try decode(HostMessage.Followups.self, data))
        case "set": message = .set(try decode(HostMessage.Settings.self, data))
        case "stats": message = .stats(try decode(HostMessage.Request.self, data))
        case "shutdown": message = .shutdown(try decode(HostMessage.Request.self, data))
        default:
            throw ProtocolError(.unknownType, "unknown type \"\(Self.printable(type))\"; expected one of \(Self.typeList)", field: "type")
        }
        try Self.validate(message)
        return message
    }

    private struct Envelope: Decodable { var type: String? }

    static let typeList = HostMessage.typeNames.joined(separator: ", ")

    private func decode<T: Decodable>(_ type: T.Type, _ data: Data) throws(ProtocolError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch DecodingError.keyNotFound(let key, let context) {
            let path = Self.path(context.codingPath + [key])
            throw ProtocolError(.badField, "the message needs \"\(path)\"", field: path)
        } catch DecodingError.typeMismatch(let expected, let context) {
            let path = Self.path(context.codingPath)
            throw ProtocolError(.badField, "\"\(path)\" must be \(Self.jsonKind(expected))", field: path)
        } catch DecodingError.valueNotFound(let expected, let context) {
            let path = Self.path(context.codingPath)
            throw ProtocolError(.badField, "\"\(path)\" must be \(Self.jsonKind(expected)), not null", field: path)
        } catch {
            throw ProtocolError(.malformed, "the message could not be read: \(error)")
        }
    }

    /// Checks what the types alone cannot: times, ranges, non-empty texts.
    static func validate(_ message: HostMessage) throws(ProtocolError) {
        switch message {
        case .hello(let hello):
            if hello.versions.isEmpty { throw ProtocolError(.badField, "\"versions\" must name at least one version", field: "versions") }
        case .transcript(let transcript):
            if transcript.isFinal, isBlank(transcript.text) {
                throw ProtocolError(.badField, "a final transcript needs words in \"text\"", field: "text")
            }
            try checkTime(transcript.time)
            if let speaker = transcript.speaker, isBlank(speaker) { throw ProtocolError(.badField, "\"speaker\" is empty", field: "speaker") }
        case .assistantTurn(let turn):
            if isBlank(turn.text) { throw ProtocolError(.badField, "\"text\" is empty; give what the assistant said", field: "text") }
            try checkTime(turn.time)
        case .audio(let audio):
            if let rate = audio.sampleRate, rate != 16_000 {
                throw ProtocolError(.badField, "\"sampleRate\" must be 16000 (S16_LE mono at 16 kHz), not \(rate)", field: "sampleRate")
            }
        case .forget(let forget):
            if (forget.text.map(isBlank) ?? true) && (forget.ids ?? []).isEmpty {
                throw ProtocolError(.badField, "forget needs \"text\" (words the turns contain) or \"ids\" (turn ids)", field: "text")
            }
        case .recall(let recall):
            if isBlank(recall.query) { throw ProtocolError(.badField, "\"query\" is empty", field: "query") }
            if let limit = recall.limit, !(1...100).contains(limit) {
                throw ProtocolError(.badField, "\"limit\" must be from 1 to 100, not \(limit)", field: "limit")
            }
            try checkTime(recall.time)
        case .followups(let followups):
            try checkTime(followups.time)
        case .set(let settings):
            try checkSettings(settings)
        case .playbackStart, .playbackStop, .stats, .shutdown:
            break
        }
    }

    private static func checkSettings(_ settings: HostMessage.Settings) throws(ProtocolError) {
        if let speaker = settings.speaker {
            if isBlank(speaker) { throw ProtocolError(.badField, "\"speaker\" is empty", field: "speaker") }
            if speaker.lowercased() == "assistant" {
                throw ProtocolError(.badField, "\"speaker\" must name a person, not the assistant", field: "speaker")
            }
        }
        if let intensity = settings.intensity, !HostMessage.Settings.intensities.contains(intensity) {
            throw ProtocolError(.badField, "\"intensity\" must be \"reduced\" or \"normal\", not \"\(printable(intensity))\"", field: "intensity")
        }
        let known = HostMessage.Settings.preferenceNames
        for key in (settings.preferences ?? [:]).keys.sorted() where !known.contains(key) {
            throw ProtocolError(.badField, "unknown preference \"\(printable(key))\"; expected one of \(known.joined(separator: ", "))",
                                field: "preferences.\(printable(key))")
        }
        if settings.intensity == nil && (settings.preferences ?? [:]).isEmpty {
            throw ProtocolError(.badField, "set needs \"intensity\" or \"preferences\"", field: "intensity")
        }
    }

    private static func checkTime(_ time: String?) throws(ProtocolError) {
        guard let time else { return }
        if RFC3339Time.parse(time) == nil {
            throw ProtocolError(.badField, "\"time\" must be an RFC 3339 time such as 2026-12-04T18:30:00Z", field: "time")
        }
    }

    private static func isBlank(_ text: String) -> Bool { text.allSatisfy(\.isWhitespace) }

    static func path(_ keys: [any CodingKey]) -> String {
        var path = ""
        for key in keys {
            if let index = key.intValue { path += "[\(index)]" } else { path += (path.isEmpty ? "" : ".") + key.stringValue }
        }
        return path
    }

    static func jsonKind(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }

    /// A type name the host sent, shortened and stripped of control characters for the reply.
    static func printable(_ text: String) -> String {
        let cleaned = String(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
        return cleaned.count > 40 ? String(cleaned.prefix(40)) + "…" : cleaned
    }
}
