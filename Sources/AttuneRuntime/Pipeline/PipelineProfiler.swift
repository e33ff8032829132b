import AttuneAudio
import AttuneMemory
import AttuneProsody
import AttuneRapport
import AttuneStore
import AttuneText
import AttuneTurn
import Foundation

/// Profiles the pipeline as it runs: audio in 10 ms periods through the `Pipeline`'s turn detector
/// (each period timed whole as `turn_period`), then each final transcript through the pipeline to its
/// rapport context, over a throw-away encrypted store.
///
/// The turn detector is one piece of code that interleaves prosody, VAD and the end-of-turn model;
/// to show where its time goes without instrumenting the per-frame core, the profiler gives each
/// period also to stand-alone instances of those parts over the same loaded models (a prosody
/// analyser, the Silero VAD, and the end-of-turn model on exactly the features the pipeline's
/// detector computed in each pause), and times the text stages (tokenizer, embedder, recall) on the
/// same tokenizer, embedder and memory the pipeline uses. Those stand-alone timings are kept out of
/// the CPU figure, which counts the pipeline's own work only.
public final class PipelineProfiler {
    public struct Settings: Sendable {
        /// Audio to profile at most (a device needs it; a file runs to its end without it).
        public var seconds: Double?
        /// Times the transcript's final turns go through the text stages.
        public var rounds = 3
        /// Deliver a file's periods at real time, as a device would (capture jitter is only
        /// measured then); false reads it as fast as it decodes.
        public var paceAtRealTime = true
        /// The time the first turn was said, in ms since 1970 (later turns follow it).
        public var startMs: Int64 = 1_796_407_200_000  // 2026-12-04T18:00:00Z

        public init(seconds: Double? = nil, rounds: Int = 3, paceAtRealTime: Bool = true) {
            self.seconds = seconds
            self.rounds = rounds
            self.paceAtRealTime = paceAtRealTime
        }
    }

    /// Pause steps whose features the detector keeps for the `end_of_turn` stage (about 20 s of
    /// pauses, some thirty turns); then it stops keeping them, so a long profile stays bounded.
    public static let maximumPauseSteps = 2048

    /// Bytes the stand-alone stage instances, the histograms and the kept pause features hold, for
    /// the memory budget.
    public static var byteCount: Int {
        ProfileHistograms.byteCount + CommandResources.prosodyAnalyzerBytes
            + (SileroVAD.chunkSamples + 3 * CanonicalAudio.samplesPer10Ms + 2 * CanonicalAudio.samplesPer10Ms) * MemoryLayout<Float>.size
            // Each kept step: its entry in the log (three Doubles and the array's reference) and the
            // features array (a 32-byte header and 17 Doubles).
            + maximumPauseSteps * (32 + 32 + TurnCues.featureNames.count * MemoryLayout<Double>.size)
    }

    public let pipeline: Pipeline
    private let endOfTurn: EndOfTurnModel
    private let tokenizer: WordPieceTokenizer
    private let embedder: MiniLMEmbedder
    private let memory: MemoryEngine
    private var histograms = ProfileHistograms()
    private let prosody = ProsodyAnalyzer()
    private let vad: SileroVAD
    private let resampler: Resampler
    private var vadChunk = [Float](repeating: 0, count: SileroVAD.chunkSamples)
    private var vadFilled = 0
    private var resampleInput = [Float](repeating: 0, count: 3 * CanonicalAudio.samplesPer10Ms)
    private var resampleOutput: [Float]
    private var featuresTimed = 0
    /// Keeps the stand-alone results alive so the optimiser cannot drop the work being timed.
    private var sink: Double = 0

    /// - Parameters: the pipeline (with its rapport engine over `memory`), and the models it was made
    ///   with; `tokenizer` and `embedder` are the ones `memory` was made with.
    public init(pipeline: Pipeline, turnModels: CommandResources.TurnModels, tokenizer: WordPieceTokenizer,
                embedder: MiniLMEmbedder, memory: MemoryEngine) throws {
        self.pipeline = pipeline
        endOfTurn = turnModels.endOfTurn
        self.tokenizer = tokenizer
        self.embedder = embedder
        self.memory = memory
        vad = SileroVAD(weights: turnModels.vadWeights)
        resampler = try Resampler(inputRateHz: 48_000, maximumChunk: 3 * CanonicalAudio.samplesPer10Ms)
        resampleOutput = [Float](repeating: 0, count: resampler.maximumOutput(forInput: 3 * CanonicalAudio.samplesPer10Ms))
        pipeline.recordsTurnFeatures = true
    }

    /// Runs `source` through the pipeline in 10 ms periods until its end or `settings.seconds`.
    /// - Returns: the seconds of audio and the thread CPU time (ns) of the pipeline's own work.
    public func profileAudio(_ source: any AudioSource, settings: Settings, paced: Bool,
                             progress: ProgressReporter? = nil) throws -> (seconds: Double, cpuNanoseconds: UInt64) {
        let period = CanonicalAudio.samplesPer10Ms
        let limit = settings.seconds.map { Int(($0 * Double(CanonicalAudio.sampleRateHz)).rounded()) } ?? .max
        var chunk = [Float](repeating: 0, count: period)
        var samples = 0
        var cpu: UInt64 = 0
        var previous: (arrivalNs: UInt64, samples: Int)?
        let start = Self.monotonicNs()
        progress?.begin("profile: audio from \(source.name)", total: limit == .max ? 0 : (limit + period - 1) / period)
        while samples < limit {
            if paced { Self.sleep(untilNs: start + UInt64(samples + period) * 1_000_000_000 / UInt64(CanonicalAudio.sampleRateHz)) }
            let cpuStart = Self.threadCPUNs()
            let wanted = min(period, limit - samples)
            let count = try chunk.withUnsafeMutableBufferPointer { try source.read(into: UnsafeMutableBufferPointer(rebasing: $0[0..<wanted])) }
            let arrival = Self.monotonicNs()
            if count == 0 { break }
            let turnStart = Self.monotonicNs()
            _ = chunk.withUnsafeBufferPointer { pipeline.process(audio: UnsafeBufferPointer(rebasing: $0[0..<count])) }
            histograms.record(.turnPeriod, nanoseconds: Self.monotonicNs() - turnStart)
            cpu += Self.threadCPUNs() - cpuStart
            if paced, let previous {
                let expected = Int64(previous.samples) * 1_000_000_000 / Int64(CanonicalAudio.sampleRateHz)
                histograms.record(.captureJitter, nanoseconds: UInt64(abs(Int64(arrival - previous.arrivalNs) - expected)))
            }
            previous = (arrival, count)
            chunk.withUnsafeBufferPointer { timeStandAloneStages(UnsafeBufferPointer(rebasing: $0[0..<count])) }
            samples += count
            progress?.advance()
        }
        let cpuStart = Self.threadCPUNs()
        _ = pipeline.finishAudio()
        cpu += Self.threadCPUNs() - cpuStart
        timeEndOfTurnSteps()
        return (Double(samples) / Double(CanonicalAudio.sampleRateHz), cpu)
    }

    /// Runs each turn `rounds` times through the text stages and the pipeline (a new session each round).
    public func profileText(turns: [String], settings: Settings, progress: ProgressReporter? = nil) throws {
        progress?.begin("profile: \(turns.count) turns × \(settings.rounds) through the text stages", total: turns.count * settings.rounds)
        for round in 0..<settings.rounds {
            for (index, text) in turns.enumerated() {
                let atMs = settings.startMs + Int64(round) * 3_600_000 + Int64(index) * 20_000
                var stageStart = Self.monotonicNs()
                let ids = tokenizer.encode(text)
                histograms.record(.tokenize, nanoseconds: Self.monotonicNs() - stageStart)
                stageStart = Self.monotonicNs()
                let vector = embedder.embed(ids: ids)
                histograms.record(.embed, nanoseconds: Self.monotonicNs() - stageStart)
                stageStart = Self.monotonicNs()
                let recalled = try memory.recall(text, vector: vector, atMs: atMs, speaker: Pipeline.defaultSpeaker, limit: Pipeline.defaultRecallLimit)
                histograms.record(.recall, nanoseconds: Self.monotonicNs() - stageStart)
                sink += Double(vector[0]) + Double(recalled.results.count)
                stageStart = Self.monotonicNs()
                _ = try pipeline.handle(.transcript(.init(text: text, final: true, time: RFC3339Time.format(atMs))), voice: false)
                histograms.record(.context, nanoseconds: Self.monotonicNs() - stageStart)
                progress?.advance()
            }
        }
    }

    /// The stages timed so far.
    public var results: [PipelineProfile.StageResult] { histograms.results }

    // MARK: - Stand-alone stages

    private func timeStandAloneStages(_ samples: UnsafeBufferPointer<Float>) {
        // Resampling as from a 48 kHz microphone: each sample three times (the content does not
        // change the FIR's work).
        for index in samples.indices {
            for copy in 0..<3 { resampleInput[3 * index + copy] = samples[index] }
        }
        var start = Self.monotonicNs()
        let produced = resampleInput.withUnsafeBufferPointer { input in
            resampleOutput.withUnsafeMutableBufferPointer { resampler.process(UnsafeBufferPointer(rebasing: input[0..<3 * samples.count]), into: $0) }
        }
        histograms.record(.resample, nanoseconds: Self.monotonicNs() - start)
        sink += Double(produced)

        start = Self.monotonicNs()
        var frames = 0
        prosody.process(samples) { if case .frame = $0 { frames += 1 } }
        histograms.record(.prosodyFrame, nanoseconds: Self.monotonicNs() - start)
        sink += Double(frames)

        var offset = 0
        while offset < samples.count {
            let take = min(SileroVAD.chunkSamples - vadFilled, samples.count - offset)
            for index in 0..<take { vadChunk[vadFilled + index] = samples[offset + index] }
            vadFilled += take
            offset += take
            guard vadFilled == SileroVAD.chunkSamples else { continue }
            start = Self.monotonicNs()
            let p = vadChunk.withUnsafeBufferPointer { vad.probability(ofChunk: $0.baseAddress!) }
            histograms.record(.vadChunk, nanoseconds: Self.monotonicNs() - start)
            sink += Double(p)
            vadFilled = 0
        }
        timeEndOfTurnSteps()
    }

    /// The end-of-turn model on each pause step the pipeline's detector judged since the last call;
    /// after `maximumPauseSteps` the detector stops keeping them.
    private func timeEndOfTurnSteps() {
        let log = pipeline.turnFeatureLog
        if log.count >= Self.maximumPauseSteps { pipeline.recordsTurnFeatures = false }
        while featuresTimed < log.count {
            let features = log[featuresTimed].features
            let start = Self.monotonicNs()
            let decision = endOfTurn.evaluate(features)
            histograms.record(.endOfTurn, nanoseconds: Self.monotonicNs() - start)
            sink += decision.p
            featuresTimed += 1
        }
    }

    // MARK: - Clocks

    static func monotonicNs() -> UInt64 { nanoseconds(CLOCK_MONOTONIC) }

    /// CPU time of the calling thread.
    static func threadCPUNs() -> UInt64 { nanoseconds(CLOCK_THREAD_CPUTIME_ID) }

    private static func nanoseconds(_ clock: clockid_t) -> UInt64 {
        var time = timespec()
        clock_gettime(clock, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }

    /// Sleeps until the monotonic clock reads `deadline` (at once if it has passed).
    static func sleep(untilNs deadline: UInt64) {
        var time = timespec(tv_sec: Int(deadline / 1_000_000_000), tv_nsec: Int(deadline % 1_000_000_000))
        while clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &time, nil) == EINTR {}
    }

    /// VmHWM from /proc/self/status, in bytes (0 when unknown).
    static func peakResidentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Int(line.split(separator: " ").dropFirst().first ?? "") else { return 0 }
        return kib * 1024
    }
}
