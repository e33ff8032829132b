/// The dialogue state of the session the turn belongs to: how far in it is, what it has been about,
/// what is still open, and what the assistant said last.
public struct ContextDialogue: Codable, Sendable, Equatable {
    /// The person's turns in this session so far, this one included.
    public var turnInSession: Int
    /// Minutes since the session's first turn.
    public var sessionMinutes: Int
    /// People, places and things named in this session (memory's entities, the assistant's question subjects), first mention first.
    public var topics: [String]
    /// Things left open: events due to be asked about, and a question of the assistant the person steered away from.
    public var openThreads: [String]
    /// The assistant's last turn in this session, verbatim, when there was one.
    public var assistantLastSaid: String?

    public init(turnInSession: Int, sessionMinutes: Int, topics: [String], openThreads: [String], assistantLastSaid: String?) {
        self.turnInSession = turnInSession
        self.sessionMinutes = sessionMinutes
        self.topics = topics
        self.openThreads = openThreads
        self.assistantLastSaid = assistantLastSaid
    }
}
