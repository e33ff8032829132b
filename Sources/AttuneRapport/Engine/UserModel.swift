/// What Attune keeps about one person between turns and restarts (docs/RAPPORT.md, "User model"):
/// standing preferences, topic bans, things not to ask about, the intensity setting, their voice on
/// earlier turns (the prosodic baseline is its median), their sessions (the usage pattern) and the
/// cues the guardrails weigh over weeks. Stored as one JSON document per person in the encrypted
/// store (`rapport_models`), so it is exported and erased with everything else.
public struct UserModel: Codable, Sendable, Equatable {
    public static let currentVersion = 1
    /// Voice samples and cues kept at most (oldest dropped first). The model is rewritten with every
    /// turn, so these bound the bytes each turn writes (about 60 KB at the caps).
    static let voiceSampleLimit = 200
    static let cueLimit = 60
    static let sessionLimit = 300
    /// Sessions older than this are dropped (the reliance window is 21 days; the usage pattern looks back this far).
    static let sessionRetentionMs: Int64 = 60 * 86_400_000

    public var version = UserModel.currentVersion
    public var person: String
    /// Standing preferences that are on, by `UtteranceReading.PreferenceChange.Preference` raw value.
    public var preferences: [String: Setting] = [:]
    public var bans: [Ban] = []
    public var noAsk: [Setting] = []
    /// "tone it down": intensity reduced until lifted.
    public var reducedIntensity: Setting? = nil
    /// A word budget the person's corrections set ("too wordy"), replacing the length's default.
    public var maxWords: Int? = nil
    /// −1 slower, +1 faster, from "you're talking too fast" / "too slow".
    public var paceBias: Int = 0
    public var voice: [VoiceSample] = []
    public var sessions: [SessionRecord] = []
    public var isolation: [Setting] = []
    public var socialContact: [Setting] = []
    /// Seconds between the assistant's turn and the person's answer, most recent last.
    public var replyLatenciesSec: [Double] = []
    public var shortAnswerStreak: Int = 0
    public var pendingRiskyPlan: PendingPlan? = nil
    public var lastDisclosureMs: Int64? = nil
    public var lastAssistant: AssistantTurn? = nil
    /// The person's previous turn in this session, for implicit feedback.
    public var lastTurnMs: Int64? = nil
    /// What the current session has named so far (the dialogue state's topics).
    public var sessionTopics: [String] = []

    /// Decodes models written before a field existed with that field's default.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(person: try container.decode(String.self, forKey: .person))
        version = try container.decodeIfPresent(Int.self, forKey: .version) ?? version
        preferences = try container.decodeIfPresent([String: Setting].self, forKey: .preferences) ?? preferences
        bans = try container.decodeIfPresent([Ban].self, forKey: .bans) ?? bans
        noAsk = try container.decodeIfPresent([Setting].self, forKey: .noAsk) ?? noAsk
        reducedIntensity = try container.decodeIfPresent(Setting.self, forKey: .reducedIntensity)
        maxWords = try container.decodeIfPresent(Int.self, forKey: .maxWords)
        paceBias = try container.decodeIfPresent(Int.self, forKey: .paceBias) ?? paceBias
        voice = try container.decodeIfPresent([VoiceSample].self, forKey: .voice) ?? voice
        sessions = try container.decodeIfPresent([SessionRecord].self, forKey: .sessions) ?? sessions
        isolation = try container.decodeIfPresent([Setting].self, forKey: .isolation) ?? isolation
        socialContact = try container.decodeIfPresent([Setting].self, forKey: .socialContact) ?? socialContact
        replyLatenciesSec = try container.decodeIfPresent([Double].self, forKey: .replyLatenciesSec) ?? replyLatenciesSec
        shortAnswerStreak = try container.decodeIfPresent(Int.self, forKey: .shortAnswerStreak) ?? shortAnswerStreak
        pendingRiskyPlan = try container.decodeIfPresent(PendingPlan.self, forKey: .pendingRiskyPlan)
        lastDisclosureMs = try container.decodeIfPresent(Int64.self, forKey: .lastDisclosureMs)
        lastAssistant = try container.decodeIfPresent(AssistantTurn.self, forKey: .lastAssistant)
        lastTurnMs = try container.decodeIfPresent(Int64.self, forKey: .lastTurnMs)
        sessionTopics = try container.decodeIfPresent([String].self, forKey: .sessionTopics) ?? sessionTopics
    }

    mutating func note(topics: [String]) {
        for topic in topics where !sessionTopics.contains(where: { $0.lowercased() == topic.lowercased() }) {
            sessionTopics.append(topic)
        }
        if sessionTopics.count > Self.cueLimit { sessionTopics.removeFirst(sessionTopics.count - Self.cueLimit) }
    }

    public init(person: String) { self.person = person }

    /// Something the person said that set a value, with when.
    public struct Setting: Codable, Sendable, Equatable {
        /// What was set: a topic, a preference, a cue's words.
        public var value: String
        /// The person's words that set it.
        public var phrase: String
        public var timeMs: Int64
        public var session: String

        /// Whether a host set it (`RapportEngine.set`, "set by the host") rather than the person's words.
        public var setByHost: Bool { phrase.hasPrefix("set by ") }
    }

    public struct Ban: Codable, Sendable, Equatable {
        public var topic: String
        public var keywords: [String]
        /// "until_lifted" | "session" | "until".
        public var scope: String
        public var session: String
        public var endMs: Int64?
        public var phrase: String
        public var timeMs: Int64

        /// Whether the ban holds at `atMs` in `session`.
        func holds(atMs: Int64, session current: String) -> Bool {
            switch scope {
            case "session": session == current
            case "until": atMs < (endMs ?? .max)
            default: true
            }
        }
    }

    public struct VoiceSample: Codable, Sendable, Equatable {
        public var session: String
        public var timeMs: Int64
        public var f0MeanHz: Double?
        public var f0RangeSemitones: Double?
        public var speechRateSylPerSec: Double?
        public var loudnessDb: Double?
        public var pauseBeforeMs: Double?
    }

    public struct SessionRecord: Codable, Sendable, Equatable {
        public var id: String
        public var startMs: Int64
        public var lastMs: Int64
        public var turns: Int
        /// Lengths of the person's turns in words, for "short answers".
        public var words: Int

        public var minutes: Double { Double(lastMs - startMs) / 60_000 }
    }

    public struct PendingPlan: Codable, Sendable, Equatable {
        public var domain: String
        public var risk: String
        public var saferOption: String
        public var phrase: String
        public var timeMs: Int64
        public var session: String
    }

    public struct AssistantTurn: Codable, Sendable, Equatable {
        public var text: String
        public var timeMs: Int64
        public var session: String
        /// Topics the assistant's turn raised (memory's entities and the question's subject).
        public var topics: [String]
    }

    /// The session the person is in, when they have had one.
    public var currentSession: SessionRecord? { sessions.last }

    mutating func append(voice sample: VoiceSample) {
        voice.append(sample)
        if voice.count > Self.voiceSampleLimit { voice.removeFirst(voice.count - Self.voiceSampleLimit) }
    }

    mutating func append(cue: Setting, to keyPath: WritableKeyPath<UserModel, [Setting]>) {
        self[keyPath: keyPath].append(cue)
        if self[keyPath: keyPath].count > Self.cueLimit { self[keyPath: keyPath].removeFirst() }
    }

    mutating func append(latencySec: Double) {
        replyLatenciesSec.append(latencySec)
        if replyLatenciesSec.count > Self.cueLimit { replyLatenciesSec.removeFirst() }
    }
}
