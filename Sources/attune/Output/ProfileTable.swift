import AttuneRuntime
import Foundation

/// `attune profile`'s table for people: one row per stage and three lines of totals: one screen, and
/// within 80 columns but for the input's name.
enum ProfileTable {
    static func render(_ profile: PipelineProfile) -> String {
        var table = TextTable("STAGE", "COUNT", "P50", "P99", "MAX")
        for stage in profile.stages {
            table.add(stage.stage.rawValue, "\(stage.count)", duration(stage.p50Ms), duration(stage.p99Ms), duration(stage.maxMs))
        }
        let delivery = profile.device ? "captured" : profile.pacedAtRealTime ? "delivered at real time" : "read as fast as it decodes"
        var lines = ["attune profile: \(profile.input)",
                     "\(String(format: "%.2f", profile.audioSeconds)) s of audio (\(delivery)); \(profile.textTurns) text turns",
                     "", table.render(), ""]
        lines.append(String(format: "CPU %.2f ms per second of audio (%.2f %% of one core)", profile.cpuMsPerAudioSecond,
                            profile.cpuMsPerAudioSecond / 10))
        lines.append(String(format: "peak RSS %.1f MiB; charged %.1f MB of the %.1f MB budget", Double(profile.peakRSSBytes) / 1_048_576,
                            Double(profile.chargedBytes) / 1e6, Double(profile.budgetBytes) / 1e6))
        lines.append(profile.xruns.map { "xruns \($0)" } ?? "xruns: none possible (file input)")
        return lines.joined(separator: "\n")
    }

    /// Milliseconds to three significant digits, in µs below 1 ms.
    static func duration(_ ms: Double) -> String {
        if ms < 1 { return String(format: "%.3g µs", ms * 1000) }
        return String(format: "%.3g ms", ms)
    }
}
