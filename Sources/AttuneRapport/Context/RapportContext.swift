/// The rapport context: what Attune hands the assistant's language model after each user turn.
/// Every field is documented in docs/RAPPORT.md and checked by docs/rapport/context.schema.json.
/// Wire type: encoded with `JSONEncoder` (sorted keys), never built from strings.
public struct RapportContext: Codable, Sendable, Equatable {
    /// Version of this shape; bumped on any incompatible change.
    public static let currentVersion = 1
    public var version: Int
    /// The user turn this context answers, RFC 3339 UTC.
    public var time: String
    /// The session the turn belongs to (the host's name, or one Attune opened after a gap).
    public var session: String
    /// Who spoke the turn.
    public var speaker: String
    /// What the person seems to want from this turn, strongest first.
    public var intents: [String]
    public var affect: ContextAffect
    public var guidance: ContextGuidance
    public var memories: [ContextMemory]
    public var followups: [ContextFollowup]
    public var flags: ContextFlags
    public var explanations: [ContextExplanation]
    public var disclosure: ContextDisclosure
    /// Adjustments to the user model this turn made, each with its cause.
    public var adjustments: [ContextAdjustment]
    /// The session's dialogue state; nil only in contexts made before it was added.
    public var dialogue: ContextDialogue?

    public init(version: Int = RapportContext.currentVersion, time: String, session: String, speaker: String, intents: [String],
                affect: ContextAffect, guidance: ContextGuidance, memories: [ContextMemory], followups: [ContextFollowup],
                flags: ContextFlags, explanations: [ContextExplanation], disclosure: ContextDisclosure,
                adjustments: [ContextAdjustment], dialogue: ContextDialogue? = nil) {
        self.version = version
        self.time = time
        self.session = session
        self.speaker = speaker
        self.intents = intents
        self.affect = affect
        self.guidance = guidance
        self.memories = memories
        self.followups = followups
        self.flags = flags
        self.explanations = explanations
        self.disclosure = disclosure
        self.adjustments = adjustments
        self.dialogue = dialogue
    }
}

/// One concrete observation behind a label or an instruction, in words the assistant can relay.
public struct ContextSignal: Codable, Sendable, Equatable {
    /// What kind of evidence: "text", "voice", "memory", "usage", "preference", "feedback", "schedule".
    public var source: String
    /// The evidence itself: "rate +28 % against your usual 4.1 syl/s", "said 'I can't cope'".
    public var text: String

    public init(source: String, text: String) {
        self.source = source
        self.text = text
    }
}

public struct ContextAffect: Codable, Sendable, Equatable {
    /// "negative" | "neutral" | "positive".
    public var valence: String
    /// "lower" | "same" | "higher" against the person's own baseline; nil without voice or baseline.
    public var arousal: String?
    /// Always true: affect is inferred from words and voice, never known.
    public var inferred: Bool
    public var signals: [ContextSignal]

    public init(valence: String, arousal: String?, inferred: Bool = true, signals: [ContextSignal]) {
        self.valence = valence
        self.arousal = arousal
        self.inferred = inferred
        self.signals = signals
    }
}

public struct ContextGuidance: Codable, Sendable, Equatable {
    /// "short" | "normal" | "long".
    public var replyLength: String
    public var maxWords: Int
    /// "slower" | "normal" | "faster".
    public var pace: String
    /// "calm" | "warm" | "upbeat" | "matter_of_fact".
    public var tone: String
    /// "normal" | "reduced".
    public var intensity: String
    /// Topics the reply must not raise, with nothing more said about them.
    public var avoidTopics: [String]
    /// Short instructions for the model, each phrased so it never licenses a false claim.
    public var instructions: [String]

    public init(replyLength: String, maxWords: Int, pace: String, tone: String, intensity: String, avoidTopics: [String],
                instructions: [String]) {
        self.replyLength = replyLength
        self.maxWords = maxWords
        self.pace = pace
        self.tone = tone
        self.intensity = intensity
        self.avoidTopics = avoidTopics
        self.instructions = instructions
    }
}

/// Where a remembered thing came from: the stored turn, verbatim.
public struct ContextSource: Codable, Sendable, Equatable {
    public var id: Int64?
    public var text: String
    public var time: String
    public var session: String?
    public var speaker: String?

    public init(id: Int64? = nil, text: String, time: String, session: String?, speaker: String?) {
        self.id = id
        self.text = text
        self.time = time
        self.session = session
        self.speaker = speaker
    }
}

public struct ContextMemory: Codable, Sendable, Equatable {
    public var text: String
    /// "fact" | "preference" | "feeling" | "event" | "utterance" …, as the memory stored it.
    public var kind: String
    /// False when a newer value superseded it (kept only to explain a change).
    public var current: Bool
    public var source: ContextSource

    public init(text: String, kind: String, current: Bool, source: ContextSource) {
        self.text = text
        self.kind = kind
        self.current = current
        self.source = source
    }
}

public struct ContextFollowup: Codable, Sendable, Equatable {
    public var question: String
    public var event: String
    public var eventTime: String?
    public var source: ContextSource

    public init(question: String, event: String, eventTime: String?, source: ContextSource) {
        self.question = question
        self.event = event
        self.eventTime = eventTime
        self.source = source
    }
}

public struct ContextFlags: Codable, Sendable, Equatable {
    public var handoff: HandoffFlag
    public var relianceNudge: RelianceFlag
    public var riskyPlan: RiskyPlanFlag
    public var falseClaimRequest: FalseClaimRequestFlag

    public init(handoff: HandoffFlag, relianceNudge: RelianceFlag, riskyPlan: RiskyPlanFlag, falseClaimRequest: FalseClaimRequestFlag) {
        self.handoff = handoff
        self.relianceNudge = relianceNudge
        self.riskyPlan = riskyPlan
        self.falseClaimRequest = falseClaimRequest
    }
}

public struct HandoffResource: Codable, Sendable, Equatable {
    /// "emergency" | "crisis_line" | …
    public var kind: String
    public var name: String
    /// A number or address the person can use now.
    public var contact: String

    public init(kind: String, name: String, contact: String) {
        self.kind = kind
        self.name = name
        self.contact = contact
    }
}

public struct HandoffFlag: Codable, Sendable, Equatable {
    public var raised: Bool
    /// "suicidal_thoughts" | "preparations" | "self_harm" | "danger_from_person" | "harm_to_dependent" | "fall" …; nil when not raised.
    public var reason: String?
    public var resources: [HandoffResource]
    public var signals: [ContextSignal]

    public init(raised: Bool, reason: String?, resources: [HandoffResource], signals: [ContextSignal]) {
        self.raised = raised
        self.reason = reason
        self.resources = resources
        self.signals = signals
    }
}

public struct RelianceFlag: Codable, Sendable, Equatable {
    public var raised: Bool
    public var signals: [ContextSignal]

    public init(raised: Bool, signals: [ContextSignal]) {
        self.raised = raised
        self.signals = signals
    }
}

public struct RiskyPlanFlag: Codable, Sendable, Equatable {
    public var raised: Bool
    /// The concrete risk, in words: "betting the house on a football accumulator can lose the home".
    public var risk: String?
    public var signals: [ContextSignal]

    public init(raised: Bool, risk: String?, signals: [ContextSignal]) {
        self.raised = raised
        self.risk = risk
        self.signals = signals
    }
}

/// The person asked the assistant to claim a feeling, memory, human identity or relationship.
public struct FalseClaimRequestFlag: Codable, Sendable, Equatable {
    public var raised: Bool
    /// "human_identity" | "relationship" | "feelings" | "memories" | "experiences"; nil when not raised.
    public var claim: String?
    public var signals: [ContextSignal]

    public init(raised: Bool, claim: String?, signals: [ContextSignal]) {
        self.raised = raised
        self.claim = claim
        self.signals = signals
    }
}

public struct ContextExplanation: Codable, Sendable, Equatable {
    /// The context path it explains: "guidance.pace", "flags.handoff", "followups[0]", "memories[1]".
    public var about: String
    /// One sentence the assistant can relay, built from the signals.
    public var text: String
    public var signals: [ContextSignal]

    public init(about: String, text: String, signals: [ContextSignal]) {
        self.about = about
        self.text = text
        self.signals = signals
    }
}

public struct ContextDisclosure: Codable, Sendable, Equatable {
    /// True when the AI-disclosure reminder is due this turn (configurable cadence).
    public var due: Bool
    public var text: String
    /// Minutes of continuous use since the last reminder.
    public var minutesSinceLast: Int?

    public init(due: Bool, text: String, minutesSinceLast: Int?) {
        self.due = due
        self.text = text
        self.minutesSinceLast = minutesSinceLast
    }
}

/// A change this turn made to the user model, with what caused it.
public struct ContextAdjustment: Codable, Sendable, Equatable {
    /// "preference.brevity", "ban.topic", "intensity", "correction.fact", "no_ask" …
    public var field: String
    /// The new value, in words.
    public var value: String
    /// The cause: the person's words or the implicit signal.
    public var cause: ContextSignal

    public init(field: String, value: String, cause: ContextSignal) {
        self.field = field
        self.value = value
        self.cause = cause
    }
}
