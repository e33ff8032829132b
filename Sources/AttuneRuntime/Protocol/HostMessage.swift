/// A message from the host (the assistant's process) to Attune, one JSON object per line with a
/// `"type"`. Decoded by `HostMessageDecoder`; keys a message does not know are ignored, so a newer
/// host can add fields without breaking an older Attune. Requests may carry an `id` of the host's
/// choosing, which the answer repeats.
public enum HostMessage: Equatable, Sendable {
    case hello(Hello)
    case transcript(Transcript)
    case assistantTurn(AssistantTurn)
    case playbackStart
    case playbackStop
    case audio(Audio)
    case forget(Forget)
    case recall(Recall)
    case followups(Followups)
    case set(Settings)
    case stats(Request)
    case shutdown(Request)

    /// Every `type` a host may send, as written on the wire.
    public static let typeNames = ["hello", "transcript", "assistant_turn", "playback_start", "playback_stop", "audio",
                                   "forget", "recall", "followups", "set", "stats", "shutdown"]

    /// `{"type":"hello","versions":[1],"client":"my-assistant"}`: the versions the host speaks.
    /// Optional: a host that never says hello is spoken to in version 1.
    public struct Hello: Codable, Equatable, Sendable {
        public var versions: [Int]
        /// The host's name, for the log.
        public var client: String?
        public var id: String?
        public init(versions: [Int] = AttuneProtocol.supportedVersions, client: String? = nil, id: String? = nil) {
            self.versions = versions
            self.client = client
            self.id = id
        }
    }

    /// What the host's speech recogniser heard. A partial (`final: false`) only informs the turn
    /// detector's transcript cues; a final one is the person's turn: it goes into memory and is
    /// answered with `observed`.
    public struct Transcript: Codable, Equatable, Sendable {
        public var text: String
        /// Defaults to true.
        public var final: Bool?
        /// RFC 3339 time the words were said; default: when Attune reads the line.
        public var time: String?
        /// Who said it; default "user".
        public var speaker: String?
        public var session: String?
        public var id: String?
        public init(text: String, final: Bool? = nil, time: String? = nil, speaker: String? = nil, session: String? = nil, id: String? = nil) {
            self.text = text
            self.final = final
            self.time = time
            self.speaker = speaker
            self.session = session
            self.id = id
        }
        public var isFinal: Bool { final ?? true }
    }

    /// What the assistant said (kept in memory as the assistant's turn: its "I" is the assistant).
    public struct AssistantTurn: Codable, Equatable, Sendable {
        public var text: String
        public var time: String?
        public var session: String?
        public var id: String?
        public init(text: String, time: String? = nil, session: String? = nil, id: String? = nil) {
            self.text = text
            self.time = time
            self.session = session
            self.id = id
        }
    }

    /// Raw audio from a host that owns the microphone: base64 of S16_LE mono samples at 16 kHz.
    public struct Audio: Codable, Equatable, Sendable {
        public var data: String
        /// Must be 16000 when given (Attune's canonical rate).
        public var sampleRate: Int?
        public init(data: String, sampleRate: Int? = nil) {
            self.data = data
            self.sampleRate = sampleRate
        }
    }

    /// Removes turns from memory: those whose text contains `text`, and those with the given ids.
    public struct Forget: Codable, Equatable, Sendable {
        public var text: String?
        public var ids: [Int64]?
        public var id: String?
        public init(text: String? = nil, ids: [Int64]? = nil, id: String? = nil) {
            self.text = text
            self.ids = ids
            self.id = id
        }
    }

    /// Asks memory a question ("when is Karen's birthday?").
    public struct Recall: Codable, Equatable, Sendable {
        public var query: String
        /// 1 to 100; default 5.
        public var limit: Int?
        /// Whose memory: "I" and "my" in the query are this person; default "user".
        public var speaker: String?
        /// RFC 3339 "now" for the question; default: when Attune reads the line.
        public var time: String?
        public var id: String?
        public init(query: String, limit: Int? = nil, speaker: String? = nil, time: String? = nil, id: String? = nil) {
            self.query = query
            self.limit = limit
            self.speaker = speaker
            self.time = time
            self.id = id
        }
    }

    /// Asks which remembered events are due to be asked about.
    public struct Followups: Codable, Equatable, Sendable {
        public var time: String?
        public var id: String?
        public init(time: String? = nil, id: String? = nil) {
            self.time = time
            self.id = id
        }
    }

    /// Changes a person's settings as their own words would ("tone it down", "brief answers please"):
    /// `{"type":"set","speaker":"user","intensity":"reduced","preferences":{"brevity":true}}`.
    /// Answered with `set` (the adjustments made); the person's next `context` follows them and
    /// lists the same adjustments.
    public struct Settings: Codable, Equatable, Sendable {
        /// Whose settings; default "user".
        public var speaker: String?
        /// "reduced" or "normal".
        public var intensity: String?
        /// "brevity", "detail", "no_small_talk", "less_personal": true turns one on, false off.
        public var preferences: [String: Bool]?
        public var id: String?
        /// The values `intensity` takes (the rapport engine's `RapportEngine.Settings.Intensity`).
        public static let intensities = ["reduced", "normal"]
        /// The keys `preferences` takes (the rapport engine's `UtteranceReading.PreferenceChange.Preference`).
        public static let preferenceNames = ["brevity", "detail", "no_small_talk", "less_personal"]
        public init(speaker: String? = nil, intensity: String? = nil, preferences: [String: Bool]? = nil, id: String? = nil) {
            self.speaker = speaker
            self.intensity = intensity
            self.preferences = preferences
            self.id = id
        }
    }

    /// A request with nothing but its optional `id` (`stats`, `shutdown`).
    public struct Request: Codable, Equatable, Sendable {
        public var id: String?
        public init(id: String? = nil) { self.id = id }
    }

    /// The request id the answer repeats, if the message carried one.
    public var requestID: String? {
        switch self {
        case .hello(let m): m.id
        case .transcript(let m): m.id
        case .assistantTurn(let m): m.id
        case .forget(let m): m.id
        case .recall(let m): m.id
        case .followups(let m): m.id
        case .set(let m): m.id
        case .stats(let m), .shutdown(let m): m.id
        case .playbackStart, .playbackStop, .audio: nil
        }
    }
}
