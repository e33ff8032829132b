import AttuneKernels

/// One frame of Boersma's (1993) autocorrelation method: the candidates of §2–§4 for the
/// window centred between samples `c − 1` and `c`, plus the frame's A-weighted mean square taken
/// from the same spectrum (so loudness costs no second transform).
///
/// Steps (paper sections):
/// 1. §2: subtract the local mean (one longest period each side), multiply by a Hanning window of
///    three longest periods, zero-pad to a power of two ≥ 1.5 windows (room for lags up to half a
///    window without wrap-around).
/// 2. §2, eq. 9: autocorrelation r_a = IFFT(|FFT|²), normalised by r_a(0) and divided by the
///    window's own normalised autocorrelation r_w, which undoes the window's taper.
/// 3. §3: each local maximum above half the voicing threshold is a candidate; its lag is first
///    estimated by a parabola, its strength by sin(x)/x interpolation; strengths above 1 (short
///    windows) are reflected to 1/r. §4: when all places are taken, a weaker candidate, after
///    the octave-cost bonus for high frequencies, makes way.
/// 4. §3: every kept candidate is refined by maximising the sinc-interpolated r (Brent).
///
/// The window and FFT sizes follow Praat's implementation so results compare frame by frame.
final class PitchFrameAnalyzer {
    let settings: PitchSettings
    let sampleRate: Double
    /// Samples in the analysis window (638 at 16 kHz, 75 Hz).
    let windowLength: Int
    let halfWindow: Int
    /// Samples in one longest period (213) and half of it (+1), as Praat rounds them.
    let periodSamples: Int
    let halfPeriodSamples: Int
    /// Peaks are searched at lags 2..<maximumLag (a bit more than one longest period).
    let maximumLag: Int
    /// Lags kept for interpolation around the peaks (half a window).
    let interpolationLags: Int
    let fft: RealFourierTransform
    let window: UnsafeMutablePointer<Double>
    let windowAutocorrelation: UnsafeMutablePointer<Double>
    /// 1 / r_w, so the per-frame normalisation multiplies instead of dividing.
    let inverseWindowAutocorrelation: UnsafeMutablePointer<Double>
    let aWeightSquared: UnsafeMutablePointer<Double>
    let sumOfSquaredWindow: Double
    private let frame: UnsafeMutablePointer<Double>
    private let power: UnsafeMutablePointer<Double>
    private let autocorrelation: UnsafeMutablePointer<Double>
    /// r at lags −interpolationLags…+interpolationLags, so interpolation near lag 0 sees a symmetric curve.
    private let symmetricCorrelation: UnsafeMutablePointer<Double>
    private var peakLags = [Int](repeating: 0, count: PitchCandidates.capacity)

    /// Samples needed before and after the centre: the window reaches `c − halfWindow … c + halfWindow − 1`,
    /// the local mean `c − periodSamples … c + periodSamples − 1`.
    var samplesBefore: Int { max(halfWindow, periodSamples) }
    var samplesAfter: Int { max(halfWindow, periodSamples) }

    /// The path finder's costs are per 10 ms; they scale with the frame step.
    let timeStepCorrection: Double

    init(settings: PitchSettings, sampleRate: Double, frameStepSeconds: Double) {
        self.settings = settings
        timeStepCorrection = 0.01 / frameStepSeconds
        self.sampleRate = sampleRate
        let windowDuration = settings.periodsPerWindow / settings.floorHz
        let half = Int((windowDuration * sampleRate).rounded(.down)) / 2 - 1
        halfWindow = half
        windowLength = 2 * half
        periodSamples = Int((sampleRate / settings.floorHz).rounded(.down))
        halfPeriodSamples = periodSamples / 2 + 1
        maximumLag = min(Int((Double(windowLength) / settings.periodsPerWindow).rounded(.down)) + 2, windowLength)
        interpolationLags = Int((Double(windowLength) * 0.5).rounded(.down))
        var size = 1
        while Double(size) < Double(windowLength) * 1.5 { size *= 2 }
        fft = RealFourierTransform(count: size)!
        window = .allocate(capacity: windowLength)
        windowAutocorrelation = .allocate(capacity: windowLength)
        aWeightSquared = .allocate(capacity: size / 2 + 1)
        frame = .allocate(capacity: size)
        power = .allocate(capacity: size / 2 + 1)
        autocorrelation = .allocate(capacity: size)
        symmetricCorrelation = .allocate(capacity: 2 * interpolationLags + 1)
        var sumSquares = 0.0
        for i in 0..<windowLength {
            window[i] = 0.5 - 0.5 * cos(Double(i + 1) * 2 * .pi / Double(windowLength + 1))
            sumSquares += window[i] * window[i]
        }
        sumOfSquaredWindow = sumSquares
        // r_w: the window's autocorrelation, normalised to 1 at lag 0 (§2, eq. 8).
        for lag in 0..<windowLength {
            var sum = 0.0
            for i in 0..<(windowLength - lag) { sum += window[i] * window[i + lag] }
            windowAutocorrelation[lag] = sum
        }
        let r0 = windowAutocorrelation[0]
        for lag in 0..<windowLength { windowAutocorrelation[lag] /= r0 }
        inverseWindowAutocorrelation = .allocate(capacity: windowLength)
        for lag in 0..<windowLength { inverseWindowAutocorrelation[lag] = 1 / windowAutocorrelation[lag] }
        // Bins 1 … N/2 − 1 stand for their mirror images too (Parseval over the full spectrum).
        for k in 0...(size / 2) {
            let frequency = Double(k) * sampleRate / Double(size)
            aWeightSquared[k] = AWeighting.powerGain(atHz: frequency) * (k == 0 || k == size / 2 ? 1 : 2)
        }
    }

    deinit {
        window.deallocate()
        windowAutocorrelation.deallocate()
        inverseWindowAutocorrelation.deallocate()
        aWeightSquared.deallocate()
        frame.deallocate()
        power.deallocate()
        autocorrelation.deallocate()
        symmetricCorrelation.deallocate()
    }

    /// Analyse the frame whose centre lies between `centre[-1]` and `centre[0]`.
    /// Returns the candidates and the frame's A-weighted mean square (Pa², with samples in Pa).
    /// Without `search` (`PitchSearchGate`), the frame keeps only its voiceless candidate.
    func analyze(centre: UnsafePointer<Float>, globalPeak: Double, search: Bool = true) -> (PitchCandidates, aWeightedMeanSquare: Double) {
        var candidates = PitchCandidates()
        let size = fft.count
        // 1. Local mean over one longest period on each side.
        var localSum = 0.0
        for i in -periodSamples..<periodSamples { localSum += Double(centre[i]) }
        let localMean = localSum / Double(2 * periodSamples)
        for j in 0..<windowLength {
            frame[j] = (Double(centre[j - halfWindow]) - localMean) * window[j]
        }
        for j in windowLength..<size { frame[j] = 0 }
        // Local peak: half a longest period around the centre of the windowed frame.
        var localPeak = 0.0
        let peakStart = max(halfWindow - halfPeriodSamples, 0)
        let peakEnd = min(halfWindow + halfPeriodSamples, windowLength)
        for j in peakStart..<peakEnd { localPeak = max(localPeak, abs(frame[j])) }
        candidates.relativePeak = globalPeak > 0 ? min(localPeak / globalPeak, 1) : 0

        // 2. Power spectrum, its A-weighted sum (Parseval), and back to the autocorrelation.
        fft.powerSpectrum(of: frame, into: power)
        var weightedPower = 0.0
        for k in 0...(size / 2) { weightedPower += power[k] * aWeightSquared[k] }
        let aWeightedMeanSquare = weightedPower / Double(size) / sumOfSquaredWindow
        if !search || localPeak == 0 || globalPeak == 0 { return (candidates, aWeightedMeanSquare) }   // gated, or absolute silence: voiceless only
        // A frame this quiet keeps only its voiceless candidate, without changing any decision:
        // its voiceless score U = voicingThreshold + 2 − relativePeak · (1 + voicingThreshold) /
        // silenceThreshold exceeds any voiced score (≤ 1) by more than the two voicing changes
        // (2 · voicedUnvoicedCost) a voiced choice here could save, so no optimal path takes one.
        // Praat searches these frames anyway; skipping them saves a third of the work on speech.
        let unvoicedScore = settings.voicingThreshold
            + max(0, 2 - candidates.relativePeak * (1 + settings.voicingThreshold) / settings.silenceThreshold)
        if settings.silenceThreshold > 0, unvoicedScore > 1 + 2 * settings.voicedUnvoicedCost * timeStepCorrection + 1e-9 {
            return (candidates, aWeightedMeanSquare)
        }
        fft.inverseOfEvenSpectrum(power, into: autocorrelation)
        let inverseR0 = 1 / autocorrelation[0]
        let lags = interpolationLags
        let r = symmetricCorrelation + lags   // r[-lags ... lags]
        r[0] = 1
        for lag in 1...lags {
            let value = autocorrelation[lag] * inverseR0 * inverseWindowAutocorrelation[lag]
            r[lag] = value
            r[-lag] = value
        }
        let curve = UnsafeBufferPointer(start: symmetricCorrelation, count: 2 * lags + 1)

        // 3. Peaks above half the voicing threshold become candidates.
        let capacity = min(settings.maximumCandidates, PitchCandidates.capacity)
        let floorHz = settings.floorHz
        let octaveCost = settings.octaveCost
        var lag = 2
        while lag < maximumLag && lag < lags {
            defer { lag += 1 }
            let value = r[lag]
            guard value > 0.5 * settings.voicingThreshold, value > r[lag - 1], value >= r[lag + 1] else { continue }
            let dr = 0.5 * (r[lag + 1] - r[lag - 1])
            let d2r = 2 * value - r[lag - 1] - r[lag + 1]
            let frequency = sampleRate / (Double(lag) + dr / d2r)
            var strength = WindowedSincInterpolation.value(curve, at: sampleRate / frequency + Double(lags), depth: 30)
            if strength > 1 { strength = 1 / strength }
            var place = -1
            if candidates.count < capacity {
                place = candidates.count
                candidates.count += 1
            } else {
                var weakest = 2.0
                for i in 1..<capacity {
                    let local = candidates.strength[i] - octaveCost * log2(floorHz / candidates.frequencyHz[i])
                    if local < weakest { weakest = local; place = i }
                }
                if strength - octaveCost * log2(floorHz / frequency) <= weakest { place = -1 }
            }
            if place >= 0 {
                candidates.frequencyHz[place] = frequency
                candidates.strength[place] = strength
                peakLags[place] = lag
            }
        }
        // 4. Refine each candidate to the maximum of the sinc-interpolated curve.
        if candidates.count > 1 {
            for i in 1..<candidates.count {
                let depth = candidates.frequencyHz[i] > 0.3 * sampleRate ? 700 : 70
                let best = WindowedSincInterpolation.maximum(curve, near: peakLags[i] + lags, depth: depth)
                candidates.frequencyHz[i] = sampleRate / (best.position - Double(lags))
                candidates.strength[i] = best.value > 1 ? 1 / best.value : best.value
            }
        }
        return (candidates, aWeightedMeanSquare)
    }
}
