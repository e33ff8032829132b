/// One utterance as the reader's patterns see it: lower-case words with ’ and ‘ read as ', contractions
/// spelled out the same way however they were typed ("don't", "dont", "do not" are all `do not`), and
/// sentence ends kept, so a pattern never reaches across a full stop. Every word remembers where it
/// came from in the original text, so a match can quote the person's own words.
struct ReadingText {
    struct Word {
        /// The normalised word ("not" for the "n't" of "didn't").
        var text: String
        /// Its number in `ReadingVocabulary` (`unknown` when no pattern names it).
        var id: Int32
        /// The original characters this word was read from (shared by the words a contraction became).
        var range: Range<String.Index>
        /// Which sentence of the utterance it sits in (0, 1, …).
        var sentence: Int
        /// Inside quotation marks: a word mentioned rather than meant.
        var quoted: Bool = false
    }

    let original: String
    private(set) var words: [Word] = []
    /// Whether any sentence ended with a question mark.
    private(set) var hasQuestionMark = false
    /// The sentence index of each question mark's sentence.
    private(set) var questionSentences: Set<Int> = []
    private(set) var sentenceCount = 0

    init(_ text: String) {
        original = text
        let vocabulary = ReadingVocabulary.shared
        words.reserveCapacity(text.utf8.count / 4 + 4)
        var sentence = 0
        var wordStart: String.Index? = nil
        var index = text.startIndex
        var sawWordInSentence = false
        var inDoubleQuotes = false
        var inSingleQuotes = false
        var quoteOpening = false
        func flush(upTo end: String.Index) {
            guard let start = wordStart else { return }
            wordStart = nil
            var raw = text[start..<end].lowercased()
            // ’ and ‘ are E2 80 99 and E2 80 98 in UTF-8: look for the lead byte before mapping.
            if raw.utf8.contains(0xE2) || raw.utf8.contains(UInt8(ascii: "`")) {
                raw = String(raw.map { $0 == "\u{2019}" || $0 == "\u{2018}" || $0 == "`" ? "'" : $0 })
            }
            // Quotes around a word ('fine') are not part of it; they open and close a quotation.
            var opensQuote = quoteOpening
            quoteOpening = false
            var closesQuote = false
            while raw.hasPrefix("'") {
                raw.removeFirst()
                opensQuote = true
            }
            // Inside a quotation a final ' closes it, even after an s ('kms').
            while raw.hasSuffix("'") && (!raw.hasSuffix("s'") || inSingleQuotes || opensQuote) {
                raw.removeLast()
                closesQuote = true
            }
            guard !raw.isEmpty else { return }
            if opensQuote { inSingleQuotes = true }
            for part in ContractionLexicon.expand(raw) {
                words.append(Word(text: part, id: vocabulary.lookUp(part), range: start..<end, sentence: sentence,
                                  quoted: inSingleQuotes || inDoubleQuotes))
            }
            if closesQuote { inSingleQuotes = false }
            sawWordInSentence = true
        }
        while index < text.endIndex {
            let character = text[index]
            let isApostrophe = character == "'" || character == "\u{2019}" || character == "\u{2018}" || character == "`"
            let isWordCharacter: Bool
            if let ascii = character.asciiValue {
                isWordCharacter = (ascii >= 97 && ascii <= 122) || (ascii >= 65 && ascii <= 90) || (ascii >= 48 && ascii <= 57)
            } else {
                isWordCharacter = character.isLetter || character.isNumber
            }
            if isWordCharacter || (isApostrophe && wordStart != nil) {
                if wordStart == nil { wordStart = index }
            } else if isApostrophe {
                // An apostrophe before a word opens a quotation ('want to die').
                quoteOpening = true
            } else {
                if character != " " { quoteOpening = false }
                flush(upTo: index)
                if character == "\"" || character == "\u{201C}" || character == "\u{201D}" {
                    inDoubleQuotes = character == "\u{201C}" ? true : (character == "\u{201D}" ? false : !inDoubleQuotes)
                }
                if character == "." || character == "!" || character == "?" || character == ";" || character == "\n"
                    || character == ":" || character == "…"
                {
                    if character == "?" {
                        hasQuestionMark = true
                        questionSentences.insert(sentence)
                    }
                    if sawWordInSentence {
                        sentence += 1
                        sawWordInSentence = false
                    }
                }
            }
            index = text.index(after: index)
        }
        flush(upTo: text.endIndex)
        sentenceCount = sawWordInSentence ? sentence + 1 : sentence
    }

    var count: Int { words.count }

    subscript(_ position: Int) -> String { words[position].text }

    /// The vocabulary number of word `position`.
    func id(_ position: Int) -> Int32 { words[position].id }

    /// The person's own words from word `first` through word `last`, as typed.
    func phrase(_ first: Int, _ last: Int) -> String {
        String(original[words[first].range.lowerBound..<words[last].range.upperBound])
    }

    /// The words of sentence `sentence`, as a range of word positions.
    func sentenceRange(_ sentence: Int) -> Range<Int> {
        var lower = 0
        while lower < words.count && words[lower].sentence < sentence { lower += 1 }
        var upper = lower
        while upper < words.count && words[upper].sentence == sentence { upper += 1 }
        return lower..<upper
    }

    /// The original text of the sentence holding word `position`.
    func sentenceText(of position: Int) -> String {
        let range = sentenceRange(words[position].sentence)
        return phrase(range.lowerBound, range.upperBound - 1)
    }

    /// Whether any of `set` occurs among words `range` (clamped to the utterance).
    func contains(anyOf set: Set<String>, in range: Range<Int>) -> Bool {
        let lower = max(0, range.lowerBound)
        let upper = min(words.count, range.upperBound)
        guard lower < upper else { return false }
        for position in lower..<upper where set.contains(words[position].text) { return true }
        return false
    }
}
