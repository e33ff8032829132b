/// A topic in the person's words, said as the assistant would say it of them: "my ex" → "their ex",
/// "what I ate" → "what they ate", "me and my mum" → "them and their mum". Other words are kept.
enum ThirdPerson {
    static let replacements: [String: String] = [
        "my": "their", "mine": "theirs", "me": "them", "myself": "themselves", "i": "they", "i'm": "they're", "im": "they're",
        "i've": "they've", "i'd": "they'd", "i'll": "they'll", "am": "are", "our": "their", "ours": "theirs", "us": "them", "we": "they",
    ]

    static func topic(_ text: String) -> String {
        text.split(separator: " ", omittingEmptySubsequences: false).map { word -> String in
            let lowered = word.lowercased().replacingOccurrences(of: "’", with: "'")
            return replacements[lowered] ?? String(word)
        }.joined(separator: " ")
    }
}
