import Foundation

/// Reads one utterance into entities, records and memory requests, with hand-written rules over
/// English grammar and word lists (no model, no store): relation phrases, facts, preferences, feelings,
/// events with their times, and requests to forget or not to ask. The rules and their limits:
/// docs/MEMORY.md, "Extraction".
///
/// All word lists are built once, statically; `analyse` tokenises, splits clauses and matches, a few
/// hundred microseconds per utterance.
public struct MemoryExtractor: Sendable {
    public let resolver: TimeExpressionResolver

    public init(resolver: TimeExpressionResolver) {
        self.resolver = resolver
    }

    /// What `turn` says. "I", "me", "my", "we" and "our" resolve to `turn.speaker`. The assistant's own
    /// turns yield nothing: its "I" is the assistant and what it says repeats what the person said.
    /// `previousPerson` is the entity key of the person the speaker's previous turn named last,
    /// when it came moments before: "his", "her" and "their" with nobody named before them in this
    /// turn mean that person.
    public func analyse(_ turn: ObservedTurn, previousPerson: String? = nil) -> UtteranceAnalysis {
        guard !turn.isAssistant else { return UtteranceAnalysis() }
        let reference = Date(timeIntervalSince1970: Double(turn.timeMs) / 1000)
        var reading = ExtractionReading(text: turn.text, speaker: turn.speaker, reference: reference, resolver: resolver)
        reading.previousPerson = previousPerson
        reading.findEntities()
        let requests = reading.findRequests()
        if requests.isEmpty { reading.findRecords() }
        let smallTalk = requests.isEmpty && reading.records.isEmpty && reading.isSmallTalk()
        return UtteranceAnalysis(
            entities: smallTalk ? [] : reading.entities, records: reading.records, requests: requests, isSmallTalk: smallTalk)
    }
}
