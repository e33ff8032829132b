/// The words of the person's intents: asking, requesting, telling news, venting, asking the
/// assistant's view, small talk. Patterns in `PhrasePattern` syntax.
enum IntentLexicon {
    /// Words a question opens with (a sentence starting with one asks, even without "?").
    static let askingOpeners: Set<String> = [
        "what", "how", "why", "when", "where", "who", "whom", "whose", "which", "is", "are", "am", "do", "does", "did", "can",
        "could", "would", "will", "should", "shall", "have", "has", "had", "was", "were", "may", "might", "must", "anyone",
        "any", "whats", "hows",
    ]
}
