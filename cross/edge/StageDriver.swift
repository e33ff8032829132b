import AttuneAudio
import AttuneProsody
import AttuneText
import AttuneTurn

/// One stage alone over `--stage-amount` seconds of the input (looped), for counting instructions under
/// qemu (cross/count-edge.sh): the count with N seconds minus the count with 0 is the stage's cost of
/// N seconds, set-up (model loading, tables) excluded. Prints one line so the work cannot be dropped.
///
/// - resample: 48 kHz → 16 kHz (a USB microphone's usual rate) over 48,000 · N input samples; the
///   polyphase filter's cost does not depend on the signal, so the input is the recording repeated;
/// - prosody, vad: `ProsodyAnalyzer` (every frame searched, as `attune analyze`) / `VoiceActivityDetector`
///   fed 10 ms at a time;
/// - vad-prosody: the two as the turn detector runs them, the VAD's chunks gating the pitch search
///   (`PitchSearchGate`); minus the vad stage, what prosody costs in the detector;
/// - turn: the whole `TurnDetector` (VAD, prosody and the end-of-turn decision);
/// - tokenize: N passes over `EdgeSentences.all`.
enum StageDriver {
    static func run(_ stage: EdgeOptions.Stage, options: EdgeOptions) throws(EdgeError) {
        let n = options.stageAmount
        var checksum = 0.0
        if stage == .tokenize {
            let tokenizer = try EdgeModels.tokenizer(in: options.modelsDirectory)
            for _ in 0..<n {
                for sentence in EdgeSentences.all { checksum += Double(tokenizer.encode(sentence).count) }
            }
            report(stage, checksum)
            return
        }
        let recording = try AttuneEdge.open(options).readAll()
        guard !recording.isEmpty else { throw .audio("the input has no samples") }
        let total = n * CanonicalAudio.sampleRateHz
        var audio = [Float](repeating: 0, count: total)
        for i in 0..<total { audio[i] = recording[i % recording.count] }
        let hop = CanonicalAudio.samplesPer10Ms
        switch stage {
        case .resample:
            let resampler: Resampler
            do throws(AudioSourceError) { resampler = try Resampler(inputRateHz: 48_000, maximumChunk: 3 * hop) } catch { throw .audio("no resampler") }
            var input = [Float](repeating: 0, count: 3 * hop)
            var output = [Float](repeating: 0, count: resampler.maximumOutput(forInput: 3 * hop))
            for block in 0..<(total / hop) {
                for i in 0..<(3 * hop) { input[i] = audio[block * hop + i / 3] }
                let made = input.withUnsafeBufferPointer { i in output.withUnsafeMutableBufferPointer { o in resampler.process(i, into: o) } }
                if made > 0 { checksum += Double(output[made - 1]) }
            }
        case .prosody:
            let analyzer = ProsodyAnalyzer()
            audio.withUnsafeBufferPointer { samples in
                for start in stride(from: 0, to: total, by: hop) {
                    analyzer.process(UnsafeBufferPointer(rebasing: samples[start..<min(start + hop, total)])) { event in
                        if case let .frame(frame) = event { checksum += frame.intensityDb }
                    }
                }
            }
        case .vad:
            let vad = VoiceActivityDetector(weights: try EdgeModels.vadWeights(in: options.modelsDirectory))
            audio.withUnsafeBufferPointer { samples in
                for start in stride(from: 0, to: total, by: hop) {
                    vad.process(UnsafeBufferPointer(rebasing: samples[start..<min(start + hop, total)])) { _, p in checksum += Double(p) }
                }
            }
        case .vadProsody:
            let vad = VoiceActivityDetector(weights: try EdgeModels.vadWeights(in: options.modelsDirectory))
            let analyzer = ProsodyAnalyzer(pitchSearchGate: TurnSettings().pitchSearchGate)
            audio.withUnsafeBufferPointer { samples in
                for start in stride(from: 0, to: total, by: hop) {
                    VADGatedProsody.process(UnsafeBufferPointer(rebasing: samples[start..<min(start + hop, total)]),
                                            vad: vad, prosody: analyzer, chunk: { _, _ in }) { event in
                        if case let .frame(frame) = event { checksum += frame.intensityDb }
                    }
                }
            }
        case .turn:
            let detector = TurnDetector(vadWeights: try EdgeModels.vadWeights(in: options.modelsDirectory),
                                        model: try EdgeModels.endOfTurnModel(in: options.modelsDirectory))
            audio.withUnsafeBufferPointer { samples in
                for start in stride(from: 0, to: total, by: hop) {
                    detector.process(UnsafeBufferPointer(rebasing: samples[start..<min(start + hop, total)])) { event in checksum += event.t }
                }
            }
        case .tokenize:
            break
        }
        report(stage, checksum)
    }

    private static func report(_ stage: EdgeOptions.Stage, _ checksum: Double) {
        var writer = JSONLineWriter()
        writer.begin()
        writer.string("stage", stage.rawValue)
        writer.number("checksum", checksum, decimals: 3)
        writer.end()
    }
}
