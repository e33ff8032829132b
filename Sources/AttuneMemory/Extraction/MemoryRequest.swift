/// Something a person asks the memory to do about what it holds.
public enum MemoryRequest: Sendable, Equatable, Codable {
    /// Remove what was said about `target` ("my old flatmate dan", "door code"); "that", "it" and
    /// "this" mean the speaker's turn just before ("scratch that", "forget what I just said").
    case forget(target: String)
    /// Stop asking about `target` until allowed again; "that" and "it" mean the latest event talked about.
    case doNotAsk(target: String)
    /// Lift an earlier `doNotAsk` for `target`.
    case allowAsking(target: String)
}
