import Foundation

/// Risk situations read across a whole turn (`RiskLexicon.situations`), quotations mentioned rather
/// than meant, and risk words with no one as their subject.
extension UtteranceReader {
    /// The first situation whose every part matches un-negated in `text` and none of whose `unless`
    /// patterns does, quoted from its first part to its last; nil in a turn framed as study, fiction
    /// or a quotation, or told as a distant past.
    func readSituation(_ text: ReadingText) -> UtteranceReading.RiskCue? {
        let matches = RiskLexicon.situationParts.matches(in: text).filter { !isNegated($0, in: text) }
        guard !matches.isEmpty else { return nil }
        let whole = 0..<text.count
        if text.contains(anyOf: RiskLexicon.studyFrames, in: whole) || text.contains(anyOf: RiskLexicon.fictionFrames, in: whole) {
            return nil
        }
        if !RiskLexicon.distantPast.matches(in: text).isEmpty && !text.contains(anyOf: RiskLexicon.currentMarkers, in: whole) {
            return nil
        }
        for (index, situation) in RiskLexicon.situations.enumerated() {
            let own = matches.filter { $0.payload.situation == index && !text.words[$0.start].quoted }
            if own.contains(where: { $0.payload.part == -1 }) { continue }
            var chosen: [PhraseMatch<RiskLexicon.SituationPart>] = []
            for part in situation.parts.indices {
                guard let first = own.first(where: { $0.payload.part == part }) else { break }
                chosen.append(first)
            }
            guard chosen.count == situation.parts.count else { continue }
            // Two parts must be two statements, not one phrase read twice ("pills counted").
            let spans = chosen.map(\.range)
            if spans.count > 1, spans.dropFirst().allSatisfy({ $0 == spans[0] }) { continue }
            let start = chosen.map(\.start).min() ?? 0
            let end = chosen.map(\.end).max() ?? start + 1
            return UtteranceReading.RiskCue(category: situation.category, phrase: text.phrase(start, end - 1))
        }
        return nil
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
