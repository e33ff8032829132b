import AttuneStore
import AttuneText
import Foundation

/// Errors of the memory engine, each saying what to do.
public enum MemoryEngineError: Error, Equatable, CustomStringConvertible {
    case emptyText
    case emptySpeaker
    case badLimit(Int)
    /// A line of observe's input was refused; the lines before it were kept.
    case badInputLine(line: Int, reason: String, kept: Int)

    public var description: String {
        switch self {
        case let .badInputLine(line, reason, kept):
            "line \(line) \(reason); the \(kept) line\(kept == 1 ? "" : "s") before it \(kept == 1 ? "was" : "were") kept, nothing of line \(line) was"
        case .emptyText: "the turn's text is empty; give the words that were said"
        case .emptySpeaker: "the turn has no speaker; name who said it (a person, or \"assistant\")"
        case .badLimit(let limit): "the result limit must be between 1 and 100, not \(limit)"
        }
    }
}

/// Tunable numbers of the engine (docs/MEMORY.md, "Retrieval").
public struct MemoryEngineConfiguration: Sendable, Equatable {
    /// Recall is confident when its evidence (the best result's fused relevance, `RecallAnswer`
    /// docs) reaches this. Chosen on the development set's folds by
    /// `tools/memory/evaluate.py --systems attune --threshold-by-cv attune` (docs/MEMORY.md, "Confidence").
    public var confidenceThreshold: Double
    /// Candidates each retriever contributes before fusion.
    public var candidatesPerRetriever: Int
    /// A forget request also reaches an utterance that shares only some of its topic's words when
    /// the two are at least this close in meaning (int8 cosine).
    public var forgetSimilarity: Float

    public init(confidenceThreshold: Double = MemoryEngineConfiguration.calibratedThreshold, candidatesPerRetriever: Int = 40,
                forgetSimilarity: Float = 0.55) {
        self.confidenceThreshold = confidenceThreshold
        self.candidatesPerRetriever = candidatesPerRetriever
        self.forgetSimilarity = forgetSimilarity
    }

    /// The threshold the evaluation chose on all five folds of the development set (its per-fold
    /// choices, each made without the fold it is judged on, were 0.091–0.1205).
    public static let calibratedThreshold = 0.1205
}

/// Personal memory over an encrypted store: observes turns (keeping each verbatim, with its vector,
/// entities and derived records), recalls by meaning, words, entities and time, forgets on request,
/// and lists events due to be asked about. Recall and follow-ups only read the store.
public final class MemoryEngine {
    public let store: EncryptedStore
    public var configuration: MemoryEngineConfiguration
    let index: VectorIndex
    let extractor: MemoryExtractor
    let resolver: TimeExpressionResolver
    private let tokenizer: WordPieceTokenizer
    private let embedder: MiniLMEmbedder
    /// When each utterance was said, by id: the time bound of recall and the candidates of a forget.
    var itemTimes: [Int64: Int64]
    /// No utterance was said after this (kept on observe; a forget may leave it later than the
    /// latest left, which only costs recall its unfiltered fast path).
    var latestItemMs: Int64 = .min
    /// Which words recall's ranked searches leave out, being in half the utterances (`wordQuery`).
    var wordCensus = WordCensus()
    /// The keys of every name memory holds, read once (`knownNameKeys`): observe adds a turn's
    /// names, a forget drops the set.
    private var nameKeys: Set<String>?

    /// Loads the store's vectors into an in-memory index; `resolver` sets the local time zone that
    /// times such as "Thursday at nine" are read in.
    public init(store: EncryptedStore, tokenizer: WordPieceTokenizer, embedder: MiniLMEmbedder,
                resolver: TimeExpressionResolver = TimeExpressionResolver(), configuration: MemoryEngineConfiguration = .init()) throws {
        self.store = store
        self.tokenizer = tokenizer
        self.embedder = embedder
        self.resolver = resolver
        self.configuration = configuration
        extractor = MemoryExtractor(resolver: resolver)
        index = try VectorIndex(store: store)
        itemTimes = Dictionary(uniqueKeysWithValues: try store.itemTimes(kind: .utterance).map { ($0.id, $0.timeMs) })
        latestItemMs = itemTimes.values.max() ?? .min
    }

    /// Bytes the in-memory index holds, for the memory budget.
    public var indexByteCount: Int { index.byteCount }
    /// Memories in the index.
    public var indexedCount: Int { index.count }

    func embed(_ text: String) -> [Float] {
        embedder.embed(ids: tokenizer.encode(text))
    }

    /// The sentence vector recall compares `text` with (tokenized and embedded as observe does).
    public func queryVector(_ text: String) -> [Float] { embed(text) }

    /// Takes one turn into memory, in one transaction: the utterance verbatim and its vector, the
    /// entities and records derived from it, superseded values and event states, and the requests
    /// it makes (forget, do not ask). A forget's deletions commit with the turn; the full-text index
    /// is then rewritten without the deleted words and the WAL checkpointed.
    public func observe(_ turn: ObservedTurn) throws -> ObserveOutcome {
        try observe(turn, vector: embed(turn.text))
    }

    /// `observe(_:)` with the turn's sentence vector already made (`queryVector(_:)` of its text),
    /// for a caller that also recalls with it: the rapport engine embeds each turn once.
    public func observe(_ turn: ObservedTurn, vector: [Float]) throws -> ObserveOutcome {
        try observe(turn, vector: vector) { _ in () }.outcome
    }

    /// `observe(_:)` with more written in the same transaction: `body` runs after the turn's rows are
    /// written and before the commit, with what the turn stored, and whatever it writes to the store
    /// commits with the turn (the rapport engine saves the person's model there, so a turn costs one
    /// synced commit, not two). If `body` throws, nothing of the turn is stored. The in-memory index
    /// takes the turn only after the commit, so `body` must not recall it.
    public func observe<T>(_ turn: ObservedTurn, vector: [Float]? = nil, committingWith body: (ObserveOutcome) throws -> T) throws -> (outcome: ObserveOutcome, result: T) {
        let vector = vector ?? embed(turn.text)
        guard !turn.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else { throw MemoryEngineError.emptyText }
        guard !turn.speaker.trimmingCharacters(in: .whitespaces).isEmpty else { throw MemoryEngineError.emptySpeaker }
        let analysis = extractor.analyse(turn, previousPerson: try previousPerson(before: turn))
        let speaker = turn.speaker.lowercased()
        var outcome = ObserveOutcome(id: 0, time: MemoryItemJSON.formatTime(turn.timeMs), speaker: turn.speaker, records: [], entities: [],
                                     superseded: [], forgot: [], doNotAsk: [], allowAsking: [])
        var forgetIDs: [Int64] = []
        var result: T?
        let stored: StoredVector = try store.inTransaction {
            let itemID = try store.add([MemoryItem(kind: .utterance, text: turn.text, timeMs: turn.timeMs, speaker: turn.speaker, session: turn.session)])[0]
            outcome.id = itemID
            let stored = try VectorIndex.storedVector(itemID: itemID, vector: vector)
            try store.putVectors([stored])
            for entity in analysis.entities {
                try store.addEntity(StoredEntity(itemID: itemID, name: entity.name, kind: entity.kind.rawValue, relation: entity.relation,
                                                 relativeTo: entity.relativeTo?.lowercased(), phrase: entity.phrase))
                outcome.entities.append(entity.phrase)
            }
            for record in analysis.records {
                try apply(record, itemID: itemID, turn: turn, outcome: &outcome)
            }
            for request in analysis.requests {
                switch request {
                case .forget(let target):
                    forgetIDs.append(contentsOf: try forgetTargets(target, speaker: speaker, requestID: itemID, before: turn.timeMs))
                case .doNotAsk(let target):
                    let events = try askingTargets(target, speaker: speaker, before: turn.timeMs, sameTurn: turnEvents(outcome), turnText: turn.text)
                    try store.setNoAsk(recordIDs: events, true)
                    try store.addAskingRequest(itemID: itemID, allowsAsking: false, target: target, timeMs: turn.timeMs)
                    outcome.doNotAsk.append(contentsOf: events)
                case .allowAsking(let target):
                    let events = try askingTargets(target, speaker: speaker, before: turn.timeMs, sameTurn: turnEvents(outcome), turnText: turn.text)
                    try store.setNoAsk(recordIDs: events, false)
                    try store.addAskingRequest(itemID: itemID, allowsAsking: true, target: target, timeMs: turn.timeMs)
                    outcome.allowAsking.append(contentsOf: events)
                }
            }
            forgetIDs = Array(Set(forgetIDs)).sorted()
            if !forgetIDs.isEmpty {
                let items = try store.items(ids: forgetIDs)
                outcome.forgot = forgetIDs.compactMap { id in
                    items[id].map { ForgottenItem(id: id, time: MemoryItemJSON.formatTime($0.timeMs), speaker: $0.speaker, text: $0.text) }
                }
                try store.removeItems(ids: forgetIDs)
            }
            result = try body(outcome)
            return stored
        }
        try index.index(stored, timeMs: turn.timeMs)
        itemTimes[outcome.id] = turn.timeMs
        nameKeys?.formUnion(analysis.entities.compactMap { $0.name.map(StoredEntity.key) })
        latestItemMs = max(latestItemMs, turn.timeMs)
        if !forgetIDs.isEmpty {
            try unindex(forgetIDs)
            try store.scrubDeletedText()
        }
        return (outcome, result!)
    }

    /// The turns `forget(ids:matching:)` would remove, changing nothing.
    public func forgettable(ids: [Int64] = [], matching text: String? = nil) throws -> [ForgottenItem] {
        var selected = Set(ids.filter { itemTimes[$0] != nil })
        if let text, !text.isEmpty {
            let lowered = text.lowercased()
            for (id, item) in try store.items(ids: Array(itemTimes.keys)) where item.text.lowercased().contains(lowered) { selected.insert(id) }
        }
        let sorted = selected.sorted()
        let items = try store.items(ids: sorted)
        return sorted.compactMap { id in
            items[id].map { ForgottenItem(id: id, time: MemoryItemJSON.formatTime($0.timeMs), speaker: $0.speaker, text: $0.text) }
        }
    }

    /// Removes turns (and all derived from them) by id or by text, as `attune memory forget` asks;
    /// returns what was removed.
    public func forget(ids: [Int64] = [], matching text: String? = nil) throws -> [ForgottenItem] {
        let forgotten = try forgettable(ids: ids, matching: text)
        guard !forgotten.isEmpty else { return [] }
        try store.forgetItems(ids: forgotten.map(\.id))
        try unindex(forgotten.map(\.id))
        return forgotten
    }

    /// The event records this turn stored so far ("dreading this parking appeal tomorrow. don't bring
    /// it up again": "it" is the appeal).
    func turnEvents(_ outcome: ObserveOutcome) -> [Int64] {
        outcome.records.filter { $0.kind == RecordKind.event.rawValue }.map(\.id)
    }

    /// Takes forgotten utterances out of the in-memory index and the time map (the store has
    /// already deleted them).
    func unindex(_ ids: [Int64]) throws {
        try index.remove(itemIDs: ids)
        for id in ids { itemTimes[id] = nil }
        wordCensus.removeAll()
        nameKeys = nil
    }

    /// The keys of every name memory holds (what a question's words are looked up in), without
    /// reading every mention for each question.
    func knownNameKeys() throws -> Set<String> {
        if let nameKeys { return nameKeys }
        let keys = Set(try store.entityNameKeys())
        nameKeys = keys
        return keys
    }

    static let hourMs: Int64 = 3_600_000
    static let dayMs: Int64 = 86_400_000

    /// How soon after the speaker's previous turn a "his"/"her" may still mean someone it named.
    static let antecedentWindowMs: Int64 = 10 * 60_000

    /// The named person (or pet) the speaker's previous turn mentioned last, when that turn came
    /// within `antecedentWindowMs` in the same session and only the assistant spoke since.
    func previousPerson(before turn: ObservedTurn) throws -> String? {
        let recent = try store.latestUtteranceIDs(saidFrom: turn.timeMs - Self.antecedentWindowMs, through: turn.timeMs, limit: 4)
        let items = try store.items(ids: Array(recent))
        for id in recent {
            guard let previous = items[id], previous.session == turn.session else { return nil }
            let speaker = previous.speaker?.lowercased() ?? ""
            if speaker == "assistant" { continue }
            guard speaker == turn.speaker.lowercased() else { return nil }
            let named = try store.entities(itemIDs: [id]).filter { ($0.kind == "person" || $0.kind == "pet") && $0.name != nil }
            return named.last.flatMap { $0.name.map(StoredEntity.key) }
        }
        return nil
    }

    /// One derived record: stored, superseding the current value of its slot, or moving the earlier
    /// record of the same event to its new state.
    private func apply(_ record: ExtractedRecord, itemID: Int64, turn: ObservedTurn, outcome: inout ObserveOutcome) throws {
        var stored = StoredRecord(itemID: itemID, kind: record.kind.rawValue, subject: record.subject.lowercased(), slot: record.slot,
                                  value: record.value, statement: record.statement, timeMs: turn.timeMs)
        var replaced: [StoredRecord] = []
        if let event = record.event {
            var storedEvent = StoredEvent(label: event.label, owner: try canonicalOwner(event.owner.lowercased()),
                                          startMs: event.time.map { Self.milliseconds($0.start) }, endMs: event.time.map { Self.milliseconds($0.end) },
                                          state: StoredEvent.State(rawValue: event.change.rawValue) ?? .planned, outcome: event.outcome)
            let reportsUnnamed = event.label == EventLexicon.resultLabel || event.label == EventLexicon.selectionResultLabel
            let earlierMatch = event.label == EventLexicon.resultLabel
                ? try latestPastOpenEvent(owner: storedEvent.owner, before: turn.timeMs)
                : event.label == EventLexicon.selectionResultLabel
                ? try latestPastOpenEvent(owner: storedEvent.owner, before: turn.timeMs) { label in
                    label.split(separator: " ").last.map { EventLexicon.selectionHeads.contains(String($0)) } ?? false
                }
                : try matchingEvent(label: event.label, owner: storedEvent.owner, before: turn.timeMs, isNewPlan: event.change == .planned)
            if let earlier = earlierMatch {
                // A result keeps the name of the event it reports on ("won" closes "tournament").
                if reportsUnnamed, let earlierLabel = earlier.event?.label { storedEvent.label = earlierLabel }
                // A moved event without a new time keeps no old one: its new date is unknown, so it is not due.
                if storedEvent.startMs == nil, event.change != .moved {
                    storedEvent.startMs = earlier.event?.startMs
                    storedEvent.endMs = earlier.event?.endMs
                }
                // "moved my road test to the 26th, same time": the new day at the old time of day.
                if event.change == .moved, let start = storedEvent.startMs, let end = storedEvent.endMs, end - start >= Self.dayMs - Self.hourMs,
                   let oldStart = earlier.event?.startMs, let oldEnd = earlier.event?.endMs, oldEnd - oldStart < Self.dayMs - Self.hourMs,
                   turn.text.lowercased().contains("same time")
                {
                    let timeOfDay = ((oldStart - start) % Self.dayMs + Self.dayMs) % Self.dayMs
                    storedEvent.startMs = start + timeOfDay
                    storedEvent.endMs = start + timeOfDay + (oldEnd - oldStart)
                }
                stored.noAsk = earlier.noAsk
                replaced = [earlier]
            }
            stored.event = storedEvent
        } else if let slot = record.slot, let value = record.value {
            replaced = try store.currentRecords(subject: stored.subject, slot: slot)
            // A routine named more or less fully ("soccer practice" then "practice") is one routine:
            // its days are matched on the last word of its name.
            if slot.hasSuffix(" days"), let head = slot.dropLast(5).split(separator: " ").last {
                let others = try store.currentRecords(subject: stored.subject, slotEndingWith: head + " days")
                replaced += others.filter { other in !replaced.contains { $0.id == other.id } }
            }
            replaced = replaced.filter { Self.normalisedValue($0.value ?? "") != Self.normalisedValue(value) }
        }
        let id = try store.addRecord(stored)
        stored.id = id
        outcome.records.append(Self.observed(stored))
        if !replaced.isEmpty {
            try store.markSuperseded(recordIDs: replaced.compactMap(\.id), by: id)
            outcome.superseded.append(contentsOf: replaced.map(Self.observed))
        }
    }

    /// The most recent current event of `owner` said before `timeMs` whose label names the same
    /// thing: the same head noun ("eye test" ~ "test") or at least half the words shared.
    /// A report, move or cancellation that names no event of the owner's by its words ("Dad's surgery
    /// went well" after "Ron is having his hip replaced") is about the owner's one open event, when
    /// there is exactly one; a new plan never merges that way.
    func matchingEvent(label: String, owner: String, before timeMs: Int64, isNewPlan: Bool = false) throws -> StoredRecord? {
        if let byWords = try eventNamedAlike(label: label, owner: owner, before: timeMs) { return byWords }
        guard !isNewPlan else { return nil }
        let open = try store.currentEventRecords(owner: owner, upToMs: timeMs).filter { record in
            guard record.status == .current, let event = record.event, event.owner == owner else { return false }
            return event.state == .planned || event.state == .moved
        }
        return open.count == 1 ? open[0] : nil
    }

    /// The owner's most recent open (planned or moved) event whose time has begun by `timeMs` and
    /// whose label `fits` (a selection's result closes only an interview, an exam and the like).
    func latestPastOpenEvent(owner: String, before timeMs: Int64, where fits: (String) -> Bool = { _ in true }) throws -> StoredRecord? {
        try store.currentEventRecords(owner: owner, upToMs: timeMs).reversed().first { record in
            guard record.status == .current, let event = record.event, event.owner == owner, let start = event.startMs, fits(event.label) else { return false }
            return (event.state == .planned || event.state == .moved) && start <= timeMs
        }
    }

    /// The owner of an event as one key: a relation path ("mel/father") becomes the name memory
    /// holds for it ("ron"), so "Dad's hip replacement" and "Ron's hip replacement" are one event.
    func canonicalOwner(_ owner: String) throws -> String {
        guard let slash = owner.lastIndex(of: "/") else { return owner }
        // The latest mention of each name given the relation: every name, without every mention.
        let named = Set(try store.entities(relation: String(owner[owner.index(after: slash)...]), relativeTo: String(owner[..<slash]), latest: 1)
            .compactMap { $0.name.map(StoredEntity.key) })
        return named.count == 1 ? named.first! : owner
    }

    /// The most recent current event of `owner` whose label names the same thing (see `matchingEvent`).
    func eventNamedAlike(label: String, owner: String, before timeMs: Int64) throws -> StoredRecord? {
        let words = Set(MemoryWords.contentWords(label).map(MemoryWords.stem))
        guard !words.isEmpty else { return nil }
        let head = MemoryWords.contentWords(label).last.map(MemoryWords.stem)
        return try store.currentEventRecords(owner: owner, upToMs: timeMs).reversed().first { record in
            guard record.status == .current, let event = record.event, event.owner == owner else { return false }
            let theirs = Set(MemoryWords.contentWords(event.label).map(MemoryWords.stem))
            guard !theirs.isEmpty else { return false }
            if let head, head == MemoryWords.contentWords(event.label).last.map(MemoryWords.stem) { return true }
            // "this parking appeal" after "a hearing about the parking fine appeal": every word of the
            // new label was said of the earlier event.
            if words.count >= 2, words.isSubset(of: Set(MemoryWords.contentWords(record.statement).map(MemoryWords.stem))) { return true }
            return Double(words.intersection(theirs).count) / Double(min(words.count, theirs.count)) >= 0.5
        }
    }

    static func observed(_ record: StoredRecord) -> ObservedRecord {
        ObservedRecord(id: record.id ?? 0, kind: record.kind, statement: record.statement, subject: record.subject, slot: record.slot, value: record.value)
    }

    static func normalisedValue(_ value: String) -> String {
        MemoryWords.words(value).joined(separator: " ")
    }

    static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }
}
