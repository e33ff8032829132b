/// Entity rules: relation phrases ("my cousin Idris", "Mel's dad Ron", "our cat Miso", "my sister's
/// husband"), appositions ("Bea, my new line manager"), "my <relation> is called Name", bare kinship words
/// used as names ("Dad's check-up"), and names standing alone.
extension ExtractionReading {
    mutating func findEntities() {
        // "his"/"her"/"their" phrases wait until the bare names are known ("Bea brought her whippet").
        var index = 0
        while index < tokens.count {
            if !ExtractionLexicon.thirdPersonPossessives.contains(word(index)), let end = relationPhrase(at: index) {
                index = end
            } else {
                index += 1
            }
        }
        findPartnerPhrases()
        findBareNames()
        index = 0
        while index < tokens.count {
            if ExtractionLexicon.thirdPersonPossessives.contains(word(index)), let end = relationPhrase(at: index) {
                index = end
            } else {
                index += 1
            }
        }
        findLaterNames()
    }

    /// "Dana and I got married", "me and Sol are engaged", "I married Ines", "I'm engaged to Bo": the
    /// person the speaker marries or is engaged to is the speaker's partner.
    mutating func findPartnerPhrases() {
        let fillers: Set<String> = ["got", "are", "were", "'re", "just", "finally", "recently", "have", "'ve", "been", "getting", "be", "officially", "secretly", "both"]
        for index in tokens.indices where tokens[index].isCapitalized && !isPossessed(index) {
            guard let proper = properName(at: index), relationNoun(at: index) == nil else { continue }
            var next: Int?
            // "Dana and I got married", "me and Sol just got engaged".
            if word(proper.end) == "and", ["i", "me"].contains(word(proper.end + 1)) { next = proper.end + 2 }
            if ["i", "me"].contains(word(index - 2)), word(index - 1) == "and" { next = proper.end }
            if var position = next {
                while fillers.contains(word(position)), position - proper.end < 5 { position += 1 }
                guard Self.marriageWords.contains(word(position)) || matches(["tied", "the", "knot"], at: position) else { continue }
            } else {
                // "I married Ines", "I'm engaged to Bo", "I'm marrying Kit".
                let before = word(index - 1) == "to" ? index - 2 : index - 1
                guard ["married", "marrying", "engaged", "wed"].contains(word(before)), word(before) != "engaged" || before == index - 2 else { continue }
                var subject = before - 1
                while subject >= 0, fillers.contains(word(subject)) || word(subject) == "am" || word(subject) == "'m" { subject -= 1 }
                guard subject >= 0, word(subject) == "i" else { continue }
            }
            addEntity(EntityMention(name: proper.name, kind: .person, relation: "partner", relativeTo: speaker, phrase: text(index..<proper.end)),
                      tokens: index..<proper.end, nameTokens: index..<proper.end)
        }
    }

    static let marriageWords: Set<String> = ["married", "engaged", "wed", "hitched"]

    /// "…her whippet, he's called Pickle", "his coach is a fella named Briggs": a name given in a later
    /// clause goes to the latest unnamed person or pet before it.
    mutating func findLaterNames() {
        for index in tokens.indices where ["he", "she", "it", "they"].contains(word(index)) {
            var next = index + 1
            guard ["is", "'s", "are", "was"].contains(word(next)) else { continue }
            next += 1
            guard word(next) == "called" || word(next) == "named", let proper = properName(at: next + 1) else { continue }
            let candidates = entitySpans.indices.filter { entitySpans[$0].tokens.upperBound <= index && entities[$0].name == nil && entities[$0].relation != nil }
            guard let latest = candidates.max(by: { entitySpans[$0].tokens.upperBound < entitySpans[$1].tokens.upperBound }) else { continue }
            let nameTokens = (next + 1)..<proper.end
            let latestTokens = entitySpans[latest].tokens
            // The name was found on its own first; it now belongs to the relation.
            if let bare = entitySpans.firstIndex(where: { $0.tokens == nameTokens }), entities[bare].relation == nil {
                entities.remove(at: bare)
                entitySpans.remove(at: bare)
            }
            guard let target = entitySpans.firstIndex(where: { $0.tokens == latestTokens }) else { continue }
            entities[target].name = proper.name
            entitySpans[target].key = proper.name.lowercased()
            entitySpans[target].nameTokens = nameTokens
        }
    }

    /// The owner a possessor at `index` names, and where the words after it start: "my"/"our" (the
    /// speaker), "Name's", "his"/"her"/"their" (the latest person before).
    func possessor(at index: Int) -> (owner: String, next: Int)? {
        let lower = word(index)
        if ExtractionLexicon.possessivesOfSpeaker.contains(lower) && lower != "mine" && lower != "ours" { return (speaker, index + 1) }
        if ExtractionLexicon.thirdPersonPossessives.contains(lower) {
            // "her" is also an object ("I told her"): only a possessor before a relation word.
            guard let owner = antecedent(before: index) else { return nil }
            return (owner, index + 1)
        }
        if let name = properName(at: index), word(name.end) == "'s", !isPossessed(index) {
            return (name.name.lowercased(), name.end + 1)
        }
        // "theo's sister Lena" in otherwise capitalised text: a possessive before a relation word is a name.
        if word(index + 1) == "'s", !isPossessed(index), relationNoun(at: index + 2) != nil, tokens[index].isWord,
            lower.first?.isLetter == true, !ExtractionLexicon.commonWords.contains(lower), !isLexiconWord(lower),
            !ExtractionLexicon.timeWords.contains(lower)
        {
            return (lower, index + 2)
        }
        if let bare = RelationLexicon.bareKin[lower], word(index + 1) == "'s", !isPossessed(index) {
            return (speaker + "/" + bare, index + 2)
        }
        // "I have a beagle called Rolo", "we adopted a kitten", "Jo's got a sister": the subject owns it.
        if lower == "a" || lower == "an", ExtractionLexicon.havingVerbs.contains(word(index - 1)) {
            var subject = index - 2
            while subject >= 0, ["have", "has", "got", "'ve", "just", "also", "now", "finally", "recently", "still", "both"].contains(word(subject)) { subject -= 1 }
            if subject >= 0, ExtractionLexicon.subjectPronounsOfSpeaker.contains(word(subject)) { return (speaker, index + 1) }
            if subject >= 0, let key = entityKey(at: subject) { return (key, index + 1) }
            if subject >= 0, isNameWord(subject) { return (word(subject), index + 1) }
        }
        return nil
    }

    /// Whether a possessor or determiner stands right before `index` ("my dad", "the doctor").
    func isPossessed(_ index: Int) -> Bool {
        let previous = word(index - 1)
        return ExtractionLexicon.determiners.contains(previous) || previous == "'s"
    }

    /// A relation noun at `index` (after modifiers): its canonical form, whether a pet, and its end.
    func relationNoun(at start: Int) -> (relation: String, isPet: Bool, end: Int)? {
        var index = start
        while RelationLexicon.modifiers.contains(word(index)), index - start < 3 { index += 1 }
        let first = word(index)
        if let head = RelationLexicon.inLawHeads[first], word(index + 1) == "in", word(index + 2) == "law" {
            return (head, false, index + 3)
        }
        if let two = RelationLexicon.twoWord[first + " " + word(index + 1)] { return (two, false, index + 2) }
        if first == "guinea", word(index + 1) == "pig" || word(index + 1) == "pigs" { return ("guinea pig", true, index + 2) }
        if let person = RelationLexicon.people[first] { return (person, false, index + 1) }
        if let pet = RelationLexicon.pets[first] { return (pet, true, index + 1) }
        // "my ex-flatmate", "my former boss": an "ex-" prefix keeps the relation.
        if first.hasPrefix("ex-"), let person = RelationLexicon.people[String(first.dropFirst(3))] { return (person, false, index + 1) }
        return nil
    }

    /// A relation phrase starting at `index`, recorded with every link of its chain; returns its end.
    mutating func relationPhrase(at index: Int) -> Int? {
        guard var (owner, next) = possessor(at: index) else { return nil }
        let phraseStart = index
        // A possessor that is itself a named entity ("Mel's") is an entity too.
        if word(next - 1) == "'s", next - 1 > index, RelationLexicon.bareKin[word(index)] == nil, entityKey(at: index) == nil {
            addEntity(EntityMention(name: text(index..<(next - 1)), kind: .person, relation: nil, relativeTo: nil, phrase: text(index..<(next - 1))), tokens: index..<(next - 1), nameTokens: index..<(next - 1))
        } else if let bare = RelationLexicon.bareKin[word(index)], word(index + 1) == "'s" {
            addEntity(EntityMention(name: nil, kind: .person, relation: bare, relativeTo: speaker, phrase: tokens[index].text), tokens: index..<(index + 1), nameTokens: nil)
        }
        var found = false
        while let relation = relationNoun(at: next) {
            // "my dentist appointment", "my physio session", "my doctor's appointment": an event, not a person.
            if EventLexicon.heads.contains(word(relation.end)) && !relation.isPet
                || word(relation.end) == "'s" && EventLexicon.heads.contains(word(relation.end + 1)) && EventLexicon.visitRoles.contains(relation.relation)
            {
                if found { return next }
                return nil
            }
            found = true
            var end = relation.end
            var name: (name: String, range: Range<Int>)?
            // "my cousin Idris", "my manager, Bea," "our cat called Miso".
            var nameStart = end
            if word(nameStart) == "," { nameStart += 1 }
            if word(nameStart) == "called" || word(nameStart) == "named" { nameStart += 1 }
            if let proper = properName(at: nameStart), relationNoun(at: nameStart) == nil {
                // "my sister Nia's flat": the name still belongs to the sister.
                name = (proper.name, nameStart..<proper.end)
                end = proper.end
            } else if let called = calledName(after: end) {
                name = called
            } else if let before = appositiveName(before: phraseStart) {
                name = before
            }
            let kind: EntityKind = relation.isPet ? .pet : .person
            let mention = EntityMention(
                name: name?.name, kind: kind, relation: relation.relation, relativeTo: owner, phrase: text(phraseStart..<end))
            addEntity(mention, tokens: phraseStart..<end, nameTokens: name?.range)
            // "my sister's husband": the chain goes on from this link.
            if word(end) == "'s" {
                owner = mention.key ?? owner + "/" + relation.relation
                next = end + 1
                continue
            }
            return end
        }
        return found ? next : nil
    }

    /// "my cat is called Miso", "my manager's name is Bea", "my boss is Bea": a name said after the
    /// relation phrase ends at `end`.
    func calledName(after end: Int) -> (name: String, range: Range<Int>)? {
        var index = end
        if word(index) == "'s" && word(index + 1) == "name" { index += 2 }
        guard ["is", "'s", "was"].contains(word(index)) else { return nil }
        let contracted = word(index) == "'s"
        index += 1
        // "is a fella named Briggs", "is a guy called Tom".
        if ["a", "an"].contains(word(index)), ["called", "named"].contains(word(index + 2)) { index += 2 }
        let called = word(index) == "called" || word(index) == "named"
        if called { index += 1 }
        if contracted && !called && !tokens[min(index, tokens.count - 1)].isCapitalized { return nil }
        if !called, index < tokens.count, !tokens[index].isCapitalized, !(ExtractionLexicon.titles.contains(word(index))) {
            // "my boss is nice": in lower-case text only "is called" names someone.
            return nil
        }
        if ExtractionLexicon.titles.contains(word(index)), let proper = properName(at: index + (word(index + 1) == "." ? 2 : 1)) {
            return (text(index..<proper.end), index..<proper.end)
        }
        if word(index) == "now" { index += 1 }
        guard let proper = properName(at: index), tokens[index].isCapitalized || lowercaseNames,
            relationNoun(at: index) == nil, !ExtractionLexicon.commonWords.contains(word(index))
        else { return nil }
        return (proper.name, index..<proper.end)
    }

    /// "Bea, my new line manager" or "Bea is my manager": a name before the relation phrase at `start`.
    func appositiveName(before start: Int) -> (name: String, range: Range<Int>)? {
        var index = start - 1
        guard index >= 0 else { return nil }
        if word(index) == "," || word(index) == "(" {
            index -= 1
        } else if word(index) == "is" || word(index) == "'s" || word(index) == "was" {
            index -= 1
        } else {
            return nil
        }
        var nameStart = index
        while nameStart - 1 >= 0, tokens[nameStart - 1].isCapitalized, isNameWord(nameStart - 1), index - nameStart < 3 { nameStart -= 1 }
        guard index >= 0, isNameWord(nameStart), let proper = properName(at: nameStart), proper.end == index + 1 else { return nil }
        guard entityKey(at: nameStart) == nil || entitySpans.last(where: { $0.tokens.contains(nameStart) })?.nameTokens == nameStart..<(index + 1) else { return nil }
        return (proper.name, nameStart..<(index + 1))
    }

    mutating func addEntity(_ mention: EntityMention, tokens range: Range<Int>, nameTokens: Range<Int>?) {
        guard let key = mention.key else { return }
        if let existing = entitySpans.firstIndex(where: { $0.tokens == range }) {
            entities[existing] = mention
            entitySpans[existing] = (range, key, nameTokens)
            return
        }
        // A bare name found before it turned out to be part of a relation phrase is replaced.
        if let nameTokens, let bare = entitySpans.firstIndex(where: { $0.tokens == nameTokens }), entities[bare].relation == nil {
            entities.remove(at: bare)
            entitySpans.remove(at: bare)
        }
        entities.append(mention)
        entitySpans.append((range, key, nameTokens))
    }

    /// Names that are not part of a relation phrase ("Idris is moving house"), and bare kinship words
    /// used as names ("Mum rang", "dad's check-up"): people, unless a place or organisation rule claims them.
    mutating func findBareNames() {
        var index = 0
        while index < tokens.count {
            if entitySpans.contains(where: { $0.tokens.contains(index) || $0.nameTokens?.contains(index) == true }) {
                index += 1
                continue
            }
            // "Auntie Pip", "Uncle Joe", "Grandma Rose": a kinship title before a name.
            let title = RelationLexicon.kinTitles[word(index)] ?? (tokens[index].startsSentence && tokens[index].isCapitalized ? RelationLexicon.people[word(index)] : nil)
            if let title, !isPossessed(index), index + 1 < tokens.count, tokens[index + 1].isCapitalized, let proper = properName(at: index + 1) {
                addEntity(EntityMention(name: proper.name, kind: .person, relation: title, relativeTo: speaker, phrase: text(index..<proper.end)), tokens: index..<proper.end, nameTokens: (index + 1)..<proper.end)
                index = proper.end
                continue
            }
            if let bare = RelationLexicon.bareKin[word(index)], !isPossessed(index), !RelationLexicon.modifiers.contains(word(index - 1)) {
                addEntity(EntityMention(name: nil, kind: .person, relation: bare, relativeTo: speaker, phrase: tokens[index].text), tokens: index..<(index + 1), nameTokens: nil)
                index += 1
                continue
            }
            // "Sister-in-law called me", "Doc says…": a sentence-initial relation word as the subject.
            if tokens[index].startsSentence, let relation = relationNoun(at: index), relation.end == index + 1, !relation.isPet, looksLikeSubjectName(index, end: index + 1) {
                addEntity(EntityMention(name: nil, kind: .person, relation: relation.relation, relativeTo: speaker, phrase: tokens[index].text), tokens: index..<(index + 1), nameTokens: nil)
                index += 1
                continue
            }
            if tokens[index].isCapitalized, let proper = properName(at: index) {
                let all = tokens[index..<proper.end].allSatisfy { $0.text.uppercased() == $0.text && $0.text.count > 1 }
                let kind = nameKind(index..<proper.end)
                if kind == .person, isPlaceOrOrganisationSlot(index) || all || !looksLikeSubjectName(index, end: proper.end) {
                    index = proper.end
                    continue
                }
                addEntity(EntityMention(name: proper.name, kind: kind, relation: nil, relativeTo: nil, phrase: proper.name), tokens: index..<proper.end, nameTokens: index..<proper.end)
                index = proper.end
                continue
            }
            index += 1
        }
    }

    /// Whether the words before `index` make it a place or an organisation ("in Cardiff", "at the Acme").
    func isPlaceOrOrganisationSlot(_ index: Int) -> Bool {
        let previous = word(index - 1) == "the" ? word(index - 2) : word(index - 1)
        return ["in", "at", "to", "from", "near", "joined", "visiting", "visit", "into", "via", "towards", "around", "outside"].contains(previous)
    }

    /// A name's kind from its last word ("Gloucester Road" is a place, "Halden Logistics" an organisation).
    func nameKind(_ range: Range<Int>) -> EntityKind {
        let last = word(range.upperBound - 1)
        if NameLexicon.placeHeads.contains(last) { return .place }
        if NameLexicon.organisationHeads.contains(last) { return .organisation }
        return .person
    }

    /// Whether a capitalised name reads as a person: mid-sentence (not before an event noun: "the
    /// Zanzibar trip"), or at a sentence's start followed by a verb or a possessive ("Nia's moved",
    /// "Idris is moving", "Southmead rang"), not an imperative ("Put on some Sinatra").
    func looksLikeSubjectName(_ index: Int, end: Int) -> Bool {
        let next = word(end)
        if EventLexicon.heads.contains(next) || next == "-" { return false }
        guard tokens[index].startsSentence else { return true }
        if ["'s", "is", "was", "has", "had", "and", "will", "would", "said", "says", ",", "just", "can", "could", "did", "does", "got", "gets", "keeps", "never", "always", "still", "finally", "also", "wants"].contains(next) { return true }
        if NameLexicon.pastVerbs.contains(next) { return true }
        return next.count > 3 && (next.hasSuffix("s") && !next.hasSuffix("ss") || next.hasSuffix("ed")) && !ExtractionLexicon.timeWords.contains(next)
    }
}
