import AttuneMemory
import Foundation

/// Reads one turn's words for rapport, by rule (no language model: it runs on a Raspberry Pi in well
/// under a millisecond per turn): intents, preferences and topic bans, corrections, intensity,
/// requests for false claims and questions about the assistant, current risk (with the risk words it
/// read as not current, and why), risky plans, isolation and social contact, and valence cues that
/// VADER misses. Every cue quotes the person's own words. The lexicons are one Swift file per concern
/// (`RiskLexicon`, `FalseClaimLexicon`, `PreferenceLexicon`, …); what each recognises and misses:
/// docs/READING.md.
public struct UtteranceReader: Sendable {
    let timeResolver: TimeExpressionResolver

    /// A reader whose time scopes ("this weekend") are read in UTC.
    public init() {
        timeResolver = TimeExpressionResolver()
        _ = ReadingLexicons.compiled
    }

    /// A reader whose time scopes are read in `timeZone`.
    public init(timeZone: TimeZone) {
        timeResolver = TimeExpressionResolver(timeZone: timeZone)
        _ = ReadingLexicons.compiled
    }

    /// `timeMs`: the turn's time (ms since 1970 UTC), for scopes such as "this weekend" (the time zone:
    /// UTC unless the reader was made with one).
    /// `previousAssistantText`: what the assistant said last, when known (a short "fine" answers it).
    public func read(_ text: String, timeMs: Int64, previousAssistantText: String? = nil) -> UtteranceReading {
        let words = ReadingText(text)
        var reading = UtteranceReading()
        guard words.count > 0 else { return reading }
        readRisk(words, into: &reading)
        readClaims(words, into: &reading)
        readPreferences(words, timeMs: timeMs, into: &reading)
        readPlans(words, into: &reading)
        readSocial(words, into: &reading)
        readValence(words, into: &reading)
        readIntents(words, previousAssistantText: previousAssistantText, into: &reading)
        return reading
    }
}
