import AttuneAudio
import AttuneProsody

/// Streaming turn-taking: VAD (Silero port) and prosody (`ProsodyAnalyzer`) over the same audio,
/// combined frame by frame into speech starts, pauses, end-of-turn decisions (the fitted
/// `EndOfTurnModel`, evaluated every 10 ms of a pause), resumptions, barge-ins and backchannel
/// opportunities.
///
/// Timing: the turn state advances on the VAD's clock. Frame k (10 ms) is stepped as soon as its
/// 32 ms VAD chunk is complete, and that moment, the chunk's end, is the `t` of what it decides.
/// Prosody frames arrive 90 ms after their centre and only feed the cues, which describe the speech
/// *before* a pause; a pause is judged once the prosody of its last speech frame is in. Both streams
/// are merged in input-sample order (prosody frame k counts as arriving at sample 160k + look-ahead,
/// VAD frame k at its chunk's end), so the events do not depend on how the input is chunked.
public final class TurnDetector {
    public let settings: TurnSettings
    public let model: EndOfTurnModel
    private let prosody: ProsodyAnalyzer
    private let vad: VoiceActivityDetector
    private var cues = TurnCues()
    private let lookAheadSamples: Int

    /// A prosody event and the input sample at which it counts as arrived.
    private struct ProsodyEntry {
        enum Event { case frame(ProsodyFrame), nucleus(frameIndex: Int) }
        var arrival: Int
        var event: Event
    }

    private var prosodyQueue: [ProsodyEntry] = []
    private var prosodyHead = 0
    private var lastQueuedProsodyFrame = -1
    /// VAD frames waiting to be stepped: frame index, chunk probability, arrival sample.
    private var vadQueue: [(frame: Int, p: Float, arrival: Int)] = []
    private var vadHead = 0
    /// Whether each stepped frame was inside speech, until its prosody frame reaches the cues.
    private var speakingAtFrame: [Int: Bool] = [:]
    private var lastAddedFrame = -1
    /// The last frame the turn state was stepped for.
    private var lastSteppedFrame = -1
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
    /// The VAD probability of the latest chunk.
    private var latestChunkProbability: Float = 0

    /// Every `(frame, features, p)` evaluated in pauses, for fitting (off unless asked for).
    public var recordFeatures = false
    public private(set) var featureLog: [(t: Double, speechEndT: Double, pauseMs: Double, features: [Double])] = []

    public init(vadWeights: SileroVADWeights, model: EndOfTurnModel, settings: TurnSettings = TurnSettings()) {
        self.settings = settings
        self.model = model
        precondition(settings.pitchSearchGate.map { $0.chunkSamples == SileroVAD.chunkSamples } ?? true,
                     "TurnSettings.pitchSearchGate: its chunks must be the VAD's")
        prosody = ProsodyAnalyzer(pitchSearchGate: settings.pitchSearchGate)
        vad = VoiceActivityDetector(weights: vadWeights)
        lookAheadSamples = Int((prosody.lookAheadSeconds * ProsodyAnalyzer.sampleRate).rounded(.up))
    }

    /// The prosody summary (`ProsodySummary`) of everything the detector has analysed so far.
    public func prosodySummary() -> ProsodySummary { prosody.summary() }

    /// When set, called with how long each end-of-turn judgement took (the cues and the model, one per
    /// 10 ms of a pause), in nanoseconds of the monotonic clock: the edge binary's `--profile`.
    public var judgementTimer: ((UInt64) -> Void)?

    /// The input time (s) the detector has been fed up to.
    public var inputTimeSec: Double { Double(prosody.sampleCount) / ProsodyAnalyzer.sampleRate }

    /// Whether nothing is being said or waited on: no turn is open (nobody has spoken, or the last
    /// end of turn is older than the resume window), the assistant is not speaking, and the latest
    /// VAD chunk is below the speech-off probability. A capture feed may then hand audio over in
    /// longer blocks (`CaptureFeed.setQuiet`): no decision is due until speech has lasted
    /// `minimumSpeechMs`, longer than such a block.
    public var hearsOnlySilence: Bool {
        guard !assistantSpeaking, latestChunkProbability < settings.speechOffProbability, speechRunFrames == 0 else { return false }
        switch phase {
        case .idle: return true
        case .yielded(let decidedT, _): return inputTimeSec - decidedT > settings.resumeWindowSec
        case .speaking, .pausing: return false
        }
    }

    /// The partial transcript of the current turn, from the host's speech recogniser.
    public func setTranscript(_ text: String) { transcript = TranscriptCues(text: text) }

    /// The host's own playback started or stopped (speech during playback is a barge-in).
    public func setAssistantSpeaking(_ speaking: Bool) {
        assistantSpeaking = speaking
        if speaking { assistantSpokeSinceEndOfTurn = true }
    }

    public func process(_ samples: UnsafeBufferPointer<Float>, _ emit: (TurnEvent) -> Void) {
        VADGatedProsody.process(samples, vad: vad, prosody: prosody, chunk: { enqueue(chunk: $0, p: $1) }, event: { handle($0) })
        drain(final: false, emit)
    }

    /// Ends the input: steps what is still queued, then ends a turn still open (speech, or a pause
    /// not yet judged) with an `endOfTurn` marked `endOfInput`, decided at the end of the input. Live,
    /// the silence would have gone on until the model or the fallback pause ended the turn; a clip
    /// that stops 0.45 s after its speech still gets its answer. The pause is measured to the last
    /// stepped frame, as the live rule would measure it, so the event is the same however the audio
    /// was chunked.
    public func finish(_ emit: (TurnEvent) -> Void) {
        VADGatedProsody.finish(vad: vad, prosody: prosody, chunk: { enqueue(chunk: $0, p: $1) }, event: { handle($0) })
        drain(final: true, emit)
        endOpenTurn(emit)
    }

    private func endOpenTurn(_ emit: (TurnEvent) -> Void) {
        let endFrame: Int
        switch phase {
        case .pausing(let frame): endFrame = frame
        case .speaking: endFrame = lastSpeechFrame
        case .idle, .yielded: return
        }
        let now = inputTimeSec
        let speechEndT = Double(endFrame) * 0.01 + 0.005
        // The VAD pads its last partial chunk, so frames may have been stepped past the input's end.
        let lastInputFrame = min(lastSteppedFrame, prosody.sampleCount / CanonicalAudio.samplesPer10Ms - 1)
        let pauseMs = Double(max(0, lastInputFrame - endFrame)) * 10
        let features = cues.features(pauseMs: pauseMs, speechEndFrame: endFrame,
                                     turnSpeechSeconds: Double(turnSpeechFrames) * 0.01, transcript: transcript)
        let (probability, contributions) = model.evaluate(features)
        let reasons = ["end_of_input"] + TurnCues.explain(features: features, contributions: contributions, pauseMs: pauseMs, mean: model.mean)
        let delay = max(0, settings.naturalGapMs - pauseMs)
        emit(.endOfTurn(t: now, speechEndT: speechEndT, p: probability, cues: reasons,
                        suggestedDelayMs: Int(delay.rounded()), endOfInput: true))
        phase = .yielded(decidedT: now, speechEndT: speechEndT)
    }

    /// Frame k is known once its chunk is complete.
    private func enqueue(chunk c: Int, p: Float) {
        latestChunkProbability = p
        let arrival = (c + 1) * SileroVAD.chunkSamples
        for k in VoiceActivityDetector.frames(ofChunk: c) { vadQueue.append((k, p, arrival)) }
    }

    private func handle(_ event: ProsodyEvent) {
        switch event {
        case .frame(let frame):
            prosodyQueue.append(ProsodyEntry(arrival: frame.index * 160 + lookAheadSamples, event: .frame(frame)))
            lastQueuedProsodyFrame = frame.index
        case .syllableNucleus(let index, _):
            // Reported together with the next frame, so it arrives with it.
            let arrival = (lastQueuedProsodyFrame + 1) * 160 + lookAheadSamples
            prosodyQueue.append(ProsodyEntry(arrival: arrival, event: .nucleus(frameIndex: index)))
        case .pause: break
        }
    }

    private func drain(final: Bool, _ emit: (TurnEvent) -> Void) {
        while vadHead < vadQueue.count {
            let next = vadQueue[vadHead]
            // Every prosody event that arrives by this VAD frame must be in hand (at the end of the
            // input, everything is).
            guard final || (lastQueuedProsodyFrame + 1) * 160 + lookAheadSamples > next.arrival else { break }
            addProsody(arrivedBy: next.arrival)
            step(frame: next.frame, vadProbability: next.p, arrival: next.arrival, emit)
            vadHead += 1
        }
        if final { addProsody(arrivedBy: .max) }
        if vadHead > 256 { vadQueue.removeFirst(vadHead); vadHead = 0 }
        if prosodyHead > 256 { prosodyQueue.removeFirst(prosodyHead); prosodyHead = 0 }
    }

    /// Feeds the cues every prosody event that arrived by input sample `sample`, in order.
    private func addProsody(arrivedBy sample: Int) {
        while prosodyHead < prosodyQueue.count, prosodyQueue[prosodyHead].arrival <= sample {
            let entry = prosodyQueue[prosodyHead]
            prosodyHead += 1
            switch entry.event {
            case .frame(let frame):
                let k = frame.index
                cues.add(frame, nucleus: pendingNuclei.remove(k) != nil, inSpeech: speakingAtFrame.removeValue(forKey: k) ?? false)
                lastAddedFrame = k
            case .nucleus(let k) where k > lastAddedFrame:
                pendingNuclei.insert(k)
            case .nucleus(let k):
                cues.markNucleus(frameIndex: k)
            }
        }
    }

    private func step(frame k: Int, vadProbability p: Float, arrival: Int, _ emit: (TurnEvent) -> Void) {
        // Decided when frame k's VAD chunk was complete.
        let now = Double(arrival) / ProsodyAnalyzer.sampleRate
        lastSteppedFrame = k
        var speaking = false
        if case .speaking = phase { speaking = true }
        let isSpeech = p >= settings.speechOnProbability || (speaking && p >= settings.speechOffProbability)
        speakingAtFrame[k] = speaking
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
        // The cues read the speech before the pause: wait until its last frame's prosody is in.
        guard pauseMs >= settings.minimumEndOfTurnPauseMs, lastAddedFrame >= endFrame else { return }
        let started = judgementTimer == nil ? 0 : MonotonicClock.nanoseconds()
        defer { if let judgementTimer { judgementTimer(MonotonicClock.nanoseconds() - started) } }
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
