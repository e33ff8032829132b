import AttuneAudio
import AttuneProsody
import AttuneText
import AttuneTurn

/// `attune-edge`: Attune's per-frame perception core (prosody, voice activity, end of turn, the
/// tokenizer) built with Embedded Swift for aarch64 (cross/build-edge.sh). It captures from an ALSA
/// device or reads a WAV, and prints turn events and then the prosody summary as JSON lines, the same
/// events (types, times, cues) as `attune turns --json` on x86-64 (cross/check-edge.sh proves it).
enum AttuneEdge {
    static let usage = """
        usage: attune-edge [--models DIR] FILE.wav
               attune-edge [--models DIR] --device NAME [--seconds S]
               attune-edge [--models DIR] --profile FILE.wav      per-stage latency p50/p99/max (µs)
               attune-edge [--models DIR] --stage resample|prosody|vad|vad-prosody|turn|tokenize [--stage-amount N] [FILE.wav]
                   one stage alone over N seconds of the file (looped), or N passes over the sentence
                   list for tokenize: the driver cross/count-edge.sh counts instructions with
        """

    static func run(_ arguments: [String]) throws(EdgeError) {
        let options = try EdgeOptions.parse(arguments)
        if let stage = options.stage {
            try StageDriver.run(stage, options: options)
            return
        }
        if options.profile {
            try StageProfiler.run(options: options)
            return
        }
        let input = try open(options)
        if case .alsa = input { StopRequest.watch() }
        let detector = TurnDetector(vadWeights: try EdgeModels.vadWeights(in: options.modelsDirectory),
                                    model: try EdgeModels.endOfTurnModel(in: options.modelsDirectory))
        var writer = JSONLineWriter()
        var chunk = [Float](repeating: 0, count: 1600)
        while true {
            let count = try chunk.withUnsafeMutableBufferPointer { (buffer) throws(EdgeError) -> Int in try input.read(into: buffer) }
            if count == 0 { break }
            // 10 ms at a time, as `attune turns` feeds the detector.
            var offset = 0
            while offset < count {
                let step = min(CanonicalAudio.samplesPer10Ms, count - offset)
                chunk.withUnsafeBufferPointer { samples in
                    detector.process(UnsafeBufferPointer(rebasing: samples[offset..<(offset + step)])) { event in
                        TurnEventLine.write(event, to: &writer)
                    }
                }
                offset += step
            }
        }
        detector.finish { event in TurnEventLine.write(event, to: &writer) }
        TurnEventLine.write(detector.prosodySummary(), to: &writer)
    }

    static func open(_ options: EdgeOptions) throws(EdgeError) -> EdgeAudioInput {
        switch options.source {
        case let .file(path):
            return .wav(try WAVInput(path: path))
        case let .device(name):
            let limit = options.seconds.map { Int(($0 * Double(CanonicalAudio.sampleRateHz)).rounded()) }
            return .alsa(try ALSAInput(device: name, sampleLimit: limit))
        case nil:
            throw .usage("give a WAV file or --device NAME")
        }
    }
}

@_cdecl("main")
func main(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var arguments: [String] = []
    for i in 1..<max(1, Int(argc)) { arguments.append(String(cString: argv[i]!)) }
    do throws(EdgeError) {
        try AttuneEdge.run(arguments)
        return 0
    } catch {
        fputs("Error: " + error.message + "\n", stderr)
        return 1
    }
}
