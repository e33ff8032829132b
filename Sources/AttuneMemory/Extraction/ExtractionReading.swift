import Foundation

/// The working state of one `MemoryExtractor.analyse` call: the tokens, their clauses, the time
/// mentions placed on tokens, and what has been found so far (entities are found first, so the
/// record rules can resolve "my sister" or "he" to a key).
struct ExtractionReading {
    let tokens: [ExtractionToken]
    let clauses: [ExtractionClause]
    /// The speaker's key, lowercased ("sam").
    let speaker: String
    /// Time mentions with the token range each covers.
    let times: [(mention: TimeMention, tokens: Range<Int>)]
    /// Whether lower-case words may be names: only in text written without capitals ("my cousin idris").
    let lowercaseNames: Bool
    var entities: [EntityMention] = []
    /// Where each entity was found and the key records use for it.
    var entitySpans: [(tokens: Range<Int>, key: String, nameTokens: Range<Int>?)] = []
    /// The person the speaker's previous turn named last, moments before ("my boyfriend Theo made
    /// dal" → "his mom Gail's recipe"): who "his"/"her"/"their" means when this turn names nobody first.
    var previousPerson: String?
    var records: [ExtractedRecord] = []
    /// The latest event label seen in an earlier clause, for a clause that changes an event without naming
    /// it ("Cardiologist's office called. Pushed me to the 11th.").
    var lastEventLabel: (text: String, owner: String?, range: Range<Int>)?
    let resolver: TimeExpressionResolver
    let reference: Date
    let text: String

    init(text: String, speaker: String, reference: Date, resolver: TimeExpressionResolver, findTimes: Bool = true) {
        self.resolver = resolver
        self.reference = reference
        self.text = text
        let tokens = ExtractionTokenizer.tokens(of: text)
        self.tokens = tokens
        clauses = ExtractionClause.clauses(of: tokens)
        self.speaker = speaker.lowercased()
        var placed: [(mention: TimeMention, tokens: Range<Int>)] = []
        for mention in findTimes ? resolver.mentions(in: text, at: reference) : [] {
            let first = tokens.firstIndex { $0.utf8End > mention.utf8Offsets.lowerBound } ?? tokens.count
            var last = first
            while last < tokens.count, tokens[last].utf8Start < mention.utf8Offsets.upperBound { last += 1 }
            if first < last { placed.append((mention, first..<last)) }
        }
        times = placed
        lowercaseNames = !tokens.contains { $0.isCapitalized && !$0.startsSentence && $0.lower != "i" }
    }

    /// `start..<end` kept inside the tokens (empty when `end` is before `start`), so a rule that runs off
    /// the end of a clause reads nothing rather than trapping.
    func span(_ start: Int, _ end: Int) -> Range<Int> {
        let lower = max(0, min(start, tokens.count))
        return lower..<max(lower, min(end, tokens.count))
    }

    func word(_ index: Int) -> String { index >= 0 && index < tokens.count ? tokens[index].lower : "" }

    /// Whether the words at `index` are `words` in order.
    func matches(_ words: [String], at index: Int) -> Bool {
        guard index >= 0, index + words.count <= tokens.count else { return false }
        for (offset, word) in words.enumerated() where tokens[index + offset].lower != word { return false }
        return true
    }

    func isTime(_ index: Int) -> Bool { times.contains { $0.tokens.contains(index) } }

    /// The key of the entity whose span covers `index`, if any.
    func entityKey(at index: Int) -> String? { entitySpans.last { $0.tokens.contains(index) }?.key }

    /// The most recent person or pet found before `index`, for "he", "she", "his", "her".
    func antecedent(before index: Int) -> String? {
        var best: (end: Int, key: String)?
        for (offset, span) in entitySpans.enumerated() where span.tokens.upperBound <= index {
            guard entities[offset].kind == .person || entities[offset].kind == .pet else { continue }
            if best == nil || span.tokens.upperBound >= best!.end { best = (span.tokens.upperBound, span.key) }
        }
        return best?.key ?? previousPerson
    }

    /// Whether `index` may start a proper name: a capitalised word that is not a common word at the start
    /// of a sentence, or (in all-lower-case text) an uncommon word.
    func isNameWord(_ index: Int) -> Bool {
        guard index >= 0, index < tokens.count else { return false }
        let token = tokens[index]
        guard token.isWord, token.lower != "'s", token.lower.first?.isLetter == true else { return false }
        if ExtractionLexicon.notNames.contains(token.lower) || ExtractionLexicon.timeWords.contains(token.lower) { return false }
        if token.isCapitalized {
            if token.startsSentence || token.text == "I" {
                // "Swimming is on Tuesdays": a sentence-initial participle is no name.
                if token.startsSentence, token.lower.hasSuffix("ing") || token.lower.hasSuffix("ed") { return false }
                return !ExtractionLexicon.commonWords.contains(token.lower) && !isLexiconWord(token.lower)
            }
            return !(ExtractionLexicon.determiners.contains(token.lower) || ExtractionLexicon.prepositions.contains(token.lower) && token.lower.count < 4)
        }
        guard lowercaseNames else { return false }
        // "my daughter gave up the violin": an irregular past verb is no name.
        if TimeTenseCues.pastWords.contains(token.lower), token.lower != "rose" { return false }
        return !ExtractionLexicon.commonWords.contains(token.lower) && !isLexiconWord(token.lower) && !token.lower.hasSuffix("ing")
            && !token.lower.hasSuffix("ed") && !token.lower.hasSuffix("ly") && token.lower.count > 1
    }

    func isLexiconWord(_ word: String) -> Bool {
        RelationLexicon.people[word] != nil || RelationLexicon.pets[word] != nil || EventLexicon.heads.contains(word)
            || FeelingLexicon.feelings[word] != nil || ExtractionLexicon.leadingFillers.contains(word)
            || ExtractionLexicon.prepositions.contains(word) || ExtractionLexicon.determiners.contains(word)
    }

    /// A proper name starting at `index`: up to four name words ("Dee Alvarez", "Acme Labs"), joined by
    /// "upon", "de", "&" and the like when capitalised text goes on. Returns the name as written and its end.
    func properName(at index: Int) -> (name: String, end: Int)? {
        guard isNameWord(index) else { return nil }
        var end = index + 1
        if tokens[index].isCapitalized {
            while end < tokens.count, end - index < 4 {
                if tokens[end].isCapitalized && tokens[end].isWord && !ExtractionLexicon.timeWords.contains(tokens[end].lower)
                    && !ExtractionLexicon.notNames.contains(tokens[end].lower) && tokens[end].lower != "i"
                {
                    end += 1
                } else if ExtractionLexicon.nameJoiners.contains(tokens[end].lower), end + 1 < tokens.count, tokens[end + 1].isCapitalized,
                    tokens[end].lower != "and" || end + 2 >= tokens.count || !tokens[end + 2].isWord || tokens[end + 2].isCapitalized
                {
                    if tokens[end].lower == "and" || tokens[end].lower == "on" { break }
                    end += 2
                } else {
                    break
                }
            }
        }
        return (text(index..<end), end)
    }

    /// The words of `range` as written, spaced, with punctuation and possessives attached.
    func text(_ range: Range<Int>) -> String {
        var out = ""
        for index in span(range.lowerBound, range.upperBound) {
            let token = tokens[index]
            if !out.isEmpty, token.isWord && token.lower != "'s" || token.lower == "&" || index > 0 && tokens[index - 1].lower == "&" { out += " " }
            out += token.lower == "'s" ? "'s" : token.text
        }
        return out
    }

    /// The clause's words with the speaker's pronouns resolved ("I'm nervous about my MRI" said by sam is
    /// "sam is nervous about sam's MRI").
    func resolvedText(_ range: Range<Int>) -> String {
        var words: [String] = []
        var previousWasSpeaker = false
        for index in span(range.lowerBound, range.upperBound) {
            let token = tokens[index]
            if token.isPunctuation {
                if ["(", ")", "\""].contains(token.lower) || words.isEmpty { continue }
                words[words.count - 1] += token.text
                previousWasSpeaker = false
                continue
            }
            // "mon/wed", "10:30": no space after a slash, or after a colon inside a clock time.
            if index > range.lowerBound, tokens[index - 1].lower == "/" || tokens[index - 1].lower == "&"
                || tokens[index - 1].lower == ":" && tokens[index - 1].utf8End == token.utf8Start,
                !words.isEmpty, words[words.count - 1].hasSuffix(tokens[index - 1].lower)
            {
                words[words.count - 1] += token.text
                continue
            }
            let lower = token.lower
            if lower == "i" || lower == "we" || ExtractionLexicon.objectPronounsOfSpeaker.contains(lower) {
                words.append(speaker)
                previousWasSpeaker = true
                continue
            }
            if ExtractionLexicon.possessivesOfSpeaker.contains(lower) {
                words.append(speaker + "'s")
                previousWasSpeaker = false
                continue
            }
            if lower == "'s" {
                if words.isEmpty { continue }
                words[words.count - 1] += "'s"
                continue
            }
            if previousWasSpeaker, let agreed = ExtractionLexicon.thirdPersonForms[lower] {
                words.append(agreed)
            } else if previousWasSpeaker, ExtractionLexicon.baseVerbs.contains(lower) {
                words.append(lower.hasSuffix("s") || lower.hasSuffix("sh") || lower.hasSuffix("ch") || lower.hasSuffix("o") ? lower + "es" : lower + "s")
            } else {
                words.append(token.text)
            }
            previousWasSpeaker = previousWasSpeaker && ["really", "just", "also", "still", "now", "actually", "absolutely", "totally", "honestly", "kinda", "literally", "usually", "always", "never", "sometimes", "often", "only"].contains(lower)
        }
        return words.joined(separator: " ")
    }
}
