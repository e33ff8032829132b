import AttuneAudio
import AttuneProsody

/// Streaming turn-taking: VAD (Silero port) and prosody (`ProsodyAnalyzer`) over the same audio,
/// combined frame by frame into speech starts, pauses, end-of-turn decisions (the fitted
/// `EndOfTurnModel`, evaluated every 10 ms of a pause), resumptions, barge-ins and backchannel
/// opportunities.
///
/// Timing: frame k is handled once both its prosody (90 ms look-ahead) and its VAD chunk are in,
/// so every event's `t` is the input time of that moment, t_k + 90 ms or later.
public final class TurnDetector {
    public let settings: TurnSettings
    public let model: EndOfTurnModel
    private let prosody: ProsodyAnalyzer
    private let vad: VoiceActivityDetector
    private var cues = TurnCues()
    private var chunkProbabilities: [Int: Float] = [:]
    private var pendingFrames: [ProsodyFrame] = []
    private var lastChunk = -1
    private var lastAddedFrame = -1
    private var pendingNuclei = Set<Int>()

    private enum Phase {
        /// Nobody has spoken yet.
        case idle
        case speaking
        /// Silence after speech that ended at `endFrame`, not yet judged an end of turn.
        case pausing(endFrame: Int)
        /// An end of turn was declared at `decidedT` for speech that ended at `speechEndT`.
        case yielded(decidedT: Double, speechEndT: Double)
    }

    private var phase = Phase.idle
    private var speechRunFrames = 0
    private var speechRunStart = 0
    private var lastSpeechFrame = 0
    private var turnSpeechFrames = 0
    private var pauseEventSent = false
    private var backchannelSent = false
    private var assistantSpokeSinceEndOfTurn = false
    private var transcript = TranscriptCues()
    private var assistantSpeaking = false

    /// Every `(frame, features, p)` evaluated in pauses, for fitting (off unless asked for).
    public var recordFeatures = false
    public private(set) var featureLog: [(t: Double, speechEndT: Double, pauseMs: Double, features: [Double])] = []

    public init(vadWeights: SileroVADWeights, model: EndOfTurnModel, settings: TurnSettings = TurnSettings()) {
        self.settings = settings
        self.model = model
        prosody = ProsodyAnalyzer()
        vad = VoiceActivityDetector(weights: vadWeights)
    }

    /// The input time (s) the detector has been fed up to.
    public var inputTimeSec: Double { Double(prosody.sampleCount) / ProsodyAnalyzer.sampleRate }

    /// The partial transcript of the current turn, from the host's speech recogniser.
    public func setTranscript(_ text: String) { transcript = TranscriptCues(text: text) }

    /// The host's own playback started or stopped (speech during playback is a barge-in).
    public func setAssistantSpeaking(_ speaking: Bool) {
        assistantSpeaking = speaking
        if speaking { assistantSpokeSinceEndOfTurn = true }
    }

    public func process(_ samples: UnsafeBufferPointer<Float>, _ emit: (TurnEvent) -> Void) {
        vad.process(samples) { chunk, p in chunkProbabilities[chunk] = p; lastChunk = chunk }
        prosody.process(samples) { event in handle(event) }
        drain(final: false, emit)
    }

    public func finish(_ emit: (TurnEvent) -> Void) {
        vad.finish { chunk, p in chunkProbabilities[chunk] = p; lastChunk = chunk }
        prosody.finish { event in handle(event) }
        drain(final: true, emit)
    }

    private func handle(_ event: ProsodyEvent) {
        switch event {
        case .frame(let frame): pendingFrames.append(frame)
        case .syllableNucleus(let index, _):
            // A nucleus whose frame still waits for its VAD chunk is marked when the frame is added,
            // so the cues do not depend on how the input was chunked.
            if index > lastAddedFrame { pendingNuclei.insert(index) } else { cues.markNucleus(frameIndex: index) }
        case .pause: break
        }
    }

    private func drain(final: Bool, _ emit: (TurnEvent) -> Void) {
        var consumed = 0
        for frame in pendingFrames {
            let chunk = VoiceActivityDetector.chunk(ofFrame: frame.index)
            guard let p = chunkProbabilities[chunk] ?? (final ? 0 : nil) else { break }
            step(frame, vadProbability: p, emit)
            consumed += 1
            if chunk > 0 { chunkProbabilities.removeValue(forKey: chunk - 1) }
        }
        pendingFrames.removeFirst(consumed)
    }

    private func step(_ frame: ProsodyFrame, vadProbability p: Float, _ emit: (TurnEvent) -> Void) {
        let k = frame.index
        // Decided when both inputs for frame k were in: its prosody is the later one, 90 ms behind.
        let now = frame.timeSec + prosody.lookAheadSeconds
        var speaking = false
        if case .speaking = phase { speaking = true }
        let isSpeech = p >= settings.speechOnProbability || (speaking && p >= settings.speechOffProbability)
        cues.add(frame, nucleus: pendingNuclei.remove(k) != nil, inSpeech: speaking)
        lastAddedFrame = k
        if isSpeech {
            if speechRunFrames == 0 { speechRunStart = k }
            speechRunFrames += 1
        } else {
            speechRunFrames = 0
        }
        let sustained = isSpeech && Double(speechRunFrames) * 10 >= settings.minimumSpeechMs

        switch phase {
        case .idle:
            if sustained { startTurn(now: now, emit) }
        case .yielded(let decidedT, let speechEndT):
            guard sustained else { return }
            let startT = Double(speechRunStart) * 0.01 - 0.005
            if !assistantSpokeSinceEndOfTurn && startT - speechEndT < settings.resumeWindowSec {
                // The person went on before anyone answered: the end of turn was a false cut-in.
                emit(.turnResumed(t: now, afterEndOfTurnT: decidedT))
                cues.recordHold(pauseMs: (startT - speechEndT) * 1000)
                if assistantSpeaking { emit(.bargeIn(t: now)) }
                phase = .speaking
                lastSpeechFrame = k
                turnSpeechFrames += speechRunFrames
            } else {
                startTurn(now: now, emit)
            }
        case .speaking:
            if isSpeech {
                lastSpeechFrame = k
                turnSpeechFrames += 1
            } else {
                phase = .pausing(endFrame: lastSpeechFrame)
                pauseEventSent = false
                backchannelSent = false
                judgePause(endFrame: lastSpeechFrame, frame: k, now: now, emit)
            }
        case .pausing(let endFrame):
            if sustained {
                let gapMs = Double(speechRunStart - endFrame) * 10
                if gapMs >= settings.resumeWindowSec * 1000 {
                    // A gap longer than the resume window starts a new turn, end of turn declared or
                    // not, so "turn length" means the same live and in the fitting logs.
                    startTurn(now: now, emit)
                    return
                }
                // The same speaker went on: a hold, which teaches what their holds look like.
                cues.recordHold(pauseMs: gapMs)
                if assistantSpeaking { emit(.bargeIn(t: now)) }
                phase = .speaking
                lastSpeechFrame = k
                turnSpeechFrames += speechRunFrames
            } else if !isSpeech {
                judgePause(endFrame: endFrame, frame: k, now: now, emit)
            }
            // Speech that has begun but not yet lasted `minimumSpeechMs` suspends the judgement: it is
            // most likely the same person going on, and ending their turn now would cut them off.
        }
    }

    private func startTurn(now: Double, _ emit: (TurnEvent) -> Void) {
        emit(.speechStart(t: now, speechStartT: Double(speechRunStart) * 0.01 - 0.005))
        if assistantSpeaking { emit(.bargeIn(t: now)) }
        phase = .speaking
        lastSpeechFrame = speechRunStart + speechRunFrames - 1
        turnSpeechFrames = speechRunFrames
    }

    /// One 10 ms step of a pause: the pause event, the end-of-turn model, a backchannel opportunity.
    /// The pause is measured to the end of the silent frame being judged, not to `now`: the look-ahead
    /// is a delay in deciding, not silence the person left.
    private func judgePause(endFrame: Int, frame k: Int, now: Double, _ emit: (TurnEvent) -> Void) {
        let speechEndT = Double(endFrame) * 0.01 + 0.005
        let pauseMs = Double(k - endFrame) * 10
        if !pauseEventSent, pauseMs >= settings.pauseEventMs {
            emit(.pause(t: now, speechEndT: speechEndT))
            pauseEventSent = true
        }
        guard pauseMs >= settings.minimumEndOfTurnPauseMs else { return }
        let features = cues.features(pauseMs: pauseMs, speechEndFrame: endFrame,
                                     turnSpeechSeconds: Double(turnSpeechFrames) * 0.01, transcript: transcript)
        if recordFeatures { featureLog.append((now, speechEndT, pauseMs, features)) }
        let (probability, contributions) = model.evaluate(features)
        let timedOut = pauseMs >= model.fallbackPauseMs
        if probability >= model.threshold || timedOut {
            let delay = max(0, settings.naturalGapMs - pauseMs)
            var reasons = TurnCues.explain(features: features, contributions: contributions, pauseMs: pauseMs, mean: model.mean)
            if timedOut && probability < model.threshold { reasons.insert("time_out", at: 0) }
            emit(.endOfTurn(t: now, speechEndT: speechEndT, p: probability, cues: reasons,
                            suggestedDelayMs: Int(delay.rounded())))
            phase = .yielded(decidedT: now, speechEndT: speechEndT)
            assistantSpokeSinceEndOfTurn = assistantSpeaking
            transcript = TranscriptCues()
            return
        }
        if !backchannelSent, pauseMs >= settings.backchannelPauseMs, probability < settings.backchannelMaximumP,
           abs(features[2] * 10) >= settings.backchannelSlopeSemitonesPerSec {
            emit(.backchannelOpportunity(t: now, speechEndT: speechEndT, cues: [features[2] < 0 ? "f0_fall" : "f0_rise"]))
            backchannelSent = true
        }
    }
}
