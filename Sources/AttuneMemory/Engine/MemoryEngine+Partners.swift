import AttuneStore
import Foundation

/// Partners memory was never told of as such: on a shared device the two people who speak of "our
/// daughter" or "our kids" are co-parents, and so each other's partner. The other person's own
/// relations ("my dad Ron", said by Mel) are then the in-laws of the first ("my father-in-law", asked
/// by Jordan).
extension MemoryEngine {
    /// Relations a household's "our" speaks of as the children of both speakers.
    static let sharedChildRelations = ["daughter", "son", "child"]

    /// The other speaker of a two-person store when either of them spoke of "our" children, with
    /// the utterances that said so; nil when the store has another number of people or nobody
    /// said "our" of a child.
    func coParent(of speaker: String) throws -> (name: String, itemIDs: Set<Int64>)? {
        let people = Set(try store.utteranceSpeakers().map { $0.lowercased() }).subtracting(["assistant"])
        guard people.count == 2, people.contains(speaker), let other = people.first(where: { $0 != speaker }) else { return nil }
        var itemIDs = Set<Int64>()
        for person in [speaker, other] {
            for relation in Self.sharedChildRelations {
                for entity in try store.entities(relation: relation, relativeTo: person) where entity.phrase.lowercased().hasPrefix("our ") {
                    itemIDs.insert(entity.itemID)
                }
            }
        }
        return itemIDs.isEmpty ? nil : (other, itemIDs)
    }

    /// The in-law relation a partner's relative is to the speaker ("partner" then "father" is the
    /// "father-in-law"), so a stored "my father-in-law" answers when no partner is known.
    static func inLawRelation(partnerRelation: String) -> String? {
        RelationLexicon.derivedChains.first { $0.value == ["partner", partnerRelation] }?.key
    }
}
