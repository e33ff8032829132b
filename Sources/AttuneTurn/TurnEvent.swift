/// What the turn detector reports. Every event carries `t`: the time in the input (seconds) at
/// which it was decided, never earlier than the audio it needed.
public enum TurnEvent: Sendable, Equatable {
    /// The person started speaking (speech began at `speechStartT`).
    case speechStart(t: Double, speechStartT: Double)
    /// Speech stopped at `speechEndT`; the pause has lasted long enough to count.
    case pause(t: Double, speechEndT: Double)
    /// The person has most likely finished: probability `p`, the cues behind it, and how long the
    /// assistant should still wait to leave a natural gap (people leave about 200 ms). `endOfInput`:
    /// decided by `TurnDetector.finish()` because the input ended during the turn, not by the live rule.
    case endOfTurn(t: Double, speechEndT: Double, p: Double, cues: [String], suggestedDelayMs: Int, endOfInput: Bool = false)
    /// The person went on after an end-of-turn: it was a false cut-in.
    case turnResumed(t: Double, afterEndOfTurnT: Double)
    /// The person spoke while the assistant was speaking.
    case bargeIn(t: Double)
    /// A short mid-turn pause after a pitch accent: where a listener would say "mhm".
    case backchannelOpportunity(t: Double, speechEndT: Double, cues: [String])

    public var t: Double {
        switch self {
        case let .speechStart(t, _), let .pause(t, _), let .endOfTurn(t, _, _, _, _, _), let .turnResumed(t, _),
             let .bargeIn(t), let .backchannelOpportunity(t, _, _):
            return t
        }
    }

    /// The JSON type name (`speech_start`, `end_of_turn`, …).
    public var typeName: String {
        switch self {
        case .speechStart: return "speech_start"
        case .pause: return "pause"
        case .endOfTurn: return "end_of_turn"
        case .turnResumed: return "turn_resumed"
        case .bargeIn: return "barge_in"
        case .backchannelOpportunity: return "backchannel_opportunity"
        }
    }
}
