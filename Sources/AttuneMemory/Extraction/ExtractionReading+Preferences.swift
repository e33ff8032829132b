/// Preference and feeling rules: "I love/hate/prefer X", "can't stand X", "not a fan of X", "X gives me
/// palpitations" (avoid), "my favourite X is Y"; "I'm so nervous about X", "feeling stressed", "dreading X",
/// "can't wait for X".
extension ExtractionReading {
    mutating func preferenceRules(_ clause: ExtractionClause, _ subject: ClauseSubject) {
        let said = statement(clause)
        let index = skipAuxiliaries(from: subject.end, in: clause)
        let lower = word(index)
        var polarity: String?
        var objectStart = index + 1
        if let verb = FeelingLexicon.likeVerbs[lower], subject.thing == nil, !(subject.inherited && (lower == "like" || lower == "likes")),
            word(index + 1).first?.isNumber != true
        {
            // "I'd like to" is a wish, "like" after "feel"/"look" a comparison.
            if word(index - 1) == "would" || (lower == "like" || lower == "likes") && ["feel", "feels", "look", "looks", "sounds", "seems"].contains(word(index - 1)) { return }
            polarity = verb
            if word(index - 1) == "not" { polarity = verb == "likes" || verb == "loves" || verb == "enjoys" ? "dislikes" : verb }
            if ["it", "that", "this", "them", "him", "her", "when", "how"].contains(word(objectStart)) { return }
        } else if subject.thing == nil, matches(["can", "not", "stand"], at: index) || matches(["can", "not", "bear"], at: index) || matches(["could", "not", "stand"], at: index) {
            polarity = "can't stand"
            objectStart = index + 3
        } else if subject.thing == nil, ["not", "never"].contains(lower), ["a", "big"].contains(word(index + 1)) || word(index + 1) == "keen" || word(index + 1) == "into" {
            // "not a fan of", "not a big fan of", "not keen on", "not into".
            var next = index + 1
            while ["a", "big", "huge", "massive", "fan", "keen"].contains(word(next)) { next += 1 }
            if ["of", "on", "into"].contains(word(next)) || word(index + 1) == "into" {
                polarity = "dislikes"
                objectStart = word(next) == "into" || word(index + 1) == "into" ? (word(next) == "into" ? next + 1 : index + 2) : next + 1
            }
        } else if subject.thing == nil, ["a", "big", "huge"].contains(lower) || lower == "fan" || lower == "into" || lower == "keen" || lower == "obsessed" {
            var next = index
            while ["a", "big", "huge", "massive", "fan", "keen", "obsessed"].contains(word(next)) { next += 1 }
            if ["of", "on", "with", "into"].contains(word(next)), next > index {
                polarity = "likes"
                objectStart = next + 1
            }
        } else if subject.thing == nil, ["off", "given", "gave", "quit", "quitting", "cutting", "cut"].contains(lower) {
            // "I'm off caffeine", "I've given up sugar", "cut out dairy".
            var next = index + 1
            if ["up", "out", "down", "back"].contains(word(next)) { next += 1 }
            let notAvoiding: Set<String> = ["to", "on", "for", "at", "work", "sick", "until", "till", "today", "tomorrow", "tonight", "now", "home", "out", "in", "the", "next", "this", "back", "with", "from", "early"]
            if (lower == "off" && next == index + 1 && !notAvoiding.contains(word(next)) && !isTime(next)) || next > index + 1 {
                if word(next) == "on" { next += 1 }
                polarity = "avoids"
                objectStart = next
            }
        }
        if let polarity {
            let end = valueEnd(from: objectStart, in: clause)
            guard end > objectStart, !isNegated(clause) || polarity != "likes" && polarity != "loves" else { return }
            let object = value(objectStart..<end)
            guard !object.isEmpty, !["to", "it", "that", "this"].contains(object) else { return }
            records.append(ExtractedRecord(kind: .preference, subject: subject.key, slot: nil, value: object, statement: said))
            return
        }
        effectRule(clause, said: said)
        favouriteRule(clause, subject, said: said)
    }

    /// "Coffee gives me palpitations", "dairy makes me bloated", "red wine doesn't agree with me":
    /// the subject of the clause is a thing the speaker avoids.
    mutating func effectRule(_ clause: ExtractionClause, said: String) {
        guard let start = firstWord(clause) else { return }
        for index in clause.range where ["gives", "give", "gave", "makes", "make", "made", "triggers", "sets"].contains(word(index)) && index > start {
            let object = word(index + 1)
            guard ExtractionLexicon.objectPronounsOfSpeaker.contains(object) else { continue }
            let rest = span(index + 2, clause.range.upperBound)
            guard rest.contains(where: { FeelingLexicon.badEffects.contains(word($0)) || (word($0) == "off" && word(index) == "sets") }) else { continue }
            // "the GP says caffeine gives me…": the thing is what comes after the reporting verb.
            let from = (span(start, index).last { ["says", "said", "reckons", "thinks", "that", "apparently", "turns", "out"].contains(word($0)) }).map { $0 + 1 } ?? start
            guard from < index else { continue }
            records.append(ExtractedRecord(kind: .preference, subject: speaker, slot: nil, value: value(span(from, index)), statement: said + " (avoid)"))
            return
        }
        for index in clause.range where matches(["not", "agree", "with"], at: index) && ExtractionLexicon.objectPronounsOfSpeaker.contains(word(index + 3)) && index > start {
            let end = ["does", "do", "did"].contains(word(index - 1)) ? index - 1 : index
            records.append(ExtractedRecord(kind: .preference, subject: speaker, slot: nil, value: value(start..<end), statement: said + " (avoid)"))
            return
        }
    }

    /// "my favourite band is Wet Leg", "Wet Leg is my favourite band": slot "favourite band".
    mutating func favouriteRule(_ clause: ExtractionClause, _ subject: ClauseSubject, said: String) {
        for index in clause.range where ["favourite", "favorite", "fave", "fav"].contains(word(index)) {
            let thingEnd = valueEnd(from: index + 1, in: clause)
            guard thingEnd > index + 1 else { continue }
            let thing = value(span(index + 1, min(thingEnd, index + 3))).split(separator: " ").prefix { !["is", "'s", "are", "was"].contains($0) }.joined(separator: " ")
            guard !thing.isEmpty else { continue }
            var after = index + 1 + thing.split(separator: " ").count
            if ["is", "'s", "are", "was"].contains(word(after)) {
                after += 1
                let end = valueEnd(from: after, in: clause)
                if end > after { records.append(ExtractedRecord(kind: .preference, subject: subject.key, slot: "favourite " + thing, value: value(after..<end), statement: said)) }
            } else if let first = firstWord(clause), ["is", "'s", "are"].contains(word(index - 2)), index - 2 > first {
                records.append(ExtractedRecord(kind: .preference, subject: speaker, slot: "favourite " + thing, value: value(span(first, index - 2)), statement: said))
            }
            return
        }
    }

    mutating func feelingRules(_ clause: ExtractionClause, _ subject: ClauseSubject) {
        guard subject.thing == nil else { return }
        var index = subject.end
        var sawFeelVerb = false
        while index < clause.range.upperBound, FeelingLexicon.degree.contains(word(index)) || ExtractionLexicon.beVerbs.contains(word(index)) || ["feel", "feels", "felt", "feeling", "getting", "got", "been", "have", "has"].contains(word(index)) {
            if ["feel", "feels", "feeling", "getting", "am", "is", "are", "'s"].contains(word(index)) { sawFeelVerb = true }
            index += 1
        }
        var feeling = FeelingLexicon.feelings[word(index)]
        var aboutStart = index + 1
        if feeling == nil {
            if word(index) == "dreading" { feeling = "dreading"; aboutStart = index + 1 }
            else if matches(["can", "not", "wait"], at: index) { feeling = "excited"; aboutStart = index + 3 }
            else if matches(["looking", "forward", "to"], at: index) { feeling = "excited"; aboutStart = index + 3 }
            else if word(index) == "over" && word(index + 1) == "the" && word(index + 2) == "moon" { feeling = "happy"; aboutStart = index + 3 }
            else if word(index) == "freaking" && word(index + 1) == "out" { feeling = "anxious"; aboutStart = index + 2 }
            else if matches(["on", "edge"], at: index) { feeling = "nervous"; aboutStart = index + 2 }
        }
        guard let feeling, sawFeelVerb || ["dreading", "excited"].contains(feeling) || subject.end == index || clause.range.lowerBound == subject.end else { return }
        if isNegated(clause), !matches(["can", "not", "wait"], at: index) { return }
        var about: String?
        let introduced = ["about", "for", "with", "of", "over", "re", "before", "ahead"].contains(word(aboutStart))
            || ["dreading", "excited"].contains(feeling) && FeelingLexicon.feelings[word(index)] == nil
        if ["about", "for", "with", "of", "over", "re", "before"].contains(word(aboutStart)) { aboutStart += 1 }
        if word(aboutStart) == "of" { aboutStart += 1 }
        if introduced, aboutStart < clause.range.upperBound, feeling != word(aboutStart) {
            let end = valueEnd(from: aboutStart, in: clause)
            if end > aboutStart { about = value(aboutStart..<end) }
        }
        records.append(ExtractedRecord(kind: .feeling, subject: subject.key, slot: nil, value: about.map { feeling + " about " + $0 } ?? feeling, statement: statement(clause)))
    }

    /// Routines on weekdays ("gym on Mon/Wed", "I swim Tuesdays and Thursdays", "yoga every Friday"):
    /// slot "<activity> days", value the days in week order ("monday, wednesday").
    mutating func routineRules(_ clause: ExtractionClause, _ subject: ClauseSubject) {
        var days: [String] = []
        var firstDay: Int?
        var recurring = false
        for index in clause.range {
            let lower = word(index)
            let parts = lower.split(separator: "/").map(String.init)
            let named = parts.compactMap { ExtractionLexicon.weekdays[$0] }
            guard !named.isEmpty, named.count == parts.count else { continue }
            if firstDay == nil { firstDay = index }
            if parts.count > 1 || lower.hasSuffix("s") && lower.count > 4 && lower != "tues" && lower != "thurs" || word(index - 1) == "every" || word(index - 1) == "each"
                || word(index + 1) == "/" || word(index - 1) == "/"
                || ["mornings", "evenings", "nights", "afternoons", "lunchtimes"].contains(word(index + 1))
                || matches(["from", "now", "on"], in: clause)
            {
                recurring = true
            }
            for day in named where !days.contains(day) { days.append(day) }
        }
        guard let firstDay, recurring || days.count > 1 && clause.range.contains(where: { ["every", "usually", "always", "routine", "weekly"].contains(word($0)) }) else { return }
        guard !isNegated(clause) || clause.range.contains(where: { word($0) == "now" }) else { return }
        // The activity: the content words nearest before the days ("gym", "soccer practice", "swimming").
        var activity: [String] = []
        var index = firstDay - 1
        while index >= subject.end, activity.count < 2 {
            let lower = word(index)
            if ["on", "every", "each", "is", "are", "'s", "now", "moved", "moving", "changed", "changing", "switched", "switching", "shifted", "to", "the", "at", "my", "our", "his", "her", "their", "go", "goes", "going", "have", "has", "do", "does", "days", "day", "and", "back", "over", "from"].contains(lower) || !tokens[index].isWord || isTime(index) {
                if !activity.isEmpty { break }
                index -= 1
                continue
            }
            if ExtractionLexicon.baseVerbs.contains(lower) || ExtractionLexicon.commonWords.contains(lower) && !EventLexicon.heads.contains(lower) && !["gym", "swim", "run", "yoga", "football"].contains(lower) {
                if activity.isEmpty { activity.insert(lower, at: 0) }
                break
            }
            activity.insert(lower, at: 0)
            index -= 1
        }
        // "Darts is Tuesday nights": a capitalised activity read as a bare name is the activity, the speaker's.
        var subjectKey = subject.key
        if activity.isEmpty, let span = entitySpans.first(where: { $0.tokens.lowerBound == firstWord(clause) && $0.tokens.upperBound == subject.end }),
            let entity = entities.first(where: { $0.name?.lowercased() == span.key }), entity.relation == nil, entity.kind == .person
        {
            activity = [span.key]
            subjectKey = speaker
        }
        if activity.isEmpty, let thing = subject.thing { activity = value(thing).split(separator: " ").map(String.init).filter { $0 != subject.key + "'s" } }
        guard !activity.isEmpty else { return }
        let ordered = ExtractionLexicon.weekdayOrder.filter { days.contains($0) }
        // "my runs" and "I run" are one routine: the last word singular.
        if let last = activity.last, let singular = ExtractionLexicon.routineSingulars[last] { activity[activity.count - 1] = singular }
        let label = activity.joined(separator: " ").replacingOccurrences(of: " days", with: "")
        records.append(ExtractedRecord(kind: .fact, subject: subjectKey, slot: label + " days", value: ordered.joined(separator: ", "), statement: statement(clause)))
    }
}
