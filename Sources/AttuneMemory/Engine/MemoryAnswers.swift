/// The `--json` shapes of `attune memory recall`, `followups` and `observe` (issue 14, item 5), as
/// `Codable` types so the command and its tests share one definition. Times are RFC 3339 UTC.

/// The utterance a result or follow-up came from, verbatim.
public struct MemorySource: Codable, Sendable, Equatable {
    public var id: Int64
    public var text: String
    public var time: String
    public var speaker: String?
    public var session: String?
}

/// One recalled memory: a derived record (its statement) or an utterance, with why it was chosen.
public struct RecallResult: Codable, Sendable, Equatable {
    public var id: Int64
    /// utterance, fact, preference, feeling or event.
    public var kind: String
    public var text: String
    public var score: Double
    /// False when what it says has since been superseded by a newer value.
    public var current: Bool
    public var source: MemorySource
    public var why: [String]
}

/// What `recall` answers: the results best first, and whether they really answer the query.
public struct RecallAnswer: Codable, Sendable, Equatable {
    public var query: String
    public var at: String
    public var confident: Bool
    /// Who or what the query names that memory knows nothing of: a relation with nobody ("my dog"
    /// when only a cat was mentioned), or a possessive nothing said of that person holds ("eli's
    /// baseball" when only his hockey was). Such a query is never confident. Empty otherwise.
    public var unknown: [String]
    public var results: [RecallResult]
}

/// One event that is due to be asked about.
public struct Followup: Codable, Sendable, Equatable {
    /// The event record's id.
    public var id: Int64
    public var question: String
    public var event: String
    public var owner: String
    public var eventTime: String?
    public var source: MemorySource
    public var why: String
}

/// What `followups` answers.
public struct FollowupsAnswer: Codable, Sendable, Equatable {
    public var at: String
    public var followups: [Followup]
}

/// A record as observe reports it.
public struct ObservedRecord: Codable, Sendable, Equatable {
    public var id: Int64
    public var kind: String
    public var statement: String
    public var subject: String
    public var slot: String?
    public var value: String?
}

/// An item observe removed because the person asked to forget it.
public struct ForgottenItem: Codable, Sendable, Equatable {
    public var id: Int64
    public var time: String
    public var speaker: String?
    public var text: String
}

/// What observing one turn did: the utterance stored, what was derived, superseded and forgotten.
public struct ObserveOutcome: Codable, Sendable, Equatable {
    /// The stored utterance's id.
    public var id: Int64
    public var time: String
    public var speaker: String
    public var records: [ObservedRecord]
    public var entities: [String]
    /// Earlier records this turn superseded (a new value, or a later state of the same event).
    public var superseded: [ObservedRecord]
    public var forgot: [ForgottenItem]
    /// Event records this turn asked not to be asked about (or lifted that for).
    public var doNotAsk: [Int64]
    public var allowAsking: [Int64]
}
