/// Reads tense from an utterance so that a bare "Thursday" can point forward ("my MRI is on Thursday")
/// or back ("on Thursday I finally saw the GP"). The cues are English function words and verb forms,
/// looked for first in the mention's own clause (split at , ; . ! ? and at "but", "and", "so", "because",
/// "then", "while", "although", "though") and then in the whole utterance:
/// - future: will, 'll, shall, won't, gonna, going to, am/is/are + -ing ("I'm seeing Ana"), is/are/'s + on/at
///   ("my MRI is on Thursday"), modals (can, could, should, might, must), hope, want, plan, need to,
///   have to; the verbs that set an appointment's date, even in the past tense, when the date follows
///   them ("moved to Friday", "postponed the hearing to Monday"); and "for" right before the mention
///   ("booked the dentist for Tuesday");
/// - past: was, were, did, had, went and some sixty irregular past forms, didn't/wasn't/weren't, "ago",
///   "yesterday", "since" right before the mention, and -ed forms unless a form of be/have/get comes right before them ("is scheduled",
///   "I'm worried", "I've finished" are not the simple past).
/// A future cue wins over a past one in the same clause ("I was told the MRI is on Thursday").
struct TimeTenseCues: Sendable {
    struct Cue: Sendable {
        var orientation: TimeOrientation
        var word: String
    }

    /// Per token: the index of its clause.
    private var clauseOfToken: [Int] = []
    /// Per clause: its cue, if any.
    private var clauseCues: [Cue?] = []
    private var sentenceCue: Cue?

    init(tokens: [TimeToken]) {
        clauseOfToken.reserveCapacity(tokens.count)
        var clause = 0
        var future: Cue?
        var past: Cue?
        var sentenceFuture: Cue?
        var sentencePast: Cue?
        func closeClause() {
            clauseCues.append(future ?? past)
            if sentenceFuture == nil { sentenceFuture = future }
            if sentencePast == nil { sentencePast = past }
            future = nil
            past = nil
        }
        for (index, token) in tokens.enumerated() {
            if token.kind == .punctuation, let character = token.text.utf8.first,
                character == 0x2C || character == 0x3B || character == 0x2E || character == 0x21 || character == 0x3F
            {
                // A "." between digits is "9.30", not the end of a sentence.
                if !(character == 0x2E && !token.spaceBefore && index + 1 < tokens.count
                    && tokens[index + 1].kind == .number && !tokens[index + 1].spaceBefore)
                {
                    clauseOfToken.append(clause)
                    closeClause()
                    clause += 1
                    continue
                }
            }
            if token.kind == .word, Self.clauseBreakers.contains(token.text) {
                closeClause()
                clause += 1
                clauseOfToken.append(clause)
                continue
            }
            clauseOfToken.append(clause)
            guard token.kind == .word else { continue }
            if future == nil, let word = Self.futureCue(tokens, index) {
                future = Cue(orientation: .future, word: word)
            }
            if past == nil, let word = Self.pastCue(tokens, index) {
                past = Cue(orientation: .past, word: word)
            }
        }
        closeClause()
        sentenceCue = sentenceFuture ?? sentencePast
    }

    /// The cue that orients a mention starting at token `index`.
    func cue(forMentionAt index: Int, tokens: [TimeToken]) -> Cue? {
        if index > 0, tokens[index - 1].text == "for" { return Cue(orientation: .future, word: "for") }
        // "since March", "ill since Sunday": the time began before the utterance.
        if index > 0, tokens[index - 1].text == "since" { return Cue(orientation: .past, word: "since") }
        if index < clauseOfToken.count, let cue = clauseCues[clauseOfToken[index]] { return cue }
        return sentenceCue
    }

    private static let clauseBreakers: Set<String> = [
        "but", "and", "so", "because", "then", "while", "although", "though", "whereas",
    ]

    private static let futureWords: Set<String> = [
        "will", "shall", "won't", "gonna", "can", "could", "should", "might", "must", "hope", "hoping", "want",
        "wants", "plan", "planning", "plans", "intend", "expect", "expecting", "upcoming", "tomorrow",
    ]

    /// Verbs that set an appointment's date: a future cue when the new date follows ("moved to Friday",
    /// "booked for Tuesday", "postponed the hearing to Monday"), else ordinary past forms ("Idris moved house").
    private static let planningVerbs: Set<String> = [
        "booked", "scheduled", "arranged", "planned", "moved", "rescheduled", "postponed", "confirmed", "pushed",
        "brought", "changed", "put", "set",
    ]

    private static func setsADate(_ tokens: [TimeToken], _ index: Int) -> Bool {
        guard planningVerbs.contains(tokens[index].text) else { return false }
        for next in (index + 1)..<min(index + 5, tokens.count) {
            let text = tokens[next].text
            if text == "to" || text == "for" || text == "till" || text == "until" || text == "back" || text == "forward" {
                return true
            }
        }
        return false
    }

    private static let beForms: Set<String> = ["am", "is", "are", "'m", "'s", "'re", "i'm", "it's", "we're", "they're", "you're", "he's", "she's", "that's", "there's"]

    private static func futureCue(_ tokens: [TimeToken], _ index: Int) -> String? {
        let text = tokens[index].text
        if futureWords.contains(text) { return text }
        if setsADate(tokens, index) { return text }
        if text.hasSuffix("'ll") { return "'ll" }
        if text == "going", index + 1 < tokens.count, tokens[index + 1].text == "to" { return "going to" }
        if (text == "need" || text == "have" || text == "has" || text == "got"), index + 1 < tokens.count,
            tokens[index + 1].text == "to"
        {
            return "\(text) to"
        }
        if isBeForm(text), index + 1 < tokens.count {
            let next = tokens[index + 1]
            // "I'm seeing Ana", "we're flying", "is on Thursday", "it's at nine"
            // A noun's "'s" is a possessive before -ing ("Monday's meeting"), so only pronouns count here.
            let pronounBe = beForms.contains(text) || text.hasSuffix("'re") || text.hasSuffix("'m")
            if pronounBe, next.kind == .word, next.text.count > 4, next.text.hasSuffix("ing"), !pastOrAdjectiveIng.contains(next.text) {
                return "\(text) \(next.text)"
            }
            if next.isKey(.on) || next.isKey(.at) || next.isKey(.tomorrow) || next.isKey(.next) {
                return "\(text) \(next.text)"
            }
        }
        return nil
    }

    private static func isBeForm(_ text: String) -> Bool {
        beForms.contains(text) || text.hasSuffix("'s") || text.hasSuffix("'re") || text.hasSuffix("'m")
    }

    private static let pastOrAdjectiveIng: Set<String> = ["nothing", "something", "anything", "everything", "thing", "boring", "interesting", "amazing", "exciting", "annoying", "worrying", "evening", "morning"]

    /// Irregular past-tense verbs (the extractor also reads them as no names: "my daughter gave up…").
    static let pastWords: Set<String> = [
        "was", "were", "did", "had", "went", "didn't", "wasn't", "weren't", "hadn't", "couldn't", "ago",
        "yesterday", "saw", "met", "told", "said", "came", "took", "made", "gave", "felt", "left", "began",
        "ran", "ate", "drank", "spoke", "heard", "thought", "bought", "brought", "found", "lost", "paid",
        "sent", "spent", "won", "wrote", "sat", "slept", "woke", "got", "kept", "knew", "meant", "rang",
        "sang", "swam", "taught", "caught", "fought", "flew", "drove", "rode", "broke", "chose", "fell",
        "forgot", "grew", "hid", "hit", "hurt", "led", "lent", "read", "sold", "shook", "stood", "stole",
        "stuck", "threw", "understood", "wore", "became", "held", "built", "dealt", "fed", "fled", "froze",
        "ground", "hung", "laid", "lay", "lit", "quit", "rose", "shot", "shut", "sprang", "struck", "swore",
        "tore", "wept", "wound",
    ]

    /// Words ending in -ed that are not past forms.
    private static let notPastEd: Set<String> = [
        "need", "bed", "red", "shed", "seed", "feed", "speed", "weed", "wed", "indeed", "bleed", "breed", "greed",
        "proceed", "exceed", "succeed", "hundred", "naked", "wicked", "sacred", "kindred", "shred", "sled", "fred",
        "ted", "ned", "ed", "led", "fed", "tired", "worried", "excited", "scared", "bored", "interested", "pleased",
        "stressed", "married", "engaged", "retired", "related", "supposed",
    ]

    private static let auxiliariesBeforeEd: Set<String> = [
        "be", "been", "being", "get", "gets", "getting", "have", "has", "'ve", "i've", "we've", "you've", "they've",
        "am", "is", "are", "'m", "'s", "'re", "i'm", "it's", "we're", "they're", "you're", "he's", "she's", "feel",
        "feeling", "so", "very", "really", "bit", "quite", "not",
    ]

    private static func pastCue(_ tokens: [TimeToken], _ index: Int) -> String? {
        let text = tokens[index].text
        if setsADate(tokens, index) { return nil }
        // "footy sat morning": "sat" read as Saturday is no past verb.
        if case .weekday = tokens[index].word { return nil }
        // "I've got", "she has got": present possession, not the past.
        if text == "got", index > 0, auxiliariesBeforeEd.contains(tokens[index - 1].text) { return nil }
        if pastWords.contains(text) { return text }
        if text.hasSuffix("'d"), text.count > 2 { return nil }  // "I'd" is would or had: no cue
        guard text.count >= 4, text.hasSuffix("ed"), !notPastEd.contains(text) else { return nil }
        if index > 0, auxiliariesBeforeEd.contains(tokens[index - 1].text) { return nil }
        return text
    }
}
