/// Splits an utterance into `ExtractionToken`s: words (letters, digits, inner apostrophes and hyphens),
/// punctuation marks one each, contractions expanded (see `ExtractionLexicon.contractions`).
enum ExtractionTokenizer {
    static func tokens(of text: String) -> [ExtractionToken] {
        var tokens: [ExtractionToken] = []
        tokens.reserveCapacity(32)
        var word = String.UnicodeScalarView()
        var wordStart = 0
        var offset = 0
        var atSentenceStart = true

        func flushWord() {
            guard !word.isEmpty else { return }
            var written = String(word)
            // A trailing apostrophe or hyphen belongs to no word ("the Joneses'").
            while let last = written.last, last == "'" || last == "\u{2019}" || last == "-" { written.removeLast() }
            guard !written.isEmpty else {
                word.removeAll()
                return
            }
            let end = wordStart + written.utf8.count
            let before = tokens.count
            appendExpanded(written, start: wordStart, end: end, into: &tokens)
            if atSentenceStart, tokens.count > before { tokens[before].startsSentence = true }
            atSentenceStart = false
            word.removeAll()
        }

        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            let isLetterOrDigit = scalar.properties.isAlphabetic || scalar.properties.numericType != nil
            let isInner = (scalar == "'" || scalar == "\u{2019}" || scalar == "-") && !word.isEmpty
            if isLetterOrDigit || isInner {
                if word.isEmpty { wordStart = offset }
                word.append(scalar)
            } else {
                flushWord()
                if !scalar.properties.isWhitespace {
                    let mark = String(scalar)
                    tokens.append(
                        ExtractionToken(
                            text: mark, lower: mark, utf8Start: offset, utf8End: offset + width, isWord: false,
                            isCapitalized: false))
                    if ExtractionLexicon.sentenceEnds.contains(mark) { atSentenceStart = true }
                } else if scalar == "\n" {
                    atSentenceStart = true
                }
            }
            offset += width
        }
        flushWord()
        return tokens
    }

    private static func appendExpanded(_ written: String, start: Int, end: Int, into tokens: inout [ExtractionToken]) {
        let lower = String(written.lowercased().map { $0 == "\u{2019}" ? "'" : $0 })
        let capitalized = written.first?.isUppercase ?? false
        if let pieces = ExtractionLexicon.contractions[lower] {
            for (index, piece) in pieces.enumerated() {
                let shown = index == 0 && piece == "i" ? "I" : piece
                tokens.append(
                    ExtractionToken(
                        text: shown, lower: piece, utf8Start: start, utf8End: end, isWord: true,
                        isCapitalized: index == 0 && capitalized))
            }
            return
        }
        // "Mel's", "dad's", "James'": a stem and a possessive (or "is") marker.
        for suffix in ["'s", "s'"] where lower.hasSuffix(suffix) && lower.count > 2 {
            let stemLower = suffix == "'s" ? String(lower.dropLast(2)) : String(lower.dropLast(1))
            let stemWritten = suffix == "'s" ? String(written.dropLast(2)) : String(written.dropLast(1))
            tokens.append(
                ExtractionToken(
                    text: stemWritten, lower: stemLower, utf8Start: start, utf8End: start + stemWritten.utf8.count,
                    isWord: true, isCapitalized: capitalized))
            tokens.append(
                ExtractionToken(
                    text: "'s", lower: "'s", utf8Start: start + stemWritten.utf8.count, utf8End: end, isWord: true,
                    isCapitalized: false))
            return
        }
        // "didn't", "shouldn't": the stem and "not".
        if lower.hasSuffix("n't") && lower.count > 3 {
            let stem = String(lower.dropLast(3))
            tokens.append(
                ExtractionToken(
                    text: stem, lower: stem, utf8Start: start, utf8End: end, isWord: true, isCapitalized: capitalized))
            tokens.append(ExtractionToken(text: "not", lower: "not", utf8Start: start, utf8End: end, isWord: true, isCapitalized: false))
            return
        }
        for (suffix, full) in ExtractionLexicon.contractionSuffixes where lower.hasSuffix(suffix) && lower.count > suffix.count {
            let stem = String(lower.dropLast(suffix.count))
            tokens.append(
                ExtractionToken(
                    text: String(written.dropLast(suffix.count)), lower: stem, utf8Start: start, utf8End: end, isWord: true,
                    isCapitalized: capitalized))
            tokens.append(ExtractionToken(text: full, lower: full, utf8Start: start, utf8End: end, isWord: true, isCapitalized: false))
            return
        }
        tokens.append(
            ExtractionToken(text: written, lower: lower, utf8Start: start, utf8End: end, isWord: true, isCapitalized: capitalized))
    }
}
