import AttuneStore
import Foundation

/// Follow-ups: the events worth asking about at a given moment. Read-only.
extension MemoryEngine {
    /// How long after an event it is still worth asking how it went.
    static let followupWindowMs: Int64 = 14 * 86_400_000

    /// Events due at `atMs`, oldest first. An event is due once its time has passed (the end of the
    /// day for "on Tuesday", the time itself for "at 3pm") and for two weeks after, while its current
    /// state is planned or moved to a time that has also passed; not once cancelled or reported
    /// (happened), not while the person has asked not to be asked, and not when it was never given
    /// a time (nothing says it is over).
    public func followups(atMs: Int64) throws -> FollowupsAnswer {
        var due: [Followup] = []
        // Current as of `atMs` (superseded only by a record said by then), planned or moved, not
        // off limits, and over within the window (EncryptedStore.followupEventRecords).
        let candidates = try store.followupEventRecords(overFrom: atMs - Self.followupWindowMs, through: atMs)
        let items = try store.items(ids: candidates.map(\.itemID))
        for record in candidates {
            guard let event = record.event, let item = items[record.itemID], let start = event.startMs else { continue }
            let speaker = item.speaker?.lowercased() ?? ""
            let owner = Self.ownerPhrase(event.owner, speaker: speaker)
            let question = "How did \(owner) \(event.label) go?"
            let when = MemoryItemJSON.formatTime(start)
            let ended = MemoryItemJSON.formatTime(max(start, event.endMs ?? start))
            let state = event.state == .moved ? "moved to \(when)" : "planned for \(when)"
            due.append(Followup(
                id: record.id ?? 0, question: question, event: event.label, owner: event.owner, eventTime: when,
                source: MemorySource(id: item.id ?? record.itemID, text: item.text, time: MemoryItemJSON.formatTime(item.timeMs),
                                     speaker: item.speaker, session: item.session),
                why: "\(state), over since \(ended), and not yet reported, cancelled or put off limits"))
        }
        return FollowupsAnswer(at: MemoryItemJSON.formatTime(atMs), followups: due)
    }

    /// Whose event, as the question says it: "the" for the speaker's own, "your sister's" for a
    /// relation of the speaker, "Idris's" for a named person.
    static func ownerPhrase(_ owner: String, speaker: String) -> String {
        if owner.isEmpty || owner == speaker { return "the" }
        let parts = owner.split(separator: "/").map(String.init)
        if parts.count >= 2, parts[0] == speaker {
            return "your " + parts.dropFirst().joined(separator: "'s ") + "'s"
        }
        let name = parts.map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: "'s ")
        return name + (name.hasSuffix("s") ? "'" : "'s")
    }
}
