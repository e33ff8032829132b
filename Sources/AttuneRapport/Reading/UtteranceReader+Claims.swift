/// Requests for false claims, and questions about the assistant itself.
extension UtteranceReader {
    func readClaims(_ text: ReadingText, into reading: inout UtteranceReading) {
        // A match that names the role ("pretend you're my late mother") before one that does not ("let's pretend").
        let requests = FalseClaimLexicon.requests.matches(in: text).sorted { ($0.captures.isEmpty ? 1 : 0, $0.start) < ($1.captures.isEmpty ? 1 : 0, $1.start) }
        for match in requests where !isNegated(match, in: text, window: 2) || match.pattern.hasPrefix("[do not|never]") {
            let role = match.captures.first.map { FalseClaimScanner.roleName(text.phrase($0.lowerBound, $0.upperBound - 1)) }
            reading.falseClaimRequest = UtteranceReading.FalseClaimRequest(
                claim: match.payload, role: role, phrase: text.phrase(match.start, match.end - 1))
            break
        }
        let questions = FalseClaimLexicon.questions.matches(in: text).filter { isQuestion($0.start, in: text) }
        if let question = questions.first {
            reading.assistantQuestion = UtteranceReading.AssistantQuestion(topic: question.payload, phrase: text.phrase(question.start, question.end - 1))
        }
    }

    /// Whether the words at `position` ask: their sentence ends in "?", or it opens with an asking word.
    func isQuestion(_ position: Int, in text: ReadingText) -> Bool {
        let sentence = text.words[position].sentence
        if text.questionSentences.contains(sentence) { return true }
        let range = text.sentenceRange(sentence)
        // "don't tell me …" opens with "do" and tells.
        if range.count > 1 && text[range.lowerBound + 1] == "not" { return false }
        return IntentLexicon.askingOpeners.contains(text[range.lowerBound])
    }
}
