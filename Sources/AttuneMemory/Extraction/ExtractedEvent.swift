/// An event an utterance plans, moves, cancels or reports on.
public struct ExtractedEvent: Sendable, Equatable, Codable {
    /// The normalised label: lowercase, no articles or possessives, "moving house" read as "house move"
    /// ("eye test", "mri", "house move"), so a later utterance about the same event has the same label.
    public var label: String
    /// Whose event it is, as a key ("sam", "idris", "sam/father").
    public var owner: String
    /// When it is (for `.moved`, the new time), resolved against the utterance's time; nil when not said.
    public var time: InstantInterval?
    public var change: EventChange
    /// How it went, for `.happened` ("fine", "passed"), as said.
    public var outcome: String?

    public init(label: String, owner: String, time: InstantInterval?, change: EventChange, outcome: String?) {
        self.label = label
        self.owner = owner
        self.time = time
        self.change = change
        self.outcome = outcome
    }
}
