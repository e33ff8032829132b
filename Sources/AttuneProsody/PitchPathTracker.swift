/// The path finder of Boersma (1993) §5, run with a fixed decision lag so it can work live.
///
/// Every frame's candidates get a local score (§4): a voiced candidate scores its strength minus
/// `octaveCost · log2(ceiling / f)`; the voiceless one scores
/// `voicingThreshold + max(0, 2 − relativePeak / (silenceThreshold / (1 + voicingThreshold)))`.
/// Moving between frames costs `octaveJumpCost · |log2(f1 / f2)|` between two voiced candidates
/// and `voicedUnvoicedCost` across a voicing change (both scaled by 0.01 s / time step). The
/// Viterbi recursion keeps, for every candidate, the best cumulative score of a path ending in it.
///
/// Praat traces the best path back from the end of the file. Here frame n − lag is decided as soon
/// as frame n is in, by tracing back from frame n's best candidate; at the end of the input the
/// remaining frames are decided from the final best candidate, exactly as Praat does. With a lag of
/// 70 ms the two differ only where a later frame would have flipped an earlier choice.
struct PitchPathTracker {
    let settings: PitchSettings
    let lag: Int
    private let octaveJumpCost: Double
    private let voicedUnvoicedCost: Double
    /// Ring of the last `lag + 1` frames' candidates and back-pointers.
    private var frames: [PitchCandidates]
    private var backPointers: [SIMD16<Int32>]
    private var cumulative = SIMD16<Double>(repeating: 0)
    /// Frames pushed so far, and frames decided so far.
    private(set) var pushedCount = 0
    private(set) var decidedCount = 0

    init(settings: PitchSettings, frameStepSeconds: Double) {
        self.settings = settings
        lag = max(0, settings.decisionLagFrames)
        let timeStepCorrection = 0.01 / frameStepSeconds
        octaveJumpCost = settings.octaveJumpCost * timeStepCorrection
        voicedUnvoicedCost = settings.voicedUnvoicedCost * timeStepCorrection
        frames = Array(repeating: PitchCandidates(), count: lag + 1)
        backPointers = Array(repeating: SIMD16<Int32>(repeating: 0), count: lag + 1)
    }

    /// A decided frame: the index it was pushed at, and its chosen candidate (frequency 0 = voiceless).
    struct Decision {
        var frameIndex: Int
        var frequencyHz: Double
        var strength: Double
        var voiced: Bool
    }

    private func isVoiced(_ frequency: Double) -> Bool {
        frequency > 0 && frequency < settings.ceilingHz
    }

    /// Adds the next frame; returns the frame decided by it, if any.
    mutating func push(_ candidates: PitchCandidates) -> Decision? {
        let slot = pushedCount % (lag + 1)
        var local = SIMD16<Double>(repeating: -.infinity)
        var unvoicedStrength = settings.silenceThreshold <= 0 ? 0 :
            2 - candidates.relativePeak / (settings.silenceThreshold / (1 + settings.voicingThreshold))
        unvoicedStrength = settings.voicingThreshold + max(unvoicedStrength, 0)
        for c in 0..<candidates.count {
            let f = candidates.frequencyHz[c]
            local[c] = isVoiced(f)
                ? candidates.strength[c] - settings.octaveCost * log2(settings.ceilingHz / f)
                : unvoicedStrength
        }
        var next = SIMD16<Double>(repeating: -.infinity)
        var pointers = SIMD16<Int32>(repeating: 0)
        if pushedCount == 0 {
            next = local
        } else {
            let previous = frames[(pushedCount - 1) % (lag + 1)]
            for c2 in 0..<candidates.count {
                let f2 = candidates.frequencyHz[c2]
                let currentVoiced = isVoiced(f2)
                var best = -1e300
                var place: Int32 = 0
                for c1 in 0..<previous.count {
                    let f1 = previous.frequencyHz[c1]
                    let previousVoiced = isVoiced(f1)
                    let transition: Double
                    if currentVoiced && previousVoiced {
                        transition = octaveJumpCost * abs(log2(f1 / f2))
                    } else if currentVoiced != previousVoiced {
                        transition = voicedUnvoicedCost
                    } else {
                        transition = 0
                    }
                    let value = cumulative[c1] - transition + local[c2]
                    if value > best { best = value; place = Int32(c1) }
                }
                next[c2] = best
                pointers[c2] = place
            }
        }
        // Subtracting the best score keeps the sums bounded over hours; it changes no comparison.
        var top = -Double.infinity
        for c in 0..<candidates.count { top = max(top, next[c]) }
        for c in 0..<candidates.count { next[c] -= top }
        cumulative = next
        frames[slot] = candidates
        backPointers[slot] = pointers
        pushedCount += 1
        guard pushedCount - decidedCount > lag else { return nil }
        return decide(frameIndex: decidedCount, from: bestFinalCandidate())
    }

    /// Decides every frame not yet decided (end of input), oldest first.
    mutating func finish(_ emit: (Decision) -> Void) {
        guard decidedCount < pushedCount else { return }
        // Trace the final best path once, then hand the frames out in time order.
        var choices = [Int](repeating: 0, count: pushedCount - decidedCount)
        var candidate = bestFinalCandidate()
        var frame = pushedCount - 1
        while frame >= decidedCount {
            choices[frame - decidedCount] = candidate
            candidate = Int(backPointers[frame % (lag + 1)][candidate])
            frame -= 1
        }
        for choice in choices {
            emit(makeDecision(frameIndex: decidedCount, candidate: choice))
            decidedCount += 1
        }
    }

    private func bestFinalCandidate() -> Int {
        let last = frames[(pushedCount - 1) % (lag + 1)]
        var place = 0
        var best = cumulative[0]
        for c in 1..<max(last.count, 1) where cumulative[c] > best {
            best = cumulative[c]
            place = c
        }
        return place
    }

    private mutating func decide(frameIndex: Int, from finalCandidate: Int) -> Decision {
        var candidate = finalCandidate
        var frame = pushedCount - 1
        while frame > frameIndex {
            candidate = Int(backPointers[frame % (lag + 1)][candidate])
            frame -= 1
        }
        decidedCount += 1
        return makeDecision(frameIndex: frameIndex, candidate: candidate)
    }

    private func makeDecision(frameIndex: Int, candidate: Int) -> Decision {
        let chosen = frames[frameIndex % (lag + 1)]
        let f = chosen.frequencyHz[candidate]
        let voiced = isVoiced(f)
        return Decision(frameIndex: frameIndex, frequencyHz: voiced ? f : 0,
                        strength: chosen.strength[candidate], voiced: voiced)
    }
}
