/// What a derived record states.
public enum RecordKind: String, Codable, Sendable {
    /// Something true about someone: where they live, work, what they are allergic to.
    case fact
    /// A like, a dislike, something to avoid.
    case preference
    /// How someone feels, and about what.
    case feeling
    /// Something that happens at a time: planned, moved, cancelled, or reported on.
    case event
}
