/// One statement the memory engine derived from an utterance (`memory_records`, schema version 5):
/// a fact, preference, feeling or event about `subject`, with the item it came from. A record with a
/// `slot` is one value of a single-valued attribute ("sam/sister" "city" = "cardiff"); a newer value
/// of the same subject and slot supersedes it, and the old one stays as history.
public struct StoredRecord: Sendable, Equatable {
    public enum Status: String, Sendable, Codable { case current, superseded }

    public var id: Int64?
    public var itemID: Int64
    /// fact, preference, feeling or event.
    public var kind: String
    public var subject: String
    public var slot: String?
    public var value: String?
    public var statement: String
    /// When it was said (the source item's time), UTC milliseconds.
    public var timeMs: Int64
    public var status: Status
    public var supersededBy: Int64?
    public var event: StoredEvent?
    /// The person asked not to be asked about this event.
    public var noAsk: Bool

    public init(id: Int64? = nil, itemID: Int64, kind: String, subject: String, slot: String? = nil, value: String? = nil,
                statement: String, timeMs: Int64, status: Status = .current, supersededBy: Int64? = nil,
                event: StoredEvent? = nil, noAsk: Bool = false) {
        self.id = id
        self.itemID = itemID
        self.kind = kind
        self.subject = subject
        self.slot = slot
        self.value = value
        self.statement = statement
        self.timeMs = timeMs
        self.status = status
        self.supersededBy = supersededBy
        self.event = event
        self.noAsk = noAsk
    }
}

/// The event part of a record: what, whose, when, and where it is in its life.
public struct StoredEvent: Sendable, Equatable {
    public enum State: String, Sendable, Codable { case planned, moved, cancelled, happened }

    public var label: String
    public var owner: String
    public var startMs: Int64?
    public var endMs: Int64?
    public var state: State
    /// How it went, once reported ("went fine").
    public var outcome: String?

    public init(label: String, owner: String, startMs: Int64? = nil, endMs: Int64? = nil, state: State, outcome: String? = nil) {
        self.label = label
        self.owner = owner
        self.startMs = startMs
        self.endMs = endMs
        self.state = state
        self.outcome = outcome
    }
}

/// A person, pet, place or organisation named in an utterance (`memory_entities`), with how it
/// relates to someone: "my cousin Idris" said by sam is name "Idris", relation "cousin", relative to "sam".
public struct StoredEntity: Sendable, Equatable {
    public var id: Int64?
    public var itemID: Int64
    public var name: String?
    /// person, pet, place or organisation.
    public var kind: String
    public var relation: String?
    public var relativeTo: String?
    public var phrase: String

    public init(id: Int64? = nil, itemID: Int64, name: String?, kind: String, relation: String?, relativeTo: String?, phrase: String) {
        self.id = id
        self.itemID = itemID
        self.name = name
        self.kind = kind
        self.relation = relation
        self.relativeTo = relativeTo
        self.phrase = phrase
    }

    /// The lookup key of a name: lower case, as `memory_entities.name_key` holds it.
    public static func key(_ name: String) -> String { name.lowercased() }
}
