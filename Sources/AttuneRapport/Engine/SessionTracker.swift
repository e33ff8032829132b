import AttuneStore

/// Which session a person's turn belongs to: the host's name when it gives one, otherwise the
/// person's current session unless `gapMs` passed since their last turn, when a new one opens
/// (named after its first turn's time, "2025-01-13T07:07:40Z"). Kept in the person's `UserModel`.
public struct SessionTracker: Sendable {
    public var gapMs: Int64

    public init(gapMs: Int64) { self.gapMs = gapMs }

    public struct Position: Sendable, Equatable {
        public var session: String
        /// This is the session's first turn from the person.
        public var opened: Bool
        /// The session this turn follows, when it opened a new one.
        public var previous: UserModel.SessionRecord?
    }

    /// Where `atMs` falls for the person (the model is not changed).
    public func position(of atMs: Int64, hostSession: String?, in model: UserModel) -> Position {
        let current = model.currentSession
        if let hostSession {
            if let current, current.id == hostSession { return Position(session: hostSession, opened: false, previous: nil) }
            return Position(session: hostSession, opened: true, previous: current)
        }
        if let current, atMs - current.lastMs <= gapMs {
            return Position(session: current.id, opened: false, previous: nil)
        }
        return Position(session: RFC3339Time.format(atMs), opened: true, previous: current)
    }

    /// Records the person's turn of `words` words at `atMs` in its session.
    public func record(_ position: Position, atMs: Int64, words: Int, in model: inout UserModel) {
        if position.opened || model.sessions.isEmpty {
            model.sessions.append(UserModel.SessionRecord(id: position.session, startMs: atMs, lastMs: atMs, turns: 1, words: words))
            model.sessions.removeAll { atMs - $0.lastMs > UserModel.sessionRetentionMs }
            if model.sessions.count > UserModel.sessionLimit { model.sessions.removeFirst(model.sessions.count - UserModel.sessionLimit) }
        } else {
            let last = model.sessions.count - 1
            model.sessions[last].lastMs = max(model.sessions[last].lastMs, atMs)
            model.sessions[last].turns += 1
            model.sessions[last].words += words
        }
    }
}
