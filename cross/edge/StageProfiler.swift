import AttuneAudio
import AttuneProsody
import AttuneText
import AttuneTurn

/// `--profile`: the latency of each stage of the embedded core on this machine, timed with
/// `clock_gettime(CLOCK_MONOTONIC)` around every call a live listener makes: a 48 kHz → 16 kHz
/// resample of 10 ms, a 10 ms prosody step, a 32 ms VAD chunk, an end-of-turn judgement (one per
/// 10 ms of a pause, timed inside `TurnDetector`) and the tokenizing of one sentence. Each stage runs
/// on its own over the input so its times are its own.
enum StageProfiler {
    static func run(options: EdgeOptions) throws(EdgeError) {
        let audio = try AttuneEdge.open(options).readAll()
        let hop = CanonicalAudio.samplesPer10Ms
        var writer = JSONLineWriter()

        var resample = StageLatencyRecorder(stage: "resample_10ms_48k")
        let resampler: Resampler
        do throws(AudioSourceError) { resampler = try Resampler(inputRateHz: 48_000, maximumChunk: 3 * hop) } catch { throw .audio("no resampler") }
        var input = [Float](repeating: 0, count: 3 * hop)
        var output = [Float](repeating: 0, count: resampler.maximumOutput(forInput: 3 * hop))
        for block in 0..<(audio.count / hop) {
            for i in 0..<(3 * hop) { input[i] = audio[block * hop + i / 3] }
            let started = MonotonicClock.nanoseconds()
            _ = input.withUnsafeBufferPointer { i in output.withUnsafeMutableBufferPointer { o in resampler.process(i, into: o) } }
            resample.add(MonotonicClock.nanoseconds() - started)
        }
        resample.write(to: &writer)

        var prosody = StageLatencyRecorder(stage: "prosody_frame")
        let analyzer = ProsodyAnalyzer()
        audio.withUnsafeBufferPointer { samples in
            for start in stride(from: 0, to: samples.count, by: hop) {
                let started = MonotonicClock.nanoseconds()
                analyzer.process(UnsafeBufferPointer(rebasing: samples[start..<min(start + hop, samples.count)])) { _ in }
                prosody.add(MonotonicClock.nanoseconds() - started)
            }
        }
        prosody.write(to: &writer)

        let weights = try EdgeModels.vadWeights(in: options.modelsDirectory)
        var vadChunks = StageLatencyRecorder(stage: "vad_chunk")
        let vad = SileroVAD(weights: weights)
        audio.withUnsafeBufferPointer { samples in
            for start in stride(from: 0, to: samples.count - SileroVAD.chunkSamples + 1, by: SileroVAD.chunkSamples) {
                let started = MonotonicClock.nanoseconds()
                _ = vad.probability(ofChunk: samples.baseAddress! + start)
                vadChunks.add(MonotonicClock.nanoseconds() - started)
            }
        }
        vadChunks.write(to: &writer)

        var judgements = StageLatencyRecorder(stage: "end_of_turn_decision")
        let detector = TurnDetector(vadWeights: weights, model: try EdgeModels.endOfTurnModel(in: options.modelsDirectory))
        detector.judgementTimer = { judgements.add($0) }
        audio.withUnsafeBufferPointer { samples in
            for start in stride(from: 0, to: samples.count, by: hop) {
                detector.process(UnsafeBufferPointer(rebasing: samples[start..<min(start + hop, samples.count)])) { _ in }
            }
        }
        detector.finish { _ in }
        detector.judgementTimer = nil
        judgements.write(to: &writer)

        var tokenize = StageLatencyRecorder(stage: "tokenize_sentence")
        let tokenizer = try EdgeModels.tokenizer(in: options.modelsDirectory)
        for _ in 0..<20 {
            for sentence in EdgeSentences.all {
                let started = MonotonicClock.nanoseconds()
                _ = tokenizer.encode(sentence)
                tokenize.add(MonotonicClock.nanoseconds() - started)
            }
        }
        tokenize.write(to: &writer)
    }
}
