import AttuneAudio
import AttuneMemory
import AttuneRapport
import AttuneStore
import AttuneTurn
import Foundation

/// The one pipeline of the service: audio (a device, a file, or chunks a host pushes) → prosody →
/// VAD and end of turn → turn events; and text (the host's transcripts, the assistant's turns) →
/// the rapport engine (memory, affect, guidance, guardrails) → the rapport context. It owns the turn
/// detector and the rapport engine, times every stage, and reports memory in use against the budget.
/// It is not thread-safe: one thread (the service's loop) calls it.
public final class Pipeline {
    /// What handling one message produced: answers for the host that sent it, and events for every host.
    public struct Output: Equatable, Sendable {
        public var replies: [ServiceMessage] = []
        public var events: [ServiceMessage] = []
        public init(replies: [ServiceMessage] = [], events: [ServiceMessage] = []) {
            self.replies = replies
            self.events = events
        }
    }

    /// The speaker of a transcript that names none.
    public static let defaultSpeaker = "user"
    /// Results of a `recall` that gives no `limit`.
    public static let defaultRecallLimit = 5
    /// The longest chunk of pushed audio one message may carry: 10 s (the line limit allows ~24 s).
    public static let maximumPushedSamples = 10 * CanonicalAudio.sampleRateHz

    public let budget: MemoryBudget
    public let rapport: RapportEngine?
    public var memory: MemoryEngine? { rapport?.memory }
    /// Embeds the turns waiting behind the one being handled on a second thread (nil: every turn
    /// is embedded on the caller's thread as it is handled).
    public let vectorWorker: SentenceVectorWorker?
    /// The most turns embedded ahead of their handling at once.
    public static let preparedVectorLimit = SentenceVectorWorker.aheadLimit
    /// What the `stats` message names as the audio source ("none", "host", a device or file).
    public var audioSourceName = "none"
    /// The voice the last final transcript took (nil when it took none), as the rapport engine got it.
    public private(set) var lastTurnProsody: TurnProsody?
    /// Capture overruns so far (set by whoever owns the device).
    public var xruns: () -> Int = { 0 }

    let detector: TurnDetector
    private let voice = UtteranceVoice()
    let turnModels: CommandResources.TurnModels
    var latencies = StageLatencies()
    private let started = ContinuousClock.now
    private let nowMs: () -> Int64
    private let renderer = ContextPromptRenderer()
    private var pushedSamples: [Float]
    /// Adjustments a host's `set` made, by person key, for that person's next context.
    private var hostAdjustments: [String: [ContextAdjustment]] = [:]
    var finished = false

    /// Charges the detector's state and the latency histograms to `budget` (the models and the
    /// memory engine were charged when they were loaded).
    /// - Parameters:
    ///   - rapport: nil serves turn-taking only (no store is open).
    ///   - nowMs: the wall clock, in ms since 1970, for messages that carry no time.
    ///   - vectorWorker: a second thread's embedder for the turns waiting (`prepareVectors(for:)`).
    public init(rapport: RapportEngine?, turnModels: CommandResources.TurnModels, budget: MemoryBudget,
                vectorWorker: SentenceVectorWorker? = nil, nowMs: @escaping () -> Int64 = Pipeline.wallClockMs) throws {
        try Self.chargeOwnState(to: budget)
        if let vectorWorker {
            try budget.charge("second sentence embedder scratch", bytes: vectorWorker.scratchBytes)
            try budget.charge("turn vectors made ahead", bytes: Self.preparedVectorLimit * vectorWorker.dimension * MemoryLayout<Float>.size)
        }
        self.vectorWorker = vectorWorker
        self.rapport = rapport
        self.budget = budget
        self.nowMs = nowMs
        self.turnModels = turnModels
        detector = TurnDetector(vadWeights: turnModels.vadWeights, model: turnModels.endOfTurn)
        pushedSamples = [Float](repeating: 0, count: Self.maximumPushedSamples)
    }

    /// What every pipeline holds whatever it serves, charged when it is made (and by `attune doctor`
    /// for the commands that run on it).
    public static func chargeOwnState(to budget: MemoryBudget) throws {
        try budget.charge("prosody analyser", bytes: CommandResources.prosodyAnalyzerBytes)
        try budget.charge("stage latency histograms", bytes: StageLatencies.byteCount)
        try budget.charge("pushed audio chunk", bytes: maximumPushedSamples * MemoryLayout<Float>.size)
        try budget.charge("utterance voice analyser", bytes: UtteranceVoice.byteCount)
    }

    public static func wallClockMs() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded()) }

    /// Carries out one message of the pipeline's (`hello` and `shutdown` belong to the connection
    /// and the service, and produce nothing here).
    /// - Parameter voice: whether a final transcript takes the voice of the last utterance heard on
    ///   the pipeline's own audio (false for a transcript of another stream, a Wyoming peer's).
    public func handle(_ message: HostMessage, voice useVoice: Bool = true) throws(ProtocolError) -> Output {
        switch message {
        case .transcript(let transcript):
            detector.setTranscript(transcript.text)
            guard transcript.isFinal else { return Output() }
            let speaker = transcript.speaker ?? Self.defaultSpeaker
            // The voice heard for this turn goes with its words (never with the assistant's own).
            let prosody = speaker.lowercased() == "assistant" || !useVoice ? nil : voice.take()
            lastTurnProsody = prosody
            let turn = RapportTurn(time: transcript.time ?? RFC3339Time.format(nowMs()), speaker: speaker,
                                   text: transcript.text, session: transcript.session, prosody: prosody)
            let engine = try openRapport()
            let vector = vectorWorker?.take(transcript.text)
            let context = try timed(.context) { try engine.observe(turn, vector: vector) }
            guard var context else {
                // A speaker named "assistant" is the assistant's own turn: kept, with no context.
                return Output(replies: [.noted(.init(time: turn.time, id: transcript.id))])
            }
            if let set = hostAdjustments.removeValue(forKey: speaker.lowercased()) {
                context.adjustments = set + context.adjustments
            }
            var output = Output(replies: [.context(.init(context: context, prompt: renderer.render(context), id: transcript.id))])
            if context.flags.handoff.raised {
                output.events.append(.handoff(.init(time: context.time, speaker: context.speaker, session: context.session,
                                                    handoff: context.flags.handoff)))
            }
            return output
        case .assistantTurn(let said):
            let turn = RapportTurn(time: said.time ?? RFC3339Time.format(nowMs()), speaker: "assistant", text: said.text, session: said.session)
            let engine = try openRapport()
            let vector = vectorWorker?.take(said.text)
            _ = try timed(.assistantTurn) { try engine.observe(turn, vector: vector) }
            return Output(replies: [.noted(.init(time: turn.time, id: said.id))])
        case .playbackStart:
            detector.setAssistantSpeaking(true)
            return Output()
        case .playbackStop:
            detector.setAssistantSpeaking(false)
            return Output()
        case .audio(let audio):
            let count = try decodeSamples(audio)
            if audioSourceName == "none" { audioSourceName = "host" }
            return Output(events: pushedSamples.withUnsafeBufferPointer { process(audio: UnsafeBufferPointer(rebasing: $0[0..<count])) })
        case .recall(let recall):
            let engine = try openMemory()
            let answer = try timed(.recall) {
                try engine.recall(recall.query, atMs: time(recall.time), speaker: recall.speaker ?? Self.defaultSpeaker,
                                  limit: recall.limit ?? Self.defaultRecallLimit)
            }
            return Output(replies: [.recall(.init(answer: answer, id: recall.id))])
        case .followups(let followups):
            let engine = try openMemory()
            let answer = try timed(.followups) { try engine.followups(atMs: time(followups.time)) }
            return Output(replies: [.followups(.init(answer: answer, id: followups.id))])
        case .forget(let forget):
            let engine = try openMemory()
            let text = forget.text.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
            let forgot = try timed(.forget) { try engine.forget(ids: forget.ids ?? [], matching: text) }
            return Output(replies: [.forgotten(.init(forgot: forgot, id: forget.id))])
        case .set(let request):
            let engine = try openRapport()
            let speaker = request.speaker ?? Self.defaultSpeaker
            let settings = RapportEngine.Settings(
                intensity: request.intensity.flatMap(RapportEngine.Settings.Intensity.init(rawValue:)),
                preferences: Dictionary(uniqueKeysWithValues: (request.preferences ?? [:]).compactMap { key, on in
                    UtteranceReading.PreferenceChange.Preference(rawValue: key).map { ($0, on) }
                }))
            let adjustments: [ContextAdjustment]
            do {
                adjustments = try engine.set(speaker: speaker, settings, atMs: nowMs())
            } catch let refused as RapportSettingError {
                throw ProtocolError(.badField, refused.reason)
            } catch {
                throw ProtocolError(.failed, "set failed: \(error)")
            }
            note(hostAdjustments: adjustments, for: speaker.lowercased())
            return Output(replies: [.set(.init(speaker: speaker, adjustments: adjustments, id: request.id))])
        case .stats(let request):
            return Output(replies: [.stats(stats(clients: 1, id: request.id))])
        case .hello, .shutdown:
            return Output()
        }
    }

    /// Hands the turns among `upcoming` (the messages about to be handled, in order, the first
    /// handled next) to the vector worker, which embeds them on its thread while this one handles
    /// the turns before them; `handle` takes each vector when it comes to its turn. The first
    /// message's own turn is left to this thread unless the worker already has it. Does nothing
    /// without a worker.
    public func prepareVectors(for upcoming: some Sequence<HostMessage>) {
        guard let vectorWorker, memory != nil else { return }
        var next: String?
        var later: [String] = []
        for (position, message) in upcoming.enumerated() {
            guard let text = message.storedTurnText else { continue }
            if position == 0 { next = text; continue }
            guard text != next, !later.contains(text) else { continue }
            later.append(text)
            if later.count == Self.preparedVectorLimit { break }
        }
        vectorWorker.embedAhead(later, next: next)
    }

    /// Whether the turn detector hears only silence, with no turn open (`TurnDetector.hearsOnlySilence`).
    public var hearsOnlySilence: Bool { detector.hearsOnlySilence }

    /// Runs audio (16 kHz mono, [-1, 1]) through the turn detector; returns the events it decided.
    public func process(audio samples: UnsafeBufferPointer<Float>) -> [ServiceMessage] {
        detect(samples).map { .turnEvent(TurnEventMessage($0)) }
    }

    /// The turn events decided on `samples`, timed as the `turns` stage. The utterance's voice is
    /// measured only when there is a rapport engine to hand it to.
    func detect(_ samples: UnsafeBufferPointer<Float>) -> [TurnEvent] {
        var decided: [TurnEvent] = []
        let start = ContinuousClock.now
        detector.process(samples) { decided.append($0) }
        if rapport != nil { voice.hear(samples, events: decided) }
        latencies.record(.turns, microseconds: Self.microseconds(since: start))
        return decided
    }

    /// A turn detector of its own for another audio stream (a Wyoming connection), over the same
    /// loaded models; the caller charges its state to the budget.
    public func makeTurnDetector() -> TurnDetector {
        TurnDetector(vadWeights: turnModels.vadWeights, model: turnModels.endOfTurn)
    }

    /// Runs another stream's audio through its detector, timed as the `turns` stage.
    public func process(audio samples: UnsafeBufferPointer<Float>, with streamDetector: TurnDetector) -> [TurnEvent] {
        var events: [TurnEvent] = []
        let start = ContinuousClock.now
        streamDetector.process(samples) { events.append($0) }
        latencies.record(.turns, microseconds: Self.microseconds(since: start))
        return events
    }

    /// Ends the audio: a turn still open ends with an `end_of_turn` marked `endOfInput`. Later calls
    /// return nothing.
    public func finishAudio() -> [ServiceMessage] {
        guard !finished else { return [] }
        finished = true
        var decided: [TurnEvent] = []
        detector.finish { decided.append($0) }
        if rapport != nil { voice.hear(UnsafeBufferPointer(start: nil, count: 0), events: decided) }
        return decided.map { .turnEvent(TurnEventMessage($0)) }
    }

    /// Whether the turn detector keeps the features of every 10 ms step of a pause it judges (off
    /// unless asked for): for `PipelineProfiler` to time the end-of-turn model on exactly those, and
    /// for `attune turns --features` (`tools/turn/fit_end_of_turn.py`).
    public var recordsTurnFeatures: Bool {
        get { detector.recordFeatures }
        set { detector.recordFeatures = newValue }
    }

    /// The features kept while `recordsTurnFeatures` is on, oldest first.
    public var turnFeatureLog: [(t: Double, speechEndT: Double, pauseMs: Double, features: [Double])] { detector.featureLog }

    /// Seconds of audio heard so far.
    public var audioSeconds: Double { detector.inputTimeSec }

    public func stats(clients: Int, id: String?) -> ServiceStats {
        ServiceStats(
            uptimeSec: (Double(Self.microseconds(since: started)) / 1000).rounded() / 1000,
            clients: clients,
            stages: latencies.summaries,
            audio: .init(source: audioSourceName, seconds: (audioSeconds * 1000).rounded() / 1000, xruns: xruns()),
            memory: .init(budgetBytes: budget.limit.bytes, chargedBytes: budget.used.bytes, residentBytes: Self.residentBytes(),
                          memories: memory?.indexedCount, consumers: budget.consumers.map { .init(name: $0.name, bytes: $0.bytes.bytes) }),
            id: id)
    }

    // MARK: - Stages

    /// Keeps a `set`'s adjustments for the person's next context, bounded: the latest
    /// `hostAdjustmentLimit` per person, and as many people as `hostAdjustmentPeople` (a host setting
    /// for people who never speak does not grow the service).
    private func note(hostAdjustments adjustments: [ContextAdjustment], for person: String) {
        if hostAdjustments[person] == nil, hostAdjustments.count >= Self.hostAdjustmentPeople, let any = hostAdjustments.keys.first {
            hostAdjustments[any] = nil
        }
        hostAdjustments[person, default: []] += adjustments
        hostAdjustments[person] = Array(hostAdjustments[person]!.suffix(Self.hostAdjustmentLimit))
    }

    static let hostAdjustmentLimit = 8
    static let hostAdjustmentPeople = 64

    private func openRapport() throws(ProtocolError) -> RapportEngine {
        guard let rapport else {
            throw ProtocolError(.failed, "no memory store is open (attune serve was started with --no-memory)")
        }
        return rapport
    }

    private func openMemory() throws(ProtocolError) -> MemoryEngine {
        guard let memory else {
            throw ProtocolError(.failed, "no memory store is open (attune serve was started with --no-memory)")
        }
        return memory
    }

    private func timed<T>(_ stage: StageLatencies.Stage, _ body: () throws -> T) throws(ProtocolError) -> T {
        let start = ContinuousClock.now
        do {
            let value = try body()
            latencies.record(stage, microseconds: Self.microseconds(since: start))
            return value
        } catch let error as ProtocolError {
            throw error
        } catch {
            throw ProtocolError(.failed, "\(stage.rawValue) failed: \(error)")
        }
    }

    private func time(_ text: String?) -> Int64 {
        text.flatMap(RFC3339Time.parse) ?? nowMs()
    }

    /// Decodes base64 S16_LE into `pushedSamples`; returns the sample count.
    private func decodeSamples(_ audio: HostMessage.Audio) throws(ProtocolError) -> Int {
        guard let bytes = Data(base64Encoded: audio.data) else {
            throw ProtocolError(.badField, "\"data\" is not base64 (RFC 4648, with padding)", field: "data")
        }
        guard bytes.count % 2 == 0 else {
            throw ProtocolError(.badField, "\"data\" holds \(bytes.count) bytes, not whole 16-bit samples", field: "data")
        }
        let count = bytes.count / 2
        guard count <= Self.maximumPushedSamples else {
            throw ProtocolError(.badField, "\"data\" holds \(count) samples; send at most \(Self.maximumPushedSamples) (10 s) per message", field: "data")
        }
        bytes.withUnsafeBytes { raw in
            for index in 0..<count {
                let sample = Int16(bitPattern: UInt16(raw[2 * index]) | UInt16(raw[2 * index + 1]) << 8)
                pushedSamples[index] = Float(sample) / 32768
            }
        }
        return count
    }

    static func microseconds(since start: ContinuousClock.Instant) -> UInt64 {
        let elapsed = start.duration(to: .now).components
        return UInt64(max(0, elapsed.seconds)) * 1_000_000 + UInt64(max(0, elapsed.attoseconds) / 1_000_000_000_000)
    }

    /// Resident set size from /proc/self/statm (second field, in pages).
    static func residentBytes() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

extension HostMessage {
    /// The text a message stores as a turn (and embeds): a final transcript's or the assistant's.
    var storedTurnText: String? {
        switch self {
        case .transcript(let transcript): return transcript.isFinal ? transcript.text : nil
        case .assistantTurn(let said): return said.text
        default: return nil
        }
    }
}
