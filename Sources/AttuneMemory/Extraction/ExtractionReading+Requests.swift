/// Request rules: imperatives to forget ("please forget what I told you about my old flatmate Dan",
/// "delete that door code", "scratch that"), not to ask ("don't bring that up again", "don't ask me about
/// the interview", "stop asking about X") and to ask again ("you can ask me about the X again").
extension ExtractionReading {
    func findRequests() -> [MemoryRequest] {
        var requests: [MemoryRequest] = []
        for clause in clauses {
            guard var index = requestStart(clause) else { continue }
            let lower = word(index)
            if lower == "i", let verb = declinedVerb(at: index) {
                requests.append(.doNotAsk(target: requestTarget(from: verb + 1, in: clause, dropping: ["into", "up", "again", "anymore", "any", "more"])))
                continue
            }
            if ["forget", "delete", "erase", "remove", "wipe", "scrub", "drop", "purge", "scratch", "unlearn", "clear"].contains(lower) {
                index += 1
                if lower == "wipe" || lower == "clear", word(index) == "out" { index += 1 }
                var target = requestTarget(from: index, in: clause)
                // "forget what I just said", "delete the last thing I told you": the turn just before.
                if refersToLastTurn(target, clause: clause, after: index) { target = "that" }
                // "forget it" alone is "never mind"; it is a request only when asked for ("please forget it").
                if ["that", "it", "this"].contains(target), !wasAsked(clause), lower != "scratch", lower != "delete" { continue }
                if target.isEmpty || ["about", "me"].contains(target) { continue }
                requests.append(.forget(target: target))
            } else if lower == "do", word(index + 1) == "not" {
                let verb = word(index + 2)
                if ["bring", "mention", "raise"].contains(verb) {
                    requests.append(.doNotAsk(target: requestTarget(from: index + 3, in: clause, dropping: ["up", "again", "anymore", "any", "more", "ever"])))
                } else if ["ask", "remind", "talk", "question", "bug", "nag", "pester"].contains(verb) {
                    requests.append(.doNotAsk(target: requestTarget(from: index + 3, in: clause)))
                } else if ["remember", "keep", "store", "save", "record", "log"].contains(verb) {
                    let target = requestTarget(from: index + 3, in: clause)
                    if !target.isEmpty { requests.append(.forget(target: target)) }
                } else if verb == "want" || verb == "wanna", ["to", "talk"].contains(word(index + 3)) {
                    let talkIndex = word(index + 3) == "to" ? index + 4 : index + 3
                    if ["talk", "discuss", "think"].contains(word(talkIndex)) { requests.append(.doNotAsk(target: requestTarget(from: talkIndex + 1, in: clause))) }
                }
            } else if lower == "stop", ["asking", "mentioning", "bringing", "reminding", "nagging"].contains(word(index + 1)) {
                requests.append(.doNotAsk(target: requestTarget(from: index + 2, in: clause, dropping: ["up", "again", "anymore", "any", "more"])))
            } else if lower == "let", word(index + 1) == "us", word(index + 2) == "not", ["talk", "discuss", "mention"].contains(word(index + 3)) {
                requests.append(.doNotAsk(target: requestTarget(from: index + 4, in: clause)))
            } else if lower == "no", word(index + 1) == "more", ["questions", "asking", "talk"].contains(word(index + 2)) {
                requests.append(.doNotAsk(target: requestTarget(from: index + 3, in: clause)))
            } else if let allowed = allowance(clause, at: index) {
                requests.append(.allowAsking(target: allowed))
            }
        }
        return requests
    }

    /// Where an imperative starts: after "please", "can you", "could you", "oh and", "on second thought",
    /// "actually", the assistant being addressed. Statements ("I forgot my keys") have a subject first.
    func requestStart(_ clause: ExtractionClause) -> Int? {
        var index = clause.range.lowerBound
        while index < clause.range.upperBound {
            let lower = word(index)
            if !tokens[index].isWord || ["please", "pls", "plz", "can", "could", "would", "will", "you", "kindly", "just", "also", "oh", "and", "actually", "ok", "okay", "so", "hey", "also", "yeah", "right", "um", "hmm", "honestly", "seriously", "assistant", "ah", "wait", "nah", "no", "mind", "then", "now", "but", "sorry"].contains(lower) && !(lower == "no" && word(index + 1) == "more") {
                if lower == "you", word(index + 1) == "can" || word(index + 1) == "may" { return index }
                index += 1
                continue
            }
            for opener in [["on", "second", "thought"], ["on", "second", "thoughts"], ["come", "to", "think", "of", "it"], ["by", "the", "way"]] where matches(opener, at: index) {
                index += opener.count
            }
            break
        }
        return index < clause.range.upperBound ? index : nil
    }

    /// Whether a forget target is only a reference to what was just said: nothing is left of "what I
    /// just said" once its framing words are dropped, or only "the last thing I told you" is.
    func refersToLastTurn(_ target: String, clause: ExtractionClause, after index: Int) -> Bool {
        let saying: Set<String> = ["said", "told", "mentioned", "wrote", "typed", "say", "tell"]
        guard span(index, clause.range.upperBound).contains(where: { saying.contains(word($0)) }) else { return false }
        let framing: Set<String> = ["last", "thing", "things", "bit", "one", "message", "i", "you", "just", "now", "said", "told",
                                    "mentioned", "wrote", "typed", "what", "that", "me", ","]
        return target.split(separator: " ").allSatisfy { framing.contains(String($0)) }
    }

    /// Whether the clause asks politely ("please", "can you"): "forget it" alone is not a request.
    func wasAsked(_ clause: ExtractionClause) -> Bool {
        clause.range.contains { ["please", "pls", "plz"].contains(word($0)) || word($0) == "you" && ["can", "could", "would"].contains(word($0 - 1)) }
            || clause.range.contains { ["said", "told", "mentioned", "gave"].contains(word($0)) }
    }

    /// The speaker declining a subject: "I'd rather not talk about X", "I would prefer not to discuss X",
    /// "I don't want to go into X", "I'd rather not be asked about X". The position of the verb, or nil.
    func declinedVerb(at index: Int) -> Int? {
        let openings = [["i", "would", "rather", "not"], ["i", "would", "prefer", "not", "to"], ["i", "do", "not", "want", "to"],
                        ["i", "would", "rather", "you", "did", "not"], ["i", "would", "rather", "you", "do", "not"]]
        guard let opening = openings.first(where: { matches($0, at: index) }) else { return nil }
        var verb = index + opening.count
        if word(verb) == "be", word(verb + 1) == "asked" { verb += 1 }
        return ["talk", "discuss", "go", "get", "think", "chat", "asked", "ask", "mention", "bring", "raise"].contains(word(verb)) ? verb : nil
    }

    /// "you can ask me about the interview again", "feel free to ask about X", "it is fine to bring up X".
    func allowance(_ clause: ExtractionClause, at index: Int) -> String? {
        var position: Int?
        if word(index) == "you", ["can", "may"].contains(word(index + 1)), ["ask", "mention", "bring", "talk"].contains(word(index + 2)) {
            position = index + 3
        } else if matches(["feel", "free", "to"], at: index), ["ask", "mention", "bring", "talk"].contains(word(index + 3)) {
            position = index + 4
        } else if word(index) == "it", word(index + 1) == "is", ["ok", "okay", "fine", "alright"].contains(word(index + 2)), word(index + 3) == "to",
            ["ask", "mention", "bring", "talk"].contains(word(index + 4))
        {
            position = index + 5
        } else if word(index) == "i", word(index + 1) == "am", ["ok", "okay", "fine", "alright", "happy", "good"].contains(word(index + 2)) {
            // "I'm fine to talk about X again", "I'm ok talking about X now".
            if word(index + 3) == "to", ["talk", "discuss", "chat"].contains(word(index + 4)), ["about", "again", "now"].contains(word(index + 5)) || ["discuss"].contains(word(index + 4)) {
                position = index + 5
            } else if ["talking", "discussing", "chatting"].contains(word(index + 3)), word(index + 4) == "about" {
                position = index + 4
            }
        }
        guard let position else { return nil }
        return requestTarget(from: position, in: clause, dropping: ["up", "again", "now", "anymore"])
    }

    /// The thing a request is about: the rest of the clause, lowercased, with "what I told you about",
    /// articles and trailing courtesy ("please", "for me", "I gave you") dropped. "that" or "it" is kept as
    /// said: the engine reads it as the latest thing talked about.
    func requestTarget(from start: Int, in clause: ExtractionClause, dropping extra: Set<String> = []) -> String {
        var index = start
        var end = clause.range.upperBound
        // "bring it up again afterwards": the target ends at "up".
        if extra.contains("up"), let up = span(start, end).first(where: { word($0) == "up" && $0 > start }) { end = up }
        while index < end, ["me", "us", "about", "everything", "anything", "all", "the", "bit", "stuff", "part", "thing", "things", "what", "whatever", "i", "told", "said", "mentioned", "you", "to", "of", "on", "with", "ever", "regarding", "re", "up", "again", "just"].contains(word(index)) || extra.contains(word(index)) {
            // Keep "that"/"it" when they are the target; drop "that" before a noun ("that door code").
            index += 1
        }
        if ["that", "this", "those", "these"].contains(word(index)), index + 1 < end, tokens[index + 1].isWord, !["i", "you", "we", "is", "was"].contains(word(index + 1)) { index += 1 }
        var words: [String] = []
        var position = index
        while position < end {
            let lower = word(position)
            if !tokens[position].isWord {
                if lower == "," && !words.isEmpty { words.append(",") }
                position += 1
                continue
            }
            words.append(lower == "'s" ? "'s" : lower)
            position += 1
        }
        // Trailing courtesy and "I gave you", "from your memory".
        let trailing = Set<String>(["afterwards", "later", "whatever", "happens", "again", "lol", "tbh", "please", "pls", "plz", "thanks", "thank", "thx", "cheers", "for", "me", "now", "again", "ok", "okay", "anymore", "ever", "right", "away", "too", "as", "well", ","]).union(extra)
        var changed = true
        while changed {
            changed = false
            while let last = words.last, trailing.contains(last) {
                words.removeLast()
                changed = true
            }
            for tail in [["i", "gave", "you"], ["i", "told", "you"], ["i", "said"], ["i", "mentioned"], ["from", "your", "memory"], ["from", "memory"], ["you", "have"], ["you", "know"], ["i", "told", "you", "about"], ["i", "shared"], ["it", "is"], ["if", "you", "can"], ["you", "kept"], ["you", "saved"]] where words.count > tail.count && Array(words.suffix(tail.count)) == tail {
                words.removeLast(tail.count)
                changed = true
            }
        }
        var target = ""
        for word in words {
            if word == "'s" || word == "," { target += word } else { target += target.isEmpty ? word : " " + word }
        }
        return target.isEmpty ? (index > start && ["that", "it", "this"].contains(word(index - 1)) ? word(index - 1) : "") : target
    }
}
