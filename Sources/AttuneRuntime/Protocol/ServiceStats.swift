/// The answer to `stats`: per-stage latency, the audio path, and memory in use against the budget.
public struct ServiceStats: Codable, Equatable, Sendable {
    public var type = "stats"
    public var uptimeSec: Double
    public var clients: Int
    public var stages: [StageSummary]
    public var audio: AudioStats
    public var memory: MemoryUse
    public var id: String?

    public struct AudioStats: Codable, Equatable, Sendable {
        /// "none", "host" (pushed with `audio`), or the device or file captured.
        public var source: String
        /// Seconds of audio the turn detector has heard.
        public var seconds: Double
        /// Capture overruns (ALSA xruns) so far.
        public var xruns: Int
    }

    public struct MemoryUse: Codable, Equatable, Sendable {
        public var budgetBytes: Int
        /// What is charged to the budget (process baseline, models, buffers).
        public var chargedBytes: Int
        /// The process's resident size now, from /proc/self/statm.
        public var residentBytes: Int?
        /// Memories (turns) in the store's index.
        public var memories: Int?
        public var consumers: [Consumer]
    }

    public struct Consumer: Codable, Equatable, Sendable {
        public var name: String
        public var bytes: Int
    }
}

/// One stage's latency on the wire (`stats`): runs so far, median, 99th percentile and maximum in ms.
public struct StageSummary: Codable, Equatable, Sendable {
    public var stage: String
    public var count: Int
    public var p50Ms: Double
    public var p99Ms: Double
    public var maxMs: Double

    public init(stage: String, count: Int, p50Ms: Double, p99Ms: Double, maxMs: Double) {
        self.stage = stage
        self.count = count
        self.p50Ms = p50Ms
        self.p99Ms = p99Ms
        self.maxMs = maxMs
    }
}
