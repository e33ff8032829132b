/// Everything `MemoryExtractor` reads from one utterance.
public struct UtteranceAnalysis: Sendable, Equatable, Codable {
    public var entities: [EntityMention]
    public var records: [ExtractedRecord]
    public var requests: [MemoryRequest]
    /// Greetings, thanks, weather chat, "lol ok": nothing worth a record.
    public var isSmallTalk: Bool

    public init(entities: [EntityMention] = [], records: [ExtractedRecord] = [], requests: [MemoryRequest] = [], isSmallTalk: Bool = false) {
        self.entities = entities
        self.records = records
        self.requests = requests
        self.isSmallTalk = isSmallTalk
    }
}
