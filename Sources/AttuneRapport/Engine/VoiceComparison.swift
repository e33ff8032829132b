import Foundation

/// One turn's voice against the person's own baseline: how far each measure moved, in units where
/// 1 is a clear change for that measure, and what that says about arousal and pace.
///
/// Units (a change of this size counts as one): speech rate 12 % (about one step between "relaxed"
/// and "brisk" reading rates), loudness 4 dB, mean F0 2 semitones, F0 range 3 semitones. Arousal is
/// the mean of the measures present (rate, loudness and F0 weighted 1, range 0.5): ≥ 0.8 reads
/// `higher`, ≤ −0.8 `lower`, else `same`. Pace mirrors the rate alone: ±12 %.
public struct VoiceComparison: Sendable, Equatable {
    public var ratePercent: Double?
    public var loudnessDeltaDb: Double?
    public var f0DeltaSemitones: Double?
    public var rangeDeltaSemitones: Double?
    public var pauseRatio: Double?
    public var arousalScore: Double?
    public var baseline: ProsodicBaseline

    static let rateUnit = 0.12
    static let loudnessUnitDb = 4.0
    static let f0UnitSemitones = 2.0
    static let rangeUnitSemitones = 3.0
    static let arousalThreshold = 0.8

    public init(_ prosody: TurnProsody, baseline: ProsodicBaseline) {
        self.baseline = baseline
        if let rate = prosody.speechRateSylPerSec, let base = baseline.speechRateSylPerSec, base > 0 {
            ratePercent = (rate / base - 1) * 100
        }
        if let loudness = prosody.loudnessDb, let base = baseline.loudnessDb { loudnessDeltaDb = loudness - base }
        if let f0 = prosody.f0MeanHz, let base = baseline.f0MeanHz, f0 > 0, base > 0 { f0DeltaSemitones = 12 * log2(f0 / base) }
        if let range = prosody.f0RangeSemitones, let base = baseline.f0RangeSemitones { rangeDeltaSemitones = range - base }
        if let pause = prosody.pauseBeforeMs, let base = baseline.pauseBeforeMs, base > 0 { pauseRatio = pause / base }
        var weighted = 0.0
        var weights = 0.0
        if let ratePercent { weighted += ratePercent / 100 / Self.rateUnit; weights += 1 }
        if let loudnessDeltaDb { weighted += loudnessDeltaDb / Self.loudnessUnitDb; weights += 1 }
        if let f0DeltaSemitones { weighted += f0DeltaSemitones / Self.f0UnitSemitones; weights += 1 }
        if let rangeDeltaSemitones { weighted += 0.5 * rangeDeltaSemitones / Self.rangeUnitSemitones; weights += 0.5 }
        arousalScore = weights > 0 ? weighted / weights : nil
    }

    /// "lower" | "same" | "higher", or nil when no measure could be compared.
    public var arousal: String? {
        guard let arousalScore else { return nil }
        if arousalScore >= Self.arousalThreshold { return "higher" }
        if arousalScore <= -Self.arousalThreshold { return "lower" }
        return "same"
    }

    /// "slower" | "normal" | "faster" from the rate alone.
    public var pace: String {
        guard let ratePercent else { return "normal" }
        if ratePercent >= Self.rateUnit * 100 { return "faster" }
        if ratePercent <= -Self.rateUnit * 100 { return "slower" }
        return "normal"
    }

    /// The measured changes as voice signals: "rate +28 % against your usual mornings (4.1 syl/s)".
    public var signals: [ContextSignal] {
        var signals: [ContextSignal] = []
        let against = baseline.yardstick
        if let ratePercent, let base = baseline.speechRateSylPerSec {
            signals.append(ContextSignal(source: "voice", text: "speech rate \(Self.signed(ratePercent, 0)) % against \(against) (\(Self.fixed(base, 1)) syl/s)"))
        }
        if let loudnessDeltaDb, let base = baseline.loudnessDb {
            signals.append(ContextSignal(source: "voice", text: "loudness \(Self.signed(loudnessDeltaDb, 1)) dB against \(against) (\(Self.fixed(base, 1)) dB)"))
        }
        if let f0DeltaSemitones, let base = baseline.f0MeanHz {
            signals.append(ContextSignal(source: "voice", text: "pitch \(Self.signed(f0DeltaSemitones, 1)) semitones against \(against) (\(Self.fixed(base, 0)) Hz)"))
        }
        if let rangeDeltaSemitones, let base = baseline.f0RangeSemitones {
            signals.append(ContextSignal(source: "voice", text: "pitch range \(Self.signed(rangeDeltaSemitones, 1)) semitones against \(against) (\(Self.fixed(base, 1)))"))
        }
        if let pauseRatio, let base = baseline.pauseBeforeMs, abs(pauseRatio - 1) >= 0.5 {
            signals.append(ContextSignal(source: "voice", text: "pause before speaking \(Self.fixed(pauseRatio, 1))× \(against) (\(Self.fixed(base, 0)) ms)"))
        }
        return signals
    }

    static func signed(_ value: Double, _ digits: Int) -> String {
        let rounded = fixed(value, digits)
        return value >= 0 && !rounded.hasPrefix("-") ? "+" + rounded : rounded
    }

    static func fixed(_ value: Double, _ digits: Int) -> String {
        String(format: "%.\(digits)f", value == 0 ? 0 : value)
    }
}
