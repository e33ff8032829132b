/// Word-level helpers shared by recall, forgetting and event matching: lower-case words, and the
/// content words left once English function words and question words are dropped.
enum MemoryWords {
    /// Lower-case runs of letters, digits and inner apostrophes ("sam's" stays one word).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || character.isNumber || ((character == "'" || character == "’") && !current.isEmpty) {
                current.append(character == "’" ? "'" : character)
            } else if !current.isEmpty {
                words.append(trimmed(current))
                current = ""
            }
        }
        if !current.isEmpty { words.append(trimmed(current)) }
        return words.filter { !$0.isEmpty }
    }

    private static func trimmed(_ word: String) -> String {
        var word = word
        while word.hasSuffix("'") { word.removeLast() }
        if word.hasSuffix("'s") { word.removeLast(2) }
        return word
    }

    /// Words that carry content: not function words, question words or memory-request verbs.
    static func contentWords(_ text: String) -> [String] {
        var seen = Set<String>()
        return words(text).filter { !stopWords.contains($0) && seen.insert($0).inserted }
    }

    /// English function words, question words and the verbs people use about the memory itself
    /// ("what did I tell you about …", "forget …"); none of them says what a memory is about.
    static let stopWords: Set<String> = [
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "for", "with", "about", "from", "by", "as",
        "into", "onto", "up", "down", "out", "off", "over", "than", "then", "so", "too", "very", "just", "also", "again",
        "i", "me", "my", "mine", "myself", "you", "your", "yours", "we", "us", "our", "ours", "he", "him", "his", "she", "her",
        "hers", "they", "them", "their", "theirs", "it", "its", "this", "that", "these", "those", "there", "here",
        "is", "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "done", "doing", "have", "has", "had",
        "having", "got", "get", "gets", "getting", "will", "would", "shall", "should", "can", "could", "may", "might", "must",
        "what", "whats", "what's", "when", "where", "who", "whom", "whose", "which", "why", "how", "any", "anything", "some",
        "something", "all", "every", "everything", "each", "much", "many", "more", "most", "no", "not", "nothing", "s", "t",
        "ll", "d", "m", "re", "ve", "im", "i'm", "i've", "i'd", "i'll", "don't", "dont", "didn't", "isn't", "it's", "that's",
        "please", "tell", "told", "telling", "say", "said", "mention", "mentioned", "remember", "forget", "delete", "remove",
        "erase", "know", "ever", "now", "currently", "still", "lol", "tbh", "yeah", "ok", "okay", "oh", "um",
    ]

    /// A rough English stem for comparing words ("moving" ~ "move", "tests" ~ "test").
    static func stem(_ word: String) -> String {
        for suffix in ["ing", "ed", "es", "s"] where word.count > suffix.count + 2 && word.hasSuffix(suffix) {
            let stem = word.dropLast(suffix.count)
            // "running" ~ "run", "stopped" ~ "stop": a doubled final consonant before -ing/-ed is one.
            if suffix == "ing" || suffix == "ed", stem.count >= 4, let last = stem.last, stem.dropLast().last == last,
               !"aeiouylsfz".contains(last)
            {
                return String(stem.dropLast())
            }
            return String(stem)
        }
        return word
    }
}
