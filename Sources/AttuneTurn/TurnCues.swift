import AttuneProsody

/// The cues the end-of-turn model reads, computed at each 10 ms of a pause from the last ~2 s of
/// prosody frames and a running baseline of this speaker (F0 range, voiced-run length, articulation
/// rate, typical hold pause), so that "low", "long" and "slow" mean low, long and slow *for them*.
public struct TurnCues: Sendable {
    /// Feature order shared with models/end-of-turn.json and tools/turn/fit_end_of_turn.py.
    public static let featureNames = [
        "pauseLog",              // ln(1 + pause / 100 ms)
        "pauseOverTypicalHold",  // pause / this speaker's mean hold pause so far (≤ 5)
        "f0Slope",               // final F0 slope over the last 300 ms voiced, semitones/s ÷ 10 (±4)
        "f0FinalZ",              // last 100 ms of F0 against the speaker's mean, in their SDs (±4)
        "f0Missing",             // 1 when the last 300 ms before the pause had no voiced frame
        "finalLengthening",      // last voiced run / the speaker's mean voiced run (≤ 4)
        "energySlope",           // intensity slope over the last 200 ms of sound, dB/s ÷ 100 (±4)
        "rateRatio",             // syllables in the last second / the speaker's articulation rate (≤ 3)
        "turnLengthLog",         // ln(1 + seconds of speech in this turn)
        "transcriptHoldWord",    // partial transcript ends in "and", "so", "um", a comma, …
        "transcriptTerminal",    // … ends with . ! ?
        "transcriptQuestion",    // … ends with ?
        "pauseLogTimesHoldWord", // interaction: how long a trailing "and" keeps holding
        "pauseLogTimesF0FinalZ", // interaction: a high final pitch holds less as the pause grows
        "f0FinalRise",           // last 50 ms of F0 above the lowest of the last 400 ms voiced, semitones ÷ 10 (≤ 2)
        "f0FinalFall",           // highest of the last 400 ms voiced above the last 50 ms, semitones ÷ 10 (≤ 2)
        "transcriptPresent",     // 1 when the host has given a partial transcript for this turn
    ]

    /// One prosody frame as the cue extractor keeps it.
    struct Frame {
        var index: Int
        var semitones: Double?
        var intensityDb: Double
        var sounding: Bool
        var nucleus: Bool
    }

    private var recent: [Frame] = []
    /// 4 s: the 2 s of speech the cues read stay in view through pauses of up to 2 s.
    private let recentCapacity = 400
    /// Speaker baseline.
    private var semitoneCount = 0.0, semitoneMean = 0.0, semitoneM2 = 0.0
    private var voicedRunCount = 0.0, voicedRunMeanFrames = 0.0
    private var currentVoicedRun = 0
    private var speechFrames = 0.0, syllables = 0.0
    private var holdCount = 0.0, holdMeanMs = 400.0

    public init() {}

    mutating func add(_ frame: ProsodyFrame, nucleus: Bool, inSpeech: Bool) {
        let semitones = frame.f0Hz.map { ProsodySummary.semitones(fromHz: $0) }
        if recent.count == recentCapacity { recent.removeFirst() }
        recent.append(Frame(index: frame.index, semitones: semitones, intensityDb: frame.intensityDb,
                            sounding: frame.sounding, nucleus: nucleus))
        if let st = semitones {
            semitoneCount += 1
            let delta = st - semitoneMean
            semitoneMean += delta / semitoneCount
            semitoneM2 += delta * (st - semitoneMean)
            currentVoicedRun += 1
        } else if currentVoicedRun > 0 {
            voicedRunCount += 1
            voicedRunMeanFrames += (Double(currentVoicedRun) - voicedRunMeanFrames) / voicedRunCount
            currentVoicedRun = 0
        }
        if inSpeech { speechFrames += 1 }
        if nucleus { syllables += 1 }
    }

    mutating func markNucleus(frameIndex: Int) {
        if let i = recent.lastIndex(where: { $0.index == frameIndex }) { recent[i].nucleus = true }
        syllables += 1
    }

    /// A pause that ended with the same speaker going on: it teaches what a hold looks like for them.
    mutating func recordHold(pauseMs: Double) {
        holdCount += 1
        holdMeanMs += (pauseMs - holdMeanMs) / (holdCount + 1)   // starts from a 400 ms prior
    }

    /// Features for a pause of `pauseMs` after speech that ended at frame `speechEndFrame`.
    func features(pauseMs: Double, speechEndFrame: Int, turnSpeechSeconds: Double, transcript: TranscriptCues) -> [Double] {
        let before = recent.filter { $0.index <= speechEndFrame }
        let last300 = before.filter { $0.index > speechEndFrame - 30 }
        let voiced = last300.compactMap { f in f.semitones.map { (Double(f.index) * 0.01, $0) } }
        var slope = 0.0, finalZ = 0.0, missing = 1.0
        if voiced.count >= 3 {
            missing = 0
            let n = Double(voiced.count)
            let mt = voiced.reduce(0) { $0 + $1.0 } / n, my = voiced.reduce(0) { $0 + $1.1 } / n
            var sxy = 0.0, sxx = 0.0
            for (t, y) in voiced { sxy += (t - mt) * (y - my); sxx += (t - mt) * (t - mt) }
            slope = sxx > 0 ? sxy / sxx : 0
            let final = voiced.suffix(10).reduce(0) { $0 + $1.1 } / Double(min(voiced.count, 10))
            let sd = semitoneCount > 1 ? (semitoneM2 / semitoneCount).squareRoot() : 0
            finalZ = sd > 0.1 ? (final - semitoneMean) / sd : 0
        }
        // The last voiced run before the pause.
        var run = 0
        for f in before.reversed() {
            if f.semitones != nil { run += 1 } else if run > 0 { break }
        }
        let lengthening = voicedRunMeanFrames > 0 ? Double(run) / voicedRunMeanFrames : 1
        // Intensity slope over the last 200 ms of sounding frames.
        let sound = before.suffix(40).filter { $0.sounding }.suffix(20)
        var energy = 0.0
        if sound.count >= 3 {
            let n = Double(sound.count)
            let mt = sound.reduce(0) { $0 + Double($1.index) * 0.01 } / n, my = sound.reduce(0) { $0 + $1.intensityDb } / n
            var sxy = 0.0, sxx = 0.0
            for f in sound { let t = Double(f.index) * 0.01; sxy += (t - mt) * (f.intensityDb - my); sxx += (t - mt) * (t - mt) }
            energy = sxx > 0 ? sxy / sxx : 0
        }
        let recentSyllables = Double(before.suffix(100).filter { $0.nucleus }.count)
        let speakerRate = speechFrames > 50 ? syllables / (speechFrames * 0.01) : 0
        let window = Double(before.suffix(100).count) * 0.01
        let rateRatio = speakerRate > 0 && window > 0 ? recentSyllables / min(1, window) / speakerRate : 1
        // Size of the final pitch movement: a question's rise and a statement's fall run further than
        // the shallow continuation contour of a clause that goes on.
        var finalRise = 0.0, finalFall = 0.0
        let last400 = before.filter { $0.index > speechEndFrame - 40 }.compactMap { $0.semitones }
        if last400.count >= 5 {
            let final = last400.suffix(5).reduce(0, +) / 5
            finalRise = (final - last400.min()!) / 10
            finalFall = (last400.max()! - final) / 10
        }
        let pauseLog = log(1 + pauseMs / 100)
        let clampedZ = min(max(finalZ, -4), 4)
        return [
            pauseLog,
            min(pauseMs / max(holdMeanMs, 50), 5),
            min(max(slope / 10, -4), 4),
            clampedZ,
            missing,
            min(lengthening, 4),
            min(max(energy / 100, -4), 4),
            min(rateRatio, 3),
            log(1 + turnSpeechSeconds),
            transcript.trailingHoldWord,
            transcript.terminalPunctuation,
            transcript.question,
            pauseLog * transcript.trailingHoldWord,
            pauseLog * clampedZ,
            min(finalRise, 2),
            min(finalFall, 2),
            transcript.present,
        ]
    }

    /// Readable names of the cues that pushed towards a shift, strongest first. A cue is named only
    /// when it is there: a contribution above 0.25 to the logit, and a value on the side its name says
    /// (above the training mean for "final_rise", "question", …; the sign for "f0_fall" / "f0_rise"),
    /// so that the absence of a rise is never reported as a rise.
    static func explain(features: [Double], contributions: [Double], pauseMs: Double, mean: [Double]) -> [String] {
        var named: [(String, Double)] = [("pause_\(Int(pauseMs.rounded()))ms", contributions[0] + contributions[1])]
        func add(_ name: String, _ value: Double) { if value > 0.25 { named.append((name, value)) } }
        func present(_ i: Int) -> Bool { features[i] > mean[i] }
        add(features[2] < 0 ? "f0_fall" : "f0_rise", contributions[2])
        if present(14) { add("final_rise", contributions[14]) }
        if present(15) { add("final_fall", contributions[15]) }
        add(features[3] < 0 ? "low_final_pitch" : "high_final_pitch", contributions[3] + contributions[13])
        if present(4) { add("no_final_voicing", contributions[4]) }
        if present(5) { add("final_lengthening", contributions[5]) }
        add(features[6] < 0 ? "energy_decay" : "energy_rise", contributions[6])
        add(features[7] < 1 ? "slowing_down" : "speeding_up", contributions[7])
        if present(8) { add("long_turn", contributions[8]) }
        if features[10] > 0 { add("complete_sentence", contributions[10]) }
        if features[11] > 0 { add("question", contributions[11]) }
        let cues = named.sorted { $0.1 > $1.1 }.map { $0.0 }
        return cues
    }
}
