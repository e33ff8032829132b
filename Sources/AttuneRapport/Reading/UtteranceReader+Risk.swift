/// Current risk to life or safety, and the risk words read as not current.
extension UtteranceReader {
    typealias RiskCategory = UtteranceReading.RiskCue.Category

    /// Most urgent first: the cue reported when several categories match (an overdose taken is an
    /// emergency before it is a thought).
    static let riskOrder: [RiskCategory] = [
        .preparations, .medicalEmergency, .suicidalThoughts, .passiveSuicidalThoughts, .selfHarm, .dangerFromPerson,
        .harmToDependent, .fall,
    ]

    func readRisk(_ text: ReadingText, into reading: inout UtteranceReading) {
        let matches = RiskLexicon.rules.matches(in: text)
        let figures = RiskLexicon.figurative.matches(in: text)
        var kept: [(match: PhraseMatch<RiskLexicon.Rule>, rank: Int)] = []
        var dismissals: [UtteranceReading.RiskDismissal] = []
        // One dismissal per place: the longest quote of overlapping matches ("I tried to kill myself",
        // not also "kill myself").
        func dismiss(_ reason: UtteranceReading.RiskDismissal.Reason, _ phrase: String) {
            if dismissals.contains(where: { $0.phrase.contains(phrase) }) { return }
            dismissals.removeAll { phrase.contains($0.phrase) }
            dismissals.append(.init(reason: reason, phrase: phrase))
        }
        let recoveries = RiskLexicon.recovery.matches(in: text)
        let recovered = !recoveries.isEmpty
        let pastFrames = RiskLexicon.distantPast.matches(in: text)
        let serious = isSerious(text)
        // Sentences that talk about risk as a topic (research, fiction): a further risk phrase there
        // without "I" before it is one more item of the same list ("like stockpiling medication or
        // writing goodbye letters").
        var framed: [Int: UtteranceReading.RiskDismissal.Reason] = [:]
        for match in matches {
            let phrase = text.phrase(match.start, match.end - 1)
            let sentence = text.sentenceRange(text.words[match.start].sentence)
            if isNegated(match, in: text) { continue }
            // "he said he'd kill me if I leave" is a threat, however much it sounds like "my boss will kill me if I'm late".
            let threat = match.payload.category == .dangerFromPerson && text.contains(anyOf: RiskLexicon.dangerTriggers, in: sentence)
            // Words in quotes are mentioned, not meant ("a filter for posts saying 'kms'"), unless
            // someone's own message is being passed on ("my son texted 'I want to die'").
            if isQuotedMention(match, in: text) {
                dismiss(.quoted, phrase)
                continue
            }
            let suicidalKind = match.payload.category == .suicidalThoughts || match.payload.category == .passiveSuicidalThoughts
                || match.payload.category == .selfHarm
            // "not joking this time", "I mean it": the figure of speech is meant.
            if !threat && !(serious && suicidalKind), let figure = figures.first(where: { $0.overlaps(match.range) }) {
                dismiss(.figurative, text.phrase(figure.start, figure.end - 1))
                continue
            }
            if suicidalKind && !serious && sentence.contains(where: { position in
                RiskLexicon.jokeMarkers.contains(text[position]) && !(position > 0 && ["not", "no"].contains(text[position - 1]))
            }) {
                dismiss(.figurative, phrase)
                continue
            }
            let voice = effectiveVoice(of: match, in: text)
            let sentenceIndex = text.words[match.start].sentence
            if let reason = framed[sentenceIndex], !text.contains(anyOf: Self.firstPerson, in: max(sentence.lowerBound, match.start - 3)..<match.start) {
                dismiss(reason, phrase)
                continue
            }
            // Frames in the sentence, the words before it and the sentence after it ("Self-harm in teenage
            // girls. Can you suggest some review papers?"); a bare keyword is framed by its whole turn.
            let following = text.words[match.start].sentence + 1 < text.sentenceCount
                ? text.sentenceRange(text.words[match.start].sentence + 1).upperBound : sentence.upperBound
            let framesSentence = voice == .keyword ? 0..<text.count : max(0, sentence.lowerBound - 12)..<following
            if voice != .speaker || hasNoSpeakerSubject(match, in: text) {
                if text.contains(anyOf: RiskLexicon.fictionFrames, in: framesSentence) {
                    dismiss(.fiction, phrase)
                    framed[sentenceIndex] = .fiction
                    continue
                }
                if text.contains(anyOf: RiskLexicon.studyFrames, in: framesSentence) {
                    dismiss(.research, phrase)
                    framed[sentenceIndex] = .research
                    continue
                }
                if voice == .other && isGenericOther(before: match.start, in: text) {
                    dismiss(.aboutOthers, phrase)
                    continue
                }
            }
            // Current words near the risk, not in its recovery ("I'm doing well now") or its past frame.
            let clause = max(sentence.lowerBound, match.start - 6)..<min(sentence.upperBound, match.end + 6)
            let current = clause.contains { position in
                RiskLexicon.currentMarkers.contains(text[position]) && !recoveries.contains { $0.range.contains(position) }
                    && !pastFrames.contains { $0.range.contains(position) }
            }
            let distant = pastFrames.contains { text.words[$0.start].sentence == text.words[match.start].sentence }
            if !current && (distant || (recovered && isPastTense(sentence, in: text))) {
                dismiss(.past, phrase)
                continue
            }
            let rank = Self.riskOrder.firstIndex(of: match.payload.category) ?? Self.riskOrder.count
            kept.append((match, rank))
        }
        // Sentences with alarming words and no risk pattern, explained by a frame.
        for sentenceIndex in 0..<text.sentenceCount {
            let range = text.sentenceRange(sentenceIndex)
            guard !range.isEmpty, text.contains(anyOf: RiskLexicon.alarmWords, in: range) else { continue }
            if matches.contains(where: { range.contains($0.start) }) { continue }
            let sentencePhrase = text.phrase(range.lowerBound, range.upperBound - 1)
            if let figure = figures.first(where: { range.contains($0.start) }) {
                dismiss(.figurative, text.phrase(figure.start, figure.end - 1))
            } else if text.contains(anyOf: RiskLexicon.fictionFrames, in: range) {
                dismiss(.fiction, sentencePhrase)
            } else if text.contains(anyOf: RiskLexicon.studyFrames, in: range) {
                dismiss(.research, sentencePhrase)
            }
        }
        reading.riskDismissals = dismissals
        // A situation read across the turn is the fuller reading ("I shook him … he's gone all floppy").
        let best = kept.min(by: { ($0.rank, $0.match.start) < ($1.rank, $1.match.start) })
        if let situation = readSituation(text), best == nil || best?.match.payload.category == .medicalEmergency {
            reading.risk = situation
        } else if let best {
            // Quote the longest match of the chosen category at its place.
            let sameCategory = kept.filter { $0.match.payload.category == best.match.payload.category && $0.match.overlaps(best.match.range) }
            let start = subjectStart(before: sameCategory.map(\.match.start).min() ?? best.match.start, in: text)
            let end = sameCategory.map(\.match.end).max() ?? best.match.end
            reading.risk = UtteranceReading.RiskCue(category: best.match.payload.category, phrase: text.phrase(start, end - 1))
        }
    }

    /// Where a quote of a risk starts: back to its subject when it is near ("I've been saving up my pills").
    private func subjectStart(before start: Int, in text: ReadingText) -> Int {
        let sentence = text.words[start].sentence
        var position = start - 1
        while position >= 0, start - position <= 3, text.words[position].sentence == sentence {
            if Self.firstPerson.contains(text[position]) || ["he", "she", "they", "someone"].contains(text[position]) { return position }
            position -= 1
        }
        return start
    }

    /// "not", "never" in the three words before the match, in its sentence ("I'm not going to kill myself").
    func isNegated<Payload>(_ match: PhraseMatch<Payload>, in text: ReadingText, window: Int = 3) -> Bool {
        for gap in match.gaps {
            for position in gap where isNegator(at: position, in: text) { return true }
        }
        let sentence = text.words[match.start].sentence
        var position = match.start - 1
        var seen = 0
        while position >= 0, seen < window, text.words[position].sentence == sentence {
            if isNegator(at: position, in: text) { return true }
            position -= 1
            seen += 1
        }
        return false
    }

    /// "not", "never", unless it says the opposite of taking back: "can't stop thinking about it",
    /// "not gonna lie", "not kidding", "not sure I want to live".
    private func isNegator(at position: Int, in text: ReadingText) -> Bool {
        guard RiskLexicon.negators.contains(text[position]) else { return false }
        guard position + 1 < text.count else { return true }
        let next = text[position + 1]
        if RiskLexicon.negationOpeners.contains(next) { return false }
        if next == "going" && position + 3 < text.count && text[position + 3] == "lie" { return false }
        return true
    }

    /// Who the match speaks of: a speaker pattern whose nearest subject before it is someone else
    /// ("the character wants to end it all") speaks of another.
    private func effectiveVoice(of match: PhraseMatch<RiskLexicon.Rule>, in text: ReadingText) -> RiskLexicon.Voice {
        guard match.payload.voice == .speaker else { return match.payload.voice }
        // "a song about wanting to die", "an essay on suicide": a topic, not the speaker's own words.
        if match.start > 0, text.words[match.start - 1].sentence == text.words[match.start].sentence,
            ["about", "on", "regarding", "concerning", "like", "as", "including"].contains(text[match.start - 1]),
            !(match.start > 1 && ["thinking", "think", "thought", "thoughts", "dreaming", "talk", "talking", "worried", "scared", "obsessing"].contains(text[match.start - 2]))
        {
            return .keyword
        }
        let first = text[match.start]
        if first == "i" || first == "my" || first == "me" { return .speaker }
        let sentence = text.words[match.start].sentence
        var position = match.start - 1
        while position >= 0, text.words[position].sentence == sentence, match.start - position <= 6 {
            let word = text[position]
            if Self.firstPerson.contains(word) { return .speaker }
            if Self.thirdPerson.contains(word) { return .other }
            position -= 1
        }
        return .speaker
    }

    static let firstPerson: Set<String> = ["i", "me", "my", "myself", "we"]
    static let thirdPerson: Set<String> = [
        "he", "she", "they", "character", "characters", "protagonist", "hero", "heroine", "villain", "detective", "narrator",
        "people", "someone", "somebody", "person", "man", "woman", "girl", "boy", "patients", "students", "teenagers",
        "victim", "victims", "killer", "soldier", "author", "king", "queen",
    ]
    static let genericOthers: Set<String> = [
        "people", "someone", "somebody", "anyone", "person", "patients", "students", "teenagers", "many", "most", "some",
        "those", "victims", "men", "women", "kids", "users", "celebrities", "actor", "actress", "singer",
    ]

    private func isGenericOther(before start: Int, in text: ReadingText) -> Bool {
        text.contains(anyOf: Self.genericOthers, in: max(0, start - 6)..<start)
    }

    static let pastTense: Set<String> = [
        "tried", "attempted", "was", "were", "had", "took", "wanted", "used", "did", "cut", "overdosed", "thought", "felt",
        "wrote", "saved", "hurt", "harmed", "burned", "burnt", "ended", "went", "spent",
    ]

    private func isPastTense(_ sentence: Range<Int>, in text: ReadingText) -> Bool {
        text.contains(anyOf: Self.pastTense, in: sentence)
    }
}
