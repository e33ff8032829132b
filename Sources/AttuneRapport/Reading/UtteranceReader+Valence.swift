/// Valence cues VADER misses, good news, and deflection.
extension UtteranceReader {
    func readValence(_ text: ReadingText, into reading: inout UtteranceReading) {
        let goodNews = longestOfOverlapping(ValenceLexicon.goodNews.matches(in: text)).filter { !isNegated($0, in: text, window: 2) }
        let goodSentences = Set(goodNews.map { text.words[$0.start].sentence })
        for match in goodNews { reading.goodNews.append(UtteranceReading.Cue(phrase: text.phrase(match.start, match.end - 1))) }

        for match in longestOfOverlapping(ValenceLexicon.sarcasm.matches(in: text)) {
            let sentence = text.words[match.start].sentence
            if match.pattern.hasPrefix("@sarcasm_opener") {
                // The opener starts its sentence ("Oh great, …"), and the sentence is not good news.
                let first = text.sentenceRange(sentence).lowerBound
                guard match.start == first || (match.start == first + 1 && ["well", "so", "and", "ah"].contains(text[first])) else { continue }
                if goodSentences.contains(sentence) { continue }
            }
            append(.sarcasm, -0.6, match, text, &reading)
        }
        // "Brilliant. The train's cancelled. Again."
        for match in ValenceLexicon.openerAlone.matches(in: text) {
            let sentence = text.words[match.start].sentence
            let range = text.sentenceRange(sentence)
            guard match.start == range.lowerBound, match.end == range.upperBound, sentence + 1 < text.sentenceCount else { continue }
            let next = text.sentenceRange(sentence + 1)
            guard let mishap = ValenceLexicon.mishap.matches(in: text).first(where: { next.contains($0.start) }),
                !goodSentences.contains(sentence + 1)
            else { continue }
            append(.sarcasm, -0.6, PhraseMatch(start: match.start, end: mishap.end, captures: [], gaps: [], payload: "", pattern: ""), text, &reading)
        }
        let positives = ValenceLexicon.positiveNegations.matches(in: text)
        for match in longestOfOverlapping(ValenceLexicon.negatedPositive.matches(in: text)) {
            if positives.contains(where: { $0.overlaps(match.range) }) { continue }
            append(.negatedPositive, -0.5, match, text, &reading)
        }
        for match in longestOfOverlapping(ValenceLexicon.flatHardship.matches(in: text)) where !isNegated(match, in: text, window: 2) {
            if goodNews.contains(where: { $0.overlaps(match.range) }) { continue }
            append(.flatHardship, -0.6, match, text, &reading)
        }
        if !goodNews.isEmpty && reading.valenceCues.contains(where: { $0.kind == .flatHardship || $0.kind == .negatedPositive }) {
            reading.valenceCues.append(UtteranceReading.ValenceCue(kind: .mixed, shift: 0, phrase: text.original))
        }
        // "let's not talk about work today" is a topic ban, said outright: not a deflection.
        if let match = ValenceLexicon.deflection.matches(in: text).first(where: { $0.pattern != "let us not" || reading.topicBans.isEmpty }) {
            reading.deflection = UtteranceReading.Cue(phrase: text.phrase(match.start, match.end - 1))
        }
    }

    private func append(
        _ kind: UtteranceReading.ValenceCue.Kind, _ shift: Double, _ match: PhraseMatch<String>, _ text: ReadingText,
        _ reading: inout UtteranceReading
    ) {
        let phrase = text.phrase(match.start, match.end - 1)
        if reading.valenceCues.contains(where: { $0.kind == kind && $0.phrase == phrase }) { return }
        reading.valenceCues.append(UtteranceReading.ValenceCue(kind: kind, shift: shift, phrase: phrase))
    }
}
