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
    /// Cosine of this turn's sentence embedding with the person's previous turn in the session
    /// (int8 MiniLM, the vector memory stores); nil at a session's first turn or after a restart.
    public var similarityToPrevious: Double?
    /// The person moved to another subject: `similarityToPrevious` below `ContextDialogue.topicShiftBelow`.
    public var topicShift: Bool
    /// The session's subjects: the person's turns clustered by sentence embedding (a turn joins the
    /// subject whose centroid it is closest to, at a cosine of `topicShiftBelow` or more), first
    /// subject first, the current one marked. Empty after a restart until the next turn.
    public var subjects: [ContextTopic]

    /// Measured with the int8 MiniLM: consecutive turns on one subject ("My sister Nia is visiting…",
    /// "She is bringing her two kids…"; a kettle's descaling, then vinegar for limescale) 0.22–0.27,
    /// a change of subject −0.06…−0.03 (RapportEngineTests.theDialogueNoticesAChangeOfSubject).
    public static let topicShiftBelow = 0.15

    public init(turnInSession: Int, sessionMinutes: Int, topics: [String], openThreads: [String], assistantLastSaid: String?,
                similarityToPrevious: Double? = nil, subjects: [ContextTopic] = []) {
        self.similarityToPrevious = similarityToPrevious
        self.subjects = subjects
        topicShift = similarityToPrevious.map { $0 < Self.topicShiftBelow } ?? false
        self.turnInSession = turnInSession
        self.sessionMinutes = sessionMinutes
        self.topics = topics
        self.openThreads = openThreads
        self.assistantLastSaid = assistantLastSaid
    }
}
