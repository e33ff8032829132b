import ArgumentParser
import AttuneRuntime
import AttuneStore
import Foundation

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a recording and its transcript through the whole pipeline, as attune serve would, and show what it sends.",
        discussion: """
            The audio, 10 ms at a time, goes through prosody, voice activity and the end-of-turn model \
            (turn events); each partial transcript reaches the turn detector at its time; at each end of \
            turn the words heard so far are sent as the final transcript, which takes the voice of the \
            utterance just heard, goes into memory and is answered with the rapport context. Everything \
            runs in a throw-away encrypted store, erased at the end. Without --json, a readable timeline: \
            the turn events, what the host sent, and each context as its prompt block. With --json, the \
            service's messages as JSON lines, each with "t" (seconds into the recording) and "direction" \
            ("host" for what the host sent, "service" for what Attune sent).

            Examples:
              attune demo
              attune demo --json \\
                | jq -c 'select(.message.type == "context") | .message.context.guidance'
              attune demo --audio my.wav --transcript my.transcript.jsonl
            """)

    @Option(help: ArgumentHelp("The recording (WAV), bundled by default.", valueName: "FILE"))
    var audio = "Tests/Data/turn/turns-015.wav"

    @Option(help: ArgumentHelp("Its partial transcripts, JSON lines {\"t\": seconds, \"text\": \"…\"}.", valueName: "FILE"))
    var transcript = "Tests/Data/turn/turns-015.transcript.jsonl"

    @Option(help: ArgumentHelp("RFC 3339 time the recording starts (the transcripts' times follow it).", valueName: "time"))
    var start = "2026-12-04T18:00:00Z"

    @Flag(help: "Print the messages as JSON lines instead of a timeline.")
    var json = false

    @OptionGroup var runtime: RuntimeOptions

    func validate() throws {
        if RFC3339Time.parse(start) == nil {
            throw ValidationError("--start must be an RFC 3339 time such as 2026-12-04T18:00:00Z, not '\(start)'")
        }
    }

    func run() async throws {
        let configuration = try runtime.resolve()
        let entries = try DemoConversation.run(recording: audio, transcriptPath: transcript, configuration: configuration,
                                               startMs: RFC3339Time.parse(start)!)
        let output = StandardOutputWriter()
        if json {
            for entry in entries { output.write(String(decoding: entry.encodedLine(), as: UTF8.self)) }
        } else {
            output.write("Attune demo: \(audio) with \(transcript), in a throw-away store\n")
            for line in DemoTimeline.lines(entries) { output.write(line + "\n") }
            output.write(DemoTimeline.summary(entries) + "\n")
        }
        output.flush()
    }
}
