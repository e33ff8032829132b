import AttuneAudio
import AttuneTurn
import CSQLite
import Foundation

/// What `attune doctor` checks: libraries, devices, CPU features, memory, the data directory, every
/// model file against the models' manifest, and what each command loads against the memory budget.
public struct DoctorReport: Codable, Sendable {
    public enum Status: String, Codable, Sendable { case ok, warn, fail }

    public struct Check: Codable, Sendable {
        public var name: String
        public var status: Status
        public var detail: String
        /// What to do about a warning or failure.
        public var hint: String?
    }

    public var version: String
    public var checks: [Check]
    public var cpu: SystemProbe.CPU
    public var captureDevices: [CaptureDevice]

    /// True when no check failed (warnings allowed).
    public var passed: Bool { !checks.contains { $0.status == .fail } }

    public static func run(configuration: AttuneConfiguration) -> DoctorReport {
        var checks: [Check] = []
        checks.append(Check(name: "attune", status: .ok, detail: AttuneVersion.string))
        checks.append(Check(name: "libasound", status: .ok, detail: ALSADeviceList.libraryVersion))

        let sqliteVersion = String(cString: sqlite3_libversion())
        let sqliteNumber = Int(sqlite3_libversion_number())
        checks.append(sqliteNumber >= 3_035_000
            ? Check(name: "SQLite", status: .ok, detail: sqliteVersion)
            : Check(name: "SQLite", status: .fail, detail: sqliteVersion, hint: "Attune needs SQLite 3.35 or newer (Debian 12 ships 3.40)"))

        var devices: [CaptureDevice] = []
        do {
            devices = try ALSADeviceList.captureDevices()
            let real = devices.filter { $0.name != "null" }
            if real.isEmpty {
                checks.append(Check(name: "capture devices", status: .warn, detail: "none besides ALSA's null device",
                                    hint: "plug in a microphone (check `arecord -l`) or define a PCM in ~/.asoundrc"))
            } else {
                let names = real.prefix(4).map(\.name).joined(separator: ", ") + (real.count > 4 ? ", …" : "")
                checks.append(Check(name: "capture devices", status: .ok, detail: "\(real.count): \(names)"))
            }
        } catch {
            checks.append(Check(name: "capture devices", status: .fail, detail: "\(error)", hint: "check the ALSA configuration"))
        }

        let cpu = SystemProbe.cpu()
        let cpuDetail = "\(cpu.architecture), \(cpu.cores) cores, \(cpu.features.isEmpty ? "no SIMD extensions found" : cpu.features.joined(separator: " "))"
        switch cpu.architecture {
        case "aarch64" where !cpu.features.contains("asimd"):
            checks.append(Check(name: "CPU", status: .warn, detail: cpuDetail, hint: "NEON (asimd) missing: int8 kernels run scalar"))
        case "aarch64" where !cpu.features.contains("asimddp"):
            checks.append(Check(name: "CPU", status: .ok, detail: cpuDetail + " (no dotprod: Armv8.0 kernels, as on a Pi 4)"))
        case "x86_64" where !cpu.features.contains("avx2"):
            checks.append(Check(name: "CPU", status: .warn, detail: cpuDetail, hint: "no AVX2: benchmarks against AVX2 peers are not comparable"))
        default:
            checks.append(Check(name: "CPU", status: .ok, detail: cpuDetail))
        }

        let budget = configuration.memoryBudget
        if let available = SystemProbe.availableMemory() {
            let detail = "budget \(budget), available \(available)"
            if budget < MemoryBudget.processBaseline {
                checks.append(Check(name: "memory", status: .fail, detail: detail + ", process baseline \(MemoryBudget.processBaseline)",
                                    hint: "no command starts below the process baseline: raise --memory-budget"))
            } else if budget > available {
                checks.append(Check(name: "memory", status: .fail, detail: detail, hint: "lower --memory-budget below the available memory"))
            } else if budget.bytes * 2 > available.bytes {
                checks.append(Check(name: "memory", status: .warn, detail: detail, hint: "the budget takes more than half of the available memory"))
            } else {
                checks.append(Check(name: "memory", status: .ok, detail: detail))
            }
        } else {
            checks.append(Check(name: "memory", status: .warn, detail: "budget \(budget), available unknown (no /proc/meminfo)"))
        }

        checks.append(dataDirectoryCheck(configuration.dataDirectory))
        checks.append(modelFilesCheck(directory: ModelLocator.directory()))
        checks += commandChecks(configuration: configuration)
        return DoctorReport(version: AttuneVersion.string, checks: checks, cpu: cpu, captureDevices: devices)
    }

    /// One check per command: loads and validates its models exactly as the command does and charges
    /// a budget of the configured size with what the command charges before it starts.
    static func commandChecks(configuration: AttuneConfiguration) -> [Check] {
        CommandResources.commandChecks.map { command, charged, load in
            let budget = MemoryBudget(limit: configuration.memoryBudget)
            do {
                try load(configuration, budget)
                return Check(name: "attune \(command)", status: .ok,
                             detail: charged ? "models valid; starts with \(budget.used) of the \(budget.limit) budget" : "models valid (no memory budget)")
            } catch is MemoryBudgetError {
                // The refused charge is only the first that did not fit: charge everything against an
                // unbounded budget to name the whole need.
                let unbounded = MemoryBudget(limit: ByteCount(Int.max / 2))
                try? load(configuration, unbounded)
                let needed = unbounded.used
                let list = unbounded.consumers.prefix(3).map { "\($0.name) \($0.bytes)" }.joined(separator: ", ")
                return Check(name: "attune \(command)", status: .fail,
                             detail: "needs \(needed) (\(list)), the budget is \(budget.limit)",
                             hint: "raise --memory-budget (or memory_budget in the config) to at least \(needed)")
            } catch {
                return Check(name: "attune \(command)", status: .fail, detail: "\(error)",
                             hint: "the models ship in the repository's models/ directory and install to <prefix>/share/attune/models (models/MODELS.md)")
            }
        }
    }

    /// Every file `SHA256SUMS` lists is in `directory` with its listed digest.
    static func modelFilesCheck(directory: String) -> Check {
        let hint = "reinstall the models (cross/install.sh puts them in <prefix>/share/attune/models) or point ATTUNE_MODELS at a complete copy"
        let manifest: ModelManifest
        do {
            manifest = try ModelManifest(directory: directory)
        } catch {
            return Check(name: "model files", status: .fail, detail: "\(error)", hint: hint)
        }
        var problems: [String] = []
        for (entry, state) in manifest.check(directory: directory) {
            switch state {
            case .valid: break
            case .missing: problems.append("\(entry.name) is missing")
            case .digestMismatch(let found):
                problems.append("\(entry.name) has SHA-256 \(found.prefix(12))…, not the listed \(entry.sha256.prefix(12))…")
            }
        }
        guard problems.isEmpty else {
            return Check(name: "model files", status: .fail, detail: "\(directory): " + problems.joined(separator: "; "), hint: hint)
        }
        return Check(name: "model files", status: .ok, detail: "\(manifest.entries.count) files in \(directory) match \(ModelManifest.fileName)")
    }

    /// Creates the directory if needed and proves it writable with a temporary file.
    static func dataDirectoryCheck(_ path: String) -> Check {
        let manager = FileManager.default
        do {
            try manager.createDirectory(atPath: path, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            let probe = path + "/.attune-doctor-\(getpid())"
            guard manager.createFile(atPath: probe, contents: Data("ok".utf8)) else {
                return Check(name: "data directory", status: .fail, detail: "\(path) is not writable",
                             hint: "fix its permissions or choose another with --data-dir")
            }
            try manager.removeItem(atPath: probe)
            return Check(name: "data directory", status: .ok, detail: "\(path) (writable)")
        } catch {
            return Check(name: "data directory", status: .fail, detail: "\(path): \(error.localizedDescription)",
                         hint: "create it with the right owner or choose another with --data-dir")
        }
    }
}
