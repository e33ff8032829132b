/// Fact rules: where someone lives ("lives in", "moved to", "based in", "is from"), where and as what
/// they work ("works at/for", "joined", "started at", "works as a", "is a midwife"), allergies, diets,
/// birthdays and medication. Slots a new value supersedes: city, hometown, employer, job, birthday, medication.
extension ExtractionReading {
    mutating func factRules(_ clause: ExtractionClause, _ subject: ClauseSubject) {
        guard subject.thing == nil else {
            healthFacts(clause, subject, from: subject.end, statement: statement(clause))
            return
        }
        var index = skipAuxiliaries(from: subject.end, in: clause)
        let negated = isNegated(near: index, in: clause)
        let verb = word(index)
        let said = statement(clause)

        // Where: "lives in Cardiff", "has moved to Leeds", "is based in Bristol", "relocated to", "is from Lagos".
        if !negated {
            var placeStart: Int?
            var slot = "city"
            if ["live", "lives", "living", "based", "settled", "staying", "stays"].contains(verb), ["in", "near", "outside"].contains(word(index + 1)) {
                placeStart = index + 2
            } else if ["live", "lives", "living", "based"].contains(verb), ["over", "out", "up", "down", "now"].contains(word(index + 1)), ["in", "near"].contains(word(index + 2)) {
                placeStart = index + 3
            } else if ["moved", "relocated", "emigrated", "moving", "relocating"].contains(verb) {
                var next = index + 1
                if ["back", "out", "over", "away", "house", "up", "down"].contains(word(next)) { next += 1 }
                if word(next) == "to" { placeStart = next + 1 }
            } else if verb == "from", let origin = placeName(at: index + 1, in: clause), word(origin.upperBound) == "to",
                      tokens.indices.contains(where: { Self.movingWords.contains(word($0)) })
            {
                // "moving house on the 1st, from Leeds to York": the city is where the move goes.
                placeStart = origin.upperBound + 1
            } else if verb == "from" || (["come", "comes", "originally"].contains(verb) && word(index + 1) == "from") {
                placeStart = verb == "from" ? index + 1 : index + 2
                slot = "hometown"
            } else if verb == "in", ["am", "is", "are", "'s"].contains(word(index - 1)), word(index - 2) != "not" {
                // "Nia is in Cardiff now", "Marta's in Lisbon these days": only with "now", "nowadays"
                // or "these days" (else it is a visit).
                if clause.range.contains(where: { word($0) == "now" || word($0) == "nowadays" || matches(["these", "days"], at: $0) }) { placeStart = index + 1 }
            }
            if let start = placeStart, let place = placeName(at: start, in: clause) {
                addPlace(place, subject: subject, slot: slot, statement: said)
                index = place.upperBound
            }
        }

        // Work: "works at Acme", "works nights as a nurse at OHSU", "joined Monzo", "started at the bakery".
        guard !negated else { return }
        var position = index
        if ["work", "works", "working", "worked"].contains(word(position)) || word(position) == "job" || ["employed", "hired"].contains(word(position)) {
            if word(position) == "worked" && !clause.range.contains(where: { word($0) == "now" }) { return }
            position += 1
            // "works nights", "works part-time", "working remotely".
            while ["nights", "days", "weekends", "part-time", "full-time", "remotely", "shifts", "mornings", "evenings", "there", "now", "still", "currently", "as", "at", "for", "by", "in"].contains(word(position)), position < clause.range.upperBound {
                if word(position) == "as", let job = jobPhrase(at: position + 1, in: clause) {
                    addJob(job, subject: subject, statement: said)
                    position = job.upperBound
                    continue
                }
                if ["at", "for", "by"].contains(word(position)), let org = organisationName(at: position + 1, in: clause) {
                    addOrganisation(org, subject: subject, statement: said)
                    position = org.upperBound
                    continue
                }
                if word(position) == "in", let org = organisationName(at: position + 1, in: clause), isAfterWorkVerb(position) {
                    addOrganisation(org, subject: subject, statement: said)
                    position = org.upperBound
                    continue
                }
                position += 1
            }
        } else if ["joined", "joining", "joins"].contains(word(position)), let org = organisationName(at: position + 1, in: clause) {
            addOrganisation(org, subject: subject, statement: said)
        } else if ["started", "starting", "starts", "start", "began", "got"].contains(word(position)) {
            // "started at Acme", "started a new job at Acme", "got a job at Acme as a designer".
            var next = position + 1
            while next < clause.range.upperBound, next - position < 6, word(next) != "at", word(next) != "with", word(next) != "for" {
                if ["job", "role", "position", "work", "post"].contains(word(next)) || ExtractionLexicon.determiners.contains(word(next)) || ["new", "first", "full-time", "part-time"].contains(word(next)) {
                    next += 1
                } else {
                    break
                }
            }
            let hasJobWord = span(position + 1, next).contains { ["job", "role", "position", "work", "post"].contains(word($0)) }
            if ["at", "with", "for"].contains(word(next)), (hasJobWord || word(position) != "got"), let org = organisationName(at: next + 1, in: clause) {
                addOrganisation(org, subject: subject, statement: said)
                if word(org.upperBound) == "as", let job = jobPhrase(at: org.upperBound + 1, in: clause) { addJob(job, subject: subject, statement: said) }
            }
        } else if ExtractionLexicon.beVerbs.contains(word(position - 1)) || ["become", "became", "qualified", "retrained"].contains(word(position)) {
            // "is a midwife", "I'm an ER nurse at OHSU", "became a teacher", "qualified as a nurse".
            var start = position
            if ["become", "became", "qualified", "retrained"].contains(word(start)) { start += 1 }
            if word(start) == "as" { start += 1 }
            if word(position - 1) == "'s" && !["a", "an"].contains(word(start)) {
                // "Noah's flag football coach": a possessive, not "is".
            } else if let job = jobPhrase(at: start, in: clause) {
                addJob(job, subject: subject, statement: said)
                if ["at", "for"].contains(word(job.upperBound)), let org = organisationName(at: job.upperBound + 1, in: clause) {
                    addOrganisation(org, subject: subject, statement: said)
                }
            }
        }
        // "for a job at Dell", "took the day-shift job at Legacy", "first day at Halden Logistics", "new role with Acme".
        if !records.contains(where: { $0.slot == "employer" && $0.statement == said }) {
            for position in clause.range where ["job", "role", "position", "day", "post", "gig"].contains(word(position)) && ["at", "with"].contains(word(position + 1)) {
                if word(position) == "day", word(position - 1) != "first", !Self.ordinals.contains(word(position - 1)) { continue }
                if (clause.range.lowerBound..<position).contains(where: { ["interview", "offer", "applied", "apply", "applying"].contains(word($0)) }) { continue }
                if let org = organisationName(at: position + 2, in: clause) { addOrganisation(org, subject: subject, statement: said) }
                break
            }
        }
        // "day 2 at Morningstar", "week three at the bakery": counting days at a place is working there.
        if !records.contains(where: { $0.slot == "employer" && $0.statement == said }) {
            for position in clause.range where ["day", "week"].contains(word(position)) && Self.isCount(word(position + 1)) && ["at", "with"].contains(word(position + 2)) {
                if let org = organisationName(at: position + 3, in: clause) { addOrganisation(org, subject: subject, statement: said) }
                break
            }
        }
        // "got an offer from Morningstar, starting April 13": an offer with a start date is the new employer.
        if !records.contains(where: { $0.slot == "employer" && $0.statement == said }) {
            let starts = tokens.indices.contains { at in ["starting", "start", "starts"].contains(word(at)) && times.contains { $0.tokens.lowerBound > at && $0.tokens.lowerBound - at <= 3 } }
            for position in clause.range where starts && word(position) == "offer" && ["from", "at", "with"].contains(word(position + 1)) && !negated {
                if let org = organisationName(at: position + 2, in: clause) { addOrganisation(org, subject: subject, statement: said) }
                break
            }
        }
        // "changed jobs, I'm at Orla Health now", "new role! my wife's with Baxter & Finch these days":
        // being at a company is working there when the turn speaks of a job. Without a job word
        // "I'm at Tesco now" is where someone is standing, so it stays no employer. "with" names a
        // person as often as a company ("I'm with Sam"), so it takes a name of several words or a
        // company's head word ("Fennick Insurance", "Halden Logistics").
        if !records.contains(where: { $0.slot == "employer" && $0.statement == said }) {
            let at = skipAuxiliaries(from: subject.end, in: clause)
            if ExtractionLexicon.beVerbs.contains(word(at - 1)) || word(at - 1) == "'m", ["at", "with"].contains(word(at)),
               tokens.indices.contains(where: { Self.jobWords.contains(word($0)) }),
               let org = organisationName(at: at + 1, in: clause),
               word(at) == "at" || org.count > 1 || NameLexicon.organisationHeads.contains(word(org.upperBound - 1))
            {
                addOrganisation(org, subject: subject, statement: said)
            }
        }
        healthFacts(clause, subject, from: index, statement: said)
    }

    /// Words of a turn that speak of a job, for "I'm at Orla Health now" said of one.
    static let jobWords: Set<String> = ["job", "jobs", "role", "employer", "company", "firm", "hired", "career"]
    /// Words of a move, for "from Leeds to York" said of one.
    static let movingWords: Set<String> = ["moving", "move", "moved", "moves", "relocating", "relocated", "relocate"]
    /// Ordinals before "day" ("second day at Acme").
    static let ordinals: Set<String> = ["second", "third", "fourth", "fifth", "2nd", "3rd", "4th", "5th"]

    /// A count after "day" or "week": a numeral or a number word up to ten.
    static func isCount(_ word: String) -> Bool {
        if let number = Int(word) { return number >= 1 && number <= 400 }
        return ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].contains(word)
    }

    /// "Doc has me on metformin", "they've put me on statins", "switched me to Jardiance": the speaker's medication.
    mutating func medicationRule(_ clause: ExtractionClause) {
        let turnWords = tokens.map(\.lower)
        let aboutMedication = turnWords.contains { JobLexicon.medicationCues.contains($0) || ["medicine", "milligrams", "mgs"].contains($0) }
        // "Doc changed my pills. Jardiance now": a drug named with "now" in a turn about medication.
        if aboutMedication, let first = firstWord(clause), word(first + 1) == "now" || word(first + 1) == "instead" {
            let drug = word(first)
            if !isTime(first), drug.first?.isLetter == true, drug.count > 3, !ExtractionLexicon.commonWords.contains(drug), !isLexiconWord(drug) || JobLexicon.isMedication(drug, clause: []),
               JobLexicon.isMedication(drug, clause: turnWords)
            {
                records.append(ExtractedRecord(kind: .fact, subject: speaker, slot: "medication", value: drug, statement: speaker + " takes " + drug + " now"))
                return
            }
        }
        // "switched my meds to sertraline", "changed my tablets over to Jardiance".
        for position in clause.range where ["changed", "switched", "swapped", "moved"].contains(word(position)) && ExtractionLexicon.possessivesOfSpeaker.contains(word(position + 1))
            && (JobLexicon.medicationCues.contains(word(position + 2)) || word(position + 2) == "medicine")
        {
            var to = position + 3
            if word(to) == "over" { to += 1 }
            guard ["to", "onto"].contains(word(to)) else { continue }
            let drug = word(to + 1)
            guard !isTime(to + 1), drug.first?.isLetter == true, !ExtractionLexicon.commonWords.contains(drug) else { continue }
            records.append(ExtractedRecord(kind: .fact, subject: speaker, slot: "medication", value: drug, statement: statement(clause)))
            return
        }
        for position in clause.range where ["has", "have", "put", "got", "started", "switched", "moved", "changed"].contains(word(position)) && ExtractionLexicon.objectPronounsOfSpeaker.contains(word(position + 1)) && ["on", "to", "onto"].contains(word(position + 2)) {
            let drug = word(position + 3)
            guard !isTime(position + 3), drug.first?.isLetter == true else { continue }
            if JobLexicon.isMedication(drug, clause: clause.range.map { word($0) }) || word(position + 2) == "on" && !ExtractionLexicon.commonWords.contains(drug) && drug.count > 3 && !isLexiconWord(drug) {
                records.append(ExtractedRecord(kind: .fact, subject: speaker, slot: "medication", value: drug, statement: statement(clause)))
            }
        }
    }

    func isAfterWorkVerb(_ index: Int) -> Bool { ["work", "works", "working"].contains(word(index - 1)) }

    /// Skips auxiliaries and adverbs after a subject ("has now", "is still", "'s just").
    func skipAuxiliaries(from start: Int, in clause: ExtractionClause) -> Int {
        var index = start
        while index < clause.range.upperBound, [
            "now", "still", "currently", "just", "finally", "actually", "recently", "also", "officially", "already", "has", "have",
            "had", "am", "is", "are", "'s", "been", "really", "totally", "absolutely", "kinda", "literally", "both", "all", "only",
            "lately", "apparently", "usually", "always", "sometimes", "often", "then", "was", "were", "well", "originally",
            "permanently", "temporarily", "happily",
        ].contains(word(index)) {
            // "is a", "is from": the verb is the next word; keep "is" readable as index - 1.
            index += 1
        }
        return index
    }

    /// A place name at `start` ("Cardiff", "the Isle of Wight", "New York"), ending at a non-name word.
    /// "We moved again. Bristol now.": a place and "now" said alone, in a turn about moving or living
    /// somewhere, is the speaker's city now (superseding the one before).
    mutating func placeUpdateRule(_ clause: ExtractionClause, at first: Int) {
        guard let place = placeName(at: first, in: clause) else { return }
        var rest = place.upperBound
        if ["now", "nowadays"].contains(word(rest)) {
            rest += 1
        } else if matches(["these", "days"], at: rest) {
            rest += 2
        } else {
            return
        }
        guard rest >= clause.range.upperBound || !tokens[rest].isWord else { return }
        let aboutMoving: Set<String> = ["moved", "move", "moving", "relocated", "relocating", "emigrated", "live", "living", "lives", "based", "settled"]
        guard tokens.indices.contains(where: { aboutMoving.contains(word($0)) }) else { return }
        addPlace(place, subject: ClauseSubject(key: speaker, end: first, isSpeaker: true), slot: "city", statement: speaker + " lives in " + text(place) + " now")
    }

    func placeName(at start: Int, in clause: ExtractionClause) -> Range<Int>? {
        var index = start
        if word(index) == "the", index + 1 < clause.range.upperBound, tokens[index + 1].isCapitalized { index += 1 }
        guard index < clause.range.upperBound, !isTime(index), let name = properName(at: index), name.end <= clause.range.upperBound else { return nil }
        var end = name.end
        // "Isle of Wight", "Newcastle upon Tyne".
        while ["of", "upon", "on"].contains(word(end)), end + 1 < clause.range.upperBound, tokens[end + 1].isCapitalized,
            !ExtractionLexicon.timeWords.contains(word(end + 1)), !isTime(end + 1)
        {
            end += 2
        }
        return index..<end
    }

    /// An organisation name: capitalised words, acronyms included ("OHSU", "the NHS", "Acme Labs"), or an
    /// uncommon word in lower-case text; "the bakery on Main Street" is not an organisation name.
    func organisationName(at start: Int, in clause: ExtractionClause) -> Range<Int>? {
        var index = start
        if word(index) == "the" { index += 1 }
        guard index < clause.range.upperBound, tokens[index].isWord, !isTime(index), !ExtractionLexicon.timeWords.contains(word(index)) else { return nil }
        if tokens[index].isCapitalized && !ExtractionLexicon.determiners.contains(word(index)) && word(index) != "i" {
            var end = index + 1
            while end < clause.range.upperBound, end - index < 4, tokens[end].isWord || tokens[end].lower == "&",
                tokens[end].isCapitalized || tokens[end].lower == "&" && end + 1 < tokens.count && tokens[end + 1].isCapitalized
                    || tokens[end].lower == "'s" && RelationLexicon.people[word(end + 1)] == nil,
                !ExtractionLexicon.timeWords.contains(word(end))
            {
                end += 1
            }
            return index..<end
        }
        guard lowercaseNames, isNameWord(index) else { return nil }
        return index..<(index + 1)
    }

    /// A job noun phrase after "a"/"an"/"as" ("an ER nurse", "a midwife", "senior software engineer").
    func jobPhrase(at start: Int, in clause: ExtractionClause) -> Range<Int>? {
        var index = start
        if ["a", "an", "the"].contains(word(index)) { index += 1 }
        var end = index
        var head: Int?
        while end < clause.range.upperBound, end - index < 4, tokens[end].isWord, !ExtractionLexicon.prepositions.contains(word(end)) || word(end) == "up",
            !["and", "but", "so", "who", "which", "now", "there", "too", "again", "already", "'s"].contains(word(end))
        {
            if JobLexicon.isJob(word(end)) { head = end }
            end += 1
        }
        guard let head else { return nil }
        return index..<(head + 1)
    }

    /// Drops people found as bare names inside `range`, now that a rule reads it as a place or organisation.
    mutating func dropBareNames(overlapping range: Range<Int>) {
        for offset in entitySpans.indices.reversed() where entitySpans[offset].tokens.overlaps(range) && entities[offset].relation == nil && entities[offset].kind == .person {
            entities.remove(at: offset)
            entitySpans.remove(at: offset)
        }
    }

    mutating func addPlace(_ place: Range<Int>, subject: ClauseSubject, slot: String, statement: String) {
        dropBareNames(overlapping: place)
        let name = text(place)
        if entityKey(at: place.lowerBound) == nil || entities.contains(where: { $0.name == name && $0.kind == .person && $0.relation == nil }) {
            entities.removeAll { $0.name == name && $0.kind == .person && $0.relation == nil }
            entitySpans.removeAll { $0.tokens == place && $0.nameTokens == place }
            entities.append(EntityMention(name: name, kind: .place, relation: nil, relativeTo: nil, phrase: name))
            entitySpans.append((place, name.lowercased(), place))
        }
        records.append(ExtractedRecord(kind: .fact, subject: subject.key, slot: slot, value: value(place), statement: statement))
    }

    mutating func addOrganisation(_ org: Range<Int>, subject: ClauseSubject, statement: String) {
        dropBareNames(overlapping: org)
        let name = text(org)
        entities.removeAll { $0.name == name && $0.kind == .person && $0.relation == nil }
        entitySpans.removeAll { $0.tokens == org && $0.nameTokens == org }
        if !entities.contains(where: { $0.name == name && $0.kind == .organisation }) {
            entities.append(EntityMention(name: name, kind: .organisation, relation: nil, relativeTo: nil, phrase: name))
            entitySpans.append((org, name.lowercased(), org))
        }
        records.append(ExtractedRecord(kind: .fact, subject: subject.key, slot: "employer", value: value(org), statement: statement))
    }

    mutating func addJob(_ job: Range<Int>, subject: ClauseSubject, statement: String) {
        records.append(ExtractedRecord(kind: .fact, subject: subject.key, slot: "job", value: value(job), statement: statement))
    }

    /// Allergies ("allergic to penicillin", "a nut allergy"), diets ("vegetarian", "lactose intolerant"),
    /// birthdays and medication ("started taking sertraline", "on 20mg of citalopram").
    mutating func healthFacts(_ clause: ExtractionClause, _ subject: ClauseSubject, from start: Int, statement said: String) {
        let range = span(start, clause.range.upperBound)
        for index in range {
            let lower = word(index)
            if lower == "allergic", word(index + 1) == "to" {
                let end = valueEnd(from: index + 2, in: clause)
                if end > index + 2 { records.append(ExtractedRecord(kind: .fact, subject: subject.key, slot: nil, value: value((index + 2)..<end), statement: said)) }
            } else if lower == "allergy" || lower == "allergies", index > start {
                var first = index - 1
                while first > start, !ExtractionLexicon.determiners.contains(word(first - 1)), tokens[first - 1].isWord, !["have", "has", "got", "with"].contains(word(first - 1)) { first -= 1 }
                if !ExtractionLexicon.determiners.contains(word(first)) || first < index - 1 {
                    let from = ExtractionLexicon.determiners.contains(word(first)) ? first + 1 : first
                    if from < index { records.append(ExtractedRecord(kind: .fact, subject: subject.key, slot: nil, value: value(from..<index), statement: said)) }
                }
            } else if let diet = JobLexicon.diets[lower], ExtractionLexicon.beVerbs.contains(word(index - 1)) || ["went", "gone", "turned", "going"].contains(word(index - 1)) || word(index - 1) == "now" {
                let full = diet == "intolerant" ? value((index - 1)..<(index + 1)) : diet
                records.append(ExtractedRecord(kind: .fact, subject: subject.key, slot: nil, value: full, statement: said))
            } else if lower == "intolerant", index > start {
                records.append(ExtractedRecord(kind: .fact, subject: subject.key, slot: nil, value: value((index - 1)..<(index + 1)), statement: said))
            } else if ["taking", "prescribed", "started"].contains(lower) || (lower == "on" && ExtractionLexicon.beVerbs.contains(word(index - 1))) {
                var next = index + 1
                if word(next) == "on" || word(next) == "taking" { next += 1 }
                while next < clause.range.upperBound, tokens[next].lower.first?.isNumber == true || ["mg", "of", "a", "new", "some"].contains(word(next)) { next += 1 }
                if next < clause.range.upperBound, JobLexicon.isMedication(word(next), clause: clause.range.map { word($0) }) {
                    records.append(ExtractedRecord(kind: .fact, subject: subject.key, slot: "medication", value: word(next), statement: said))
                }
            }
        }
        // "my birthday is the 3rd of June", "birthday's on Friday".
        if let thing = subject.thing, word(thing.upperBound - 1) == "birthday" {
            if let time = times.first(where: { clause.range.contains($0.tokens.lowerBound) }) {
                records.append(ExtractedRecord(kind: .fact, subject: subject.key, slot: "birthday", value: time.mention.phrase.lowercased(), statement: said))
            }
        }
    }

    /// Where a short value phrase ends: at a mark, a conjunction or a clause word.
    func valueEnd(from start: Int, in clause: ExtractionClause) -> Int {
        var end = start
        while end < clause.range.upperBound, end - start < 4, tokens[end].isWord, !ExtractionLexicon.valueStops.contains(word(end)), !isTime(end) { end += 1 }
        return end
    }
}
