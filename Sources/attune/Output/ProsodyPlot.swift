import AttuneProsody
import Foundation

/// The SVG that `attune analyze --plot` writes: three panels on one time axis (waveform
/// envelope; F0 with the voiced frames; intensity with the sounding threshold's effect and the
/// syllable nuclei), pauses shaded across all panels. Plain SVG 1.1, no scripts, no external tools.
struct ProsodyPlot {
    var frames: [ProsodyFrame] = []
    /// The input's smallest and largest sample per stretch, for the envelope.
    var envelope = WaveformEnvelope()
    var nuclei: [Int] = []
    var pauses: [(startFrame: Int, durationSec: Double)] = []
    var title = ""
    var summary = ProsodySummary()

    static let width = 1200.0
    static let left = 70.0, right = 20.0
    static let panelHeight = 150.0, gap = 30.0, top = 50.0

    func render() -> String {
        let duration = max(summary.durationSec, Double(frames.count) * 0.01, 0.01)
        let plotWidth = Self.width - Self.left - Self.right
        func x(_ t: Double) -> Double { Self.left + t / duration * plotWidth }
        func y(panel: Int, fraction: Double) -> Double {
            Self.top + Double(panel) * (Self.panelHeight + Self.gap) + (1 - min(max(fraction, 0), 1)) * Self.panelHeight
        }
        let height = Self.top + 3 * Self.panelHeight + 2 * Self.gap + 50
        var svg = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(Self.width))" height="\(Int(height))" \
            viewBox="0 0 \(Int(Self.width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(Self.left)" y="22" font-size="15">\(escape(title))</text>
            <text x="\(Self.left)" y="40" fill="#444">\(escape(subtitle()))</text>

            """
        // Pauses, shaded across the three panels.
        let bottom = y(panel: 2, fraction: 0)
        for pause in pauses {
            let start = Double(pause.startFrame) * 0.01
            svg += "<rect class=\"pause\" x=\(q(x(start))) y=\(q(Self.top)) width=\(q(x(start + pause.durationSec) - x(start))) "
                + "height=\(q(bottom - Self.top)) fill=\"#f2e6c9\"/>\n"
        }
        // Panel frames and labels.
        let labels = ["Waveform", "F0 (Hz)", "Intensity (dB)"]
        for panel in 0..<3 {
            svg += "<rect x=\(q(Self.left)) y=\(q(y(panel: panel, fraction: 1))) width=\(q(plotWidth)) height=\(q(Self.panelHeight)) "
                + "fill=\"none\" stroke=\"#888\"/>\n"
            let middle = y(panel: panel, fraction: 0.5)
            svg += "<text x=\"18\" y=\(q(middle)) transform=\"rotate(-90 18 \(f(middle)))\" text-anchor=\"middle\" "
                + "fill=\"#333\">\(labels[panel])</text>\n"
        }
        // Waveform envelope: the minimum and maximum of each pixel column's samples, as one filled
        // outline (maxima left to right, minima back), at least a pixel thick so silence shows.
        let envelopeWidth = plotWidth * min(Double(envelope.sampleCount) / ProsodyAnalyzer.sampleRate / duration, 1)
        if let columns = envelope.columns(max(1, Int(envelopeWidth.rounded()))) {
            let peak = Double(columns.map { max(abs($0.minimum), abs($0.maximum)) }.max() ?? 1)
            let scale = peak > 0 ? peak : 1
            let columnWidth = envelopeWidth / Double(columns.count)
            var upper: [(Double, Double)] = [], lower: [(Double, Double)] = []
            for (i, column) in columns.enumerated() {
                let xx = Self.left + (Double(i) + 0.5) * columnWidth
                var top = y(panel: 0, fraction: 0.5 + Double(column.maximum) / scale / 2)
                var bottom = y(panel: 0, fraction: 0.5 + Double(column.minimum) / scale / 2)
                if bottom - top < 1 {
                    let middle = (top + bottom) / 2
                    top = middle - 0.5
                    bottom = middle + 0.5
                }
                upper.append((xx, top))
                lower.append((xx, bottom))
            }
            var path = "M\(f(Self.left)) \(f(upper[0].1))"
            for point in upper { path += "L\(f(point.0)) \(f(point.1))" }
            path += "L\(f(Self.left + envelopeWidth)) \(f(upper[upper.count - 1].1))"
            path += "L\(f(Self.left + envelopeWidth)) \(f(lower[lower.count - 1].1))"
            for point in lower.reversed() { path += "L\(f(point.0)) \(f(point.1))" }
            path += "L\(f(Self.left)) \(f(lower[0].1))Z"
            svg += "<path class=\"envelope\" d=\"\(path)\" fill=\"#3a6ea5\" stroke=\"none\"/>\n"
        }
        // F0 on a semitone (log Hz) axis fitted to this speaker; floor and ceiling labelled.
        let axis = F0Axis(frames: frames)
        func f0Fraction(_ hz: Double) -> Double { axis.fraction(hz) }
        var lastLabelY = Double.infinity
        for (tick, isEnd) in axis.ticks() {
            let yy = y(panel: 1, fraction: f0Fraction(tick))
            if !isEnd && (abs(yy - lastLabelY) < 14 || abs(yy - y(panel: 1, fraction: 1)) < 14) { continue }
            lastLabelY = yy
            svg += "<line x1=\(q(Self.left - 4)) y1=\(q(yy)) x2=\(q(Self.left)) y2=\(q(yy)) stroke=\"#888\"/>"
                + "<text x=\(q(Self.left - 8)) y=\(q(yy + 4)) text-anchor=\"end\" fill=\"\(isEnd ? "#222" : "#555")\""
                + "\(isEnd ? " font-weight=\"bold\"" : "")>\(Int(tick.rounded()))</text>\n"
        }
        var dots = "", quiet = "", beyond = ""
        var beyondCount = 0
        for frame in frames {
            guard let f0 = frame.f0Hz else { continue }
            let fraction = f0Fraction(f0)
            let point = "M\(f(x(frame.timeSec))) \(f(y(panel: 1, fraction: fraction)))h0.01"
            if fraction < 0 || fraction > 1 {
                beyond += point
                beyondCount += 1
            } else if frame.sounding {
                dots += point
            } else {
                quiet += point
            }
        }
        svg += "<path class=\"f0-silent\" d=\"\(quiet)\" stroke=\"#bbbbbb\" stroke-width=\"3\" stroke-linecap=\"round\" fill=\"none\"/>\n"
        svg += "<path class=\"f0\" d=\"\(dots)\" stroke=\"#c0392b\" stroke-width=\"3\" stroke-linecap=\"round\" fill=\"none\"/>\n"
        svg += "<path class=\"f0-beyond\" d=\"\(beyond)\" stroke=\"#e6a23c\" stroke-width=\"3\" stroke-linecap=\"round\" fill=\"none\"/>\n"
        var legend = "F0 axis \(Int(axis.floorHz.rounded()))–\(Int(axis.ceilingHz.rounded())) Hz, log scale"
        legend += axis.fitted ? " (this speaker's range)" : " (Praat's default range)"
        if beyondCount > 0 { legend += " · \(beyondCount) points beyond it drawn at its edge" }
        svg += "<text class=\"f0-axis\" x=\(q(Self.left + 6)) y=\(q(y(panel: 1, fraction: 1) + 14)) fill=\"#555\">\(escape(legend))</text>\n"
        // Intensity: the sounding frames' range sets the scale.
        let audible = frames.map(\.intensityDb).filter { $0 > -200 }
        let high = ((audible.max() ?? 80) / 10).rounded(.up) * 10
        let low = max(high - 60, ((audible.min() ?? 20) / 10).rounded(.down) * 10)
        func intensityFraction(_ db: Double) -> Double { (db - low) / max(high - low, 1) }
        for tick in stride(from: low, through: high, by: 10) {
            let yy = y(panel: 2, fraction: intensityFraction(tick))
            svg += "<line x1=\(q(Self.left - 4)) y1=\(q(yy)) x2=\(q(Self.left)) y2=\(q(yy)) stroke=\"#888\"/>"
                + "<text x=\(q(Self.left - 8)) y=\(q(yy + 4)) text-anchor=\"end\" fill=\"#555\">\(Int(tick))</text>\n"
        }
        var line = ""
        for (i, frame) in frames.enumerated() {
            line += (i == 0 ? "M" : "L") + "\(f(x(frame.timeSec))) \(f(y(panel: 2, fraction: intensityFraction(frame.intensityDb))))"
        }
        svg += "<path d=\"\(line)\" stroke=\"#27ae60\" stroke-width=\"1.5\" fill=\"none\"/>\n"
        for nucleus in nuclei where nucleus >= 1 && nucleus <= frames.count {
            let frame = frames[nucleus - 1]
            svg += "<circle class=\"nucleus\" cx=\(q(x(frame.timeSec))) cy=\(q(y(panel: 2, fraction: intensityFraction(frame.intensityDb)))) "
                + "r=\"4\" fill=\"#8e44ad\"><title>syllable nucleus at \(String(format: "%.2f", frame.timeSec)) s</title></circle>\n"
        }
        // Time axis.
        let step = [0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60, 300, 600].first { duration / $0 <= 12 } ?? 1200
        for t in stride(from: 0.0, through: duration, by: step) {
            svg += "<line x1=\(q(x(t))) y1=\(q(bottom)) x2=\(q(x(t))) y2=\(q(bottom + 5)) stroke=\"#888\"/>"
                + "<text x=\(q(x(t))) y=\(q(bottom + 18)) text-anchor=\"middle\" fill=\"#555\">\(trimmed(t))</text>\n"
        }
        svg += "<text x=\(q(Self.left + plotWidth / 2)) y=\(q(bottom + 36)) text-anchor=\"middle\">time (s)</text>\n"
        svg += "</svg>\n"
        return svg
    }

    private func subtitle() -> String {
        var parts = [String(format: "%.2f s", summary.durationSec), "\(summary.syllables) syllables"]
        if let rate = summary.speechRateSylPerSec { parts.append(String(format: "%.2f syl/s", rate)) }
        parts.append("\(summary.pauseCount) pauses")
        if let f0 = summary.f0MeanHz { parts.append(String(format: "mean F0 %.0f Hz", f0)) }
        return parts.joined(separator: " · ")
    }

    private func f(_ value: Double) -> String { String(format: "%.1f", value) }
    private func q(_ value: Double) -> String { "\"" + f(value) + "\"" }
    private func trimmed(_ t: Double) -> String {
        t == t.rounded() ? String(Int(t)) : String(format: "%.1f", t)
    }
    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
