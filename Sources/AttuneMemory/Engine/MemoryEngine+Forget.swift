import AttuneStore
import Foundation

/// Finding what a request to forget, or not to ask, is about.
extension MemoryEngine {
    /// The items a "forget …" request by `speaker` reaches, said before the request (and not the
    /// request itself). Two kinds of target:
    /// - **an entity** ("what I told you about my old flatmate Dan", "my ex"): every utterance that
    ///   names the entity (by its name, or by the relation phrase when it was never named), and the
    ///   assistant's turns repeating them;
    /// - **a topic** ("that door code", "the rumour about my neighbour's affair"): utterances holding
    ///   at least half of the topic's own words (not the entity words), or close in meaning and holding
    ///   one of them. So "who the neighbour is" stays: it holds none of "rumour", "affair".
    func forgetTargets(_ target: String, speaker: String, requestID: Int64, before timeMs: Int64) throws -> [Int64] {
        if ["that", "it", "this"].contains(target) { return try lastTurn(of: speaker, requestID: requestID, before: timeMs) }
        let words = MemoryWords.contentWords(target)
        guard !words.isEmpty else { return [] }
        let references = extractor.queryReferences(target, speaker: speaker)
        var names = Set(try resolve(references).names)
        // Proper names said in the target that the store knows ("forget everything about Dan").
        let known = try knownNameKeys()
        for word in words where known.contains(word) { names.insert(word) }
        let relationWords = Set(references.compactMap(\.relation)).union(references.flatMap { MemoryWords.words($0.phrase) })
        let topic = words.filter { !names.contains($0) && !relationWords.contains($0) && !RelationLexicon.modifiers.contains($0) }
        // Candidates: the requester's own turns and the assistant's, said before the request, that
        // hold a word of the target (FTS5, porter stems) or are about a person it names. Other
        // people's turns are theirs to forget.
        let isBefore = { (id: Int64) in id != requestID && (self.itemTimes[id] ?? .max) < timeMs }
        var candidateIDs = Set(try store.searchItemText(words: Array(Set(words).union(names)), upToMs: nil, limit: 100_000).map(\.itemID))
        for name in names { candidateIDs.formUnion(try store.records(about: name).map(\.itemID)) }
        let candidates = try store.items(ids: candidateIDs.filter(isBefore)).filter { _, item in
            let said = item.speaker?.lowercased()
            return said == speaker || said == "assistant"
        }
        var selected: [Int64] = []
        if topic.isEmpty {
            // An entity target: its name, or when it was never named, its relation phrase.
            let phrases = names.isEmpty ? references.map { MemoryWords.words($0.phrase).filter { !MemoryWords.stopWords.contains($0) } } : []
            for (id, item) in candidates {
                let itemWords = Set(MemoryWords.words(item.text))
                if !names.isDisjoint(with: itemWords) || phrases.contains(where: { !$0.isEmpty && Set($0).isSubset(of: itemWords) }) {
                    selected.append(id)
                }
            }
            // What was said about them without their name ("his stag do is in Riga", read as Dan's).
            for name in names {
                for record in try store.records(about: name) where candidates[record.itemID] != nil { selected.append(record.itemID) }
            }
            return Array(Set(selected)).sorted()
        }
        let topicStems = Set(topic.map(MemoryWords.stem))
        let needed = max(1, (topicStems.count + 1) / 2)
        var partial: [Int64] = []
        for (id, item) in candidates {
            let itemStems = Set(MemoryWords.words(item.text).map(MemoryWords.stem))
            let shared = topicStems.intersection(itemStems).count
            guard shared > 0 else { continue }
            if shared >= needed { selected.append(id) } else { partial.append(id) }
        }
        if !partial.isEmpty {
            let similarities = try index.similarities(of: embed(target), to: partial)
            selected += partial.filter { (similarities[$0] ?? 0) >= configuration.forgetSimilarity }
        }
        // The turns right after each selected one, where an answer that carries on from it would be.
        var around = candidates
        for id in selected {
            guard let time = itemTimes[id] else { continue }
            let next = itemTimes.filter { $0.value > time && $0.value - time <= Self.continuationWindowMs && isBefore($0.key) }.map(\.key)
            for (nextID, item) in try store.items(ids: next) { around[nextID] = item }
        }
        return Self.withContinuations(selected, among: around).sorted()
    }

    static let continuationWindowMs: Int64 = 2 * 60_000

    /// How long after a turn "scratch that" may still mean it.
    static let lastTurnWindowMs: Int64 = 10 * 60_000

    /// The speaker's own turn just before the request ("scratch that", "forget what I just said"), in
    /// the request's session and at most ten minutes before it, with the assistant's turns between
    /// (its "Noted: …" repeats what is to go); nothing when there is none.
    func lastTurn(of speaker: String, requestID: Int64, before timeMs: Int64) throws -> [Int64] {
        let recent = itemTimes.filter { $0.key != requestID && $0.value < timeMs && timeMs - $0.value <= Self.lastTurnWindowMs }.map(\.key)
        let items = try store.items(ids: recent + [requestID])
        let session = items[requestID]?.session
        let ordered = items.filter { $0.key != requestID && $0.value.session == session }
            .sorted { ($0.value.timeMs, $0.key) > ($1.value.timeMs, $1.key) }
        guard let own = ordered.first(where: { $0.value.speaker?.lowercased() == speaker }) else { return [] }
        let assistantAfter = ordered.prefix { $0.key != own.key }.filter { $0.value.speaker?.lowercased() == "assistant" }.map(\.key)
        return ([own.key] + assistantAfter).sorted()
    }

    /// Words that start a turn carrying on from the speaker's turn before ("its tangerine-owl-42,
    /// save it" answering "whats the wifi password again").
    static let continuationStarts: Set<String> = ["it", "its", "it's", "that", "that's", "thats", "this", "they", "they're", "those"]

    /// `selected` and, after each, the same speaker's next turn when it carries on from it: said
    /// within two minutes in the same session, only the assistant between, starting with "it",
    /// "that" or the like. Forgetting the question forgets the answer that gave the secret; one step
    /// only, so a remark after the answer stays.
    static func withContinuations(_ selected: [Int64], among candidates: [Int64: MemoryItem]) -> Set<Int64> {
        let ordered = candidates.sorted { ($0.value.timeMs, $0.key) < ($1.value.timeMs, $1.key) }
        let position = Dictionary(uniqueKeysWithValues: ordered.enumerated().map { ($0.element.key, $0.offset) })
        var result = Set(selected)
        for id in selected {
            guard let start = position[id] else { continue }
            let item = ordered[start].value
            var next = start + 1
            while next < ordered.count, ordered[next].value.speaker?.lowercased() == "assistant" { next += 1 }
            guard next < ordered.count else { continue }
            let (nextID, candidate) = ordered[next]
            guard candidate.speaker?.lowercased() == item.speaker?.lowercased(), candidate.session == item.session,
                  candidate.timeMs - item.timeMs <= continuationWindowMs, let first = MemoryWords.words(candidate.text).first,
                  continuationStarts.contains(first), !result.contains(nextID) else { continue }
            result.insert(nextID)
        }
        return result
    }

    /// The entities a chain of relations reaches ("my manager's dog": the manager of the speaker,
    /// then that manager's dog; each link looked up relative to the key of the one before,
    /// "sam/manager", and to each name found for it, "bea"), with the items that named them; `unresolved` is
    /// the phrase of the first link that has no entity in the store (the question names someone
    /// memory has never heard of: "my dog" when only a cat was mentioned), nil when all resolve.
    /// With `latestPerName` set, only that many of the latest utterances naming each entity found
    /// are taken (recall); nil takes every one (forgetting).
    func resolve(_ chain: [EntityMention], latestPerName: Int? = nil) throws -> (names: [String], itemIDs: Set<Int64>, unresolved: String?) {
        guard !chain.isEmpty else { return ([], [], nil) }
        // Recall reaches a relation's people and their latest mentions; a forget reads every mention.
        func mentions(_ relation: String, of key: String) throws -> [StoredEntity] {
            try latestPerName.map { try store.entities(relation: relation, relativeTo: key, latest: $0) }
                ?? store.entities(relation: relation, relativeTo: key)
        }
        var owners: [String] = []
        var names: [String] = []
        var itemIDs = Set<Int64>()
        var skipsNext = false
        for (index, link) in chain.enumerated() {
            if index == 1, skipsNext { continue }
            guard let relation = link.relation else { continue }
            let keys = index == 0 ? [link.relativeTo ?? ""] : owners
            var found: [StoredEntity] = []
            for key in keys where !key.isEmpty {
                found += try mentions(relation, of: key)
            }
            // "Our daughter" on a shared device may have been named by the other person who says
            // "our": try the other people who speak to this store.
            if found.isEmpty, index == 0, link.phrase.lowercased().hasPrefix("our ") {
                for other in try store.utteranceSpeakers() where other != "assistant" && !keys.contains(other) {
                    found += try mentions(relation, of: other)
                }
            }
            // A partner never named as one: the co-parent of a shared device ("our daughter").
            if found.isEmpty, index == 0, relation == "partner", let speaker = link.relativeTo, let partner = try coParent(of: speaker) {
                names = [partner.name]
                itemIDs = partner.itemIDs
                owners = [speaker + "/partner", partner.name]
                continue
            }
            // "My father-in-law" when no partner is known: the in-law memory was told of directly
            // stands for the partner's relative (the chain's next link).
            var step = link
            if found.isEmpty, index == 0, relation == "partner", chain.count > 1, let first = link.relativeTo,
               let nextRelation = chain[1].relation, let inLaw = Self.inLawRelation(partnerRelation: nextRelation)
            {
                found = try mentions(inLaw, of: first)
                if !found.isEmpty { skipsNext = true; step = chain[1] }
            }
            guard !found.isEmpty else { return (names, itemIDs, link.phrase) }
            // A single-valued relation (a manager, a partner) is whoever was named last.
            let stepRelation = step.relation ?? relation
            if RelationLexicon.singleValued.contains(stepRelation), let latest = found.map(\.itemID).max() {
                found = found.filter { $0.itemID == latest }
            }
            itemIDs = Set(found.map(\.itemID))
            let path = (keys.first ?? "") + "/" + (skipsNext ? relation + "/" + stepRelation : relation)
            let foundNames = Array(Set(found.compactMap { $0.name.map(StoredEntity.key) })).sorted()
            names = foundNames
            owners = [path] + foundNames
            if let asked = step.name.map(StoredEntity.key), !foundNames.isEmpty, !foundNames.contains(asked) {
                return (names, itemIDs, link.phrase)
            }
        }
        // Where the last entity is named, every utterance naming it counts.
        for name in names {
            let mentions = try latestPerName.map { try store.entities(named: name, latest: $0) } ?? store.entities(named: name)
            itemIDs.formUnion(mentions.map(\.itemID))
        }
        return (names, itemIDs, nil)
    }

    /// The event records a "don't ask me about …" (or its lifting) is about: for "that" / "it", the
    /// event the same turn names, or the speaker's latest event before the request; else the latest whose label shares a word with the
    /// target. Returns the current record of each such event.
    func askingTargets(_ target: String, speaker: String, before timeMs: Int64, sameTurn: [Int64] = [], turnText: String = "") throws -> [Int64] {
        let events = try store.eventRecords(upToMs: timeMs).filter { $0.status == .current && $0.timeMs < timeMs }
        let words = Set(MemoryWords.contentWords(target).map(MemoryWords.stem))
        // "It" in a turn that names an event is that event.
        if words.isEmpty, let named = sameTurn.last { return [named] }
        if words.isEmpty {
            // "dreading this parking appeal tomorrow. don't bring it up again": an earlier event
            // whose words the turn repeats (two at least), else the speaker's latest event.
            let said = Set(MemoryWords.contentWords(turnText).map(MemoryWords.stem))
            if let repeated = events.last(where: { record in
                let statement = Set(MemoryWords.contentWords(record.statement).map(MemoryWords.stem))
                return record.event?.owner == speaker && said.intersection(statement).count >= 2
            }), let id = repeated.id {
                return [id]
            }
            return events.last(where: { $0.event?.owner == speaker } ).flatMap(\.id).map { [$0] } ?? []
        }
        let matching = events.filter { record in
            guard let event = record.event else { return false }
            let label = Set(MemoryWords.contentWords(event.label).map(MemoryWords.stem))
            let statement = Set(MemoryWords.contentWords(record.statement).map(MemoryWords.stem))
            return !words.isDisjoint(with: label) || words.intersection(statement).count >= max(1, (words.count + 1) / 2)
        }
        return matching.last.flatMap(\.id).map { [$0] } ?? []
    }
}
