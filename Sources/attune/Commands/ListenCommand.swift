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

            The host talks back on standard input, one JSON object per line:
              {"type":"playback_start"}   the assistant started speaking (speech now is a barge-in)
              {"type":"playback_stop"}    it stopped
              {"type":"transcript","text":"I went to the market and"}   the recogniser's partial transcript
            A line that does not parse is answered with {"type":"error","message":…} and otherwise ignored.

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
        let detector = TurnDetector(vadWeights: models.vadWeights, model: models.endOfTurn)
        let interrupt = InterruptSignal()
        let readable = isatty(STDOUT_FILENO) == 1
        let output = StandardOutputWriter()
        let host = HostCommands()
        host.startReading()
        let emit: (TurnEvent) -> Void = { event in
            output.write((readable ? TurnJSON.line(event) : TurnJSON.event(event)) + "\n")
            output.flush()
        }
        var chunk = [Float](repeating: 0, count: CanonicalAudio.samplesPer10Ms)
        var failure: Error?
        while !interrupt.isRaised {
            for command in host.drain() {
                switch command {
                case .playback(let speaking): detector.setAssistantSpeaking(speaking)
                case .transcript(let text): detector.setTranscript(text)
                case .error(let message):
                    // The host reads the error event; a person watching the log sees the same line.
                    FileHandle.standardError.write(Data("Error: \(message)\n".utf8))
                    output.write("{\"type\":\"error\",\"message\":\"\(message.replacingOccurrences(of: "\"", with: "'"))\"}\n")
                    output.flush()
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
            chunk.withUnsafeBufferPointer { detector.process(UnsafeBufferPointer(rebasing: $0[0..<count]), emit) }
        }
        device.stop()
        detector.finish(emit)
        output.flush()
        if let failure { throw failure }
    }
}

/// Lines from the host on standard input, read on their own thread and handed to the audio loop.
final class HostCommands: Sendable {
    enum Command: Sendable {
        case playback(Bool)
        case transcript(String)
        case error(String)
    }

    private let queue = Mutex<[Command]>([])

    func startReading() {
        let thread = Thread { [self] in
            var number = 0
            while let line = readLine() {
                number += 1
                let command = Self.parse(line, number: number)
                if let command { queue.withLock { $0.append(command) } }
            }
        }
        thread.start()
    }

    func drain() -> [Command] {
        queue.withLock { commands in
            defer { commands.removeAll() }
            return commands
        }
    }

    static func parse(_ line: String, number: Int) -> Command? {
        let text = line.trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
              let type = object["type"] as? String else {
            return .error("stdin line \(number): not a JSON object with a \"type\"")
        }
        switch type {
        case "playback_start": return .playback(true)
        case "playback_stop": return .playback(false)
        case "transcript":
            guard let words = object["text"] as? String else { return .error("stdin line \(number): transcript needs \"text\"") }
            return .transcript(words)
        default:
            return .error("stdin line \(number): unknown type \(type); expected playback_start, playback_stop or transcript")
        }
    }
}
