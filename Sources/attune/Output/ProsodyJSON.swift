import AttuneProsody
import Foundation

/// JSON for `attune analyze`, written by hand so that frames can stream out one at a time
/// (a one-hour input never holds its frames in memory) and so that undefined values are an
/// explicit `null` rather than a missing key.
enum ProsodyJSON {
    static func number(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "null" }
        return String(format: "%.\(decimals)f", value)
    }

    static func optional(_ value: Double?, decimals: Int) -> String {
        value.map { number($0, decimals: decimals) } ?? "null"
    }

    static func frame(_ frame: ProsodyFrame) -> String {
        "{\"t\":\(number(frame.timeSec, decimals: 2)),\"f0Hz\":\(optional(frame.f0Hz, decimals: 2)),"
            + "\"voiced\":\(frame.voiced),\"voicingStrength\":\(number(frame.voicingStrength, decimals: 3)),"
            + "\"intensityDb\":\(number(frame.intensityDb, decimals: 2)),"
            + "\"loudness\":\(number(frame.loudnessSones, decimals: 4)),\"sounding\":\(frame.sounding)}"
    }

    static func summary(_ s: ProsodySummary) -> String {
        let fields: [(String, String)] = [
            ("durationSec", number(s.durationSec, decimals: 3)),
            ("frameCount", "\(s.frameCount)"),
            ("voicedFrameCount", "\(s.voicedFrameCount)"),
            ("soundingFrameCount", "\(s.soundingFrameCount)"),
            ("syllables", "\(s.syllables)"),
            ("speechRateSylPerSec", optional(s.speechRateSylPerSec, decimals: 3)),
            ("articulationRateSylPerSec", optional(s.articulationRateSylPerSec, decimals: 3)),
            ("speechSpanSec", optional(s.speechSpanSec, decimals: 2)),
            ("phonationTimeSec", number(s.phonationTimeSec, decimals: 2)),
            ("pauseCount", "\(s.pauseCount)"),
            ("meanPauseSec", optional(s.meanPauseSec, decimals: 3)),
            ("f0MeanHz", optional(s.f0MeanHz, decimals: 2)),
            ("f0MeanSemitones", optional(s.f0MeanSemitones, decimals: 3)),
            ("f0StdevSemitones", optional(s.f0StdevSemitones, decimals: 3)),
            ("f0Percentile20Semitones", optional(s.f0Percentile20Semitones, decimals: 3)),
            ("f0MedianSemitones", optional(s.f0MedianSemitones, decimals: 3)),
            ("f0Percentile80Semitones", optional(s.f0Percentile80Semitones, decimals: 3)),
            ("f0SlopeLast300msSemitonesPerSec", optional(s.f0SlopeLast300msSemitonesPerSec, decimals: 3)),
            ("loudnessMeanSones", optional(s.loudnessMeanSones, decimals: 4)),
            ("loudnessStdevSones", optional(s.loudnessStdevSones, decimals: 4)),
            ("intensityMeanDb", optional(s.intensityMeanDb, decimals: 2)),
            ("voicedFraction", optional(s.voicedFraction, decimals: 3)),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}

/// Buffered writes to standard output; `flush` after each line in live mode.
final class StandardOutputWriter {
    private var pending = ""

    func write(_ text: String) {
        pending += text
        if pending.utf8.count >= 64 * 1024 { flush() }
    }

    func flush() {
        guard !pending.isEmpty else { return }
        FileHandle.standardOutput.write(Data(pending.utf8))
        pending.removeAll(keepingCapacity: true)
    }
}
