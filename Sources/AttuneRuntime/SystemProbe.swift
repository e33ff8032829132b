import Foundation

/// Facts about the machine that `attune doctor` reports, read from Linux's /proc.
public enum SystemProbe {
    /// The CPU's architecture and the SIMD features Attune's kernels use.
    public struct CPU: Sendable, Equatable, Codable {
        public var architecture: String
        public var model: String
        public var cores: Int
        /// Relevant feature flags present: `neon`/`asimd`, `asimddp` (dotprod) on ARM; `sse4_2`, `avx2`, `fma` on x86.
        public var features: [String]
    }

    public static func cpu(cpuinfo: String? = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) -> CPU {
        #if arch(arm64)
        let architecture = "aarch64"
        let wanted = ["asimd", "asimddp", "i8mm", "fphp", "asimdhp"]
        #elseif arch(x86_64)
        let architecture = "x86_64"
        let wanted = ["sse4_2", "avx", "avx2", "fma", "avx512f", "avx512_vnni", "avxvnni"]
        #else
        let architecture = "other"
        let wanted: [String] = []
        #endif
        var flags = Set<String>()
        var model = "unknown"
        for line in (cpuinfo ?? "").split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2 else { continue }
            switch parts[0] {
            case "flags", "Features": flags.formUnion(parts[1].split(separator: " ").map(String.init))
            case "model name", "Model": if model == "unknown" { model = parts[1] }
            case "CPU part" where model == "unknown": model = "ARM part \(parts[1])"
            default: break
            }
        }
        return CPU(architecture: architecture, model: model, cores: ProcessInfo.processInfo.activeProcessorCount,
                   features: wanted.filter(flags.contains))
    }

    /// `MemAvailable` from /proc/meminfo: what the kernel estimates can be allocated without swapping.
    public static func availableMemory(meminfo: String? = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8)) -> ByteCount? {
        for line in (meminfo ?? "").split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let kib = Int(fields[1]) { return ByteCount(kib * 1024) }
        }
        return nil
    }

    /// Peak resident set size of this process (`VmHWM`), for benchmarks.
    public static func peakResidentSize() -> ByteCount? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            let fields = line.split(separator: " ")
            if fields.count >= 2, let kib = Int(fields[1]) { return ByteCount(kib * 1024) }
        }
        return nil
    }
}
