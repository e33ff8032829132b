import ArgumentParser
import AttuneAudio
import AttuneProsody
import AttuneRuntime
import AttuneTurn
import Foundation

struct AnalyzeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Hear how something is said: pitch, loudness, voicing, pauses and speech rate.",
        discussion: """
            Prints one frame every 10 ms (F0 by Boersma's autocorrelation method with Praat's defaults, \
            Praat's intensity, loudness in sones from the A-weighted level, voicing, sounding) and a summary \
            of the utterance: syllables (de Jong & Wempe's syllable nuclei), speech and articulation rate, \
            pauses, F0 mean, spread, percentiles and final slope in semitones re 27.5 Hz, loudness.

            INPUT is a WAV file (any rate, channels and PCM/float format; converted to 16 kHz mono), or `-` \
            for standard input: a WAV (told by its RIFF header, read without seeking) or else raw signed \
            16-bit little-endian 16 kHz mono. With --device, Attune listens \
            live until Ctrl-C and prints each frame as a JSON line as soon as it is decided (90 ms after its \
            centre), then the summary as a last line.

            Without --json a readable summary is printed. With --json the output is one JSON document, \
            {"sampleRate":16000,"frameStepMs":10,"lookAheadMs":90,"frames":[…],"summary":{…}}, written as it \
            is computed, so an hour of audio never sits in memory. --plot checks its path can be written \
            before anything starts, then keeps the frame track (about \
            50 bytes per 10 ms) to draw it at the end.

            --vad-gate analyses as the turn detector (`attune turns`, `attune serve`) does: Silero VAD runs \
            beside the analyser, and frames more than 224 ms into what it calls quiet skip the pitch search \
            (voiceless; their levels are measured as always). Without it every frame is searched, as in Praat.

            Examples:
              attune analyze hello.wav
              attune analyze hello.wav --json | jq .summary
              attune analyze hello.wav --plot hello.svg
              attune analyze hello.wav --json --vad-gate | jq .summary
              arecord -q -f S16_LE -r 16000 -c 1 -t raw | attune analyze - --json
              attune analyze --device default > frames.jsonl
            """)

    @Argument(help: ArgumentHelp("WAV file, or - for standard input (a WAV, else raw S16_LE 16 kHz mono).", valueName: "INPUT"))
    var input: String?

    @OptionGroup var capture: CaptureOptions
    @OptionGroup var runtime: RuntimeOptions

    @Flag(help: "Print frames and summary as JSON (live input: always JSON lines).")
    var json = false

    @Flag(help: "Gate the pitch search by the VAD, as the turn detector does (see below).")
    var vadGate = false

    @Option(help: ArgumentHelp("Also write an SVG plot of envelope, F0, intensity and syllable nuclei.", valueName: "OUT.svg"))
    var plot: String?

    func validate() throws {
        if input != nil && capture.device != nil {
            throw ValidationError("give either INPUT or --device, not both")
        }
        if input == nil && capture.device == nil {
            throw ValidationError("give a WAV file, - for standard input, or --device NAME")
        }
    }

    func run() async throws {
        var configuration = try runtime.resolve()
        try capture.apply(to: &configuration)
        let budget = MemoryBudget(limit: configuration.memoryBudget)
        // The plot is written at the end: find a bad path before the analysis or the session.
        if let plot { try OutputFileCheck.ensureWritable(plot) }
        let live = capture.device != nil
        let source: any AudioSource
        let label: String
        if let device = capture.device {
            source = try AudioInput.openCapture(device: device, configuration: configuration, budget: budget)
            label = "ALSA device \(device)"
        } else {
            let audioInput = AudioInput(argument: input!)
            source = try audioInput.open(configuration: configuration, budget: budget)
            label = audioInput.description
        }
        try budget.charge("prosody analyser", bytes: CommandResources.prosodyAnalyzerBytes)

        let vad = vadGate ? VoiceActivityDetector(weights: try CommandResources.loadVADWeights(budget: budget)) : nil
        let analyzer = ProsodyAnalyzer(pitchSearchGate: vadGate ? TurnSettings().pitchSearchGate : nil)
        let output = StandardOutputWriter()
        let interrupt = InterruptSignal()
        var plotData = plot == nil ? nil : ProsodyPlot()
        var frameCount = 0
        let jsonDocument = json && !live
        if jsonDocument {
            output.write("{\"sampleRate\":16000,\"frameStepMs\":10,\"lookAheadMs\":"
                + "\(Int((analyzer.lookAheadSeconds * 1000).rounded())),\"frames\":[")
        }
        let handle: (ProsodyEvent) -> Void = { event in
            switch event {
            case .frame(let frame):
                if live {
                    ProsodyJSON.appendFrame(frame, to: &output.pending)
                    output.pending.append(UInt8(ascii: "\n"))
                    output.flush()
                } else if jsonDocument {
                    if frameCount > 0 { output.pending.append(UInt8(ascii: ",")) }
                    output.pending.append(UInt8(ascii: "\n"))
                    ProsodyJSON.appendFrame(frame, to: &output.pending)
                    output.flushIfFull()
                }
                frameCount += 1
                plotData?.frames.append(frame)
            case .syllableNucleus(let index, _):
                plotData?.nuclei.append(index)
            case .pause(let start, let duration):
                plotData?.pauses.append((start, duration))
            }
        }
        var chunk = [Float](repeating: 0, count: CanonicalAudio.samplesPer10Ms * (live ? 1 : 64))
        var failure: Error?
        while !interrupt.isRaised {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0) }
            } catch {
                failure = error   // report it after the frames decided so far
                break
            }
            if count == 0 { break }
            chunk.withUnsafeBufferPointer { all in
                let samples = UnsafeBufferPointer(rebasing: all[0..<count])
                if let vad {
                    VADGatedProsody.process(samples, vad: vad, prosody: analyzer, chunk: { _, _ in }, event: handle)
                } else {
                    analyzer.process(samples, handle)
                }
            }
            plotData?.envelope.add(chunk[0..<count])
        }
        if let capture = source as? ALSACaptureSource { capture.stop() }
        if let vad {
            VADGatedProsody.finish(vad: vad, prosody: analyzer, chunk: { _, _ in }, event: handle)
        } else {
            analyzer.finish(handle)
        }
        let summary = analyzer.summary()
        if live {
            output.write("{\"summary\":\(ProsodyJSON.summary(summary))}\n")
        } else if jsonDocument {
            output.write("\n],\"summary\":\(ProsodyJSON.summary(summary))}\n")
        } else {
            output.write(Self.readableSummary(summary, label: label) + "\n")
        }
        output.flush()
        if var plotData, let plot {
            plotData.summary = summary
            plotData.title = "attune analyze: \(label)"
            do {
                try plotData.render().write(toFile: plot, atomically: true, encoding: .utf8)
            } catch {
                throw AnalyzeError.cannotWritePlot(path: plot, reason: String(describing: (error as NSError).localizedDescription))
            }
        }
        if let failure { throw failure }
    }

    static func readableSummary(_ s: ProsodySummary, label: String) -> String {
        func value(_ v: Double?, _ format: String, _ unit: String) -> String {
            v.map { String(format: format, $0) + unit } ?? "–"
        }
        var table = TextTable("measure", "value")
        table.add("input", label)
        table.add("duration", String(format: "%.2f s (%d frames, %d voiced, %d sounding)",
                                     s.durationSec, s.frameCount, s.voicedFrameCount, s.soundingFrameCount))
        table.add("syllables", "\(s.syllables)")
        table.add("speech rate", value(s.speechRateSylPerSec, "%.2f", " syllables/s"))
        table.add("articulation rate", value(s.articulationRateSylPerSec, "%.2f", " syllables/s"))
        table.add("speech span", value(s.speechSpanSec, "%.2f", " s") + String(format: ", phonation %.2f s", s.phonationTimeSec))
        table.add("pauses", "\(s.pauseCount)" + (s.meanPauseSec.map { String(format: ", mean %.2f s", $0) } ?? ""))
        table.add("F0 mean", value(s.f0MeanHz, "%.1f", " Hz") + value(s.f0MeanSemitones, " (%.2f", " st re 27.5 Hz)"))
        table.add("F0 spread", value(s.f0StdevSemitones, "%.2f", " st (stdev)"))
        table.add("F0 20/50/80 %", [s.f0Percentile20Semitones, s.f0MedianSemitones, s.f0Percentile80Semitones]
            .map { value($0, "%.2f", "") }.joined(separator: " / ") + " st")
        table.add("F0 final slope", value(s.f0SlopeLast300msSemitonesPerSec, "%+.2f", " st/s over the last 300 ms"))
        table.add("loudness", value(s.loudnessMeanSones, "%.3f", " sones") + value(s.loudnessStdevSones, " ± %.3f", ""))
        table.add("intensity", value(s.intensityMeanDb, "%.1f", " dB (sounding frames)"))
        table.add("voiced fraction", value(s.voicedFraction, "%.2f", " of sounding frames"))
        return table.render()
    }
}

enum AnalyzeError: Error, CustomStringConvertible {
    case cannotWritePlot(path: String, reason: String)

    var description: String {
        switch self {
        case let .cannotWritePlot(path, reason): return "cannot write the plot to \(path): \(reason)"
        }
    }
}
