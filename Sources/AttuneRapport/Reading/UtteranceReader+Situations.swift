import Foundation

/// Risk situations read across a whole turn (`RiskLexicon.situations`), quotations, and risk words
/// with no one as their subject.
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
        let quoted = quotedWords(in: text)
        for (index, situation) in RiskLexicon.situations.enumerated() {
            let own = matches.filter { $0.payload.situation == index && !quoted.contains($0.start) }
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

    /// Whether a match sits inside quotation marks in a turn about words (a filter, a search, a
    /// lyric): "flag posts saying 'want to die'".
    func isQuotedMention<Payload>(_ match: PhraseMatch<Payload>, in text: ReadingText, quoted: Set<Int>) -> Bool {
        guard (match.start..<match.end).allSatisfy({ quoted.contains($0) }) else { return false }
        return text.contains(anyOf: RiskLexicon.mentionFrames, in: 0..<text.count)
    }

    /// Whether a speaker pattern has no one as its subject in its sentence ("like stockpiling
    /// medication"): no "I", "me" or "my" before it in the sentence nor inside it.
    func hasNoSpeakerSubject<Payload>(_ match: PhraseMatch<Payload>, in text: ReadingText) -> Bool {
        let sentence = text.sentenceRange(text.words[match.start].sentence)
        let singular: Set<String> = ["i", "me", "my", "myself", "mine"]
        return !text.contains(anyOf: singular, in: sentence.lowerBound..<match.end)
    }

    /// Positions of the words inside a pair of quotation marks ("…", “…”, or '…' opening before a
    /// word and closing after one, so the apostrophes of "he'll" and "James'" are not quotes).
    func quotedWords(in text: ReadingText) -> Set<Int> {
        let original = text.original
        var spans: [Range<String.Index>] = []
        var openDouble: String.Index? = nil
        var openSingle: String.Index? = nil
        var index = original.startIndex
        var previous: Character? = nil
        while index < original.endIndex {
            let character = original[index]
            let nextIndex = original.index(after: index)
            let next: Character? = nextIndex < original.endIndex ? original[nextIndex] : nil
            let before = previous.map { $0.isLetter || $0.isNumber } ?? false
            let after = next.map { $0.isLetter || $0.isNumber } ?? false
            switch character {
            case "\"", "\u{201C}", "\u{201D}":
                if let open = openDouble, character != "\u{201C}" {
                    spans.append(open..<index)
                    openDouble = nil
                } else if character != "\u{201D}" {
                    openDouble = index
                }
            case "'", "\u{2018}", "\u{2019}":
                if !before && after {
                    openSingle = index
                } else if before && !after, let open = openSingle {
                    spans.append(open..<index)
                    openSingle = nil
                }
            case "\n":
                openDouble = nil
                openSingle = nil
            default:
                break
            }
            previous = character
            index = nextIndex
        }
        guard !spans.isEmpty else { return [] }
        var positions: Set<Int> = []
        for (position, word) in text.words.enumerated()
        where spans.contains(where: { $0.lowerBound < word.range.lowerBound && word.range.lowerBound < $0.upperBound }) {
            positions.insert(position)
        }
        return positions
    }
}
