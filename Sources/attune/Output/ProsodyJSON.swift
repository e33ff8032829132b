import AttuneProsody
import Foundation

/// JSON for `attune analyze`, written by hand so that frames can stream out one at a time
/// (a one-hour input never holds its frames in memory) and so that undefined values are an
/// explicit `null` rather than a missing key.
enum ProsodyJSON {
    /// Fixed-point text of `value` with `decimals` digits after the point, rounded half away from
    /// zero. Hand-written because `String(format:)` costs more per frame than the analysis of it.
    static func number(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let units = UInt64(scaled)
        let divisor = UInt64(scale)
        var text = value < 0 && units != 0 ? "-" : ""
        text += String(units / divisor)
        if decimals > 0 {
            let fraction = String(units % divisor)
            text += "." + String(repeating: "0", count: decimals - fraction.count) + fraction
        }
        return text
    }

    static func optional(_ value: Double?, decimals: Int) -> String {
        value.map { number($0, decimals: decimals) } ?? "null"
    }

    /// Appends one frame's JSON object to `bytes` (ASCII, no allocation once the buffer has grown).
    static func appendFrame(_ frame: ProsodyFrame, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"{"t":"#.utf8)
        appendNumber(frame.timeSec, decimals: 2, to: &bytes)
        bytes.append(contentsOf: #","f0Hz":"#.utf8)
        if let f0 = frame.f0Hz { appendNumber(f0, decimals: 2, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
        bytes.append(contentsOf: #","voiced":"#.utf8)
        bytes.append(contentsOf: (frame.voiced ? "true" : "false").utf8)
        bytes.append(contentsOf: #","voicingStrength":"#.utf8)
        appendNumber(frame.voicingStrength, decimals: 3, to: &bytes)
        bytes.append(contentsOf: #","intensityDb":"#.utf8)
        appendNumber(frame.intensityDb, decimals: 2, to: &bytes)
        bytes.append(contentsOf: #","loudness":"#.utf8)
        appendNumber(frame.loudnessSones, decimals: 4, to: &bytes)
        bytes.append(contentsOf: #","sounding":"#.utf8)
        bytes.append(contentsOf: (frame.sounding ? "true}" : "false}").utf8)
    }

    static func frame(_ frame: ProsodyFrame) -> String {
        var bytes: [UInt8] = []
        appendFrame(frame, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Fixed-point digits of `value`, as `number` but straight into a byte buffer.
    static func appendNumber(_ value: Double, decimals: Int, to bytes: inout [UInt8]) {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard value.isFinite, scaled < 9e15 else {
            bytes.append(contentsOf: number(value, decimals: decimals).utf8)
            return
        }
        var units = UInt64(scaled)
        if value < 0 && units != 0 { bytes.append(UInt8(ascii: "-")) }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                     UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        withUnsafeMutableBytes(of: &digits) { buffer in
            repeat {
                buffer[count] = UInt8(ascii: "0") + UInt8(units % 10)
                units /= 10
                count += 1
            } while units > 0 || count <= decimals
            for i in stride(from: count - 1, through: 0, by: -1) {
                if i == decimals - 1 { bytes.append(UInt8(ascii: ".")) }
                bytes.append(buffer[i])
            }
        }
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
    var pending: [UInt8] = []

    init() { pending.reserveCapacity(72 * 1024) }

    func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
        flushIfFull()
    }

    func flushIfFull() {
        if pending.count >= 64 * 1024 { flush() }
    }

    func flush() {
        guard !pending.isEmpty else { return }
        pending.withUnsafeBytes { FileHandle.standardOutput.write(Data($0)) }
        pending.removeAll(keepingCapacity: true)
    }
}
