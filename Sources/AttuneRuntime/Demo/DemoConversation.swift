import AttuneAudio
import AttuneRapport
import AttuneStore
import Foundation

/// A recording and its recogniser's transcript run through the pipeline as `attune serve` would run
/// them: the audio, 10 ms at a time, gives the turn events; each partial transcript reaches the turn
/// detector when its time comes; at each end of turn the words heard so far become that turn's final
/// transcript, which takes the voice of the utterance just heard and is answered with its context.
public struct DemoConversation {
    /// One moment of the run, at `t` seconds into the recording.
    public enum Entry: Equatable, Sendable {
        /// The final transcript the host sent at an end of turn, and the voice of the utterance the
        /// pipeline gave it (nil when none was heard).
        case said(t: Double, transcript: HostMessage.Transcript, voice: TurnProsody?)
        /// What Attune sent: a turn event, a hand-off, a context.
        case sent(t: Double, message: ServiceMessage)

        public var t: Double {
            switch self {
            case .said(let t, _, _), .sent(let t, _): t
            }
        }
    }

    public let pipeline: Pipeline
    public let transcript: DemoTranscript
    /// The wall-clock time of the recording's start, in ms since 1970 (the transcripts' times follow it).
    public let startMs: Int64

    public init(pipeline: Pipeline, transcript: DemoTranscript, startMs: Int64) {
        self.pipeline = pipeline
        self.transcript = transcript
        self.startMs = startMs
    }

    /// Runs the whole recording; returns every entry in the order it happened.
    public func run(_ source: any AudioSource) throws -> [Entry] {
        var entries: [Entry] = []
        var next = 0
        var heard = ""
        var chunk = [Float](repeating: 0, count: CanonicalAudio.samplesPer10Ms)
        func take(_ events: [ServiceMessage]) throws {
            for event in events {
                let t = pipeline.audioSeconds
                entries.append(.sent(t: t, message: event))
                guard case .turnEvent(let turn) = event, turn.type == "end_of_turn",
                      !heard.allSatisfy(\.isWhitespace) else { continue }
                let said = HostMessage.Transcript(text: heard, final: true,
                                                  time: RFC3339Time.format(startMs + Int64((turn.t * 1000).rounded())))
                heard = ""
                let output = try pipeline.handle(.transcript(said))
                entries.append(.said(t: t, transcript: said, voice: pipeline.lastTurnProsody))
                for message in output.events + output.replies { entries.append(.sent(t: t, message: message)) }
            }
        }
        while true {
            let count = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0) }
            if count == 0 { break }
            while next < transcript.partials.count, transcript.partials[next].t <= pipeline.audioSeconds {
                let partial = transcript.partials[next]
                _ = try pipeline.handle(.transcript(.init(text: partial.text, final: false)))
                if !partial.text.allSatisfy(\.isWhitespace) { heard = partial.text }
                next += 1
            }
            try take(chunk.withUnsafeBufferPointer { pipeline.process(audio: UnsafeBufferPointer(rebasing: $0[0..<count])) })
        }
        try take(pipeline.finishAudio())
        return entries
    }
}

extension DemoConversation {
    /// Runs `recording` (a WAV) with `transcriptPath` (JSON lines) through a pipeline with every model
    /// loaded, over a throw-away encrypted store erased afterwards (also when the run fails).
    public static func run(recording: String, transcriptPath: String, configuration: AttuneConfiguration,
                           startMs: Int64) throws -> [Entry] {
        guard let data = FileManager.default.contents(atPath: transcriptPath) else {
            throw DemoTranscriptError(path: transcriptPath, line: 0, reason: "cannot be read (give a JSON lines file of {\"t\": seconds, \"text\": \"…\"})")
        }
        let transcript = try DemoTranscript(jsonLines: data, path: transcriptPath)
        let budget = MemoryBudget(limit: configuration.memoryBudget)
        let source = try AudioInput.wavFile(path: recording).open(configuration: configuration, budget: budget)
        let turnModels = try CommandResources.loadTurnModels(budget: budget)
        let scratch = try ThrowawayStore()
        do {
            let memory = try CommandResources.openMemory(store: scratch.store, timeZone: configuration.timeZone, budget: budget)
            let rapport = try RapportEngine(memory: memory, affect: try CommandResources.loadTextAffect(),
                                            configuration: configuration.resolvedRapport)
            let pipeline = try Pipeline(rapport: rapport, turnModels: turnModels, budget: budget, nowMs: { startMs })
            pipeline.audioSourceName = recording
            let entries = try DemoConversation(pipeline: pipeline, transcript: transcript, startMs: startMs).run(source)
            try scratch.erase()
            return entries
        } catch {
            try? scratch.erase()
            throw error
        }
    }
}

extension DemoConversation.Entry {
    /// `attune demo --json`'s line: `{"t":…,"direction":"host"|"service","message":{…}}`, the message
    /// as it goes over the wire; a final transcript's line adds the `voice` the pipeline measured for it.
    public func encodedLine() -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        var bytes: [UInt8]
        do {
            switch self {
            case let .said(t, transcript, voice):
                bytes = Array(try encoder.encode(Line(t: t, direction: "host", message: HostTranscript(transcript), voice: voice)))
            case let .sent(t, message):
                bytes = Array(try encoder.encode(Line(t: t, direction: "service", message: message, voice: nil)))
            }
        } catch {
            preconditionFailure("a demo line did not encode: \(error)")
        }
        bytes.append(0x0A)
        return bytes
    }

    private struct Line<Message: Encodable>: Encodable {
        var t: Double
        var direction: String
        var message: Message
        /// The utterance's voice a final transcript took (not on the wire: the service measures it itself).
        var voice: TurnProsody?
    }

    /// A final transcript as the host writes it on the wire.
    private struct HostTranscript: Encodable {
        var type = "transcript"
        var text: String
        var final: Bool?
        var time: String?
        init(_ transcript: HostMessage.Transcript) {
            text = transcript.text
            final = transcript.final
            time = transcript.time
        }
    }
}
