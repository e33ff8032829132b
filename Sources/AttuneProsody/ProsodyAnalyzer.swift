import AttuneAudio

/// What the analyser reports as it goes.
public enum ProsodyEvent: Sendable, Equatable {
    /// The next 10 ms frame, in order, `lookAheadSeconds` after its centre was heard.
    case frame(ProsodyFrame)
    /// A syllable nucleus, reported when the intensity dip after it confirms it.
    case syllableNucleus(frameIndex: Int, intensityDb: Double)
    /// A pause between two speech segments, reported when speech resumes.
    case pause(startFrameIndex: Int, durationSec: Double)
}

/// Streaming prosody: feed 16 kHz mono samples in chunks of any size, receive one
/// `ProsodyFrame` per 10 ms, and ask for the utterance summary at any time.
///
/// Frame k is centred at t = k · 10 ms (sample n sits at (n + ½) / 16 kHz, as in Praat) and is
/// reported once the input reaches t + `lookAheadSeconds` (90 ms: the 20 ms half pitch window plus
/// the path finder's 70 ms decision lag). Frames never depend on how the input was chunked: every
/// quantity that looks at the recent input (the pitch analysis' global peak over the last 5 s, the
/// noise floor and the speaker's level over the last 5 s of frames) is taken at a fixed sample
/// position per frame, so one call with a whole file and a thousand calls of 10 ms give identical
/// frames. Nor do they depend on more than those 5 s of the past: after a change of speaker, level
/// or room, the frames are the ones the new audio would give alone.
///
/// Memory is constant in the input length: a ring of ~2,200 samples, a ring of the frames
/// awaiting a decision, and fixed-size histograms for the summary.
public final class ProsodyAnalyzer {
    public static let sampleRate = Double(CanonicalAudio.sampleRateHz)
    public static let frameStepSeconds = 0.01
    static let hop = CanonicalAudio.samplesPer10Ms

    public let settings: ProsodySettings
    private let pitchAnalyzer: PitchFrameAnalyzer
    private let intensityAnalyzer: IntensityAnalyzer
    private let nucleusIntensityAnalyzer: IntensityAnalyzer
    private var tracker: PitchPathTracker
    private var levels: SpeakerLevelTracker
    private var pauses: PauseSegmenter
    private var nuclei: SyllableNucleusDetector
    private var accumulator = ProsodySummaryAccumulator()
    /// Leaves the candidate search out of frames deep in what a VAD beside it calls quiet (off
    /// unless asked for; `PitchSearchGate`).
    private var searchGate: PitchSearchGate?

    /// Samples at absolute positions `bufferStart ..< bufferStart + buffer.count`; positions
    /// before 0 and after the end of the input read as zeros.
    private var buffer: [Float]
    private var bufferStart: Int
    private let samplesBefore: Int
    private let compactionThreshold = 8192
    /// Real samples received, and the recent ones' mean and extremes for the global peak.
    private var received = 0
    private var recentPeak: SlidingSamplePeak

    private var nextPitchFrame = 1
    private var nextIntensityFrame = 1
    private var nextEmitFrame = 1
    private var decidedThrough = 0
    /// Per-frame results waiting to be emitted, indexed by frame number modulo `ringSize`.
    private let ringSize: Int
    private var pendingIntensityDb: [Double]
    private var pendingNucleusDb: [Double]
    private var pendingAWeighted: [Double]
    private var pendingDecisions: [PitchPathTracker.Decision]
    private var finished = false

    /// `pitchSearchGate`: when set, the caller notes each VAD chunk (`noteVoiceActivity`) before
    /// handing over its samples, and frames deep in a quiet stretch skip the pitch candidate search.
    public init(settings: ProsodySettings = ProsodySettings(), pitchSearchGate: PitchSearchGateSettings? = nil) {
        self.settings = settings
        searchGate = pitchSearchGate.map { PitchSearchGate(settings: $0) }
        pitchAnalyzer = PitchFrameAnalyzer(settings: settings.pitch, sampleRate: Self.sampleRate, frameStepSeconds: Self.frameStepSeconds)
        intensityAnalyzer = IntensityAnalyzer(minimumPitchHz: settings.intensityMinimumPitchHz, sampleRate: Self.sampleRate)
        nucleusIntensityAnalyzer = IntensityAnalyzer(
            minimumPitchHz: settings.nucleusIntensityMinimumPitchHz, sampleRate: Self.sampleRate)
        tracker = PitchPathTracker(settings: settings.pitch, frameStepSeconds: Self.frameStepSeconds)
        pauses = PauseSegmenter(settings: settings, frameStepSeconds: Self.frameStepSeconds)
        levels = SpeakerLevelTracker(settings: settings, frameStepSeconds: Self.frameStepSeconds)
        let peakBlock = Int(Self.sampleRate / 2)
        recentPeak = SlidingSamplePeak(
            blockSize: peakBlock, blockCount: max(1, Int((settings.pitchPeakWindowSec * Self.sampleRate / Double(peakBlock)).rounded())))
        nuclei = SyllableNucleusDetector(minimumDipDb: settings.minimumDipDb)
        samplesBefore = max(pitchAnalyzer.samplesBefore, intensityAnalyzer.halfWindow, nucleusIntensityAnalyzer.halfWindow)
        buffer = [Float](repeating: 0, count: samplesBefore)
        buffer.reserveCapacity(compactionThreshold + 4 * samplesBefore + Self.hop)
        bufferStart = -samplesBefore
        let intensityReach = max(intensityAnalyzer.halfWindow, nucleusIntensityAnalyzer.halfWindow)
        ringSize = tracker.lag + 4 + (intensityReach + Self.hop - 1) / Self.hop
        pendingIntensityDb = Array(repeating: 0, count: ringSize)
        pendingNucleusDb = Array(repeating: 0, count: ringSize)
        pendingAWeighted = Array(repeating: 0, count: ringSize)
        pendingDecisions = Array(
            repeating: PitchPathTracker.Decision(frameIndex: 0, frequencyHz: 0, strength: 0, voiced: false),
            count: ringSize)
    }

    /// How far past a frame's centre the input must reach before the frame is reported.
    public var lookAheadSeconds: Double {
        Double(tracker.lag * Self.hop + pitchAnalyzer.samplesAfter) / Self.sampleRate
    }

    /// Real samples received so far.
    public var sampleCount: Int { received }

    /// The speech probability of VAD chunk `chunk` (in order, each once), for the pitch search gate;
    /// ignored when the analyser was made without one. Note a chunk before its samples' `process`.
    public func noteVoiceActivity(chunk: Int, probability: Float) {
        searchGate?.note(chunk: chunk, probability: probability)
    }

    /// Analyses the next chunk of 16 kHz mono samples (any length, including 0).
    public func process(_ samples: UnsafeBufferPointer<Float>, _ emit: (ProsodyEvent) -> Void) {
        precondition(!finished, "ProsodyAnalyzer.process after finish")
        var offset = 0
        while offset < samples.count {
            // Feed up to the next pitch frame's boundary, so that the global peak it sees is
            // exactly the input up to its last sample, however the input was chunked.
            let boundary = pitchBoundary(of: nextPitchFrame)
            let take = min(samples.count - offset, boundary - received)
            if take > 0 {
                let chunk = UnsafeBufferPointer(rebasing: samples[offset..<(offset + take)])
                for x in chunk { recentPeak.add(Double(x)) }
                buffer.append(contentsOf: chunk)
                received += take
                offset += take
            }
            advance(inputEnded: false, emit)
        }
    }

    /// Ends the input: analyses the last frames (padding with silence) and decides them.
    /// Frames are produced for every centre inside the input: ⌊samples / 160⌋ of them.
    public func finish(_ emit: (ProsodyEvent) -> Void) {
        guard !finished else { return }
        finished = true
        let lastFrame = received / Self.hop
        while nextPitchFrame <= lastFrame || nextIntensityFrame <= lastFrame {
            buffer.append(contentsOf: repeatElement(0, count: Self.hop))
            advance(inputEnded: true, emit)
        }
        tracker.finish { decision in
            pendingDecisions[(decision.frameIndex + 1) % ringSize] = decision
            decidedThrough = decision.frameIndex + 1
        }
        emitReadyFrames(emit)
    }

    /// The utterance summary of everything reported so far.
    public func summary() -> ProsodySummary {
        accumulator.summary(
            sampleCount: received, sampleRate: Self.sampleRate, frameStepSeconds: Self.frameStepSeconds,
            syllables: nuclei.count, pauses: pauses)
    }

    // MARK: - Scheduling

    /// Samples that must have arrived before pitch frame k can be analysed.
    private func pitchBoundary(of frame: Int) -> Int {
        frame * Self.hop + pitchAnalyzer.samplesAfter
    }

    private var bufferEnd: Int { bufferStart + buffer.count }

    private func advance(inputEnded: Bool, _ emit: (ProsodyEvent) -> Void) {
        let lastFrame = inputEnded ? received / Self.hop : Int.max
        while nextPitchFrame <= lastFrame, bufferEnd >= pitchBoundary(of: nextPitchFrame) {
            analyzePitchFrame(nextPitchFrame, inputEnded: inputEnded)
            nextPitchFrame += 1
        }
        let reach = max(intensityAnalyzer.halfWindow, nucleusIntensityAnalyzer.halfWindow)
        while nextIntensityFrame <= lastFrame, bufferEnd > nextIntensityFrame * Self.hop + reach {
            analyzeIntensityFrame(nextIntensityFrame)
            nextIntensityFrame += 1
        }
        emitReadyFrames(emit)
        compactIfNeeded()
    }

    private func analyzePitchFrame(_ frame: Int, inputEnded: Bool) {
        let globalPeak = recentPeak.peak
        let centre = frame * Self.hop
        let search = searchGate?.allowsSearch(samplesEndingAt: pitchBoundary(of: frame), inputEnded: inputEnded) ?? true
        let (candidates, aWeighted) = buffer.withUnsafeBufferPointer { base in
            pitchAnalyzer.analyze(centre: base.baseAddress! + (centre - bufferStart), globalPeak: globalPeak, search: search)
        }
        pendingAWeighted[frame % ringSize] = aWeighted
        if let decision = tracker.push(candidates) {
            pendingDecisions[(decision.frameIndex + 1) % ringSize] = decision
            decidedThrough = decision.frameIndex + 1
        }
    }

    private func analyzeIntensityFrame(_ frame: Int) {
        let centre = frame * Self.hop
        buffer.withUnsafeBufferPointer { base in
            let pointer = base.baseAddress! + (centre - bufferStart)
            pendingIntensityDb[frame % ringSize] = intensityAnalyzer.decibels(centre: pointer)
            pendingNucleusDb[frame % ringSize] = nucleusIntensityAnalyzer.decibels(centre: pointer)
        }
    }

    private func emitReadyFrames(_ emit: (ProsodyEvent) -> Void) {
        while nextEmitFrame <= decidedThrough, nextEmitFrame < nextIntensityFrame {
            let k = nextEmitFrame
            let slot = k % ringSize
            let decision = pendingDecisions[slot]
            let intensityDb = pendingIntensityDb[slot]
            let aWeightedDb = pendingAWeighted[slot] / 4e-10 < 1e-30 ? -300 : 10 * log10(pendingAWeighted[slot] / 4e-10)
            let sounding = levels.add(intensityDb, voiced: decision.voiced)
            let threshold = levels.speakerThresholdDb
            let frame = ProsodyFrame(
                index: k,
                f0Hz: decision.voiced ? decision.frequencyHz : nil,
                voicingStrength: decision.strength,
                intensityDb: intensityDb,
                aWeightedLevelDb: aWeightedDb,
                loudnessSones: Loudness.sones(fromAWeightedDb: aWeightedDb),
                sounding: sounding)
            if let pause = pauses.add(index: k, sounding: frame.sounding) {
                emit(.pause(startFrameIndex: pause.startFrame,
                            durationSec: Double(pause.frames) * Self.frameStepSeconds))
            }
            if let nucleus = nuclei.add(index: k, decibels: pendingNucleusDb[slot], voiced: frame.voiced, thresholdDb: threshold) {
                emit(.syllableNucleus(frameIndex: nucleus, intensityDb: pendingNucleusDb[nucleus % ringSize]))
            }
            accumulator.add(frame)
            emit(.frame(frame))
            nextEmitFrame += 1
        }
    }

    private func compactIfNeeded() {
        guard buffer.count > compactionThreshold else { return }
        let oldestNeeded = min(nextPitchFrame, nextIntensityFrame) * Self.hop - samplesBefore
        let drop = oldestNeeded - bufferStart
        guard drop > 0 else { return }
        buffer.removeFirst(drop)
        bufferStart += drop
    }
}
