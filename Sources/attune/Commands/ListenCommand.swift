import ArgumentParser
import AttuneAudio
import AttuneRuntime
import AttuneTurn
import Foundation
import Synchronization

struct ListenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "listen",
        abstract: "Listen live and report turn-taking events as they are decided.",
        discussion: """
            Captures from an ALSA device until Ctrl-C (or SIGTERM) and prints each event as one JSON line on \
            standard output (a readable line instead when standard output is a terminal): speech_start, pause, \
            end_of_turn (with p, cues, latencyMs and suggestedDelayMs), turn_resumed, barge_in, \
            backchannel_opportunity.

            The host talks back on standard input in the protocol of `attune serve` (docs/PROTOCOL.md), one \
            JSON object per line:
              {"type":"playback_start"}   the assistant started speaking (speech now is a barge-in)
              {"type":"playback_stop"}    it stopped
              {"type":"transcript","text":"I went to the market and"}   the recogniser's transcript
              {"type":"audio",…}, {"type":"stats"} as in the service; listen keeps no memory
            A line that does not parse is answered with {"type":"error","line":N,…} and otherwise ignored.

            Examples:
              attune listen --device default
              attune listen --device plughw:CARD=Device,DEV=0 | my-assistant
            """)

    @OptionGroup var capture: CaptureOptions
    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        guard capture.device != nil else { throw ValidationError("give the capture device with --device NAME (see `attune devices`)") }
    }

    func run() async throws {
        var configuration = try runtime.resolve()
        try capture.apply(to: &configuration)
        let budget = MemoryBudget(limit: configuration.memoryBudget)
        let models = try CommandResources.loadTurnModels(budget: budget)
        let device = try AudioInput.openCapture(device: configuration.device, configuration: configuration, budget: budget)
        // The service's pipeline without a store: audio → prosody → turns, and the host's lines.
        let pipeline = try Pipeline(rapport: nil, turnModels: models, budget: budget)
        pipeline.audioSourceName = AudioInput.device(name: configuration.device).description
        pipeline.xruns = { device.statistics.overruns }
        let interrupt = InterruptSignal()
        let readable = isatty(STDOUT_FILENO) == 1
        let output = StandardOutputWriter()
        let host = HostLines()
        host.startReading()
        let write: (ServiceMessage) -> Void = { message in
            if readable, case .turnEvent(let event) = message {
                output.write(TurnJSON.line(event) + "\n")
            } else {
                output.write(String(decoding: message.encodedLine(), as: UTF8.self))
            }
            output.flush()
        }
        var chunk = [Float](repeating: 0, count: CanonicalAudio.samplesPer10Ms)
        var failure: Error?
        var shutdown = false
        while !interrupt.isRaised && !shutdown {
            for received in host.drain() {
                switch received {
                case .message(.shutdown(let request)):
                    write(.goodbye(.init(reason: "shutdown requested", id: request.id)))
                    shutdown = true
                case .message(let message):
                    do {
                        let handled = try pipeline.handle(message.asTurnCueOnly)
                        for event in handled.events { write(event) }
                        for reply in handled.replies { write(reply) }
                    } catch {
                        write(.error(.init(error, line: nil)))
                    }
                case .error(let error):
                    // The host reads the error event; a person watching the log sees the same line.
                    FileHandle.standardError.write(Data("Error: line \(error.line ?? 0): \(error.message)\n".utf8))
                    write(.error(error))
                }
            }
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBufferPointer { try device.read(into: $0) }
            } catch {
                failure = error
                break
            }
            if count == 0 { break }
            for event in chunk.withUnsafeBufferPointer({ pipeline.process(audio: UnsafeBufferPointer(rebasing: $0[0..<count])) }) { write(event) }
        }
        device.stop()
        for event in pipeline.finishAudio() { write(event) }
        output.flush()
        if let failure { throw failure }
    }
}

/// Lines from the host on standard input, framed and decoded as the service's protocol on their own
/// thread, and handed to the audio loop.
final class HostLines: Sendable {
    enum Received: Sendable {
        case message(HostMessage)
        case error(ServiceMessage.ErrorReply)
    }

    private let queue = Mutex<[Received]>([])

    func startReading() {
        let thread = Thread { [self] in
            var framer = LineFramer()
            let decoder = HostMessageDecoder()
            var buffer = [UInt8](repeating: 0, count: 4096)
            func take(_ frame: LineFramer.Frame) {
                let received: Received?
                switch frame {
                case let .tooLong(number, limit):
                    received = .error(.init(ProtocolError(.lineTooLong, "line \(number) is longer than \(limit) bytes; it was skipped"), line: number))
                case let .line(number, bytes):
                    do throws(ProtocolError) {
                        received = try decoder.decode(bytes).map { .message($0) }
                    } catch {
                        received = .error(.init(error, line: number))
                    }
                }
                if let received { queue.withLock { $0.append(received) } }
            }
            while true {
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                if count <= 0 { break }
                framer.append(Array(buffer[0..<count])) { take($0) }
            }
            framer.finish { take($0) }
        }
        thread.start()
    }

    func drain() -> [Received] {
        queue.withLock { received in
            defer { received.removeAll() }
            return received
        }
    }
}

extension HostMessage {
    /// `listen` keeps no memory: a transcript, final or not, only feeds the end-of-turn cues.
    var asTurnCueOnly: HostMessage {
        guard case .transcript(var transcript) = self else { return self }
        transcript.final = false
        return .transcript(transcript)
    }
}
