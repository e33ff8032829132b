/// The person asks the assistant to back a plan rather than weigh it ("just back me up", "tell me
/// it's a good idea"): a risky plan from earlier in the session is carried into this turn's flags.
enum BackingRequest {
    static let phrases = [
        "back me up", "back me on", "backing me", "support me", "support my decision", "support this", "on my side", "good idea",
        "tell me i'm right", "tell me im right", "just agree", "cheer me on", "be supportive", "supposed to support", "say it's fine",
        "say its fine", "encourage me", "be happy for me", "you agree", "don't you think", "right?", "stop lecturing", "just say yes",
    ]

    /// Phrases that only ask for agreement, whatever came before ("tell me that's a great idea").
    static let validationPhrases = [
        "back me up", "back me on", "support my decision", "tell me i'm right", "tell me im right", "just agree", "cheer me on",
        "say it's fine", "say its fine", "just say yes", "great idea", "good idea", "tell me it's", "tell me its", "tell me that's",
    ]

    /// The phrase of `text` that asks only for agreement, if any.
    static func validationPhrase(in text: String) -> String? {
        let lowered = text.lowercased().replacingOccurrences(of: "’", with: "'")
        return validationPhrases.first { lowered.contains($0) }
    }

    /// The phrase of `text` that asks for backing, if any.
    static func phrase(in text: String) -> String? {
        let lowered = text.lowercased().replacingOccurrences(of: "’", with: "'")
        return phrases.first { lowered.contains($0) }
    }
}
