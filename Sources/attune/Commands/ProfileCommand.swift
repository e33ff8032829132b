import ArgumentParser
import AttuneRuntime
import Foundation

struct ProfileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Per-stage latency of the pipeline on this machine (p50, p99, max), CPU per second of audio, peak RSS, xruns.",
        discussion: """
            The audio (a WAV file, the bundled recording by default, or an ALSA device for --seconds, \
            10 s by default) goes through the pipeline's turn detector 10 ms at a time; a file is delivered at real time, as a device \
            delivers it (--fast reads it as fast as it decodes, and capture jitter is then not measured). \
            Then each final turn of the transcript (the bundled one by default; a final turn is the last \
            partial before an empty one), --rounds times, goes through the text stages and the pipeline into a throw-away encrypted store, \
            erased at the end. Every model is loaded and charged to the memory budget as the service \
            loads it.

            What is timed:
              capture_jitter  \(Self.timed(.captureJitter))
              resample        \(Self.timed(.resample))
              prosody_frame   \(Self.timed(.prosodyFrame))
              vad_chunk       \(Self.timed(.vadChunk))
              end_of_turn     \(Self.timed(.endOfTurn))
              turn_period     \(Self.timed(.turnPeriod))
              tokenize        \(Self.timed(.tokenize))
              embed           \(Self.timed(.embed))
              recall          \(Self.timed(.recall))
              context         \(Self.timed(.context))
            prosody_frame, vad_chunk and end_of_turn run on stand-alone instances of the detector's parts \
            given the same audio (turn_period is the detector itself); tokenize, embed and recall on the \
            pipeline's own tokenizer, embedder and memory. CPU per second of audio is this thread's CPU \
            time in reading and the turn detector (the stand-alone timings excluded); peak RSS is the \
            process's (VmHWM); xruns are the device's overruns. Progress goes to standard error.

            Examples:
              attune profile
              attune profile --device default --seconds 30 --plot profile.svg
              attune profile my.wav --transcript my.transcript.jsonl --json
            """)

    @Argument(help: ArgumentHelp("A WAV file to profile on (or give --device). Default: the bundled recording.", valueName: "INPUT"))
    var input: String?

    @Option(help: ArgumentHelp("ALSA capture device to profile on (`attune devices` lists them).", valueName: "name"))
    var device: String?

    @Option(help: ArgumentHelp("Seconds of audio at most (a device: 10 by default; a file: all of it).", valueName: "S"))
    var seconds: Double?

    @Option(help: ArgumentHelp("Partial transcripts, JSON lines {\"t\": seconds, \"text\": \"…\"}, whose final turns time the text "
                               + "stages. Default: the bundled recording's.", valueName: "FILE"))
    var transcript: String?

    @Option(help: "Times each final turn goes through the text stages.")
    var rounds = 3

    @Flag(help: "Read a file as fast as it decodes instead of at real time.")
    var fast = false

    @Flag(help: "Print JSON for machines.")
    var json = false

    @Option(help: ArgumentHelp("Also write each stage's latency distribution as an SVG plot.", valueName: "OUT.svg"))
    var plot: String?

    @OptionGroup var runtime: RuntimeOptions

    static func timed(_ stage: PipelineProfile.Stage) -> String { stage.timed }

    func validate() throws {
        if input != nil && device != nil { throw ValidationError("give either INPUT or --device, not both") }
        if input == "-" { throw ValidationError("profile reads a WAV file or a device, not standard input") }
        if let seconds, !(seconds > 0 && seconds <= 3600) { throw ValidationError("--seconds must be more than 0 and at most 3600, not \(seconds)") }
        guard (1...100).contains(rounds) else { throw ValidationError("--rounds must be between 1 and 100, not \(rounds)") }
        if fast && device != nil { throw ValidationError("--fast applies to a file; a device delivers at real time") }
    }

    func run() async throws {
        let configuration = try runtime.resolve()
        if let plot { try OutputFileCheck.ensureWritable(plot) }
        let audioInput: AudioInput = device.map { .device(name: $0) } ?? .wavFile(path: input ?? BundledDemo.recordingPath)
        let profile = try PipelineProfiler.run(
            input: audioInput, transcriptPath: transcript ?? BundledDemo.transcriptPath, configuration: configuration,
            settings: PipelineProfiler.Settings(seconds: seconds, rounds: rounds, paceAtRealTime: !fast), progress: ProgressReporter())
        if let plot {
            do {
                try ProfilePlot(profile: profile).render().write(toFile: plot, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("cannot write the plot to \(plot): \(error.localizedDescription)")
            }
        }
        if json { return try JSONOutput.print(profile, pretty: true) }
        print(ProfileTable.render(profile))
    }
}
