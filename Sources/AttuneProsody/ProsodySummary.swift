/// Per-utterance features in the spirit of eGeMAPS (Eyben et al. 2016), computed here from
/// Attune's own frames (openSMILE's licence is non-commercial). Values that need data the input
/// did not have (no voiced frame, no speech) are nil.
public struct ProsodySummary: Sendable, Equatable {
    public var durationSec: Double = 0
    public var frameCount = 0
    public var voicedFrameCount = 0
    public var soundingFrameCount = 0
    /// Syllable nuclei found (de Jong & Wempe 2009).
    public var syllables = 0
    /// Syllables per second from the start of the first to the end of the last speech segment.
    public var speechRateSylPerSec: Double?
    /// Syllables per second of phonation time (speech segments without pauses).
    public var articulationRateSylPerSec: Double?
    public var speechSpanSec: Double?
    public var phonationTimeSec: Double = 0
    public var pauseCount = 0
    public var meanPauseSec: Double?
    public var f0MeanHz: Double?
    /// F0 statistics in semitones re 27.5 Hz (A0), as eGeMAPS reports them.
    public var f0MeanSemitones: Double?
    public var f0StdevSemitones: Double?
    public var f0Percentile20Semitones: Double?
    public var f0MedianSemitones: Double?
    public var f0Percentile80Semitones: Double?
    /// Least-squares F0 slope over the last 300 ms up to the last voiced frame (semitones / s):
    /// negative is falling (statement-like), positive rising (question-like).
    public var f0SlopeLast300msSemitonesPerSec: Double?
    /// Loudness over sounding frames.
    public var loudnessMeanSones: Double?
    public var loudnessStdevSones: Double?
    public var intensityMeanDb: Double?
    /// Voiced frames over sounding frames: how much of the phonation is voiced.
    public var voicedFraction: Double?

    public init() {}

    /// Semitones re 27.5 Hz.
    public static func semitones(fromHz frequency: Double) -> Double {
        12 * log2(frequency / 27.5)
    }
}

/// Accumulates `ProsodySummary` frame by frame in constant memory: running means and variances
/// (Welford), a 0.05-semitone histogram for F0 percentiles, and the last 300 ms of voiced frames.
struct ProsodySummaryAccumulator {
    static let semitoneBinWidth = 0.05
    static let semitoneBins = 1920   // 0 … 96 semitones re 27.5 Hz (27.5 Hz … 7 kHz)
    private var frames = 0, voiced = 0, sounding = 0, voicedSounding = 0
    private var f0HzSum = 0.0
    private var semitoneStats = RunningStatistics()
    private var loudnessStats = RunningStatistics()
    private var intensityStats = RunningStatistics()
    private var semitoneHistogram = [Int32](repeating: 0, count: semitoneBins)
    /// Ring of the last 30 voiced frames (index, semitones).
    private var recentVoiced = [(index: Int, semitones: Double)](repeating: (0, 0), count: 30)
    private var recentCount = 0

    mutating func add(_ frame: ProsodyFrame) {
        frames += 1
        if frame.sounding {
            sounding += 1
            loudnessStats.add(frame.loudnessSones)
            intensityStats.add(frame.intensityDb)
        }
        guard let f0 = frame.f0Hz else { return }
        voiced += 1
        if frame.sounding { voicedSounding += 1 }
        f0HzSum += f0
        let st = ProsodySummary.semitones(fromHz: f0)
        semitoneStats.add(st)
        let bin = Int((st / Self.semitoneBinWidth).rounded(.down))
        semitoneHistogram[min(max(bin, 0), Self.semitoneBins - 1)] += 1
        recentVoiced[recentCount % recentVoiced.count] = (frame.index, st)
        recentCount += 1
    }

    private func semitonePercentile(_ q: Double) -> Double? {
        guard voiced > 0 else { return nil }
        let rank = q * Double(voiced)
        var seen = 0.0
        for bin in 0..<Self.semitoneBins where semitoneHistogram[bin] > 0 {
            let inBin = Double(semitoneHistogram[bin])
            if seen + inBin >= rank {
                let within = inBin > 0 ? (rank - seen) / inBin : 0.5
                return (Double(bin) + within) * Self.semitoneBinWidth
            }
            seen += inBin
        }
        return Double(Self.semitoneBins) * Self.semitoneBinWidth
    }

    private func recentSlope(frameStepSeconds: Double) -> Double? {
        let available = min(recentCount, recentVoiced.count)
        guard available >= 3 else { return nil }
        let last = recentVoiced[(recentCount - 1) % recentVoiced.count].index
        var n = 0.0, sumT = 0.0, sumY = 0.0, sumTT = 0.0, sumTY = 0.0
        for i in 0..<available {
            let entry = recentVoiced[i]
            guard last - entry.index < 30 else { continue }
            let t = Double(entry.index) * frameStepSeconds
            n += 1; sumT += t; sumY += entry.semitones; sumTT += t * t; sumTY += t * entry.semitones
        }
        let denominator = n * sumTT - sumT * sumT
        guard n >= 3, denominator > 0 else { return nil }
        return (n * sumTY - sumT * sumY) / denominator
    }

    func summary(
        sampleCount: Int, sampleRate: Double, frameStepSeconds: Double,
        syllables: Int, pauses: PauseSegmenter
    ) -> ProsodySummary {
        var s = ProsodySummary()
        s.durationSec = Double(sampleCount) / sampleRate
        s.frameCount = frames
        s.voicedFrameCount = voiced
        s.soundingFrameCount = sounding
        s.syllables = syllables
        let (phonationFrames, lastEnd) = pauses.closed()
        s.phonationTimeSec = Double(phonationFrames) * frameStepSeconds
        if let first = pauses.firstSpeechStart, let last = lastEnd, last > first {
            let span = Double(last - first) * frameStepSeconds
            s.speechSpanSec = span
            s.speechRateSylPerSec = Double(syllables) / span
        }
        if phonationFrames > 0 { s.articulationRateSylPerSec = Double(syllables) / s.phonationTimeSec }
        s.pauseCount = pauses.pauseCount
        if pauses.pauseCount > 0 {
            s.meanPauseSec = Double(pauses.pauseFrames) * frameStepSeconds / Double(pauses.pauseCount)
        }
        if voiced > 0 {
            s.f0MeanHz = f0HzSum / Double(voiced)
            s.f0MeanSemitones = semitoneStats.mean
            s.f0StdevSemitones = semitoneStats.standardDeviation
            s.f0Percentile20Semitones = semitonePercentile(0.2)
            s.f0MedianSemitones = semitonePercentile(0.5)
            s.f0Percentile80Semitones = semitonePercentile(0.8)
            s.f0SlopeLast300msSemitonesPerSec = recentSlope(frameStepSeconds: frameStepSeconds)
        }
        if sounding > 0 {
            s.loudnessMeanSones = loudnessStats.mean
            s.loudnessStdevSones = loudnessStats.standardDeviation
            s.intensityMeanDb = intensityStats.mean
            s.voicedFraction = Double(voicedSounding) / Double(sounding)
        }
        return s
    }
}

/// Welford's running mean and (population) standard deviation.
struct RunningStatistics {
    private(set) var count = 0
    private(set) var mean = 0.0
    private var m2 = 0.0

    mutating func add(_ x: Double) {
        count += 1
        let delta = x - mean
        mean += delta / Double(count)
        m2 += delta * (x - mean)
    }

    var standardDeviation: Double { count > 0 ? (m2 / Double(count)).squareRoot() : 0 }
}
