import AttuneAudio
import AttuneTurn

/// One Wyoming connection: its audio stream (converted to 16 kHz mono and run through a turn
/// detector of its own) and its transcripts (through the shared pipeline to the rapport context).
///
/// - `describe` → `info`; `ping` → `pong`.
/// - `audio-start` / `audio-chunk` / `audio-stop` (any rate, 16- or 32-bit, any channels) →
///   `voice-started` when the person starts speaking and `voice-stopped` at Attune's end-of-turn
///   decision, each with the stream time of the speech's start or end in ms (`timestamp`).
/// - `transcript` → `handled`: `text` is the rapport context's prompt block, `context` the context.
/// - Unknown event types and extra keys are ignored, as the reference does.
final class WyomingSession {
    private let pipeline: Pipeline
    private let name: String
    private var stream: Stream?

    /// One audio stream between `audio-start` and `audio-stop`.
    private final class Stream {
        let rate: Int, width: Int, channels: Int
        let detector: TurnDetector
        let converter: FormatConverter
        var output: [Float]
        let chargeName: String
        init(rate: Int, width: Int, channels: Int, detector: TurnDetector, converter: FormatConverter, chargeName: String) {
            self.rate = rate
            self.width = width
            self.channels = channels
            self.detector = detector
            self.converter = converter
            self.chargeName = chargeName
            output = [Float](repeating: 0, count: converter.maximumOutputPerCall)
        }
    }

    /// Frames converted per call.
    static let blockFrames = 4096

    init(pipeline: Pipeline, name: String) {
        self.pipeline = pipeline
        self.name = name
    }

    deinit { endStream() }

    /// The events to send back, and the pipeline's output for the line-protocol hosts (a hand-off).
    func handle(_ event: WyomingEvent) -> (replies: [[UInt8]], output: Pipeline.Output) {
        switch event.type {
        case "describe":
            return ([WyomingEvent.encode(type: "info", data: WyomingInfo())], .init())
        case "ping":
            return ([WyomingEvent.encode(type: "pong", data: Text(text: event.data["text"]?.string))], .init())
        case "audio-start":
            endStream()
            do throws(ProtocolError) {
                try startStream(event.data)
                return ([], .init())
            } catch {
                return ([Self.error(error.message, code: error.code.rawValue)], .init())
            }
        case "audio-chunk":
            do throws(ProtocolError) {
                return (try chunk(event), .init())
            } catch {
                return ([Self.error(error.message, code: error.code.rawValue)], .init())
            }
        case "audio-stop":
            let replies = finishStream()
            return (replies, .init())
        case "transcript":
            guard let text = event.data["text"]?.string else {
                return ([Self.error("a transcript needs \"text\"", code: ProtocolError.Code.badField.rawValue)], .init())
            }
            do throws(ProtocolError) {
                let output = try pipeline.handle(.transcript(.init(text: text)), voice: false)
                var replies: [[UInt8]] = []
                for reply in output.replies {
                    switch reply {
                    case .context(let answer):
                        replies.append(WyomingEvent.encode(type: "handled", data: Handled(text: answer.prompt, context: answer.context)))
                    case .noted:
                        replies.append(WyomingEvent.encode(type: "handled", data: Text(text: nil)))
                    default:
                        break
                    }
                }
                return (replies, Pipeline.Output(events: output.events))
            } catch {
                return ([WyomingEvent.encode(type: "not-handled", data: Text(text: error.message))], .init())
            }
        default:
            return ([], .init())
        }
    }

    private struct Text: Codable { var text: String? }
    private struct Handled<Context: Codable>: Codable { var text: String; var context: Context }
    private struct Timestamp: Codable { var timestamp: Int }
    private struct ErrorData: Codable { var text: String; var code: String? }

    static func error(_ text: String, code: String?) -> [UInt8] {
        WyomingEvent.encode(type: "error", data: ErrorData(text: text, code: code))
    }

    private func startStream(_ data: [String: JSONValue]) throws(ProtocolError) {
        guard let rate = data["rate"]?.integer, (8_000...192_000).contains(rate) else {
            throw ProtocolError(.badField, "audio needs \"rate\" from 8000 to 192000 Hz", field: "rate")
        }
        guard let width = data["width"]?.integer, width == 2 || width == 4 else {
            throw ProtocolError(.badField, "audio \"width\" must be 2 (16-bit) or 4 (32-bit) bytes", field: "width")
        }
        guard let channels = data["channels"]?.integer, (1...8).contains(channels) else {
            throw ProtocolError(.badField, "audio needs \"channels\" from 1 to 8", field: "channels")
        }
        let converter: FormatConverter
        do {
            converter = try FormatConverter(encoding: width == 2 ? .signed16 : .signed32, channelCount: channels, inputRateHz: rate,
                                            maximumFrames: Self.blockFrames)
        } catch {
            throw ProtocolError(.badField, "cannot convert \(rate) Hz audio: \(error)", field: "rate")
        }
        let chargeName = "Wyoming audio stream (\(name))"
        do {
            try pipeline.budget.charge(chargeName, bytes: converter.byteCount + CommandResources.prosodyAnalyzerBytes)
        } catch {
            throw ProtocolError(.failed, error.description)
        }
        stream = Stream(rate: rate, width: width, channels: channels, detector: pipeline.makeTurnDetector(), converter: converter,
                        chargeName: chargeName)
    }

    private func chunk(_ event: WyomingEvent) throws(ProtocolError) -> [[UInt8]] {
        let rate = event.data["rate"]?.integer, width = event.data["width"]?.integer, channels = event.data["channels"]?.integer
        if let stream, rate != nil, (rate != stream.rate || width != stream.width || channels != stream.channels) {
            // A chunk in another format starts a new stream, as if audio-start had come.
            endStream()
        }
        if stream == nil { try startStream(event.data) }
        guard let stream, let payload = event.payload, !payload.isEmpty else { return [] }
        let frameBytes = stream.width * stream.channels
        guard payload.count % frameBytes == 0 else {
            throw ProtocolError(.badField, "an audio chunk of \(payload.count) bytes is not whole \(frameBytes)-byte frames", field: "payload")
        }
        var replies: [[UInt8]] = []
        let frames = payload.count / frameBytes
        var done = 0
        while done < frames {
            let count = min(Self.blockFrames, frames - done)
            let produced = payload.withUnsafeBytes { raw in
                stream.output.withUnsafeMutableBufferPointer { out in
                    stream.converter.convert(raw.baseAddress! + done * frameBytes, frameCount: count, into: out)
                }
            }
            replies += voiceEvents(stream.output.withUnsafeBufferPointer { pipeline.process(audio: UnsafeBufferPointer(rebasing: $0[0..<produced]), with: stream.detector) })
            done += count
        }
        return replies
    }

    private func finishStream() -> [[UInt8]] {
        guard let stream else { return [] }
        let produced = stream.output.withUnsafeMutableBufferPointer { stream.converter.finish(into: $0) }
        var events = stream.output.withUnsafeBufferPointer { pipeline.process(audio: UnsafeBufferPointer(rebasing: $0[0..<produced]), with: stream.detector) }
        stream.detector.finish { events.append($0) }
        endStream()
        return voiceEvents(events)
    }

    private func endStream() {
        if let stream { pipeline.budget.release(stream.chargeName) }
        stream = nil
    }

    private func voiceEvents(_ events: [TurnEvent]) -> [[UInt8]] {
        events.compactMap { event in
            switch event {
            case let .speechStart(_, start):
                WyomingEvent.encode(type: "voice-started", data: Timestamp(timestamp: Int((start * 1000).rounded())))
            case let .endOfTurn(_, end, _, _, _, _):
                WyomingEvent.encode(type: "voice-stopped", data: Timestamp(timestamp: Int((end * 1000).rounded())))
            default:
                nil
            }
        }
    }
}
