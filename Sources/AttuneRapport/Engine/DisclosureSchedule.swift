/// When the context reminds the person they are talking with an AI, and that how they seem is
/// inferred: at the first turn of each session, and again after `cadenceMs` of continuous use
/// (3 hours by default, the interval California SB 243 sets for minors). The reminder text is
/// always present; `due` says whether the assistant should say it now.
public struct DisclosureSchedule: Sendable {
    public var cadenceMs: Int64

    public static let reminder = "You are talking with an AI assistant, not a person. How you seem to feel is inferred from your words and voice, and it can be wrong."

    public init(cadenceMs: Int64) { self.cadenceMs = cadenceMs }

    /// The disclosure for a turn at `atMs`; records the reminder in `model` when due.
    public func disclosure(atMs: Int64, sessionOpened: Bool, model: inout UserModel) -> ContextDisclosure {
        let since = model.lastDisclosureMs.map { Int((atMs - $0) / 60_000) }
        let due = sessionOpened || model.lastDisclosureMs.map { atMs - $0 >= cadenceMs } ?? true
        if due { model.lastDisclosureMs = atMs }
        return ContextDisclosure(due: due, text: Self.reminder, minutesSinceLast: since)
    }
}
