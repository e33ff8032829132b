/// Clause by clause: find the subject, then try the fact, preference, feeling, routine and event rules.
/// Questions and hypotheticals yield nothing ("do you think I should move?", "if I ever move to Leeds").
extension ExtractionReading {
    /// Who a clause is about, and where its predicate starts.
    struct ClauseSubject {
        /// The record subject key ("sam", "sam/sister", "idris").
        var key: String
        /// The first token after the subject.
        var end: Int
        /// The subject is the speaker ("I", "we").
        var isSpeaker: Bool
        /// The subject is a thing ("my MRI", "the dentist"): tokens of its noun phrase.
        var thing: Range<Int>? = nil
        /// The clause left its subject out; this one is the previous clause's or the speaker.
        var inherited = false
    }

    mutating func findRecords() {
        var previousSubject: ClauseSubject?
        for clause in clauses where !clause.inQuestion && !clause.inHypothetical {
            guard !clauseIsModal(clause) else { continue }
            var subject = clauseSubject(clause)
            if subject == nil, let first = firstWord(clause) {
                if FeelingLexicon.feelings[word(first)] != nil || matches(["can", "not", "wait"], at: first) || word(first) == "dreading"
                    || FeelingLexicon.degree.contains(word(first)) && clause.range.contains(where: { FeelingLexicon.feelings[word($0)] != nil })
                {
                    // "bit terrified", "proper nervous about it", "can't wait for…": people report their own feelings tersely.
                    subject = ClauseSubject(key: speaker, end: first, isSpeaker: true, inherited: true)
                } else if ExtractionLexicon.subjectlessVerbs.contains(word(first)) || matches(["can", "not", "stand"], at: first)
                    || ["new", "first"].contains(word(first)) && ["job", "day", "role", "week"].contains(word(first + 1))
                    || ["day", "week"].contains(word(first)) && Self.isCount(word(first + 1)) && ["at", "with"].contains(word(first + 2))
                {
                    // "just started a new job at…", "New job at Kroger.": the subject of the clause before, or the speaker.
                    subject = ClauseSubject(key: previousSubject?.key ?? speaker, end: first, isSpeaker: previousSubject?.isSpeaker ?? true, inherited: true)
                } else if let previousSubject, previousSubject.thing == nil, clause.range.lowerBound > 0, word(clause.range.lowerBound - 1) == "," {
                    // "…, bit nervous tbh": a clause after a comma continues the previous one's subject.
                    subject = ClauseSubject(key: previousSubject.key, end: first, isSpeaker: previousSubject.isSpeaker, inherited: true)
                }
            }
            let before = records.count
            if let subject {
                factRules(clause, subject)
                preferenceRules(clause, subject)
                feelingRules(clause, subject)
                routineRules(clause, subject)
            } else if let first = firstWord(clause) {
                // "coffee gives me palpitations", "gym is mon/wed/fri now": a thing first, the speaker's routine or avoidance.
                let thing = ClauseSubject(key: speaker, end: first, isSpeaker: false, thing: first..<first)
                placeUpdateRule(clause, at: first)
                effectRule(clause, said: statement(clause))
                routineRules(clause, thing)
            }
            medicationRule(clause)
            eventRules(clause, subject)
            if subject != nil, subject?.inherited == false || records.count > before { previousSubject = subject }
        }
        relationFacts()
        deduplicate()
    }

    func firstWord(_ clause: ExtractionClause) -> Int? {
        var index = clause.range.lowerBound
        while index < clause.range.upperBound, !tokens[index].isWord || ExtractionLexicon.leadingFillers.contains(word(index)) && entityKey(at: index) == nil {
            if ["turns", "guess", "heads", "quick"].contains(word(index)) { index += 1 }
            index += 1
        }
        // "by the way", "on second thought", "just so you know".
        for opener in [["by", "the", "way"], ["on", "second", "thought"], ["on", "second", "thoughts"], ["just", "so", "you", "know"], ["fun", "fact"]] where matches(opener, at: index) {
            index += opener.count
            while index < clause.range.upperBound, !tokens[index].isWord { index += 1 }
        }
        return index < clause.range.upperBound ? index : nil
    }

    /// A clause that hedges ("I might move", "maybe we'll get a dog"): what may be is not a fact.
    func clauseIsModal(_ clause: ExtractionClause) -> Bool {
        for index in clause.range where ExtractionLexicon.modalCues.contains(word(index)) {
            // "would like", "would love" state a wish, still not a fact; "could" in "couldn't stand" is a dislike.
            if word(index) == "could", word(index + 1) == "not" { continue }
            if word(index) == "may", index + 1 < tokens.count, tokens[index].isCapitalized { continue }
            return true
        }
        return false
    }

    func clauseSubject(_ clause: ExtractionClause) -> ClauseSubject? {
        guard let start = firstWord(clause) else { return nil }
        let lower = word(start)
        if ExtractionLexicon.subjectPronounsOfSpeaker.contains(lower) { return ClauseSubject(key: speaker, end: start + 1, isSpeaker: true) }
        if ExtractionLexicon.thirdPersonSubjects.contains(lower) {
            // "they moved my scan": an institution more often than a person; the speaker's, unless possessed.
            if lower == "they" { return ClauseSubject(key: speaker, end: start + 1, isSpeaker: false, thing: start..<start) }
            guard let key = antecedent(before: start) else { return nil }
            return ClauseSubject(key: key, end: start + 1, isSpeaker: false)
        }
        // "Daughter Karen lives in Columbus", "Grandson Eli plays hockey": a relation title starts the sentence.
        if let span = entitySpans.first(where: { $0.tokens.lowerBound == start }), tokens[start].startsSentence {
            return ClauseSubject(key: span.key, end: span.tokens.upperBound, isSpeaker: false)
        }
        // The longest entity span starting here ("my sister's husband Rob", "Idris").
        if let span = entitySpans.filter({ $0.tokens.lowerBound == start }).max(by: { $0.tokens.count < $1.tokens.count }) {
            var end = span.tokens.upperBound
            // "Mel's party": a named possessor before a thing is the thing's owner, not the subject.
            if word(end) == "'s", relationNoun(at: end + 1) == nil, let thing = thingPhrase(at: end + 1), isNoun(word(thing.upperBound - 1)) {
                return ClauseSubject(key: span.key, end: thing.upperBound, isSpeaker: false, thing: thing)
            }
            if word(end) == "," { end += 1 }
            return ClauseSubject(key: span.key, end: end, isSpeaker: false)
        }
        // "my MRI", "our flight", "the dentist".
        if let (owner, next) = possessor(at: start), let thing = thingPhrase(at: next) {
            return ClauseSubject(key: owner, end: thing.upperBound, isSpeaker: owner == speaker, thing: start..<thing.upperBound)
        }
        if ExtractionLexicon.determiners.contains(lower), !["bit", "little", "lot", "tad"].contains(word(start + 1)), let thing = thingPhrase(at: start + 1) {
            return ClauseSubject(key: speaker, end: thing.upperBound, isSpeaker: false, thing: start..<thing.upperBound)
        }
        if let thing = thingPhrase(at: start), EventLexicon.heads.contains(word(thing.upperBound - 1)) {
            return ClauseSubject(key: speaker, end: thing.upperBound, isSpeaker: false, thing: thing)
        }
        return nil
    }

    /// Whether `word` may head a noun phrase: an event noun, or not an adverb, participle or common word.
    func isNoun(_ word: String) -> Bool {
        if EventLexicon.heads.contains(word) || RelationLexicon.people[word] != nil || RelationLexicon.pets[word] != nil { return true }
        return !word.hasSuffix("ly") && !word.hasSuffix("ing") && !word.hasSuffix("ed") && !ExtractionLexicon.commonWords.contains(word)
            && FeelingLexicon.feelings[word] == nil && !EventLexicon.outcomes.contains(word)
    }

    /// A short noun phrase (up to four words) at `index`, ending before a verb, preposition or mark.
    func thingPhrase(at index: Int) -> Range<Int>? {
        var end = index
        while end < tokens.count, end - index < 4, tokens[end].isWord {
            let lower = word(end)
            if ExtractionLexicon.beVerbs.contains(lower) || ExtractionLexicon.prepositions.contains(lower) && lower != "up"
                || ["has", "have", "had", "got", "went", "goes", "will", "was", "got", "did", "does", "and", "or", "but", "which", "who", "that", "now", "came", "come", "comes", "says", "said", "just", "not", "still", "also", "keeps", "gives", "makes", "made", "gave", "can", "could", "would", "should", "might", "must"].contains(lower)
            {
                break
            }
            end += 1
        }
        return end > index ? index..<end : nil
    }

    /// A fact for every named relation ("my line manager is Bea" -> sam's manager is Bea, slot manager).
    mutating func relationFacts() {
        for mention in entities {
            guard let name = mention.name, let relation = mention.relation, let owner = mention.relativeTo else { continue }
            let slot = RelationLexicon.singleValued.contains(relation) ? relation : nil
            records.append(
                ExtractedRecord(
                    kind: .fact, subject: owner, slot: slot, value: name.lowercased(),
                    statement: "\(owner)'s \(relation) is \(name)"))
        }
    }

    mutating func deduplicate() {
        var seen: [ExtractedRecord] = []
        for record in records where !seen.contains(record) { seen.append(record) }
        records = seen
    }

    /// The statement of a record: the clause from its subject on, pronouns resolved.
    func statement(_ clause: ExtractionClause, from start: Int? = nil) -> String {
        let begin = start ?? firstWord(clause) ?? clause.range.lowerBound
        let said = resolvedText(begin..<clause.range.upperBound)
        // "just started a new job at Acme": the speaker left out is put back ("sam started a new job at Acme").
        if ExtractionLexicon.subjectlessVerbs.contains(word(begin)) && !ExtractionLexicon.subjectPronounsOfSpeaker.contains(word(begin - 1))
            || FeelingLexicon.feelings[word(begin)] != nil || matches(["can", "not"], at: begin)
        {
            return speaker + " " + said
        }
        return said
    }

    /// Whether the clause denies what it says ("I don't live in Leeds any more").
    /// Whether a negation stands within the three words before `index` (or "any more" anywhere in the clause):
    /// "I don't work at Acme" is negated at "work"; "I'm lactose intolerant so no regular milk" is not.
    func isNegated(near index: Int, in clause: ExtractionClause) -> Bool {
        if clause.range.contains(where: { (word($0) == "any" && word($0 + 1) == "more") || word($0) == "anymore" || word($0) == "longer" && word($0 - 1) == "no" }) { return true }
        return span(max(clause.range.lowerBound, index - 3), index + 1).contains { ExtractionLexicon.negations.contains(word($0)) }
    }

    func isNegated(_ clause: ExtractionClause) -> Bool {
        clause.range.contains { ExtractionLexicon.negations.contains(word($0)) || (word($0) == "any" && word($0 + 1) == "more") || word($0) == "anymore" }
    }

    /// Lowercased words of `range` with determiners dropped, for values ("the Royal Infirmary" -> "royal infirmary").
    func value(_ range: Range<Int>) -> String {
        var words: [String] = []
        for index in span(range.lowerBound, range.upperBound) where tokens[index].isWord || word(index) == "&" {
            if words.isEmpty, ExtractionLexicon.determiners.contains(word(index)) { continue }
            if word(index) == "'s" {
                if !words.isEmpty { words[words.count - 1] += "'s" }
                continue
            }
            words.append(word(index))
        }
        return words.joined(separator: " ")
    }
}
