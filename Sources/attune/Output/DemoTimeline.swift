import AttuneRapport
import AttuneRuntime

/// `attune demo`'s readable timeline: one line per turn event as `attune turns` prints it, the words
/// the host sent at each end of turn, and under them the context Attune answered with: its prompt
/// block, what the voice added, and a hand-off as soon as it is raised.
enum DemoTimeline {
    static func lines(_ entries: [DemoConversation.Entry]) -> [String] {
        var lines: [String] = []
        let indent = String(repeating: " ", count: 12)
        for entry in entries {
            switch entry {
            case .said(let t, let transcript, let voice):
                lines.append(time(t) + "host → Attune: the person said \"\(transcript.text)\" (final transcript, \(transcript.time ?? "now"))")
                if let voice { lines.append(indent + "their voice: " + describe(voice)) }
            case .sent(_, .turnEvent(let event)):
                lines.append(TurnJSON.line(event))
            case .sent(let t, .handoff(let handoff)):
                let contacts = handoff.handoff.resources.map { "\($0.name) \($0.contact)" }.joined(separator: ", ")
                lines.append(time(t) + "HAND-OFF (\(handoff.handoff.reason ?? "risk")): point them to human help now: \(contacts)")
            case .sent(let t, .context(let answer)):
                let context = answer.context
                lines.append(time(t) + "Attune → host: context for the reply (\(context.guidance.replyLength), \(context.guidance.tone.replacingOccurrences(of: "_", with: " ")), intents: \(context.intents.isEmpty ? "none" : context.intents.joined(separator: ", ")))")
                for signal in context.affect.signals where signal.source == "voice" {
                    lines.append(indent + "voice: \(signal.text)")
                }
                for followup in context.followups {
                    lines.append(indent + "follow-up: \(followup.question)")
                }
                for line in answer.prompt.split(separator: "\n", omittingEmptySubsequences: false) {
                    lines.append(indent + "│ " + line)
                }
            case .sent(let t, let other):
                lines.append(time(t) + String(decoding: other.encodedLine().dropLast(), as: UTF8.self))
            }
        }
        return lines
    }

    /// What the run produced, in one line.
    static func summary(_ entries: [DemoConversation.Entry]) -> String {
        var events = 0, contexts = 0, handoffs = 0
        for entry in entries {
            guard case .sent(_, let message) = entry else { continue }
            switch message {
            case .turnEvent: events += 1
            case .context: contexts += 1
            case .handoff: handoffs += 1
            default: break
            }
        }
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        return "\(count(events, "turn event")), \(count(contexts, "context")), \(count(handoffs, "hand-off")); the throw-away store was erased."
    }

    /// "F0 182 Hz over 5.1 semitones, 3.9 syllables/s, −23 dB, after a 400 ms pause".
    static func describe(_ voice: TurnProsody) -> String {
        var parts: [String] = []
        if let f0 = voice.f0MeanHz {
            parts.append("F0 \(Int(f0.rounded())) Hz" + (voice.f0RangeSemitones.map { " over \(ProsodyJSON.number($0, decimals: 1)) semitones" } ?? ""))
        }
        if let rate = voice.speechRateSylPerSec { parts.append("\(ProsodyJSON.number(rate, decimals: 1)) syllables/s") }
        if let loudness = voice.loudnessDb { parts.append("\(Int(loudness.rounded())) dB") }
        if let pause = voice.pauseBeforeMs { parts.append("after a \(Int(pause.rounded())) ms pause") }
        return parts.isEmpty ? "heard, but too short to measure" : parts.joined(separator: ", ")
    }

    private static func time(_ t: Double) -> String {
        ProsodyJSON.number(t, decimals: 2).leftPadded(to: 8) + " s  "
    }
}
