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
        let transcripts = try transcript.map { try PartialTranscript.load(path: $0) } ?? []
        let audioInput = AudioInput(argument: input)
        let source = try audioInput.open(configuration: configuration, budget: budget)
        let models = try CommandResources.loadTurnModels(endOfTurnPath: model, budget: budget)
        // The service's pipeline without a store: audio → prosody → turns.
        let pipeline = try Pipeline(rapport: nil, turnModels: models, budget: budget)
        let output = StandardOutputWriter()

        if vadProbabilities {
            try pipeline.voiceActivityProbabilities(in: source) { index, p in
                output.write("{\"chunk\":\(index),\"t\":\(ProsodyJSON.number(Double(index * 512) / 16000, decimals: 3)),\"p\":\(ProsodyJSON.number(Double(p), decimals: 4))}\n")
            }
            output.flush()
            return
        }

        pipeline.recordsTurnFeatures = features
        var first = true
        if json && !features { output.write("{\"events\":[") }
        let failure = pipeline.findTurns(in: source, transcripts: transcripts) { event in
            if features { return }
            if json {
                output.write((first ? "\n" : ",\n") + TurnJSON.event(event))
                first = false
            } else {
                output.write(TurnJSON.line(event) + "\n")
            }
        }
        if features {
            for entry in pipeline.turnFeatureLog {
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
