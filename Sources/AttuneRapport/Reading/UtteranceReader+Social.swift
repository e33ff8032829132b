/// Isolation and social contact.
extension UtteranceReader {
    func readSocial(_ text: ReadingText, into reading: inout UtteranceReading) {
        let isolation = longestOfOverlapping(SocialLexicon.isolation.matches(in: text)).filter { !isNegated($0, in: text, window: 2) }
        for match in isolation {
            reading.isolation.append(UtteranceReading.Cue(phrase: text.phrase(match.start, match.end - 1)))
        }
        for match in longestOfOverlapping(SocialLexicon.social.matches(in: text)) {
            if isolation.contains(where: { $0.overlaps(match.range) }) { continue }
            let sentence = text.words[match.start].sentence
            let before = max(text.sentenceRange(sentence).lowerBound, match.start - 4)..<match.start
            if text.contains(anyOf: SocialLexicon.socialCancelled, in: before) { continue }
            reading.socialContact.append(UtteranceReading.Cue(phrase: text.phrase(match.start, match.end - 1)))
        }
    }
}
