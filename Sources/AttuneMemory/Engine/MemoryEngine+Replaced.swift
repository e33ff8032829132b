import AttuneStore
import Foundation

/// Recall prefers what is true now: an utterance replaced by a later one among the answers is put
/// after every other answer (kept, marked not current, with the turn that replaced it), unless the
/// question asks about the past.
///
/// Two ways an utterance is replaced:
/// - **by its records**: every slot value or event state it holds was superseded (`markSuperseded`),
///   and the utterance holding the newer value is among the answers;
/// - **by a later report of a change**: no slot links them ("I drive an old Corolla", then "sold the
///   Corolla, I've got a little electric Fiat now"), but a later turn of the same person says that
///   something changed (`changeCues`), says nearly the same thing (sentence-vector cosine at least
///   `replacementSimilarity`) and names nobody else: people or pets named in both must overlap, so
///   "my brother moved to Porto now" does not replace "my sister Marta lives in Porto".
extension MemoryEngine {
    /// Words of a turn that reports a change to something said before.
    static let changeCues: Set<String> = [
        "now", "nowadays", "anymore", "longer", "switched", "switching", "changed", "changing", "moved", "sold",
        "instead", "replaced", "quit", "left", "new", "gave", "stopped", "swapped", "traded", "upgraded", "retired",
        "became", "become", "transferred",
    ]
    /// The cosine two utterances' vectors reach when they say the same kind of thing with another
    /// value. Measured on paraphrase pairs written for this rule (docs/MEMORY.md, "Updates"): a value
    /// changed gives 0.62–0.84, a different statement about the same thing 0.48 or less.
    static let replacementSimilarity: Float = 0.55
    /// How many of the best answers are compared with each other.
    static let replacementWindow = 12

    /// `scored` (best first) with replaced utterances moved after the rest, and for each the turn that replaced it.
    func demotingReplaced(_ scored: [(id: Int64, score: Double, current: Bool)], items: [Int64: MemoryItem],
                          records: [Int64: [StoredRecord]]) throws -> (ranked: [(id: Int64, score: Double, current: Bool)], replacedBy: [Int64: Int64]) {
        guard scored.count >= 2 else { return (scored, [:]) }
        let candidates = Set(scored.map(\.id))
        var replacedBy: [Int64: Int64] = [:]

        // By records: the utterances that hold the values which superseded this one's.
        let stale = scored.filter { !$0.current }
        if !stale.isEmpty {
            let newerIDs = stale.flatMap { entry in (records[entry.id] ?? []).compactMap(\.supersededBy) }
            let newerItem = Dictionary(try store.records(ids: newerIDs).compactMap { record in record.id.map { ($0, record.itemID) } },
                                       uniquingKeysWith: { first, _ in first })
            for entry in stale {
                let by = (records[entry.id] ?? []).compactMap { $0.supersededBy.flatMap { newerItem[$0] } }.first { candidates.contains($0) && $0 != entry.id }
                if let by { replacedBy[entry.id] = by }
            }
        }

        // By a later report of a change.
        let window = scored.prefix(Self.replacementWindow).map(\.id)
        let reports = window.filter { id in
            guard let item = items[id], item.speaker?.lowercased() != "assistant", !item.text.contains("?") else { return false }
            return !Self.changeCues.isDisjoint(with: MemoryWords.words(item.text))
        }
        if !reports.isEmpty {
            let similarity = try index.pairwiseSimilarities(window)
            let named = Dictionary(grouping: try store.entities(itemIDs: window).filter { $0.kind == "person" || $0.kind == "pet" }, by: \.itemID)
                .mapValues { Set($0.flatMap { entity in [entity.name.map(StoredEntity.key), entity.relation.map { "\(entity.relativeTo ?? "")/\($0)" }].compactMap { $0 } }) }
            for earlier in window where replacedBy[earlier] == nil {
                guard let old = items[earlier] else { continue }
                for later in reports where later != earlier {
                    guard let new = items[later], new.timeMs > old.timeMs,
                          old.speaker?.lowercased() == new.speaker?.lowercased() || old.speaker?.lowercased() == "assistant",
                          (similarity[VectorIndex.Pair(earlier, later)] ?? 0) >= Self.replacementSimilarity
                    else { continue }
                    if let oldNames = named[earlier], let newNames = named[later], oldNames.isDisjoint(with: newNames) { continue }
                    replacedBy[earlier] = later
                    break
                }
            }
        }
        guard !replacedBy.isEmpty else { return (scored, [:]) }
        let kept = scored.filter { replacedBy[$0.id] == nil }
        let moved = scored.filter { replacedBy[$0.id] != nil }.map { (id: $0.id, score: $0.score, current: false) }
        return (kept + moved, replacedBy)
    }
}
