/// The person's intents, strongest first, and whether the turn is practical or curt.
extension UtteranceReader {
    typealias Intent = UtteranceReading.Intent

    func readIntents(_ text: ReadingText, previousAssistantText: String?, into reading: inout UtteranceReading) {
        var intents: Set<Intent> = []
        let smallTalk = IntentLexicon.smallTalk.matches(in: text).filter { match in
            match.start == text.sentenceRange(text.words[match.start].sentence).lowerBound
        }
        let views = IntentLexicon.askingView.matches(in: text).filter { !isNegated($0, in: text, window: 1) }
        if !views.isEmpty { intents.insert(.askingView) }
        var requests = IntentLexicon.requests.matches(in: text).map(\.range)
        for sentence in 0..<text.sentenceCount {
            let range = text.sentenceRange(sentence)
            guard range.count >= 2 else { continue }
            var first = range.lowerBound
            if text[first] == "please" || text[first] == "just" || text[first] == "ok" || text[first] == "so" { first += 1 }
            guard first + 1 < range.upperBound else { continue }
            if IntentLexicon.commandOpeners.contains(text[first])
                || (IntentLexicon.imperativeOpeners.contains(text[first]) && Self.imperativeObjects.contains(text[first + 1]))
            {
                requests.append(first..<range.upperBound)
            }
        }
        if !requests.isEmpty || reading.falseClaimRequest != nil { intents.insert(.request) }
        // A question, unless every asking sentence is a request or asks the assistant's view.
        let asked = (0..<text.sentenceCount).filter { sentence in
            let range = text.sentenceRange(sentence)
            return !range.isEmpty && isQuestion(range.lowerBound, in: text)
        }
        let askedPlainly = asked.filter { sentence in
            let range = text.sentenceRange(sentence)
            return !requests.contains { $0.overlaps(range) } && !views.contains { $0.overlaps(range) }
                && !smallTalk.contains { $0.overlaps(range) }
        }
        if !askedPlainly.isEmpty { intents.insert(.question) }
        if !IntentLexicon.venting.matches(in: text).isEmpty || reading.valenceCues.contains(where: { $0.kind == .sarcasm }) {
            intents.insert(.venting)
        }
        if !reading.goodNews.isEmpty || reading.valenceCues.contains(where: { $0.kind == .flatHardship })
            || !IntentLexicon.news.matches(in: text).isEmpty
        {
            intents.insert(.tellingNews)
        }
        if !smallTalk.isEmpty { intents.insert(.smallTalk) }
        let assistantAsked = previousAssistantText.map { $0.contains("?") } ?? false
        if assistantAsked && reading.deflection == nil && (asked.isEmpty || text.count <= 6) {
            intents.insert(.answer)
        }
        // Ordinary statements with nothing else: telling.
        if intents.isEmpty && text.count >= 4 { intents.insert(.tellingNews) }
        reading.intents = Self.intentOrder.filter { intents.contains($0) }

        let curt = text.count <= 3 && (0..<text.count).allSatisfy { IntentLexicon.curtReplies.contains(text[$0]) }
        let emotional = intents.contains(.venting) || !reading.goodNews.isEmpty || !reading.valenceCues.isEmpty || reading.risk != nil
        reading.practical = curt || (intents.contains(.request) && !emotional && reading.falseClaimRequest == nil)
            || (intents.contains(.answer) && text.count <= 2 && !emotional)
    }

    static let intentOrder: [Intent] = [.askingView, .request, .venting, .tellingNews, .question, .answer, .smallTalk]

    /// Words after an imperative opener that make it a command ("remind me", "set a timer").
    static let imperativeObjects: Set<String> = [
        "me", "a", "an", "the", "my", "up", "out", "it", "this", "that", "some", "to", "how", "what", "all", "them", "him", "her",
        "us", "please", "off", "on", "down", "in", "our", "your", "another", "more", "those", "these", "something", "everything",
    ]
}
