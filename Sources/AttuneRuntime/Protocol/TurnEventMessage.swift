import AttuneTurn

/// A turn-taking event on the wire, in the shape `attune turns --json` prints: `type` is
/// `speech_start`, `pause`, `end_of_turn`, `turn_resumed`, `barge_in` or `backchannel_opportunity`;
/// `t` is the input time (s) at which it was decided; the other keys appear on the events that have them.
public struct TurnEventMessage: Codable, Equatable, Sendable {
    public var type: String
    public var t: Double
    public var speechStartT: Double?
    public var speechEndT: Double?
    /// For `end_of_turn`: t − speechEndT, in ms.
    public var latencyMs: Int?
    /// For `end_of_turn`: the model's probability that the turn is over.
    public var p: Double?
    public var cues: [String]?
    public var suggestedDelayMs: Int?
    /// For `end_of_turn`: decided because the audio ended during the turn.
    public var endOfInput: Bool?
    public var afterEndOfTurnT: Double?

    public init(_ event: TurnEvent) {
        type = event.typeName
        t = Self.rounded(event.t)
        switch event {
        case let .speechStart(_, start):
            speechStartT = Self.rounded(start)
        case let .pause(_, end):
            speechEndT = Self.rounded(end)
        case let .endOfTurn(t, end, p, cues, delay, endOfInput):
            speechEndT = Self.rounded(end)
            latencyMs = Int(((t - end) * 1000).rounded())
            self.p = Self.rounded(p)
            self.cues = cues
            suggestedDelayMs = delay
            self.endOfInput = endOfInput ? true : nil
        case let .turnResumed(_, after):
            afterEndOfTurnT = Self.rounded(after)
        case .bargeIn:
            break
        case let .backchannelOpportunity(_, end, cues):
            speechEndT = Self.rounded(end)
            self.cues = cues
        }
    }

    /// Milliseconds are the resolution of every time and probability on the wire.
    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
