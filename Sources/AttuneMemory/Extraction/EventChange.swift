/// What an utterance says about an event's lifecycle.
public enum EventChange: String, Codable, Sendable {
    /// The event is arranged for a time ("I've got an eye test on Tuesday").
    case planned
    /// The event has a new time ("my MRI is moved to the 21st").
    case moved
    /// The event will not happen ("the dentist is cancelled", "called off").
    case cancelled
    /// The event took place and the person said how it went ("the MRI went fine").
    case happened
}
