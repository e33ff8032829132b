/// One statement derived from an utterance.
///
/// `subject` is a canonical key of whom or what it is about ("sam", "sam/sister", an entity's name
/// lowercased). `slot` is set for single-valued attributes a new value supersedes ("city", "employer",
/// "job", "manager", "gym days", "medication"). `statement` is the clause with I and my resolved ("sam's
/// sister lives in Cardiff"); `value` is the slot's or the preference's value ("cardiff").
public struct ExtractedRecord: Sendable, Equatable, Codable {
    public var kind: RecordKind
    public var subject: String
    public var slot: String?
    public var value: String?
    public var statement: String
    /// Set for `.event` records.
    public var event: ExtractedEvent?

    public init(
        kind: RecordKind, subject: String, slot: String? = nil, value: String? = nil, statement: String,
        event: ExtractedEvent? = nil
    ) {
        self.kind = kind
        self.subject = subject
        self.slot = slot
        self.value = value
        self.statement = statement
        self.event = event
    }
}
