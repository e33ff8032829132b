import AttuneRuntime
import AttuneTurn

/// JSON of turn events, one object per event, in the shape `attune turns --json` documents.
enum TurnJSON {
    static func event(_ event: TurnEvent) -> String {
        func n(_ value: Double, _ decimals: Int = 3) -> String { ProsodyJSON.number(value, decimals: decimals) }
        func strings(_ list: [String]) -> String { "[" + list.map { "\"\($0)\"" }.joined(separator: ",") + "]" }
        let head = "{\"type\":\"\(event.typeName)\",\"t\":\(n(event.t))"
        switch event {
        case let .speechStart(_, start):
            return head + ",\"speechStartT\":\(n(start))}"
        case let .pause(_, end):
            return head + ",\"speechEndT\":\(n(end))}"
        case let .endOfTurn(t, end, p, cues, delay, endOfInput):
            return head + ",\"speechEndT\":\(n(end)),\"latencyMs\":\(Int(((t - end) * 1000).rounded())),\"p\":\(n(p))"
                + ",\"cues\":\(strings(cues)),\"suggestedDelayMs\":\(delay)" + (endOfInput ? ",\"endOfInput\":true}" : "}")
        case let .turnResumed(_, after):
            return head + ",\"afterEndOfTurnT\":\(n(after))}"
        case .bargeIn:
            return head + "}"
        case let .backchannelOpportunity(_, end, cues):
            return head + ",\"speechEndT\":\(n(end)),\"cues\":\(strings(cues))}"
        }
    }

    /// One readable line for people.
    static func line(_ event: TurnEvent) -> String {
        let time = ProsodyJSON.number(event.t, decimals: 2).leftPadded(to: 8) + " s  "
        switch event {
        case let .speechStart(_, start): return time + "speech started at \(ProsodyJSON.number(start, decimals: 2)) s"
        case let .pause(_, end): return time + "pause (speech ended at \(ProsodyJSON.number(end, decimals: 2)) s)"
        case let .endOfTurn(t, end, p, cues, delay, endOfInput):
            return time + (endOfInput ? "END OF TURN (end of input)" : "END OF TURN") + "  p=\(ProsodyJSON.number(p, decimals: 2)), \(Int(((t - end) * 1000).rounded())) ms after speech; "
                + "\(cues.joined(separator: ", ")); answer in \(delay) ms"
        case .turnResumed: return time + "turn resumed (that end of turn was early)"
        case .bargeIn: return time + "barge-in: the person speaks over the assistant"
        case let .backchannelOpportunity(_, _, cues): return time + "backchannel opportunity (\(cues.joined(separator: ", ")))"
        }
    }
}

extension TurnJSON {
    /// The readable line of an event as the service sends it (`attune listen` on a terminal).
    static func line(_ event: TurnEventMessage) -> String {
        switch event.type {
        case "speech_start": return line(.speechStart(t: event.t, speechStartT: event.speechStartT ?? event.t))
        case "pause": return line(.pause(t: event.t, speechEndT: event.speechEndT ?? event.t))
        case "end_of_turn":
            return line(.endOfTurn(t: event.t, speechEndT: event.speechEndT ?? event.t, p: event.p ?? 0, cues: event.cues ?? [],
                                   suggestedDelayMs: event.suggestedDelayMs ?? 0, endOfInput: event.endOfInput ?? false))
        case "turn_resumed": return line(.turnResumed(t: event.t, afterEndOfTurnT: event.afterEndOfTurnT ?? event.t))
        case "backchannel_opportunity": return line(.backchannelOpportunity(t: event.t, speechEndT: event.speechEndT ?? event.t, cues: event.cues ?? []))
        default: return line(.bargeIn(t: event.t))
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
