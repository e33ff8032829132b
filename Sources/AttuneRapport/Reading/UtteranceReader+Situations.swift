import Foundation

/// Risk situations read across a whole turn (`RiskLexicon.situations`), quotations mentioned rather
/// than meant, and risk words with no one as their subject.
extension UtteranceReader {
    /// The first situation whose every part matches un-negated in `text` and none of whose `unless`
    /// patterns does, quoted from its first part to its last; nil in a turn framed as study, fiction
    /// or a quotation, or told as a distant past.
    func readSituation(_ text: ReadingText) -> UtteranceReading.RiskCue? {
        let all = RiskLexicon.situationParts.matches(in: text)
        guard !all.isEmpty else { return nil }
        let whole = 0..<text.count
        if text.contains(anyOf: RiskLexicon.situationFrames, in: whole) || text.contains(anyOf: RiskLexicon.fictionFrames, in: whole) {
            return nil
        }
        let pastFrames = RiskLexicon.distantPast.matches(in: text)
        let recovered = !RiskLexicon.recovery.matches(in: text).isEmpty
        let figures = RiskLexicon.figurative.matches(in: text)
        // A part counts when it is meant: not negated in its own clause, not quoted, not inside a figure.
        let matches = all.filter { match in
            match.payload.part == -1
                || (!isNegatedInClause(match, in: text) && !text.words[match.start].quoted && !figures.contains { $0.overlaps(match.range) })
        }
        let dates = bareDateSentences(in: text)
        for (index, situation) in RiskLexicon.situations.enumerated() {
            let own = matches.filter { $0.payload.situation == index }
            if own.contains(where: { $0.payload.part == -1 }) { continue }
            // One statement per part, none overlapping another ("counted my pills" is not also "pills").
            var chosen: [Range<Int>] = []
            for part in situation.parts.indices {
                var candidates = own.filter { $0.payload.part == part }.map(\.range)
                if situation.parts[part] == RiskLexicon.meansPlaceOrDate { candidates += dates }
                guard let free = candidates.first(where: { range in !chosen.contains { $0.overlaps(range) } }) else { break }
                chosen.append(free)
            }
            guard chosen.count == situation.parts.count else { continue }
            // Told as a distant past ("last year", "when I was twenty") without a current word in that
            // sentence, or in the past tense in a turn that says it is over.
            let sentences = Set(chosen.map { text.words[$0.lowerBound].sentence })
            let distant = chosen.contains { part in
                let sentence = text.sentenceRange(text.words[part.lowerBound].sentence)
                let clause = max(sentence.lowerBound, part.lowerBound - 6)..<min(sentence.upperBound, part.upperBound + 6)
                return pastFrames.contains { text.words[$0.start].sentence == text.words[part.lowerBound].sentence }
                    && !clause.contains { position in
                        RiskLexicon.currentMarkers.contains(text[position]) && !pastFrames.contains { $0.range.contains(position) }
                    }
            }
            let over = recovered && sentences.allSatisfy { text.contains(anyOf: Self.pastTense, in: text.sentenceRange($0)) }
            if distant || over { continue }
            let start = chosen.map(\.lowerBound).min() ?? 0
            let end = chosen.map(\.upperBound).max() ?? start + 1
            return UtteranceReading.RiskCue(category: situation.category, phrase: text.phrase(start, end - 1))
        }
        return nil
    }

    /// "not", "never" in a part's gaps or in the three words before it, back to the start of its
    /// clause ("he wouldn't settle so I threw him": the "not" is the child's, not the speaker's).
    private func isNegatedInClause<Payload>(_ match: PhraseMatch<Payload>, in text: ReadingText) -> Bool {
        for gap in match.gaps where text.contains(anyOf: RiskLexicon.negators, in: gap) { return true }
        let sentence = text.words[match.start].sentence
        var position = match.start - 1
        while position >= 0, match.start - position <= 3, text.words[position].sentence == sentence {
            if Self.clauseOpeners.contains(text[position]) { return false }
            if RiskLexicon.negators.contains(text[position]) { return isNegated(match, in: text) }
            position -= 1
        }
        return false
    }

    static let clauseOpeners: Set<String> = ["and", "but", "so", "because", "then", "when", "after", "before", "until", "while", "now", "cos"]

    /// Sentences of only a day or a time ("Sunday then.", "Tonight."), as word ranges.
    private func bareDateSentences(in text: ReadingText) -> [Range<Int>] {
        let days: Set<String> = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tonight", "tomorrow", "midnight"]
        return (0..<text.sentenceCount).map(text.sentenceRange).filter { range in
            !range.isEmpty && range.count <= 3 && text.contains(anyOf: days, in: range)
                && range.allSatisfy { RiskLexicon.bareDates.contains(text[$0]) }
        }
    }

    /// Whether the turn says it means what it says ("not joking this time", "I mean it").
    func isSerious(_ text: ReadingText) -> Bool {
        RiskLexicon.seriousness.matches(in: text).contains { !(($0.start > 0) && ["if", "when"].contains(text[$0.start - 1])) }
    }

    /// Whether a match sits inside quotation marks and is mentioned rather than meant: in a turn
    /// about words (a filter, a search, a lyric: "flag posts saying 'want to die'"), or in any turn
    /// but one passing on a person's own message ("my son texted 'I want to die'").
    func isQuotedMention<Payload>(_ match: PhraseMatch<Payload>, in text: ReadingText) -> Bool {
        guard match.range.allSatisfy({ text.words[$0].quoted }) else { return false }
        if text.contains(anyOf: RiskLexicon.mentionFrames, in: 0..<text.count) { return true }
        let sentence = text.sentenceRange(text.words[match.start].sentence)
        return !text.contains(anyOf: RiskLexicon.passedOnMessage, in: max(0, sentence.lowerBound - 12)..<match.start)
    }

    /// Whether a speaker pattern has no one as its subject in its sentence ("like stockpiling
    /// medication"): no "I", "me" or "my" before it in the sentence nor inside it.
    func hasNoSpeakerSubject<Payload>(_ match: PhraseMatch<Payload>, in text: ReadingText) -> Bool {
        let sentence = text.sentenceRange(text.words[match.start].sentence)
        let singular: Set<String> = ["i", "me", "my", "myself", "mine"]
        return !text.contains(anyOf: singular, in: sentence.lowerBound..<match.end)
    }
}
