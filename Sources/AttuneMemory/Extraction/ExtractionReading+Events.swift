import Foundation

/// Event rules: a label noun phrase ("eye test", "job interview", "hip replacement", "house move"), its
/// owner (the possessor before it or the clause's subject), what the clause says happened to it
/// (planned, moved, cancelled, happened with an outcome) and its time from the time resolver.
extension ExtractionReading {
    mutating func eventRules(_ clause: ExtractionClause, _ subject: ClauseSubject?) {
        var found = eventLabel(in: clause)
        if found == nil, let subject, let verdict = competitionResult(clause, subject) {
            // "Eli's team won in Toledo": a result reported of the owner's latest past event.
            let event = ExtractedEvent(label: EventLexicon.resultLabel, owner: subject.key, time: nil, change: .happened, outcome: verdict)
            records.append(ExtractedRecord(kind: .event, subject: subject.key, slot: nil, value: EventLexicon.resultLabel, statement: statement(clause), event: event))
            return
        }
        if found == nil, subject?.isSpeaker ?? true, let verdict = selectionResult(clause, subject) {
            // "I GOT IT!!", "didn't get in", "passed!": the speaker's result of their latest past
            // interview, audition, exam or the like.
            let event = ExtractedEvent(label: EventLexicon.selectionResultLabel, owner: speaker, time: nil, change: .happened, outcome: verdict)
            records.append(ExtractedRecord(kind: .event, subject: speaker, slot: nil, value: EventLexicon.selectionResultLabel, statement: statement(clause), event: event))
            return
        }
        if found == nil, let last = lastEventLabel, changesAnEvent(clause) {
            found = (last.text, last.owner, clause.range.lowerBound..<clause.range.lowerBound)
        }
        guard let label = found else { return }
        lastEventLabel = label
        // "soccer practice Tuesdays and Thursdays": a routine, not one event.
        if records.contains(where: { $0.slot?.hasSuffix(" days") == true && $0.statement == statement(clause) }) { return }
        let words = clause.range.map { word($0) }
        var clauseTimes = times.filter { clause.range.contains($0.tokens.lowerBound) }
        if clauseTimes.isEmpty { clauseTimes = fragmentTimes(after: clause) }
        // "got my driving test on Friday": "got" is having, not the past, before an event noun.
        if clauseTimes.contains(where: { $0.mention.orientationReason == .tenseCue("got") }) {
            let forward = resolver.mentions(in: text, at: reference, orientation: .always(.future))
            clauseTimes = clauseTimes.map { placed in
                guard placed.mention.orientationReason == .tenseCue("got"), let again = forward.first(where: { $0.utf8Offsets == placed.mention.utf8Offsets }) else { return placed }
                return (again, placed.tokens)
            }
        }
        // "Wednesday the 12th", "Friday at 3": adjacent mentions name one time, the later one the more exact.
        var merged: [(mention: TimeMention, tokens: Range<Int>)] = []
        for placed in clauseTimes {
            if let last = merged.last, placed.tokens.lowerBound - last.tokens.upperBound <= 1, placed.mention.interval.overlaps(last.mention.interval) || placed.mention.interval.start > last.mention.interval.start {
                merged[merged.count - 1] = placed.mention.interval.durationSeconds <= last.mention.interval.durationSeconds ? placed : last
            } else {
                merged.append(placed)
            }
        }
        clauseTimes = merged
        // "dentist was fine": the visit to the dentist is the speaker's, not the dentist's.
        let visitIsSubject = subject.map { EventLexicon.visitRoles.contains(label.text) && entityKey(at: label.range.lowerBound) == $0.key } ?? false
        let owner = label.owner ?? (visitIsSubject ? speaker : subject?.key) ?? speaker
        let negated = isNegated(clause)

        var change: EventChange?
        var outcome: String?
        var time: InstantInterval?

        let cancelled = words.contains { EventLexicon.cancelVerbs.contains($0) } || matches(["called", "off"], in: clause)
            || matches(["not", "happening"], in: clause) || matches(["no", "longer"], in: clause)
            || (clause.range.upperBound - 1 > label.range.upperBound && word(clause.range.upperBound - 1) == "off" && ["is", "'s", "are"].contains(word(clause.range.upperBound - 2)))
        let moveIndex = clause.range.first { EventLexicon.moveVerbs.contains(word($0)) && !label.range.contains($0) && !(label.text == "house move" && ["move", "moving", "moved"].contains(word($0))) }
        if cancelled {
            change = .cancelled
        } else if let moveIndex, !(word(moveIndex) == "move" || word(moveIndex) == "moving") || label.text != "house move",
            let after = clauseTimes.first(where: { $0.tokens.lowerBound > moveIndex && ["to", "till", "until", "for"].contains(word($0.tokens.lowerBound - 1)) })
                ?? clauseTimes.last(where: { $0.tokens.lowerBound > moveIndex }) ?? clauseTimes.last
        {
            change = .moved
            time = after.mention.interval
        } else if let moveIndex, clauseTimes.isEmpty, ["moved", "postponed", "rescheduled", "delayed", "pushed"].contains(word(moveIndex)), label.text != "house move" {
            change = .moved
        } else if let now = clause.range.first(where: { word($0) == "now" }), let after = clauseTimes.first(where: { $0.tokens.lowerBound > now }), label.range.upperBound <= now {
            // "the MRI is now on the 21st".
            change = .moved
            time = after.mention.interval
        } else if let reported = reportedOutcome(clause, after: label.range) {
            change = .happened
            outcome = reported
            time = clauseTimes.first { $0.mention.orientation == .past }?.mention.interval
        } else if !negated {
            let pastTime = clauseTimes.first { $0.mention.orientation == .past }
            let futureTime = clauseTimes.first { $0.mention.orientation == .future }
            let hadVerb = clause.range.contains { EventLexicon.happenedVerbs.contains(word($0)) && $0 < label.range.lowerBound && word($0) != "got" }
                || clause.range.contains { ["went", "was", "were"].contains(word($0)) }
            if let pastTime, hadVerb || futureTime == nil && !words.contains("will") {
                change = .happened
                time = pastTime.mention.interval
            } else if let futureTime {
                change = .planned
                time = futureTime.mention.interval
            } else if words.contains(where: { ["booked", "scheduled", "arranged", "upcoming", "coming"].contains($0) }) || matches(["got", "a"], in: clause) && !hadVerb {
                change = .planned
            }
        }
        guard let change else { return }
        let event = ExtractedEvent(label: label.text, owner: owner, time: time, change: change, outcome: outcome)
        records.append(ExtractedRecord(kind: .event, subject: owner, slot: nil, value: label.text, statement: statement(clause), event: event))
    }

    /// A selection's result said of oneself with no event named: "I got it!", "got in", "got the
    /// job", "didn't get the part", "passed!", "nailed it". The clause must end there ("I got it
    /// for my birthday" is not one), and an unnamed subject counts as the speaker ("Got it!!").
    func selectionResult(_ clause: ExtractionClause, _ subject: ClauseSubject?) -> String? {
        guard !clause.inQuestion, !clause.inHypothetical else { return nil }
        var verb = subject.map { skipAuxiliaries(from: $0.end, in: clause) } ?? clause.range.lowerBound
        while verb < clause.range.upperBound, !tokens[verb].isWord || ["so", "finally", "just", "actually", "totally", "did", "do", "not"].contains(word(verb)) { verb += 1 }
        let negated = isNegated(clause)
        var end = clause.range.upperBound
        while end > verb, !tokens[end - 1].isWord { end -= 1 }
        let rest = (verb + 1..<max(verb + 1, end)).map { word($0) }
        if ["got", "get"].contains(word(verb)) {
            let object = rest.first == "the" ? Array(rest.dropFirst()) : rest
            let selection = object == ["it"] || object == ["in"] || object == ["through"] || object == ["accepted"] || object == ["offered", "it"]
                || object.count == 1 && EventLexicon.selectionPrizes.contains(object[0]) && rest.first == "the"
            // "got it" alone is also "understood": only said with a subject ("I got it") or an
            // exclamation ("Got it!!") is it a result.
            let exclaimed = clause.range.upperBound < tokens.count && tokens[clause.range.upperBound].lower == "!"
            guard selection, word(verb) == "got" || negated, object != ["it"] || subject.map({ !$0.inherited }) ?? false || exclaimed else { return nil }
            return negated ? "did not get it" : "got it"
        }
        if let verdict = EventLexicon.outcomeVerbs[word(verb)], rest.isEmpty || rest == ["it"] {
            return negated ? "not " + verdict : verdict
        }
        return nil
    }

    /// The time of a terse turn given in the sentences after the event's own ("Dentist. Friday the
    /// 6th. Nine."): the sentences right after it that hold nothing but a time, or a bare hour, are
    /// read together as one time by the time resolver ("Friday the 6th at nine"). A sentence with any
    /// other word ends the run, so "Dentist. Mum's birthday Friday." gives the dentist no time.
    func fragmentTimes(after clause: ExtractionClause) -> [(mention: TimeMention, tokens: Range<Int>)] {
        guard let position = clauses.firstIndex(where: { $0.range == clause.range }) else { return [] }
        var phrase = ""
        var covered: Range<Int>?
        for next in clauses[(position + 1)...] {
            let words = next.range.filter { tokens[$0].isWord }
            guard !words.isEmpty else { break }
            let start = tokens[next.range.lowerBound].utf8Start, end = tokens[next.range.upperBound - 1].utf8End
            let written = String(decoding: text.utf8.dropFirst(start).prefix(end - start), as: UTF8.self)
            if words.allSatisfy({ isTime($0) }) {
                phrase += (phrase.isEmpty ? "" : " ") + written
            } else if !phrase.isEmpty, words.count <= 2, words.allSatisfy({ TimeLexicon.isHourWord(word($0)) }) {
                // "Nine.", "half nine": an hour after a day.
                phrase += " at " + written
            } else {
                break
            }
            covered = (covered?.lowerBound ?? next.range.lowerBound)..<next.range.upperBound
        }
        guard let covered, !phrase.isEmpty else { return [] }
        let mentions = resolver.mentions(in: phrase, at: reference)
        guard let best = mentions.min(by: { $0.interval.durationSeconds < $1.interval.durationSeconds }) else { return [] }
        return [(best, covered)]
    }

    /// The result verb right after the clause's subject ("won", "lost", "came second"), unless negated.
    func competitionResult(_ clause: ExtractionClause, _ subject: ClauseSubject) -> String? {
        var verb = skipAuxiliaries(from: subject.end, in: clause)
        // "Eli's team won", "her side lost": the owner's team.
        if EventLexicon.teamNouns.contains(word(verb)) { verb = skipAuxiliaries(from: verb + 1, in: clause) }
        guard verb < clause.range.upperBound, !isNegated(clause) else { return nil }
        if let result = EventLexicon.resultVerbs[word(verb)] { return result }
        if word(verb) == "came" || word(verb) == "finished", EventLexicon.placings.contains(word(verb + 1)) { return "came " + word(verb + 1) }
        return nil
    }

    /// Whether the clause moves, cancels or reports on something ("pushed me to the 11th", "went fine").
    func changesAnEvent(_ clause: ExtractionClause) -> Bool {
        clause.range.contains { index in
            let lower = word(index)
            if EventLexicon.cancelVerbs.contains(lower) || matches(["called", "off"], at: index) { return true }
            if ["moved", "pushed", "rescheduled", "postponed", "bumped", "shifted", "rebooked", "delayed", "brought"].contains(lower) { return times.contains { clause.range.contains($0.tokens.lowerBound) } }
            return lower == "went" && EventLexicon.outcomes.contains(word(index + 1))
        }
    }

    func matches(_ words: [String], in clause: ExtractionClause) -> Bool {
        clause.range.contains { matches(words, at: $0) && $0 + words.count <= clause.range.upperBound }
    }

    /// How the event went: "went fine", "was a disaster", "passed", "all clear", "doc says it's fine".
    func reportedOutcome(_ clause: ExtractionClause, after label: Range<Int>) -> String? {
        for index in clause.range {
            let lower = word(index)
            if let verb = EventLexicon.outcomeVerbs[lower], index < label.lowerBound { return verb }
            if lower == "went" || lower == "go" && word(index - 1) == "did" {
                var next = index + 1
                while ["really", "so", "very", "pretty", "quite", "super", "totally", "absolutely", "surprisingly", "actually", "all", "ok", "okay"].contains(word(next)) && !EventLexicon.outcomes.contains(word(next)) { next += 1 }
                if word(next) == "ok" || word(next) == "okay" { return "ok" }
                if EventLexicon.outcomes.contains(word(next)) { return word(next) }
                if word(next) == "not" || word(next) == "n't", EventLexicon.outcomes.contains(word(next + 1)) { return "not " + word(next + 1) }
            }
            if lower == "all", word(index + 1) == "clear" { return "all clear" }
            if ["was", "were"].contains(lower), index >= label.upperBound {
                var next = index + 1
                while ["really", "so", "very", "pretty", "quite", "a", "an", "total", "complete", "absolute", "super", "actually"].contains(word(next)) { next += 1 }
                if EventLexicon.outcomes.contains(word(next)) { return word(next) }
            }
            // "doc says the ticker's fine", "results came back clear", "they said everything's normal".
            if ["says", "said", "reckons", "thinks"].contains(lower) || lower == "came" && word(index + 1) == "back" {
                for later in (index + 1)..<clause.range.upperBound where EventLexicon.outcomes.contains(word(later)) && !["well", "hard"].contains(word(later)) {
                    return word(later - 1) == "not" ? "not " + word(later) : word(later)
                }
            }
        }
        return nil
    }

    /// The clause's event label, the possessor that owns it (if any) and where it is.
    func eventLabel(in clause: ExtractionClause) -> (text: String, owner: String?, range: Range<Int>)? {
        for index in clause.range {
            let lower = word(index)
            // "moving house", "move house", "moving out", "is moving to Leeds".
            if lower == "moving" || lower == "move" && word(index - 1) != "the" {
                if ["house", "home", "out", "flat", "flats", "in"].contains(word(index + 1)) || (word(index + 1) == "to" && !isTime(index + 2) && properName(at: index + 2) != nil) {
                    let end = ["house", "home", "out", "flat", "flats", "in"].contains(word(index + 1)) ? index + 2 : index + 1
                    if lower == "move", !["to", "will", "going", "gonna", "we", "i", "they", "he", "she"].contains(word(index - 1)) && word(index - 2) != "going" { continue }
                    return ("house move", nil, index..<end)
                }
            }
            // "having his hip replaced", "getting my wisdom teeth out / removed".
            if ["replaced", "removed", "out", "done", "fixed", "checked", "looked"].contains(lower), index - clause.range.lowerBound >= 2,
                let having = span(clause.range.lowerBound, index).last(where: { ["having", "have", "has", "getting", "get", "got", "had"].contains(word($0)) })
            {
                var start = having + 1
                if ExtractionLexicon.determiners.contains(word(start)) || word(start) == "'s" { start += 1 }
                if start < index, index - start <= 3, !(start..<index).contains(where: { isTime($0) || !tokens[$0].isWord }) {
                    let noun = value(start..<index)
                    let suffix = ["replaced": "replacement", "removed": "removal", "out": "removal", "done": "", "fixed": "repair", "checked": "check", "looked": "check"][lower] ?? ""
                    if lower == "looked" && word(index + 1) != "at" { continue }
                    let label = suffix.isEmpty ? noun : noun + " " + suffix
                    if !noun.isEmpty, !ExtractionLexicon.commonWords.contains(noun) { return (label, possessorOwner(before: start), start..<(index + 1)) }
                }
            }
            // "doc says the ticker's fine", "the dentist said all good": the visit to them is the event.
            if ["says", "said", "reckons", "thinks", "told"].contains(word(index + 1)),
                let role = RelationLexicon.people[lower].flatMap({ EventLexicon.visitRoles.contains($0) ? $0 : nil })
                    ?? (EventLexicon.visitRoles.contains(lower) ? lower : nil)
            {
                return (role, possessorOwner(before: index), index..<(index + 1))
            }
            // "flying to Lagos on Sunday", "we're off to Crete", "heading up to Leeds": a trip to the place.
            if EventLexicon.travelVerbs.contains(lower), !EventLexicon.travelVerbs.contains(word(index + 1)) || word(index + 1) == "off" {
                var to = index + 1
                if ["up", "down", "over", "out", "back", "away", "off"].contains(word(to)) { to += 1 }
                if word(to) == "to", let place = placeName(at: to + 1, in: clause), !isTime(place.lowerBound),
                    times.contains(where: { clause.range.contains($0.tokens.lowerBound) }) || ["flying", "flies", "fly"].contains(lower)
                {
                    let words = value(place).split(separator: " ").map(String.init) + ["trip"]
                    if !clause.range.contains(where: { EventLexicon.heads.contains(word($0)) && !isTime($0) && $0 != index }) {
                        return (normalisedLabel(words), nil, index..<place.upperBound)
                    }
                }
            }
            guard EventLexicon.heads.contains(lower), !isTime(index) || lower == "birthday" else { continue }
            // "Idris's move", "their move": a possessed move is a house move.
            if lower == "move" {
                if word(index - 1) == "'s" || ["my", "our", "his", "her", "their"].contains(word(index - 1)) { return ("house move", possessorOwner(before: index), index..<(index + 1)) }
                if word(index - 1) != "house" { continue }
            }
            // "physio session", "eye test appointment": the last noun heads the compound.
            if index + 1 < clause.range.upperBound, EventLexicon.heads.contains(word(index + 1)), !isTime(index + 1) { continue }
            // Modifiers before the head ("eye test", "job interview", "dentist appointment").
            var start = index
            while start - 1 >= clause.range.lowerBound, index - start < 2 {
                let before = word(start - 1)
                guard tokens[start - 1].isWord, !ExtractionLexicon.determiners.contains(before), !EventLexicon.labelSkips.contains(before),
                    !ExtractionLexicon.beVerbs.contains(before), !ExtractionLexicon.prepositions.contains(before) || before == "x",
                    !ExtractionLexicon.commonWords.contains(before) || ["driving", "work", "job", "blood", "eye", "house", "birthday", "check", "follow", "dinner", "night", "hen", "stag", "baby", "leaving", "engagement", "housewarming", "christmas", "home", "doctor", "doctors", "football", "soccer", "school", "parents", "dance", "piano", "swimming", "team", "sports"].contains(before),
                    !isTime(start - 1) || ["christmas", "birthday"].contains(before),
                    !RelationLexicon.modifiers.contains(before), !["i", "we", "you", "he", "she", "they", "got", "have", "has", "had", "having", "booked", "and"].contains(before),
                    !ExtractionLexicon.possessivesOfSpeaker.contains(before), before != "'s"
                else { break }
                start -= 1
            }
            if EventLexicon.headsNeedingModifier.contains(lower) && start == index {
                // "appointment with the dentist", "check with the GP": the one after "with".
                continue
            }
            var labelWords = (start...index).map { word($0) }
            // "appointment with the dentist / at the opticians".
            if ["appointment", "appt", "check-up", "checkup", "consultation"].contains(lower), start == index, ["with", "at"].contains(word(index + 1)) {
                var other = index + 2
                if ExtractionLexicon.determiners.contains(word(other)) { other += 1 }
                let nextWord = word(other)
                if RelationLexicon.people[nextWord] != nil || ["dentist", "dentists", "optician", "opticians", "gp", "doctor", "doctors", "hospital", "clinic", "consultant", "hygienist", "surgery"].contains(nextWord) {
                    labelWords = [RelationLexicon.people[nextWord] ?? nextWord]
                    if labelWords == ["dentists"] { labelWords = ["dentist"] }
                    if labelWords == ["gp"] { labelWords = ["doctor"] }
                }
            }
            let owner = possessorOwner(before: start)
            return (normalisedLabel(labelWords), owner, start..<(index + 1))
        }
        return nil
    }

    /// The owner named by a possessor right before `start` ("my", "Idris's", "dad's", "his").
    func possessorOwner(before start: Int) -> String? {
        var index = start - 1
        while index >= 0, EventLexicon.labelSkips.contains(word(index)) || RelationLexicon.modifiers.contains(word(index)) { index -= 1 }
        guard index >= 0 else { return nil }
        let lower = word(index)
        if ExtractionLexicon.possessivesOfSpeaker.contains(lower) { return speaker }
        if ExtractionLexicon.thirdPersonPossessives.contains(lower) { return antecedent(before: index) }
        if lower == "'s", index > 0 {
            if let key = entitySpans.last(where: { $0.tokens.upperBound == index || $0.tokens.contains(index - 1) })?.key { return key }
            if let bare = RelationLexicon.bareKin[word(index - 1)] { return speaker + "/" + bare }
            // "Saturday's party", "tomorrow's meeting": a time, not an owner.
            if isTime(index - 1) || ExtractionLexicon.timeWords.contains(word(index - 1)) { return nil }
            return word(index - 1)
        }
        return nil
    }

    /// Lowercase, articles gone, synonyms folded ("the MRI scan" -> "mri", "moving house" -> "house move").
    func normalisedLabel(_ written: [String]) -> String {
        let words = written.map { EventLexicon.wordSynonyms[$0] ?? $0 }
        let joined = words.joined(separator: " ")
        if let synonym = EventLexicon.labelSynonyms[joined] { return synonym }
        if words.count > 1, ["results", "result"].contains(words.last!) { return normalisedLabel(Array(written.dropLast())) }
        if words.count > 1, ["appointment", "appt", "appointments"].contains(words.last!) {
            let stem = words.dropLast().joined(separator: " ")
            return EventLexicon.labelSynonyms[stem] ?? EventLexicon.labelSynonyms[stem + " appointment"] ?? stem
        }
        if words.count > 1, let first = EventLexicon.labelSynonyms[words[0]], words.count == 2, words[1] == "scan" { return first }
        return joined
    }
}
