/// A stretch of tokens that holds one predicate: sentences split at commas, semicolons and the
/// conjunctions that start a new statement ("…, and she loves it", "… but I'm nervous").
struct ExtractionClause: Sendable {
    /// Token indices of the clause.
    var range: Range<Int>
    /// The sentence is a question ("?" or a question word first).
    var inQuestion: Bool
    /// The sentence is a hypothetical or a wish ("if I ever move to Leeds").
    var inHypothetical: Bool

    /// Splits `tokens` into clauses with their sentences' flags.
    static func clauses(of tokens: [ExtractionToken]) -> [ExtractionClause] {
        var clauses: [ExtractionClause] = []
        var sentenceStart = 0
        var index = 0
        while index <= tokens.count {
            let ends = index == tokens.count || ExtractionLexicon.sentenceEnds.contains(tokens[index].lower)
            if ends {
                if sentenceStart < index {
                    appendSentence(tokens, sentenceStart..<index, endMark: index < tokens.count ? tokens[index].lower : "", into: &clauses)
                }
                sentenceStart = index + 1
            }
            index += 1
        }
        return clauses
    }

    private static func appendSentence(_ tokens: [ExtractionToken], _ range: Range<Int>, endMark: String, into clauses: inout [ExtractionClause]) {
        var firstWord = range.lowerBound
        while firstWord < range.upperBound,
            !tokens[firstWord].isWord || ExtractionLexicon.leadingFillers.contains(tokens[firstWord].lower) && !ExtractionLexicon.questionOpeners.contains(tokens[firstWord].lower)
        {
            firstWord += 1
        }
        let opener = firstWord < range.upperBound ? tokens[firstWord].lower : ""
        var question = endMark == "?"
        if !question, ExtractionLexicon.questionOpeners.contains(opener) {
            // "do you think…", "should I…", "what's my…": a question word, then a subject.
            let next = firstWord + 1 < range.upperBound ? tokens[firstWord + 1].lower : ""
            let afterNext = firstWord + 2 < range.upperBound ? tokens[firstWord + 2].lower : ""
            question = ["i", "you", "we", "he", "she", "they", "it", "my", "your", "there", "is", "the"].contains(next)
                || next == "not" && ["i", "you", "we", "he", "she", "they", "it", "my", "your", "there"].contains(afterNext)
                || ["what", "where", "when", "who", "whom", "whose", "why", "how", "which"].contains(opener)
        }
        // Where the hypothetical starts: clauses wholly before it ("I can't stand coriander, if you ever…") are not.
        var hypotheticalFrom: Int?
        for position in range where ExtractionLexicon.hypotheticalCues.contains(tokens[position].lower) {
            hypotheticalFrom = position
            break
        }
        var hypothetical = hypotheticalFrom != nil
        if !hypothetical {
            // "what if", "in case", "thinking of/about moving", "considering".
            for position in range {
                let word = tokens[position].lower
                let next = position + 1 < range.upperBound ? tokens[position + 1].lower : ""
                if (word == "wish" || word == "wished") && ["i", "we", "he", "she", "they", "it", "my", "our", "you", "there", "that"].contains(next)
                    || (word == "in" && next == "case") || (word == "thinking" && (next == "of" || next == "about"))
                    || word == "considering" || (word == "what" && next == "if")
                {
                    hypothetical = true
                    hypotheticalFrom = position
                    break
                }
            }
        }
        let cueAt = hypotheticalFrom ?? range.lowerBound
        func isHypothetical(_ clause: Range<Int>) -> Bool { hypothetical && clause.upperBound > cueAt }
        var start = range.lowerBound
        var position = range.lowerBound
        while position < range.upperBound {
            let token = tokens[position]
            var breaks = ExtractionLexicon.clauseBreaks.contains(token.lower)
            // "10:30" is a clock time, not a break between clauses.
            if token.lower == ":", position > range.lowerBound, position + 1 < range.upperBound,
                tokens[position - 1].lower.first?.isNumber == true, tokens[position + 1].lower.first?.isNumber == true,
                tokens[position - 1].utf8End == token.utf8Start, tokens[position + 1].utf8Start == token.utf8End
            {
                breaks = false
            }
            var keep = false
            if !breaks, position > start, ["but", "so", "because", "cos", "cause", "although", "though", "and", "while", "whereas", "plus"].contains(token.lower) {
                // A conjunction starts a new clause when a subject follows it ("and she loves it").
                let next = position + 1 < range.upperBound ? tokens[position + 1].lower : ""
                breaks = ["i", "we", "he", "she", "they", "my", "our", "his", "her", "their", "it", "the", "that", "there", "then", "now", "also", "you"].contains(next)
                    || (position + 1 < range.upperBound && tokens[position + 1].isCapitalized && token.lower != "and")
                keep = true
            }
            if breaks {
                if start < position { clauses.append(ExtractionClause(range: start..<position, inQuestion: question, inHypothetical: isHypothetical(start..<position))) }
                start = keep ? position + 1 : position + 1
            }
            position += 1
        }
        if start < range.upperBound { clauses.append(ExtractionClause(range: start..<range.upperBound, inQuestion: question, inHypothetical: isHypothetical(start..<range.upperBound))) }
    }
}
