import ArgumentParser
import AttuneAudio
import AttuneRuntime
import AttuneTurn
import Foundation

struct TurnsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "turns",
        abstract: "Find when the person has finished speaking: speech starts, pauses, ends of turn.",
        discussion: """
            Runs voice activity detection (a Swift port of Silero VAD) and prosody over the input and, every \
            10 ms of a pause, the end-of-turn model (models/end-of-turn.json) on the cues that tell a hold \
            from a shift: final pitch fall or rise, final lengthening, energy decay, pause length, speech rate, \
            and the partial transcript when given. Each event carries `t`, the input time at which it was \
            decided; for end_of_turn, `latencyMs` = t − speechEndT. Without --json, one readable line per \
            event. How it works and how well it does: docs/TURN.md.

            --transcript takes JSON lines {"t": seconds, "text": "partial transcript so far"}: at input time t \
            the host's recogniser had heard `text` (a trailing "and" holds the turn; a full stop yields it).

            Examples:
              attune turns conversation.wav
              attune turns conversation.wav --json \\
                | jq '.events[] | select(.type == "end_of_turn")'
              attune turns conversation.wav --transcript partials.jsonl --json
              attune turns conversation.wav --vad-probabilities  # a probability per 32 ms
            """)

    @Argument(help: ArgumentHelp("WAV file, or - for standard input (a WAV, else raw S16_LE 16 kHz mono).", valueName: "INPUT"))
    var input: String

    @Flag(help: "Print {\"events\":[…]} as JSON.")
    var json = false

    @Option(help: ArgumentHelp("Partial transcripts as JSON lines {\"t\":…,\"text\":…}.", valueName: "FILE"))
    var transcript: String?

    @Flag(help: "Print the VAD probability of every 32 ms chunk as JSON lines instead of events.")
    var vadProbabilities = false

    @Flag(help: "Print the end-of-turn features at every 10 ms of every pause as JSON lines (for tools/turn/fit_end_of_turn.py).")
    var features = false

    @Option(help: ArgumentHelp("End-of-turn model JSON (default: models/end-of-turn.json).", valueName: "FILE"))
    var model: String?

    @OptionGroup var runtime: RuntimeOptions

    func run() async throws {
        let configuration = try runtime.resolve()
        let budget = MemoryBudget(limit: configuration.memoryBudget)
        let transcripts = try transcript.map { try TranscriptFile.load(path: $0) } ?? []
        let audioInput = AudioInput(argument: input)
        let source = try audioInput.open(configuration: configuration, budget: budget)
        let models = try CommandResources.loadTurnModels(endOfTurnPath: model, budget: budget)
        let vadWeights = models.vadWeights
        let output = StandardOutputWriter()
        var chunk = [Float](repeating: 0, count: 1600)

        if vadProbabilities {
            let vad = VoiceActivityDetector(weights: vadWeights)
            let emit: (Int, Float) -> Void = { index, p in
                output.write("{\"chunk\":\(index),\"t\":\(ProsodyJSON.number(Double(index * 512) / 16000, decimals: 3)),\"p\":\(ProsodyJSON.number(Double(p), decimals: 4))}\n")
            }
            while true {
                let count = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0) }
                if count == 0 { break }
                chunk.withUnsafeBufferPointer { vad.process(UnsafeBufferPointer(rebasing: $0[0..<count]), emit) }
            }
            vad.finish(emit)
            output.flush()
            return
        }

        let detector = TurnDetector(vadWeights: vadWeights, model: models.endOfTurn)
        detector.recordFeatures = features
        var first = true
        if json && !features { output.write("{\"events\":[") }
        let emit: (TurnEvent) -> Void = { event in
            if features { return }
            if json {
                output.write((first ? "\n" : ",\n") + TurnJSON.event(event))
                first = false
            } else {
                output.write(TurnJSON.line(event) + "\n")
            }
        }
        var nextTranscript = 0
        var failure: Error?
        while true {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0) }
            } catch {
                failure = error
                break
            }
            if count == 0 { break }
            // Hand over the transcripts whose time has come, 10 ms at a time.
            var offset = 0
            while offset < count {
                let step = min(160, count - offset)
                while nextTranscript < transcripts.count, transcripts[nextTranscript].t <= detector.inputTimeSec {
                    detector.setTranscript(transcripts[nextTranscript].text)
                    nextTranscript += 1
                }
                chunk.withUnsafeBufferPointer { detector.process(UnsafeBufferPointer(rebasing: $0[offset..<(offset + step)]), emit) }
                offset += step
            }
        }
        detector.finish(emit)
        if features {
            for entry in detector.featureLog {
                output.write("{\"t\":\(ProsodyJSON.number(entry.t, decimals: 3)),\"speechEndT\":\(ProsodyJSON.number(entry.speechEndT, decimals: 3)),"
                    + "\"pauseMs\":\(ProsodyJSON.number(entry.pauseMs, decimals: 1)),\"features\":["
                    + entry.features.map { ProsodyJSON.number($0, decimals: 5) }.joined(separator: ",") + "]}\n")
            }
        } else if json {
            output.write("\n]}\n")
        }
        output.flush()
        if let failure { throw failure }
    }
}

/// `--transcript` JSON lines: {"t": seconds, "text": "…"}, times not decreasing.
enum TranscriptFile {
    struct Entry { var t: Double; var text: String }

    static func load(path: String) throws -> [Entry] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw TranscriptFileError.unreadable(path: path)
        }
        var entries: [Entry] = []
        for (number, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
                throw TranscriptFileError.badLine(path: path, line: number + 1, reason: "not a JSON object")
            }
            guard let t = (object["t"] as? NSNumber)?.doubleValue, t.isFinite, t >= 0 else {
                throw TranscriptFileError.badLine(path: path, line: number + 1, reason: "\"t\" must be a number of seconds ≥ 0")
            }
            guard let words = object["text"] as? String else {
                throw TranscriptFileError.badLine(path: path, line: number + 1, reason: "\"text\" must be a string")
            }
            if let last = entries.last, t < last.t {
                throw TranscriptFileError.badLine(path: path, line: number + 1, reason: "t goes back in time (\(t) after \(last.t))")
            }
            entries.append(Entry(t: t, text: words))
        }
        return entries
    }
}

enum TranscriptFileError: Error, CustomStringConvertible {
    case unreadable(path: String)
    case badLine(path: String, line: Int, reason: String)

    var description: String {
        switch self {
        case let .unreadable(path): return "cannot read the transcript file \(path)"
        case let .badLine(path, line, reason):
            return "\(path):\(line): \(reason); expected one {\"t\": seconds, \"text\": \"…\"} per line"
        }
    }
}
