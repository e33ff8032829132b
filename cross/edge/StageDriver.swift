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
        let hop = CanonicalAudio.samplesPer10Ms
        // The input is the recording looped, fed 10 ms at a time. It is made once, at the same cost
        // with no seconds asked for, so the count's difference holds the stage alone: the recording
        // with its first 10 ms repeated at its end, so that every block is one slice of it.
        var looped = recording
        for i in 0..<hop { looped.append(recording[i % recording.count]) }
        /// Calls `body` with the 10 ms blocks of `total` samples of `input`, the looped recording at
        /// `perSample` input samples per sample (1, or 3 for 48 kHz), in order.
        func forEachBlock(of input: [Float], perSample: Int = 1, _ body: (UnsafeBufferPointer<Float>) -> Void) {
            input.withUnsafeBufferPointer { whole in
                var start = 0  // (block · hop) mod recording.count
                for _ in 0..<(total / hop) {
                    body(UnsafeBufferPointer(rebasing: whole[(perSample * start)..<(perSample * (start + hop))]))
                    start += hop
                    if start >= recording.count { start -= recording.count }
                }
            }
        }
        switch stage {
        case .resample:
            let resampler: Resampler
            do throws(AudioSourceError) { resampler = try Resampler(inputRateHz: 48_000, maximumChunk: 3 * hop) } catch { throw .audio("no resampler") }
            // The looped recording at 48 kHz (each sample three times), made once like `looped`.
            var looped48 = [Float](repeating: 0, count: 3 * looped.count)
            for i in 0..<looped.count {
                looped48[3 * i] = looped[i]; looped48[3 * i + 1] = looped[i]; looped48[3 * i + 2] = looped[i]
            }
            var output = [Float](repeating: 0, count: resampler.maximumOutput(forInput: 3 * hop))
            output.withUnsafeMutableBufferPointer { o in
                forEachBlock(of: looped48, perSample: 3) { block in
                    let made = resampler.process(block, into: o)
                    if made > 0 { checksum += Double(o[made - 1]) }
                }
            }
        case .prosody:
            let analyzer = ProsodyAnalyzer()
            forEachBlock(of: looped) { block in
                analyzer.process(block) { event in
                    if case let .frame(frame) = event { checksum += frame.intensityDb }
                }
            }
        case .vad:
            let vad = VoiceActivityDetector(weights: try EdgeModels.vadWeights(in: options.modelsDirectory))
            forEachBlock(of: looped) { block in vad.process(block) { _, p in checksum += Double(p) } }
        case .vadProsody:
            let vad = VoiceActivityDetector(weights: try EdgeModels.vadWeights(in: options.modelsDirectory))
            let analyzer = ProsodyAnalyzer(pitchSearchGate: TurnSettings().pitchSearchGate)
            forEachBlock(of: looped) { block in
                VADGatedProsody.process(block, vad: vad, prosody: analyzer, chunk: { _, _ in }) { event in
                    if case let .frame(frame) = event { checksum += frame.intensityDb }
                }
            }
        case .turn:
            let detector = TurnDetector(vadWeights: try EdgeModels.vadWeights(in: options.modelsDirectory),
                                        model: try EdgeModels.endOfTurnModel(in: options.modelsDirectory))
            forEachBlock(of: looped) { block in detector.process(block) { event in checksum += event.t } }
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
