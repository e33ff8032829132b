import Foundation

/// Queries name entities by chains of relations: "my manager's dog" asked by sam is the manager of sam,
/// then the dog of that manager. In-law relations expand into the chain they mean ("my father-in-law" is
/// the father of sam's partner).
extension MemoryExtractor {
    /// The entity chain `query` names, first link first. Each link is relative to the one before: the
    /// first to the speaker or a named person ("Noah's coach"), the next to "<key>/<relation>".
    /// A named link ("my cousin Idris") carries its name. Empty when the query names no relation.
    public func queryReferences(_ query: String, speaker: String) -> [EntityMention] {
        let reading = ExtractionReading(text: query, speaker: speaker, reference: Date(timeIntervalSince1970: 0), resolver: resolver, findTimes: false)
        var chain: [EntityMention] = []
        var index = 0
        while index < reading.tokens.count {
            guard let (owner, next) = reading.possessor(at: index), let first = reading.relationNoun(at: next) else {
                index += 1
                continue
            }
            var relativeTo = owner
            var relation: (relation: String, isPet: Bool, end: Int)? = first
            let phraseStart = index
            while let link = relation {
                let steps = RelationLexicon.derivedChains[link.relation] ?? [link.relation]
                for step in steps {
                    let mention = EntityMention(
                        name: nil, kind: RelationLexicon.pets.values.contains(step) && link.isPet ? .pet : (link.isPet ? .pet : .person),
                        relation: step, relativeTo: relativeTo, phrase: reading.text(phraseStart..<link.end))
                    chain.append(mention)
                    relativeTo = relativeTo + "/" + step
                }
                var end = link.end
                if reading.word(end) == "'s" {
                    end += 1
                    relation = reading.relationNoun(at: end)
                } else {
                    if let name = reading.properName(at: end), reading.relationNoun(at: end) == nil, !chain.isEmpty,
                        reading.tokens[end].isCapitalized || !Self.isQuestionVerb(reading, at: end, phraseStart: phraseStart)
                    {
                        chain[chain.count - 1].name = name.name
                    }
                    relation = nil
                }
            }
            return chain
        }
        // "how is Dad doing": a bare kinship word.
        for (position, token) in reading.tokens.enumerated() {
            if let bare = RelationLexicon.bareKin[token.lower], !reading.isPossessed(position) {
                return [EntityMention(name: nil, kind: .person, relation: bare, relativeTo: speaker.lowercased(), phrase: token.text)]
            }
        }
        return chain
    }

    /// In a lower-case query the word after a relation is the question's verb, not a name, when it is a
    /// known verb ("what does my sister teach?", "where does my boss live") or when a "do"/"can"/"will"
    /// asked before the relation and nothing but the end of the clause or a function word follows it
    /// ("what did my cousin bake for you"). "what does my sister ana teach" keeps "ana": a verb follows it.
    static func isQuestionVerb(_ reading: ExtractionReading, at index: Int, phraseStart: Int) -> Bool {
        let word = reading.word(index)
        let base = word.hasSuffix("es") && ExtractionLexicon.baseVerbs.contains(String(word.dropLast(2))) ? String(word.dropLast(2))
            : word.hasSuffix("s") ? String(word.dropLast()) : word
        if ExtractionLexicon.baseVerbs.contains(word) || ExtractionLexicon.baseVerbs.contains(base) || MemoryWords.stopWords.contains(word) {
            return true
        }
        let asked = reading.tokens[..<phraseStart].contains { ExtractionLexicon.questionAuxiliaries.contains($0.lower) }
        guard asked else { return false }
        let next = index + 1
        return next >= reading.tokens.count || !reading.tokens[next].isWord || MemoryWords.stopWords.contains(reading.word(next))
            || ExtractionLexicon.prepositions.contains(reading.word(next)) || ExtractionLexicon.determiners.contains(reading.word(next))
    }
}
