import Foundation

/// The SVG of `attune profile --plot`: each stage's latency distribution as one line, latency (log
/// scale) against percentile on HdrHistogram's usual axis, where 90 %, 99 % and 99.9 % are equally
/// spaced (x = log10(1 / (1 − p)), the maximum drawn at 99.99 %), so the tail that decides whether
/// a 10 ms period is missed is as wide as the middle.
public struct ProfilePlot {
    public let profile: PipelineProfile

    public init(profile: PipelineProfile) { self.profile = profile }

    static let width = 960.0, height = 540.0
    static let left = 80.0, right = 190.0, top = 60.0, bottom = 60.0
    /// One colour per stage, in `Stage` order (Okabe–Ito's colour-blind-safe set, then greys).
    static let colours = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000", "#777777", "#BBBBBB"]

    public func render() -> String {
        let plotWidth = Self.width - Self.left - Self.right, plotHeight = Self.height - Self.top - Self.bottom
        let latencies = profile.stages.flatMap { $0.distribution.map(\.ms) }.filter { $0 > 0 }
        let lowest = floor(log10(latencies.min() ?? 0.001)), highest = max(ceil(log10(latencies.max() ?? 1)), lowest + 1)
        func x(_ percentile: Double) -> Double {
            Self.left + log10(1 / (1 - min(percentile, 99.99) / 100)) / 4 * plotWidth
        }
        func y(_ ms: Double) -> Double {
            Self.top + (1 - (log10(max(ms, pow(10, lowest))) - lowest) / (highest - lowest)) * plotHeight
        }
        var svg = SVGWriter(width: Self.width, height: Self.height, attributes: [("font-family", "sans-serif"), ("font-size", "12")])
        svg.element("rect", [("width", "100%"), ("height", "100%"), ("fill", "white")])
        svg.element("text", [("x", SVGWriter.number(Self.left)), ("y", "24"), ("font-size", "15")],
                    text: "attune profile: \(profile.input), \(SVGWriter.number(profile.audioSeconds)) s of audio, \(profile.textTurns) text turns")
        svg.element("text", [("x", SVGWriter.number(Self.left)), ("y", "42"), ("fill", "#444")],
                    text: "latency by percentile, per stage; CPU \(SVGWriter.number(profile.cpuMsPerAudioSecond)) ms per second of audio, "
                        + "peak RSS \(SVGWriter.number(Double(profile.peakRSSBytes) / 1_048_576)) MiB")
        // Axes and grid.
        svg.begin("g", [("class", "axes"), ("stroke", "#ccc")])
        svg.element("rect", [("x", SVGWriter.number(Self.left)), ("y", SVGWriter.number(Self.top)), ("width", SVGWriter.number(plotWidth)),
                             ("height", SVGWriter.number(plotHeight)), ("fill", "none"), ("stroke", "#888")])
        for exponent in Int(lowest)...Int(highest) {
            let level = y(pow(10, Double(exponent)))
            svg.element("line", [("x1", SVGWriter.number(Self.left)), ("x2", SVGWriter.number(Self.left + plotWidth)),
                                 ("y1", SVGWriter.number(level)), ("y2", SVGWriter.number(level))])
            svg.element("text", [("x", SVGWriter.number(Self.left - 8)), ("y", SVGWriter.number(level + 4)), ("text-anchor", "end"),
                                 ("stroke", "none"), ("fill", "#333")], text: Self.latencyLabel(pow(10, Double(exponent))))
        }
        for (percentile, label) in [(0.0, "0 %"), (90, "90 %"), (99, "99 %"), (99.9, "99.9 %"), (99.99, "max")] {
            let column = x(percentile)
            svg.element("line", [("x1", SVGWriter.number(column)), ("x2", SVGWriter.number(column)),
                                 ("y1", SVGWriter.number(Self.top)), ("y2", SVGWriter.number(Self.top + plotHeight))])
            svg.element("text", [("x", SVGWriter.number(column)), ("y", SVGWriter.number(Self.top + plotHeight + 18)),
                                 ("text-anchor", "middle"), ("stroke", "none"), ("fill", "#333")], text: label)
        }
        svg.element("text", [("x", SVGWriter.number(Self.left + plotWidth / 2)), ("y", SVGWriter.number(Self.height - 16)),
                             ("text-anchor", "middle"), ("stroke", "none"), ("fill", "#333")], text: "percentile")
        svg.end()
        // One series per stage, with its legend entry.
        for (index, stage) in profile.stages.enumerated() {
            let colour = Self.colours[PipelineProfile.Stage.allCases.firstIndex(of: stage.stage)! % Self.colours.count]
            svg.begin("g", [("class", "series"), ("data-stage", stage.stage.rawValue)])
            svg.element("polyline", [("points", SVGWriter.points(stage.distribution.map { (x($0.percentile), y($0.ms)) })),
                                     ("fill", "none"), ("stroke", colour), ("stroke-width", "2")])
            let legendY = Self.top + 14 + Double(index) * 20
            svg.element("line", [("x1", SVGWriter.number(Self.width - Self.right + 14)), ("x2", SVGWriter.number(Self.width - Self.right + 38)),
                                 ("y1", SVGWriter.number(legendY - 4)), ("y2", SVGWriter.number(legendY - 4)), ("stroke", colour), ("stroke-width", "3")])
            svg.element("text", [("x", SVGWriter.number(Self.width - Self.right + 44)), ("y", SVGWriter.number(legendY))],
                        text: "\(stage.stage.rawValue) (\(stage.count))")
            svg.end()
        }
        return svg.finish()
    }

    static func latencyLabel(_ ms: Double) -> String {
        ms >= 1000 ? "\(SVGWriter.number(ms / 1000)) s" : ms >= 1 ? "\(SVGWriter.number(ms)) ms" : "\(SVGWriter.number(ms * 1000)) µs"
    }
}
