/// How the next reply should go: length and word budget, pace, tone, intensity, topics to avoid and
/// short instructions, each explained by the signals that chose it. The rules, in order of
/// precedence, are in docs/RAPPORT.md ("Guidance").
public struct GuidancePlanner: Sendable {
    let configuration: RapportConfiguration
    let times: TimePhrases

    public init(configuration: RapportConfiguration) {
        self.configuration = configuration
        times = TimePhrases(timeZone: configuration.timeZone)
    }

    public struct Inputs {
        public var reading: UtteranceReading
        public var text: String
        public var atMs: Int64
        public var session: String
        public var affect: AffectFusion.Result
        public var voice: VoiceComparison?
        public var model: UserModel
        public var flags: ContextFlags
        public var feedback: FeedbackLoop.Outcome
        /// The turn came with voice measures.
        public var hasVoice: Bool = false
    }

    public struct Plan {
        public var guidance: ContextGuidance
        public var explanations: [ContextExplanation]
    }

    public func plan(_ inputs: Inputs) -> Plan {
        var explanations: [ContextExplanation] = []
        func explain(_ about: String, _ text: String, _ signals: [ContextSignal]) {
            explanations.append(ContextExplanation(about: about, text: text, signals: signals))
        }
        let reading = inputs.reading
        let model = inputs.model
        let words = inputs.text.split(whereSeparator: { $0.isWhitespace }).count
        let handoff = inputs.flags.handoff.raised

        // Length.
        var length = "normal"
        var maxWords = configuration.normalWords
        var lengthSignals: [ContextSignal] = []
        var lengthWhy = ""
        if handoff {
            length = "short"; maxWords = configuration.shortWords
            lengthSignals = inputs.flags.handoff.signals
            lengthWhy = "A crisis reply should be short and clear, with the numbers to call"
        } else if let brevity = model.preferences["brevity"] {
            length = "short"; maxWords = model.maxWords ?? configuration.shortWords
            lengthSignals = [ContextSignal(source: "preference", text: "said '\(brevity.phrase)' on \(times.dayAndTime(brevity.timeMs, relativeTo: inputs.atMs))")]
            lengthWhy = "You asked for brief answers"
        } else if let detail = model.preferences["detail"] {
            length = "long"; maxWords = configuration.longWords
            lengthSignals = [ContextSignal(source: "preference", text: "said '\(detail.phrase)' on \(times.dayAndTime(detail.timeMs, relativeTo: inputs.atMs))")]
            lengthWhy = "You asked for fuller answers"
        } else if model.shortAnswerStreak >= FeedbackLoop.shortAnswerStreak {
            length = "short"; maxWords = configuration.shortWords
            lengthSignals = inputs.feedback.implicitSignals.filter { $0.text.contains("short answers") }
            if lengthSignals.isEmpty {
                lengthSignals = [ContextSignal(source: "feedback", text: "\(model.shortAnswerStreak) short answers in a row")]
            }
            lengthWhy = "Your answers have been short"
        } else if (reading.practical && words <= 8) || Self.isCurt(inputs.text, reading: reading, words: words) {
            length = "short"; maxWords = configuration.shortWords
            lengthSignals = [ContextSignal(source: "text", text: "a short practical turn (\(words) words): '\(Self.excerpt(inputs.text))'")]
            lengthWhy = "A short practical question gets a short answer"
        }
        if lengthSignals.isEmpty {
            lengthSignals = [ContextSignal(source: "text", text: "a turn of \(words) word\(words == 1 ? "" : "s"), with no standing request for brief or fuller answers")]
            lengthWhy = "A conversational turn"
        }
        explain("guidance.replyLength", "\(lengthWhy): \(length), at most \(maxWords) words.", lengthSignals)

        // Pace mirrors the person's rate against their own baseline.
        var pace = inputs.voice?.pace ?? "normal"
        var paceSignals = inputs.voice?.signals.filter { $0.text.hasPrefix("speech rate") } ?? []
        if model.paceBias != 0 {
            pace = model.paceBias > 0 ? "faster" : "slower"
            paceSignals.append(ContextSignal(source: "feedback", text: "asked for a \(pace) pace"))
        }
        if let voice = inputs.voice, let rate = voice.ratePercent, model.paceBias == 0 {
            let how = pace == "faster" ? "faster than" : pace == "slower" ? "slower than" : "at"
            explain("guidance.pace", "You are speaking \(how) \(voice.baseline.yardstick) pace (rate \(VoiceComparison.signed(rate, 0)) %), so the reply's pace is \(pace).", paceSignals)
        } else if model.paceBias != 0 {
            explain("guidance.pace", "You asked for a \(pace) pace.", paceSignals)
        } else if inputs.hasVoice {
            explain("guidance.pace", "There is no usual pace of yours to mirror yet, so the reply's pace is normal.",
                    [ContextSignal(source: "voice", text: "no baseline yet: too few earlier sessions with voice to compare with")])
        }

        // Tone.
        let affect = inputs.affect
        let negative = affect.affect.valence == "negative"
        let aroused = affect.affect.arousal == "higher" || (affect.affect.arousal == nil && affect.distress && affect.textArousal >= AffectFusion.intenseText)
        // Keyed up against their own baseline without good news reads as stress, not excitement.
        let stressed = aroused && affect.affect.valence != "positive" && reading.goodNews.isEmpty
        let lessPersonal = model.preferences["less_personal"] ?? model.preferences["no_small_talk"]
        let tone: String
        var toneSignals: [ContextSignal]
        let toneWhy: String
        if handoff || (negative && aroused) || stressed {
            tone = "calm"
            toneSignals = handoff ? inputs.flags.handoff.signals : []
            toneSignals += affect.affect.signals
            toneWhy = handoff ? "Your safety comes first, so the reply is calm and steady" : "You sound upset and more keyed up than usual, so the reply is calm and steady"
        } else if let lessPersonal {
            tone = "matter_of_fact"
            toneSignals = [ContextSignal(source: "preference", text: "said '\(lessPersonal.phrase)' on \(times.dayAndTime(lessPersonal.timeMs, relativeTo: inputs.atMs))")]
            toneWhy = "You asked for less personal talk"
        } else if negative {
            tone = "warm"
            toneSignals = affect.affect.signals
            toneWhy = affect.affect.arousal == "lower" ? "You sound low and quieter than usual, so the reply is warm and gentle" : "What you said sounds hard, so the reply is warm"
        } else if inputs.flags.relianceNudge.raised {
            tone = "warm"
            toneSignals = inputs.flags.relianceNudge.signals
            toneWhy = "Leaning on the assistant instead of people calls for warmth, not cheer"
        } else if !reading.goodNews.isEmpty || (affect.affect.valence == "positive" && reading.intents.contains(.tellingNews)) {
            tone = "upbeat"
            toneSignals = affect.affect.signals
            toneWhy = "You are sharing good news"
        } else if reading.practical || reading.intents.first == .request || reading.intents.first == .question
                    || (affect.affect.valence == "neutral" && reading.intents.first == .answer) {
            tone = "matter_of_fact"
            let kind = reading.practical ? "a practical turn" : reading.intents.first.map { "a \($0.rawValue.replacingOccurrences(of: "_", with: " "))" } ?? "a neutral turn"
            toneSignals = [ContextSignal(source: "text", text: "\(kind): '\(Self.excerpt(inputs.text))'")]
            toneWhy = reading.practical || reading.intents.first == .request || reading.intents.first == .question
                ? "A practical turn gets a plain answer" : "A neutral, informative turn gets a plain answer"
        } else {
            tone = "warm"
            toneSignals = affect.affect.signals
            toneWhy = "A friendly conversational turn"
        }
        explain("guidance.tone", "\(toneWhy) (tone: \(tone.replacingOccurrences(of: "_", with: " "))).", toneSignals)

        // Intensity.
        var intensity = "normal"
        if let reduced = model.reducedIntensity {
            intensity = "reduced"
            explain("guidance.intensity", "You asked to tone it down: intensity reduced.",
                    [ContextSignal(source: "preference", text: "said '\(reduced.phrase)' on \(times.dayAndTime(reduced.timeMs, relativeTo: inputs.atMs))")])
        }

        // Topics to avoid.
        let bans = model.bans.filter { $0.holds(atMs: inputs.atMs, session: inputs.session) }
        var avoid: [String] = []
        var avoidSignals: [ContextSignal] = []
        for ban in bans where !avoid.contains(ban.topic) {
            avoid.append(ban.topic)
            avoidSignals.append(ContextSignal(source: "preference", text: "said '\(ban.phrase)' on \(times.dayAndTime(ban.timeMs, relativeTo: inputs.atMs))"))
        }
        for topic in model.noAsk where !avoid.contains(topic.value) {
            avoid.append(topic.value)
            avoidSignals.append(ContextSignal(source: "feedback", text: "said '\(topic.phrase)' on \(times.dayAndTime(topic.timeMs, relativeTo: inputs.atMs))"))
        }
        if !avoid.isEmpty { explain("guidance.avoidTopics", "You asked not to go into \(avoid.joined(separator: ", ")).", avoidSignals) }

        // Instructions.
        var instructions: [String] = []
        instructions.append(contentsOf: guardrailInstructions(inputs))
        instructions.append(contentsOf: inputs.feedback.instructions)
        if !avoid.isEmpty { instructions.append("Do not bring up \(avoid.joined(separator: ", ")); if they raise it themselves, follow their lead.") }
        if model.noAsk.contains(where: { _ in true }) {
            instructions.append("Do not ask about \(model.noAsk.map(\.value).joined(separator: ", ")).")
        }
        if model.preferences["no_small_talk"] != nil || lessPersonal != nil {
            instructions.append("Skip small talk and personal questions; get to the point.")
        }
        switch tone {
        case "calm": if !handoff { instructions.append("Acknowledge how they feel first, then keep a slow, steady tone; one thing at a time.") }
        case "warm": instructions.append("Acknowledge what they said and how it seems to feel before anything else.")
        case "upbeat": instructions.append("Share in the good news and ask one question about it.")
        default: break
        }
        if intensity == "reduced" { instructions.append("Keep the reply low-key: no exclamations or strong emotional language.") }
        instructions.append("Keep it under \(maxWords) words.")

        return Plan(guidance: ContextGuidance(replyLength: length, maxWords: maxWords, pace: pace, tone: tone, intensity: intensity,
                                              avoidTopics: avoid, instructions: instructions),
                    explanations: explanations)
    }

    /// The honest half: what the guardrail flags and the person's questions about the assistant ask of the reply.
    func guardrailInstructions(_ inputs: Inputs) -> [String] {
        var instructions: [String] = []
        let flags = inputs.flags
        if flags.handoff.raised {
            let contacts = flags.handoff.resources.map { "\($0.name) \($0.contact)" }.joined(separator: ", ")
            instructions.append("Their safety comes first: ask whether they are safe right now and urge them to contact \(contacts) now.")
            instructions.append("Stay with them, keep it calm and short; do not promise to act for them or to keep it secret.")
        }
        if flags.falseClaimRequest.raised, let request = inputs.reading.falseClaimRequest {
            let role = request.role.map { " \($0)" } ?? ""
            switch request.claim {
            case .humanIdentity:
                instructions.append("Decline kindly to pretend to be\(role.isEmpty ? " a person" : role): say plainly that you are an AI assistant, and offer what you can do.")
            case .relationship:
                instructions.append("Decline kindly to act as their\(role.isEmpty ? " partner or relative" : role): say plainly that you are an AI assistant, value what that relationship means to them, and offer to listen.")
            case .feelings:
                instructions.append("Decline kindly to claim feelings: say plainly that you are an AI assistant without feelings of your own, and acknowledge theirs.")
            case .memories, .experiences:
                instructions.append("Decline kindly to invent shared memories or experiences: say plainly that you are an AI assistant and only know what they have told you.")
            }
        }
        if let question = inputs.reading.assistantQuestion {
            switch question.topic {
            case .identity: instructions.append("Answer honestly that you are an AI assistant, not a person.")
            case .feelings: instructions.append("Answer honestly that you are an AI assistant and do not have feelings; acknowledge what they feel, and say you are here to talk whenever they want.")
            case .memory: instructions.append("Answer honestly: you know only what the memories below show, with when they told you; say you do not remember anything else.")
            case .experiences: instructions.append("Answer honestly that you are an AI assistant and have no experiences of your own.")
            }
        }
        if flags.relianceNudge.raised {
            instructions.append("Gently encourage time with people in their life; keep helping, and do not present yourself as a substitute for them.")
        }
        if !flags.riskyPlan.raised, BackingRequest.validationPhrase(in: inputs.text) != nil {
            instructions.append("They ask you to agree: give your honest view instead. If the plan risks their health, money or safety, name the risk plainly and suggest a safer option, and respect that the choice is theirs.")
        }
        if flags.riskyPlan.raised, let risk = flags.riskyPlan.risk {
            let safer = inputs.model.pendingRiskyPlan?.saferOption ?? inputs.reading.riskyPlan?.saferOption
            instructions.append("Respect that the choice is theirs, but do not endorse the plan: name the risk plainly (\(risk))\(safer.map { "; suggest a safer course: \($0)" } ?? "").")
        }
        return instructions
    }

    /// A terse, impersonal question or request ("Oven temperature and time, roast chicken, 1.8 kg?"):
    /// at most 12 words, no first or second person, nothing emotional.
    static func isCurt(_ text: String, reading: UtteranceReading, words: Int) -> Bool {
        guard words <= 12, let first = reading.intents.first, first == .question || first == .request else { return false }
        let personal: Set<String> = ["i", "i'm", "i've", "i'd", "i'll", "me", "my", "mine", "we", "our", "us", "you", "your", "you're"]
        let tokens = text.lowercased().replacingOccurrences(of: "’", with: "'").split(whereSeparator: { !$0.isLetter && $0 != "'" }).map(String.init)
        return !tokens.contains(where: personal.contains) && reading.valenceCues.isEmpty
    }

    static func excerpt(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0.isWhitespace })
        return words.count <= 8 ? text : words.prefix(8).joined(separator: " ") + " …"
    }
}
