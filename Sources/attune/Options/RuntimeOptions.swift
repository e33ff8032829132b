import ArgumentParser
import AttuneRuntime
import Logging

/// Options every command that runs the pipeline shares. Each also exists as a key of the TOML file
/// given with `--config`; the command line wins.
struct RuntimeOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("TOML configuration file (keys: docs/CONFIGURATION.md).", valueName: "path"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Memory budget for Attune's buffers and models, e.g. 48MB or 64MiB. Default: 64MB.", valueName: "size"))
    var memoryBudget: String?

    @Option(name: .long, help: ArgumentHelp("Directory for Attune's data. Default: $XDG_DATA_HOME/attune or ~/.local/share/attune.", valueName: "path"))
    var dataDir: String?

    @Option(name: .long, help: ArgumentHelp("Log level on standard error: trace, debug, info, notice, warning, error, critical.", valueName: "level"))
    var logLevel: String?

    /// The configuration file (if any) with the command-line options applied over it.
    func resolve() throws -> AttuneConfiguration {
        var configuration = AttuneConfiguration()
        if let config { configuration = try AttuneConfiguration.load(path: config) }
        if let memoryBudget {
            guard let size = ByteCount(parsing: memoryBudget), size.bytes > 0 else {
                throw ConfigurationError.badOption(option: "--memory-budget", value: memoryBudget, expected: "a size such as 48MB or 64MiB")
            }
            configuration.memoryBudget = size
        }
        if let dataDir { configuration.dataDirectory = dataDir }
        if let logLevel {
            guard AttuneConfiguration.logLevels.contains(logLevel) else {
                throw ConfigurationError.badOption(option: "--log-level", value: logLevel,
                                                   expected: AttuneConfiguration.logLevels.joined(separator: ", "))
            }
            configuration.logLevel = logLevel
        }
        LogBootstrap.once(level: configuration.logLevel)
        return configuration
    }
}

/// Options for commands that capture from ALSA.
struct CaptureOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("ALSA capture device (see `attune devices`). Default: default.", valueName: "name"))
    var device: String?

    @Option(name: .long, help: ArgumentHelp("Capture period to ask of the device, in milliseconds. Default: 10.", valueName: "ms"))
    var periodMs: Int?

    @Option(name: .long, help: ArgumentHelp("Seconds of audio the capture ring holds for a slow reader. Default: 2.", valueName: "seconds"))
    var ringSeconds: Double?

    func apply(to configuration: inout AttuneConfiguration) throws {
        if let device { configuration.device = device }
        if let periodMs {
            guard (1...100).contains(periodMs) else {
                throw ConfigurationError.badOption(option: "--period-ms", value: "\(periodMs)", expected: "an integer from 1 to 100")
            }
            configuration.periodMs = periodMs
        }
        if let ringSeconds {
            guard (0.1...60).contains(ringSeconds) else {
                throw ConfigurationError.badOption(option: "--ring-seconds", value: "\(ringSeconds)", expected: "a number from 0.1 to 60")
            }
            configuration.ringSeconds = ringSeconds
        }
    }
}

/// swift-log to standard error, set up once per process.
enum LogBootstrap {
    nonisolated(unsafe) private static var done = false

    static func once(level: String) {
        guard !done else { return }
        done = true
        let parsed = Logger.Level(rawValue: level) ?? .info
        // Under systemd, levels go to the journal as `<N>` prefixes; elsewhere, readable lines.
        if JournalLogHandler.standardErrorIsJournal() {
            LoggingSystem.bootstrap { label in JournalLogHandler(label: label, level: parsed) }
            return
        }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = parsed
            return handler
        }
    }
}
