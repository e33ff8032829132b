/// One subject of the session: turns whose sentence embeddings cluster together.
public struct ContextTopic: Codable, Sendable, Equatable {
    /// The opening words of the turn that started the subject.
    public var label: String
    /// The person's turns in the session on this subject, this one included.
    public var turns: Int
    /// Whether this turn is on this subject.
    public var current: Bool

    public init(label: String, turns: Int, current: Bool) {
        self.label = label
        self.turns = turns
        self.current = current
    }
}
