import AttuneMemory
import Foundation

/// Preferences, topic bans, corrections and intensity.
extension UtteranceReader {
    func readPreferences(_ text: ReadingText, timeMs: Int64, into reading: inout UtteranceReading) {
        for match in longestOfOverlapping(PreferenceLexicon.preferences.matches(in: text)) where !isNegated(match, in: text, window: 2) {
            let change = UtteranceReading.PreferenceChange(
                preference: match.payload.preference, on: match.payload.on, phrase: text.phrase(match.start, match.end - 1))
            if !reading.preferences.contains(where: { $0.preference == change.preference && $0.on == change.on }) {
                reading.preferences.append(change)
            }
        }
        let corrections = longestOfOverlapping(PreferenceLexicon.corrections.matches(in: text))
        for match in corrections {
            guard let kind = correctionKind(match, in: text) else { continue }
            if case .stopAsking(let topic) = kind {
                appendBan(topic: topic, words: match.captures[0], lifts: false, match: match, text: text, timeMs: timeMs, into: &reading)
            }
            if !reading.corrections.contains(where: { $0.kind == kind }) {
                reading.corrections.append(UtteranceReading.Correction(kind: kind, phrase: text.phrase(match.start, match.end - 1)))
            }
        }
        for match in longestOfOverlapping(PreferenceLexicon.bans.matches(in: text)) {
            guard let topicWords = match.captures.first else { continue }
            if corrections.contains(where: { $0.overlaps(match.range) }) { continue }
            if !match.payload.lifts && isNegated(match, in: text, window: 2) { continue }
            let topic = text.phrase(topicWords.lowerBound, topicWords.upperBound - 1)
            appendBan(topic: topic, words: topicWords, lifts: match.payload.lifts, match: match, text: text, timeMs: timeMs, into: &reading)
        }
        if let match = longestOfOverlapping(PreferenceLexicon.intensity.matches(in: text)).first(where: { !isNegated($0, in: text, window: 2) }) {
            reading.intensity = UtteranceReading.IntensityRequest(reduce: match.payload, phrase: text.phrase(match.start, match.end - 1))
        }
    }

    /// Of matches that overlap, the longest (the first of equals); in text order.
    func longestOfOverlapping<Payload>(_ matches: [PhraseMatch<Payload>]) -> [PhraseMatch<Payload>] {
        var kept: [PhraseMatch<Payload>] = []
        for match in matches.sorted(by: { ($0.end - $0.start, -$0.start) > ($1.end - $1.start, -$1.start) })
        where !kept.contains(where: { $0.overlaps(match.range) }) {
            kept.append(match)
        }
        return kept.sorted { $0.start < $1.start }
    }

    private func correctionKind(_ match: PhraseMatch<PreferenceLexicon.CorrectionRule>, in text: ReadingText) -> UtteranceReading.Correction.Kind? {
        switch match.payload {
        case .tooLong: return .tooLong
        case .tooShort: return .tooShort
        case .tooPersonal: return .tooPersonal
        case .tooSlow: return .tooSlow
        case .tooFast: return .tooFast
        case .stopAsking:
            guard let topic = match.captures.first else { return nil }
            return .stopAsking(topic: text.phrase(topic.lowerBound, topic.upperBound - 1))
        case .fact:
            guard match.captures.count == 2 else { return nil }
            // "not X, it's Y" captures the wrong value first.
            let wrongFirst = text[match.start] == "not" || match.pattern.contains("not <3> [it is")
            let (right, wrong) = wrongFirst ? (match.captures[1], match.captures[0]) : (match.captures[0], match.captures[1])
            guard isValue(right, in: text), isValue(wrong, in: text) else { return nil }
            return .fact(right: text.phrase(right.lowerBound, right.upperBound - 1), wrong: text.phrase(wrong.lowerBound, wrong.upperBound - 1))
        }
    }

    /// A correctable value: a name (capitalised as typed), a number, a day, a month or a time.
    private func isValue(_ words: Range<Int>, in text: ReadingText) -> Bool {
        let first = text.words[words.lowerBound]
        if let character = text.original[first.range].first, character.isUppercase || character.isNumber { return true }
        return Self.valueWords.contains(first.text)
    }

    static let valueWords: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april",
        "may", "june", "july", "august", "september", "october", "november", "december", "today", "tomorrow", "yesterday",
        "tonight", "morning", "afternoon", "evening", "noon", "midnight", "one", "two", "three", "four", "five", "six", "seven",
        "eight", "nine", "ten", "eleven", "twelve", "next", "last", "half", "quarter", "his", "her", "my", "the",
    ]

    private func appendBan(
        topic: String, words: Range<Int>, lifts: Bool, match: PhraseMatch<some Sendable>, text: ReadingText, timeMs: Int64,
        into reading: inout UtteranceReading
    ) {
        let spoken = (words.lowerBound..<words.upperBound).map { text[$0] }
        var core = spoken.filter { !PreferenceLexicon.topicFillers.contains($0) }
        if core.isEmpty && lifts { core = spoken.filter { Self.pronouns.contains($0) } }
        // "you can mention him again" lifts the ban on whoever "him" is: kept, with the pronoun as its
        // only keyword, for the engine to match to its latest ban. A ban on "it" names nothing.
        guard !core.isEmpty, lifts || !core.allSatisfy({ Self.pronouns.contains($0) }) else { return }
        let coreName = core.joined(separator: " ")
        var keywords = PreferenceLexicon.topicKeywords[coreName] ?? PreferenceLexicon.topicKeywords[topic.lowercased()] ?? []
        if keywords.isEmpty {
            keywords = [coreName]
            for word in core where core.count > 1 && !keywords.contains(word) && !Self.questionWords.contains(word) { keywords.append(word) }
        }
        let scope: UtteranceReading.TopicBan.Scope = lifts ? .untilLifted : banScope(after: match, in: text, timeMs: timeMs)
        let ban = UtteranceReading.TopicBan(topic: topic, keywords: keywords, scope: scope, lifts: lifts, phrase: text.phrase(match.start, match.end - 1))
        if !reading.topicBans.contains(where: { $0.topic.lowercased() == topic.lowercased() && $0.lifts == lifts }) { reading.topicBans.append(ban) }
    }

    static let pronouns: Set<String> = ["it", "that", "this", "him", "her", "them", "those", "these", "there", "stuff", "things", "anything", "something"]
    static let questionWords: Set<String> = ["what", "how", "when", "where", "who", "why", "if", "whether", "i", "did", "do", "am", "was"]

    /// How long a ban holds, from the words of its sentence: "today", "this weekend", "until Friday"
    /// end at the time they name; "for now", "in this chat" at the end of the session; anything else
    /// until the person lifts it.
    private func banScope(after match: PhraseMatch<some Sendable>, in text: ReadingText, timeMs: Int64) -> UtteranceReading.TopicBan.Scope {
        let sentence = text.sentenceRange(text.words[match.start].sentence)
        let words = sentence.map { text[$0] }
        for marker in Self.sessionMarkers where marker.count <= words.count {
            for start in 0...(words.count - marker.count) where words[start..<(start + marker.count)].elementsEqual(marker) { return .session }
        }
        let sentenceText = text.phrase(sentence.lowerBound, sentence.upperBound - 1)
        let reference = Date(timeIntervalSince1970: Double(timeMs) / 1000)
        let mentions = timeResolver.mentions(in: sentenceText, at: reference, orientation: .always(.future))
        guard let mention = mentions.first else { return .untilLifted }
        let untilWords: Set<String> = ["until", "till", "til", "before"]
        let lead = sentenceText[..<mention.range.lowerBound].split(separator: " ").last.map { $0.lowercased() } ?? ""
        let instant = untilWords.contains(lead) ? mention.interval.start : mention.interval.end
        let endMs = Int64((instant.timeIntervalSince1970 * 1000).rounded())
        return endMs > timeMs ? .until(endMs: endMs) : .untilLifted
    }

    static let sessionMarkers: [[String]] = [
        "for now", "for the moment", "right now", "for a bit", "for a while", "in this chat", "this chat", "this conversation",
        "this session", "for the rest of this", "for the rest of the chat", "just now",
    ].map { $0.split(separator: " ").map(String.init) }
}
