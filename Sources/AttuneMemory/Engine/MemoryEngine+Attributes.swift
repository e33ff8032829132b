import AttuneStore

/// The near miss a score cannot see: a question about someone memory knows, asking something
/// nothing said about them mentions ("what school does Maya go to?" when only her soccer was
/// mentioned, "who coaches Eli's baseball team?" when only his hockey coach was).
extension MemoryEngine {
    /// Words a question uses that say nothing of its own: how it asks, not what ("what kind",
    /// "is called", "does she go").
    static let askingWords: Set<String> = [
        "name", "named", "call", "called", "kind", "sort", "type", "live", "lives", "living", "work", "works", "working",
        "go", "goes", "going", "went", "happen", "happened", "happening", "say", "says", "do", "doing", "like", "likes",
        "think", "feel", "feeling", "get", "thing", "things", "stuff", "plan", "plans", "planned", "new", "old", "often",
        "long", "far", "big", "much", "many", "way", "time", "times", "day", "days", "night", "nights", "week", "weeks",
        "month", "year", "today", "tonight", "tomorrow", "yesterday", "last", "next", "this", "usually", "ever", "since",
        "take", "takes", "make", "makes", "use", "uses", "need", "needs", "want", "wants", "been", "being", "come", "coming",
        "right", "again", "else", "other", "someone", "somebody", "person", "people", "one", "ones",
    ]

    /// What the query asks of a person by possessive ("Karen's birthday", "Eli's baseball team":
    /// the first content word after "Name's") when nothing said about that person contains it, as
    /// "karen's birthday"; empty when every such word was said of them. Only the possessive form
    /// is judged: elsewhere a question's words paraphrase what was said too freely to test by word.
    func missingAttributes(of query: String, names: Set<String>, atMs: Int64, allowed: SaidBy) throws -> [String] {
        let words = query.lowercased().replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" && $0 != "-" }).map(String.init)
        var missing: [String] = []
        for (index, word) in words.enumerated() where word.hasSuffix("'s") && names.contains(String(word.dropLast(2))) {
            let name = String(word.dropLast(2))
            guard let asked = words[(index + 1)...].first(where: { next in
                !MemoryWords.stopWords.contains(next) && !Self.askingWords.contains(next) && !RelationLexicon.modifiers.contains(next)
            }), asked.count >= 3, RelationLexicon.people[asked] == nil, RelationLexicon.pets[asked] == nil else { continue }
            if try !saidAbout(name, atMs: atMs, allowed: allowed).contains(MemoryWords.stem(asked)) {
                missing.append("\(name)'s \(asked)")
            }
        }
        return missing
    }

    /// The word stems of every utterance and record about `name` said by `atMs`.
    func saidAbout(_ name: String, atMs: Int64, allowed: SaidBy) throws -> Set<String> {
        var said = Set<String>()
        let hits = try store.searchItemText(words: [name], upToMs: allowed.bound, limit: 500).filter { allowed.contains($0.itemID) }
        for item in try store.items(ids: hits.map(\.itemID)).values {
            said.formUnion(MemoryWords.words(item.text).map(MemoryWords.stem))
        }
        for record in try store.records(about: name) where allowed.contains(record.itemID) {
            said.formUnion(MemoryWords.words(record.statement).map(MemoryWords.stem))
        }
        return said
    }
}
