/// One turn of a conversation as the memory sees it: when it was said, by whom, the words, and the
/// conversation it belongs to (when the host keeps sessions).
public struct ObservedTurn: Sendable, Equatable, Codable {
    /// When the turn was said, in milliseconds since 1970-01-01 UTC.
    public var timeMs: Int64
    /// Who said it ("sam", "user", "assistant"). "I", "me" and "my" in `text` resolve to this speaker.
    public var speaker: String
    /// The words, verbatim.
    public var text: String
    /// The conversation the turn belongs to, when the host names one.
    public var session: String?

    public init(timeMs: Int64, speaker: String, text: String, session: String? = nil) {
        self.timeMs = timeMs
        self.speaker = speaker
        self.text = text
        self.session = session
    }

    /// Whether the assistant said this turn: its "I" is the assistant and its "you" the person.
    public var isAssistant: Bool { speaker.lowercased() == "assistant" }
}
