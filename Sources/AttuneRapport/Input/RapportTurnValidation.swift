import AttuneStore
import Foundation

/// The rules a turn must meet before anything of it is stored (docs/RAPPORT.md, "Input"): an RFC 3339
/// time with an offset, not earlier than the turn before it; a speaker that is "assistant" or a
/// person's name (letters, digits, space, `.`, `'`, `_`, `-`; at most 64 characters; not a host role
/// such as "system" or "tool"); text that is not empty and at most 64 KiB; a session name that is
/// not empty; prosody values that are finite and in physical range.
extension RapportTurn {
    /// Text longer than this is refused (a spoken turn is a few hundred bytes; a 1 MiB paste is not a turn).
    public static let maximumTextBytes = 64 * 1024
    public static let maximumSpeakerCharacters = 64
    /// Roles a chat host uses that are not a person and not the assistant.
    public static let hostRoles: Set<String> = ["system", "tool", "function", "developer", "bot", "model"]

    /// The turn's time in ms since 1970 UTC, when every rule holds; `previousMs` is the time of the turn before it.
    public func validated(after previousMs: Int64?) throws(RapportTurnProblem) -> Int64 {
        guard let timeMs = RFC3339Time.parse(time) else {
            throw RapportTurnProblem("has a \"time\" that is not an RFC 3339 time with an offset, like 2025-01-13T07:07:40Z")
        }
        if let previousMs, timeMs < previousMs {
            throw RapportTurnProblem("has a \"time\" (\(time)) earlier than the turn before it (\(RFC3339Time.format(previousMs))); turns must come in time order")
        }
        let name = speaker.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw RapportTurnProblem("has an empty \"speaker\"; use \"user\", \"assistant\" or the person's name") }
        guard name.count <= Self.maximumSpeakerCharacters else {
            throw RapportTurnProblem("has a \"speaker\" longer than \(Self.maximumSpeakerCharacters) characters")
        }
        guard !Self.hostRoles.contains(name.lowercased()) else {
            throw RapportTurnProblem("has \"speaker\":\"\(name)\", a host role, not a person; use \"user\", \"assistant\" or the person's name")
        }
        guard name.unicodeScalars.allSatisfy({ CharacterSet.alphanumerics.contains($0) || " .'_-".unicodeScalars.contains($0) }) else {
            throw RapportTurnProblem("has a \"speaker\" with characters other than letters, digits, space, . ' _ -")
        }
        guard text.utf8.count <= Self.maximumTextBytes else {
            throw RapportTurnProblem("has a \"text\" of \(text.utf8.count) bytes; at most \(Self.maximumTextBytes) are taken")
        }
        guard !text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw RapportTurnProblem("has an empty \"text\"") }
        if let session, session.trimmingCharacters(in: .whitespaces).isEmpty {
            throw RapportTurnProblem("has an empty \"session\"; leave it out to let Attune open sessions after a gap")
        }
        if let prosody { try prosody.validate() }
        return timeMs
    }
}

extension TurnProsody {
    /// Physical ranges: F0 30–1000 Hz, range 0–48 semitones, rate 0–20 syllables/s, loudness −120…140 dB, pause 0–10 min.
    func validate() throws(RapportTurnProblem) {
        let checks: [(String, Double?, ClosedRange<Double>)] = [
            ("f0MeanHz", f0MeanHz, 30...1000), ("f0RangeSemitones", f0RangeSemitones, 0...48),
            ("speechRateSylPerSec", speechRateSylPerSec, 0...20), ("loudnessDb", loudnessDb, -120...140),
            ("pauseBeforeMs", pauseBeforeMs, 0...600_000),
        ]
        for (name, value, range) in checks {
            guard let value else { continue }
            guard value.isFinite, range.contains(value) else {
                throw RapportTurnProblem("has \"prosody.\(name)\" \(value) outside \(range.lowerBound)…\(range.upperBound)")
            }
        }
    }
}
