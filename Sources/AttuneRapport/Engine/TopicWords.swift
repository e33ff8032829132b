/// The subject of an assistant's question, for noticing that the person steered away from it:
/// the memory's named people and places in the turn, else the last content word of its last
/// question ("How did the interview go?" → "interview").
enum TopicWords {
    static let stopWords: Set<String> = [
        "what", "when", "where", "which", "while", "who", "whom", "whose", "why", "how", "that", "this", "these", "those", "there",
        "their", "them", "they", "then", "than", "your", "yours", "you're", "have", "has", "had", "been", "being", "were", "with",
        "would", "could", "should", "about", "from", "into", "does", "did", "doing", "done", "going", "goes", "went", "today",
        "tonight", "yesterday", "tomorrow", "again", "still", "just", "really", "very", "some", "anything", "something", "else",
        "like", "feel", "feeling", "felt", "think", "know", "tell", "more", "much", "many", "okay", "well", "good", "nice", "lately",
    ]

    static func topics(ofAssistant text: String, entities: [String]) -> [String] {
        var topics = entities.map { $0.lowercased().replacingOccurrences(of: "your ", with: "") }
        guard let question = text.split(separator: "?", omittingEmptySubsequences: true).dropLast(text.hasSuffix("?") ? 0 : 1).last else { return topics }
        let sentence = question.split(whereSeparator: { ".!".contains($0) }).last.map(String.init) ?? String(question)
        let words = sentence.lowercased().split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        if let word = words.last(where: { $0.count >= 4 && !stopWords.contains($0) }), !topics.contains(word) { topics.append(word) }
        return topics
    }
}
