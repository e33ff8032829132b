import AttuneStore
import Foundation

/// Recall: read-only hybrid retrieval over the utterances said up to `at`.
///
/// Each retriever proposes utterances with a score in 0…1:
/// - **meaning**: the int8 MiniLM cosine of the query with the utterance (VectorIndex);
/// - **words**: FTS5 BM25 over utterances and over the records derived from them, divided by the
///   best BM25 of this query;
/// - **entities**: the query's chain of relations ("my manager's dog") resolved through the stored
///   entities; utterances that name the entity it reaches;
/// - **time**: a time in the query ("last week", "on Saturday") against when the utterance was said
///   and when its events are.
/// The fused relevance is a weighted sum, times a penalty for utterances whose every slot value
/// has since been superseded (recall prefers the current value) and a small one for the assistant's
/// own turns (they repeat what was said). `confident` is set when the best fused relevance reaches
/// the calibrated threshold and the query names no relation that memory has nobody for.
extension MemoryEngine {
    /// Weights of the fusion (docs/MEMORY.md, "Retrieval").
    enum RecallWeight {
        static let meaning = 0.55
        static let words = 0.30
        static let entity = 0.25
        static let time = 0.20
        /// Fused relevance kept for an utterance whose slot values were all superseded.
        static let superseded = 0.35
        static let assistant = 0.85
        /// Added for an utterance holding the current value of the slot or event the question asks about.
        static let currentValue = 0.30
    }

    /// The replaced values of the slots `asked` is about, each as the words that must all appear in
    /// an utterance repeating it ("monday, thursday"), and when it was replaced.
    func staleValues(_ superseded: [StoredRecord], asked: QuerySlots) throws -> [(parts: [String], untilMs: Int64)] {
        guard !asked.isEmpty, !asked.asksHistory else { return [] }
        let old = superseded.filter { $0.slot != nil && asked.asks(about: ($0.slot, nil)) }
        let replacedAt = Dictionary(try store.records(ids: old.compactMap(\.supersededBy)).compactMap { record in record.id.map { ($0, record.timeMs) } },
                                    uniquingKeysWith: { first, _ in first })
        return old.compactMap { record in
            guard let value = record.value?.lowercased(), let newer = record.supersededBy, let until = replacedAt[newer] else { return nil }
            let parts = value.split(whereSeparator: { $0 == "," }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { $0.count >= 3 }
            return parts.isEmpty ? nil : (parts, until)
        }
    }

    /// The `count` latest of these utterances (by when they were said, then by id), all of them
    /// when there are no more: a retriever that finds hundreds of equal candidates (every
    /// utterance naming a person, every one of a busy day) hands on the latest.
    func latest(_ ids: Set<Int64>, count: Int) -> [Int64] {
        guard ids.count > count else { return Array(ids) }
        let keyed = ids.map { (time: itemTimes[$0] ?? 0, id: $0) }.sorted { ($0.time, $0.id) > ($1.time, $1.id) }
        return keyed.prefix(count).map(\.id)
    }

    /// Utterances FTS5 may rank by BM25 for one question before the words are narrowed: ranking
    /// costs about 2 µs per matching utterance (every match is scored; measured over the 100,000
    /// generated memories, docs/BENCHMARKS.md), so about 1 ms here.
    static let wordMatchBudget = 500

    /// What the words retriever asks FTS5: utterances with any of `anyOf` or all of `allOf`, and
    /// derived statements with any of `statementWords`.
    struct WordQuery: Equatable {
        var anyOf: [String]
        var allOf: [String]
        var statementWords: [String]
        /// Words left out, being in at least half of the utterances (`WordCensus`).
        var everywhere: [String] = []
    }

    /// The words query of the words retriever: any of `words`, unless more than `wordMatchBudget`
    /// utterances have one of them (only in a large store). Then:
    /// - a word in at least half of the utterances is left out: BM25 gives it no weight, and
    ///   ranking with it would read its whole list (`WordCensus`);
    /// - the words each found in few utterances stay alternatives and the other common ones must
    ///   all appear together ("sister" and "live", each in thousands of memories, as "sister AND
    ///   live"): an utterance with one common word alone says little about the question among so
    ///   many, and BM25 would rank it low anyway.
    func wordQuery(_ words: [String]) throws -> WordQuery {
        guard words.count > 1, try store.itemTextMatchCount(words: words, atMost: Self.wordMatchBudget + 1) > Self.wordMatchBudget else {
            return WordQuery(anyOf: words, allOf: [], statementWords: words)
        }
        let share = Self.wordMatchBudget / words.count
        let utterances = itemTimes.count
        var rare: [String] = [], common: [String] = [], everywhere: [String] = []
        for word in words {
            if try store.itemTextMatchCount(words: [word], atMost: share + 1) <= share {
                rare.append(word)
            } else if try wordCensus.isInHalf(word, of: utterances, count: { try store.itemTextMatchCount(words: [word], atMost: $0) }) {
                everywhere.append(word)
            } else {
                common.append(word)
            }
        }
        let kept = words.filter { !everywhere.contains($0) }
        let together = common.count >= 2 || rare.isEmpty ? common : []
        return WordQuery(anyOf: rare, allOf: together, statementWords: kept, everywhere: everywhere)
    }

    /// The best `limit` memories for `query` asked by `speaker` at `atMs`, best first. Reads only.
    public func recall(_ query: String, atMs: Int64, speaker: String, limit: Int = 10) throws -> RecallAnswer {
        try recall(query, vector: embed(query), atMs: atMs, speaker: speaker, limit: limit)
    }

    /// `recall(_:atMs:speaker:limit:)` with the query's sentence vector already made
    /// (`queryVector(_:)`), for a caller that embeds while the person is still speaking, and for
    /// timing the retrieval apart from the embedding (`attune bench memory`).
    public func recall(_ query: String, vector: [Float], atMs: Int64, speaker: String, limit: Int = 10) throws -> RecallAnswer {
        guard (1...100).contains(limit) else { throw MemoryEngineError.badLimit(limit) }
        let at = MemoryItemJSON.formatTime(atMs)
        let allowed = SaidBy(times: itemTimes, atMs: atMs, everything: atMs >= latestItemMs)
        guard !itemTimes.isEmpty, !query.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            return RecallAnswer(query: query, at: at, confident: false, unknown: [], results: [])
        }
        let speakerKey = speaker.lowercased()
        var evidence: [Int64: Evidence] = [:]
        let pool = configuration.candidatesPerRetriever

        // Meaning.
        let meaning = allowed.everything ? try index.search(vector, limit: pool) : try index.search(vector, limit: pool, saidBy: atMs)
        for match in meaning {
            evidence[match.itemID, default: Evidence()].meaning = Double(max(0, match.score))
        }
        // Words, over utterances and over derived statements, each the best `pool` said by `atMs`
        // (FTS5 ranks alone, then the hits' times are checked: EncryptedStore.searchItemText).
        let words = MemoryWords.contentWords(query)
        let wordSearch = try wordQuery(words)
        // When the words are in thousands of utterances, FTS5 ranks the latest `wordMatchBudget` of
        // them (ranking scores every match); the meaning retriever still searches every utterance.
        let budget = Self.wordMatchBudget
        let itemHits = try store.searchItemText(anyOf: wordSearch.anyOf, allOf: wordSearch.allOf, upToMs: allowed.bound, limit: pool, latestMatches: budget)
            .filter { allowed.contains($0.itemID) }
        let recordHits = Array(try store.searchRecordStatements(words: wordSearch.statementWords, upToMs: allowed.bound, limit: pool, latestMatches: budget)
            .filter { allowed.contains($0.itemID) })
        let best = max(itemHits.first?.score ?? 0, recordHits.first?.score ?? 0)
        if best > 0 {
            for hit in itemHits + recordHits {
                let normalised = hit.score / best
                evidence[hit.itemID, default: Evidence()].words = max(evidence[hit.itemID]?.words ?? 0, normalised)
            }
        }
        // Entities: the relation chain's people, and people the query names ("Karen's birthday").
        let chain = extractor.queryReferences(query, speaker: speakerKey)
        let resolved = try resolve(chain, latestPerName: pool)
        let known = try knownNameKeys()
        let named = resolved.names + MemoryWords.words(query).filter { known.contains($0) && !resolved.names.contains($0) && $0 != speakerKey }
        if !resolved.itemIDs.isEmpty || !named.isEmpty {
            // Someone named in hundreds of utterances is reached through the latest `pool` of them.
            var entityItems = Set(latest(resolved.itemIDs.filter(allowed.contains), count: pool))
            for name in named {
                entityItems.formUnion(try store.latestItemIDs(matchingAnyOf: [name], upToMs: allowed.bound, limit: pool))
            }
            for id in entityItems where allowed.contains(id) {
                evidence[id, default: Evidence()].entity = 1
                evidence[id]?.entityNames = named
            }
        }
        // Time.
        let reference = Date(timeIntervalSince1970: Double(atMs) / 1000)
        let intervals = resolver.mentions(in: query, at: reference).map(\.interval)
        if !intervals.isEmpty {
            // In whole milliseconds, as the times are kept: [start, end) of each interval.
            let spans = intervals.map { (Self.milliseconds($0.start), Self.milliseconds($0.end)) }
            // The latest `pool` utterances said in each span, by the store's time index (the latest
            // `pool` of all of them are among these), and the utterances holding an event then.
            var atTime = Set<Int64>()
            for (start, end) in spans where start < end {
                atTime.formUnion(try store.latestUtteranceIDs(saidFrom: start, through: min(end - 1, atMs), limit: pool))
            }
            for (start, end) in spans {
                for record in try store.currentEventRecords(overlapping: start, end, upToMs: atMs) where allowed.contains(record.itemID) {
                    atTime.insert(record.itemID)
                }
            }
            // A busy day's hundreds of utterances: the latest `pool` of them.
            for id in latest(atTime, count: pool) { evidence[id, default: Evidence()].time = 1 }
        }
        let unknown = try resolved.unresolved.map { [$0] } ?? missingAttributes(of: query, names: Set(named), atMs: atMs, allowed: allowed)
        guard !evidence.isEmpty else { return RecallAnswer(query: query, at: at, confident: false, unknown: unknown, results: []) }

        // Fuse, with the records and items of the candidates.
        let candidateIDs = Array(evidence.keys)
        let items = try store.items(ids: candidateIDs)
        let records = Dictionary(grouping: try store.records(itemIDs: candidateIDs), by: \.itemID)
        // Which of the candidates' records were replaced by `atMs`, and, when the question asks for a
        // slot's current value, every replaced slot value (an utterance may repeat one).
        let superseded = Set(try store.supersededRecords(itemIDs: candidateIDs, upToMs: atMs).compactMap(\.id))
        let asked = QuerySlots(query)
        let stale = asked.isEmpty || asked.asksHistory ? [] : try staleValues(store.supersededSlotRecords(upToMs: atMs), asked: asked)
        let subjects = Set(resolved.names + [speakerKey] + words)
        var scored: [(id: Int64, score: Double, current: Bool)] = []
        for (id, found) in evidence {
            guard let item = items[id] else { continue }
            var score = RecallWeight.meaning * found.meaning + RecallWeight.words * found.words
                + RecallWeight.entity * found.entity + RecallWeight.time * found.time
            let held = records[id] ?? []
            let slotted = held.filter { $0.slot != nil || $0.event != nil }
            let current = slotted.isEmpty || slotted.contains { !superseded.contains($0.id ?? -1) }
            if !asked.isEmpty {
                let answering = held.filter { asked.asks(about: ($0.slot, $0.event?.label)) }
                let holdsCurrent = answering.contains { !superseded.contains($0.id ?? -1) && subjects.contains($0.subject) }
                let holdsOld = answering.contains { superseded.contains($0.id ?? -1) }
                let text = item.text.lowercased()
                let echoesOld = stale.contains { value in item.timeMs < value.untilMs && value.parts.allSatisfy(text.contains) }
                // Recall prefers the current value: an utterance that holds only a replaced value of
                // what is asked (or repeats one, as the assistant's "Noted: …" does) is left out,
                // unless the question asks about the past.
                if !asked.asksHistory && !holdsCurrent && (holdsOld || echoesOld) { continue }
                if holdsCurrent {
                    score += RecallWeight.currentValue
                    evidence[id]?.currentValue = answering.compactMap { $0.slot ?? $0.event?.label }.first
                }
            }
            if !current { score *= RecallWeight.superseded }
            if item.speaker?.lowercased() == "assistant" { score *= RecallWeight.assistant }
            // A candidate no retriever scored (a far vector among the few stored) answers nothing.
            if score > 0.0005 { scored.append((id, score, current)) }
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : (items[$0.id]?.timeMs ?? 0) > (items[$1.id]?.timeMs ?? 0) }
        // Confidence is judged on the best relevance, before replaced answers are put last.
        let bestScore = scored.first?.score ?? 0
        if !asked.asksHistory {
            let demoted = try demotingReplaced(scored, items: items, records: records)
            scored = demoted.ranked
            for (old, new) in demoted.replacedBy { evidence[old]?.replacedBy = new }
        }
        let top = scored.prefix(limit)
        let results: [RecallResult] = top.compactMap { entry in
            guard let item = items[entry.id], let found = evidence[entry.id] else { return nil }
            let held = records[entry.id] ?? []
            let record = entry.current ? (held.first { !superseded.contains($0.id ?? -1) } ?? held.first)
                : (held.first { superseded.contains($0.id ?? -1) } ?? held.first)
            return RecallResult(
                id: entry.id, kind: record?.kind ?? MemoryKind.utterance.rawValue, text: record?.statement ?? item.text,
                score: (entry.score * 1000).rounded() / 1000, current: entry.current,
                source: MemorySource(id: entry.id, text: item.text, time: MemoryItemJSON.formatTime(item.timeMs), speaker: item.speaker, session: item.session),
                why: found.reasons(current: entry.current))
        }
        let confident = unknown.isEmpty && bestScore >= configuration.confidenceThreshold
        return RecallAnswer(query: query, at: at, confident: confident, unknown: unknown, results: results)
    }
}

/// The utterances recall may use: those said by `atMs`. When that is every one (a question asked
/// now), `everything` lets the searches skip the filter and `bound` is nil.
struct SaidBy {
    let times: [Int64: Int64]
    let atMs: Int64
    let everything: Bool

    var bound: Int64? { everything ? nil : atMs }

    func contains(_ id: Int64) -> Bool {
        guard let time = times[id] else { return false }
        return everything || time <= atMs
    }
}

/// What each retriever found for one utterance.
struct Evidence {
    var meaning = 0.0
    var words = 0.0
    var entity = 0.0
    var time = 0.0
    var entityNames: [String] = []
    /// The slot or event whose current value the utterance holds, when the question asks about one.
    var currentValue: String?
    /// The later turn that replaced this utterance (`demotingReplaced`).
    var replacedBy: Int64?

    func reasons(current: Bool) -> [String] {
        var why: [String] = []
        if meaning > 0 { why.append(String(format: "meaning %.2f", meaning)) }
        if words > 0 { why.append(String(format: "words %.2f", words)) }
        if entity > 0 { why.append("names " + entityNames.joined(separator: ", ")) }
        if time > 0 { why.append("at the time asked about") }
        if let currentValue { why.append("holds the current \(currentValue)") }
        if let replacedBy {
            why.append("replaced by a later turn (#\(replacedBy))")
        } else if !current {
            why.append("superseded by a newer value")
        }
        return why
    }
}
