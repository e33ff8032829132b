/// A person, pet, place or organisation named in an utterance, with how it relates to someone.
///
/// "my cousin Idris" said by sam is name "Idris", kind `.person`, relation "cousin", relativeTo "sam".
/// "Mel's dad Ron" is name "Ron", relation "father" (the canonical form), relativeTo "mel". "our cat Miso"
/// is a `.pet` with relation "cat". An unnamed mention ("my sister") has no name; one relative to an
/// unnamed person ("my sister's husband Rob") is relative to that person's key, "sam/sister". Relations
/// that are a chain of two are stored as the chain's last step: "my father-in-law Ron" is relation
/// "father" relative to "sam/partner", so the query "my father-in-law" and "Mel's dad" (Mel being the
/// partner) meet at the same key. Lexicon and patterns: docs/MEMORY.md, "Extraction".
public struct EntityMention: Sendable, Equatable, Codable {
    /// The proper name as written ("Idris", "Cardiff", "Acme Labs"), or nil when only a relation was said.
    public var name: String?
    public var kind: EntityKind
    /// The canonical relation ("father", "manager", "cat"), or nil for a bare name or a place.
    public var relation: String?
    /// The key of whom the relation is to ("sam", "mel", "sam/sister"), lowercased.
    public var relativeTo: String?
    /// The words of the mention as written ("my new line manager, Bea").
    public var phrase: String

    public init(name: String?, kind: EntityKind, relation: String?, relativeTo: String?, phrase: String) {
        self.name = name
        self.kind = kind
        self.relation = relation
        self.relativeTo = relativeTo
        self.phrase = phrase
    }

    /// The key records use as their subject for this entity: the name lowercased, or when unnamed the
    /// relation path ("sam/sister").
    public var key: String? {
        if let name { return name.lowercased() }
        guard let relation, let relativeTo else { return nil }
        return relativeTo + "/" + relation
    }
}
