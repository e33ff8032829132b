import AttuneProsody
import Foundation

/// The F0 axis of the plot: semitones (log Hz), fitted to the speaker so that a 100 Hz voice is not
/// flattened against a 0–600 Hz scale. The range is Tukey's fences around the quartiles of the
/// sounding voiced frames (1.5 interquartile ranges past each quartile) plus 2 semitones, at least
/// an octave, rounded out to 5 Hz: F0 points in noise at the top of the pitch range (Praat finds
/// them too, see docs/PROSODY.md) fall outside it and are drawn at its edge instead of setting it.
/// Without voiced frames the axis is Praat's default pitch range, 75–600 Hz.
struct F0Axis {
    let floorHz: Double
    let ceilingHz: Double
    /// Whether the range comes from the speaker's frames.
    let fitted: Bool

    init(frames: [ProsodyFrame]) {
        var semitones = frames.filter(\.sounding).compactMap(\.f0Hz).map(ProsodySummary.semitones(fromHz:))
        if semitones.isEmpty { semitones = frames.compactMap(\.f0Hz).map(ProsodySummary.semitones(fromHz:)) }
        guard !semitones.isEmpty else {
            (floorHz, ceilingHz, fitted) = (75, 600, false)
            return
        }
        semitones.sort()
        func quantile(_ q: Double) -> Double { semitones[min(semitones.count - 1, Int(q * Double(semitones.count - 1)))] }
        let (q1, q3) = (quantile(0.25), quantile(0.75))
        var low = max(q1 - 1.5 * (q3 - q1), semitones[0]) - 2
        var high = min(q3 + 1.5 * (q3 - q1), semitones[semitones.count - 1]) + 2
        if high - low < 12 {
            let middle = (low + high) / 2
            (low, high) = (middle - 6, middle + 6)
        }
        func hz(_ st: Double) -> Double { 27.5 * pow(2, st / 12) }
        floorHz = max(5, (hz(low) / 5).rounded(.down) * 5)
        ceilingHz = (hz(high) / 5).rounded(.up) * 5
        fitted = true
    }

    /// Where `hz` sits between the floor (0) and the ceiling (1); outside 0…1 beyond them.
    func fraction(_ hz: Double) -> Double { log(hz / floorHz) / log(ceilingHz / floorHz) }

    /// Round frequencies inside the range, with the floor and the ceiling (`true`) at the ends.
    func ticks() -> [(hz: Double, isEnd: Bool)] {
        let round: [Double] = [20, 30, 40, 50, 60, 70, 80, 90, 100, 120, 150, 200, 250, 300, 400, 500, 600, 800, 1000]
        return [(floorHz, true)] + round.filter { $0 > floorHz * 1.04 && $0 < ceilingHz / 1.04 }.map { ($0, false) }
            + [(ceilingHz, true)]
    }
}
