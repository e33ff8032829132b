/// One turn as the rapport engine takes it: `attune context` reads these as JSON lines, and the
/// service builds them from transcripts and the voice it measured.
/// `{"time":…,"speaker":"user"|"assistant"|name,"text":…,"session":…,"prosody":{…}}`
public struct RapportTurn: Codable, Sendable, Equatable {
    /// RFC 3339 time of the turn (an offset or `Z` is required).
    public var time: String
    /// "assistant" for the assistant's own turns; any other name is a person ("user", "sam").
    public var speaker: String
    public var text: String
    /// The host's session name; without it Attune opens a new session after the configured gap.
    public var session: String?
    /// What the voice did on this turn, when there was voice.
    public var prosody: TurnProsody?

    public init(time: String, speaker: String, text: String, session: String? = nil, prosody: TurnProsody? = nil) {
        self.time = time
        self.speaker = speaker
        self.text = text
        self.session = session
        self.prosody = prosody
    }

    public var isAssistant: Bool { speaker.lowercased() == "assistant" }
}

/// Per-utterance voice summary (the same quantities `attune analyze` and the service measure).
public struct TurnProsody: Codable, Sendable, Equatable {
    public var f0MeanHz: Double?
    public var f0RangeSemitones: Double?
    public var speechRateSylPerSec: Double?
    public var loudnessDb: Double?
    public var pauseBeforeMs: Double?

    public init(f0MeanHz: Double? = nil, f0RangeSemitones: Double? = nil, speechRateSylPerSec: Double? = nil, loudnessDb: Double? = nil,
                pauseBeforeMs: Double? = nil) {
        self.f0MeanHz = f0MeanHz
        self.f0RangeSemitones = f0RangeSemitones
        self.speechRateSylPerSec = speechRateSylPerSec
        self.loudnessDb = loudnessDb
        self.pauseBeforeMs = pauseBeforeMs
    }
}
