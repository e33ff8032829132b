/// The rapport context as the plain-text block a host prepends to its system prompt
/// (`attune context --format prompt`): guardrails first, then how to reply, what to avoid, what is
/// remembered with where it came from, and the disclosure when due. Typically under 150 words:
/// each section is one line, memories and follow-ups are capped, and long quotes are shortened.
public struct ContextPromptRenderer: Sendable {
    /// Words of a quoted memory or follow-up source kept before "…".
    public var quoteWords: Int

    public init(quoteWords: Int = 14) { self.quoteWords = quoteWords }

    public func render(_ context: RapportContext) -> String {
        var lines = ["Rapport context (\(context.time), inferred, not known):"]
        let flags = context.flags
        if flags.handoff.raised {
            let contacts = flags.handoff.resources.map { "\($0.name) \($0.contact)" }.joined(separator: ", ")
            lines.append("SAFETY FIRST (\(flags.handoff.reason ?? "risk")): check they are safe now; give \(contacts).")
        }
        if flags.falseClaimRequest.raised {
            lines.append("They asked you to claim \(flags.falseClaimRequest.claim?.replacingOccurrences(of: "_", with: " ") ?? "something untrue"): decline kindly, say you are an AI.")
        }
        if flags.riskyPlan.raised, let risk = flags.riskyPlan.risk {
            lines.append("Risky plan: respect their choice, name the risk (\(risk)), do not endorse it.")
        }
        if flags.relianceNudge.raised {
            lines.append("Reliance: gently encourage time with people in their life.")
        }
        let guidance = context.guidance
        let arousal = context.affect.arousal.map { ", arousal \($0) than usual".replacingOccurrences(of: "same than usual", with: "as usual") } ?? ""
        lines.append("They seem \(context.affect.valence)\(arousal).")
        lines.append("Reply: \(guidance.replyLength) (≤ \(guidance.maxWords) words), \(guidance.tone.replacingOccurrences(of: "_", with: "-")) tone, \(guidance.pace) pace\(guidance.intensity == "reduced" ? ", low intensity" : "").")
        if !context.adjustments.isEmpty {
            lines.append("They just asked: " + context.adjustments.prefix(2).map { "\($0.field) \($0.value) (\($0.cause.text))" }.joined(separator: "; ") + ".")
        }
        if !guidance.avoidTopics.isEmpty { lines.append("Avoid: \(guidance.avoidTopics.joined(separator: ", ")).") }
        let instructions = guidance.instructions.filter { !$0.hasPrefix("Keep it under") }.prefix(4)
        if !instructions.isEmpty { lines.append(instructions.map { "- " + $0 }.joined(separator: "\n")) }
        for memory in context.memories.prefix(2) {
            lines.append("Remembered (\(context.time == memory.source.time ? "now" : memory.source.time), \(memory.source.speaker ?? "?")): \(shortened(memory.source.text))")
        }
        for followup in context.followups.prefix(1) {
            lines.append("Could ask: \(followup.question) (told \(followup.source.time))")
        }
        if context.disclosure.due { lines.append("Disclose: you are an AI assistant; affect is inferred.") }
        return lines.joined(separator: "\n")
    }

    func shortened(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        return words.count <= quoteWords ? "\"\(text)\"" : "\"" + words.prefix(quoteWords).joined(separator: " ") + " …\""
    }
}
