import AttuneRapport
import Foundation
import TOMLKit

/// Every option Attune reads, with its default. Loaded from a TOML file (`--config`), then overridden
/// by command-line options; `docs/CONFIGURATION.md` lists the keys.
///
/// ```toml
/// [audio]
/// device = "default"        # ALSA PCM name
/// period_ms = 10            # capture period asked of the device
/// ring_seconds = 2.0        # capture ring size
///
/// [runtime]
/// memory_budget = "64MB"
/// data_dir = "/var/lib/attune"
/// log_level = "info"        # trace, debug, info, notice, warning, error, critical
///
/// [rapport]
/// locale = "GB"             # whose emergency number and crisis line a hand-off names
/// session_gap_minutes = 30
/// disclosure_hours = 3
///
/// [rapport.handoff]         # overrides the locale's numbers
/// emergency = "999"
/// crisis_line = "116 123"
/// crisis_line_name = "Samaritans"
/// ```
public struct AttuneConfiguration: Equatable, Sendable {
    public var device = "default"
    public var periodMs = 10
    public var ringSeconds = 2.0
    public var memoryBudget = MemoryBudget.defaultLimit
    public var dataDirectory = AttuneConfiguration.defaultDataDirectory
    public var logLevel = "info"
    /// The local time zone the memory reads times in ("Thursday at nine"), an IANA identifier.
    public var timeZone = "UTC"
    /// The rapport engine's settings ([rapport]); the hand-off numbers start from `locale`'s.
    public var rapport = RapportConfiguration()
    /// `[rapport.handoff]`: emergency, crisis_line, crisis_line_name, over the locale's numbers.
    public var handoffOverride: [String: String] = [:]

    /// The rapport settings with `[rapport.handoff]` applied and the memory's time zone.
    public var resolvedRapport: RapportConfiguration {
        var settings = rapport
        settings.handoff.override(emergency: handoffOverride["emergency"], crisisLine: handoffOverride["crisis_line"],
                                  crisisLineName: handoffOverride["crisis_line_name"])
        settings.timeZone = timeZone
        return settings
    }

    public init() {}

    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// `$XDG_DATA_HOME/attune`, else `~/.local/share/attune`; a system service sets `data_dir` instead.
    public static var defaultDataDirectory: String {
        let environment = ProcessInfo.processInfo.environment
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/attune" }
        return (environment["HOME"] ?? "/var/lib") + "/.local/share/attune"
    }

    /// One key of the file: where it lives, what it takes, and how it is applied.
    struct Key: Sendable {
        let section: String
        let name: String
        let expected: String
        let apply: @Sendable (inout AttuneConfiguration, TOMLValueConvertible) -> Bool
    }

    static let keys: [Key] = [
        Key(section: "audio", name: "device", expected: "a string (ALSA PCM name)") { config, value in
            guard let text = value.string, !text.isEmpty else { return false }
            config.device = text
            return true
        },
        Key(section: "audio", name: "period_ms", expected: "an integer from 1 to 100") { config, value in
            guard let number = value.int, (1...100).contains(number) else { return false }
            config.periodMs = number
            return true
        },
        Key(section: "audio", name: "ring_seconds", expected: "a number from 0.1 to 60") { config, value in
            guard let number = value.double ?? value.int.map(Double.init), (0.1...60).contains(number) else { return false }
            config.ringSeconds = number
            return true
        },
        Key(section: "runtime", name: "memory_budget", expected: "a size such as \"48MB\" or \"64MiB\"") { config, value in
            guard let text = value.string, let size = ByteCount(parsing: text), size.bytes > 0 else { return false }
            config.memoryBudget = size
            return true
        },
        Key(section: "runtime", name: "data_dir", expected: "a path") { config, value in
            guard let text = value.string, !text.isEmpty else { return false }
            config.dataDirectory = text
            return true
        },
        Key(section: "memory", name: "timezone", expected: "an IANA time zone such as \"Europe/London\" or \"UTC\"") { config, value in
            guard let text = value.string, TimeZone(identifier: text) != nil else { return false }
            config.timeZone = text
            return true
        },
        Key(section: "rapport", name: "locale", expected: "a country code with built-in crisis numbers: \(HandoffResources.builtIn.keys.sorted().joined(separator: ", "))") { config, value in
            guard let text = value.string, let resources = HandoffResources.forLocale(text) else { return false }
            config.rapport.handoff = resources
            return true
        },
        Key(section: "rapport", name: "session_gap_minutes", expected: "an integer from 1 to 1440") { config, value in
            guard let number = value.int, (1...1440).contains(number) else { return false }
            config.rapport.sessionGapMs = Int64(number) * 60_000
            return true
        },
        Key(section: "rapport", name: "disclosure_hours", expected: "a number of hours from 0.25 to 24") { config, value in
            guard let hours = value.double ?? value.int.map(Double.init), (0.25...24).contains(hours) else { return false }
            config.rapport.disclosureCadenceMs = Int64(hours * 3_600_000)
            return true
        },
        Key(section: "rapport", name: "handoff", expected: "a table [rapport.handoff] of strings: emergency, crisis_line, crisis_line_name") { config, value in
            guard let table = value.table else { return false }
            let allowed: Set<String> = ["emergency", "crisis_line", "crisis_line_name"]
            guard table.keys.allSatisfy({ allowed.contains($0) }) else { return false }
            var fields: [String: String] = [:]
            for name in table.keys {
                guard let text = table[name]?.string, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return false }
                fields[name] = text
            }
            config.handoffOverride = fields
            return true
        },
        Key(section: "runtime", name: "log_level", expected: "one of \(logLevels.joined(separator: ", "))") { config, value in
            guard let text = value.string, logLevels.contains(text) else { return false }
            config.logLevel = text
            return true
        },
    ]

    /// Reads a TOML file over the defaults.
    /// - Throws: `ConfigurationError` naming the file, the key and its line.
    public static func load(path: String) throws(ConfigurationError) -> AttuneConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw .cannotRead(path: path, reason: (error as NSError).localizedFailureReason ?? "\(error.localizedDescription)")
        }
        return try parse(text, path: path)
    }

    /// Parses TOML text over the defaults; `path` only names the source in errors.
    public static func parse(_ text: String, path: String) throws(ConfigurationError) -> AttuneConfiguration {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw .syntax(path: path, line: error.source.begin.line, column: error.source.begin.column, message: error.description)
        } catch {
            throw .syntax(path: path, line: 0, column: 0, message: "\(error)")
        }
        var configuration = AttuneConfiguration()
        for sectionName in table.keys.sorted() {
            guard let section = table[sectionName]?.table else {
                let known = Set(keys.map(\.section)).sorted().map { "[\($0)]" }.joined(separator: ", ")
                throw .unknownKey(path: path, key: sectionName, line: line(of: sectionName, section: nil, in: text),
                                  hint: "top-level keys belong in a section: \(known)")
            }
            for name in section.keys.sorted() {
                let location = line(of: name, section: sectionName, in: text)
                guard let key = keys.first(where: { $0.section == sectionName && $0.name == name }) else {
                    let valid = keys.filter { $0.section == sectionName }.map(\.name)
                    let hint = valid.isEmpty
                        ? "unknown section [\(sectionName)]; sections are " + Set(keys.map(\.section)).sorted().map { "[\($0)]" }.joined(separator: ", ")
                        : "keys in [\(sectionName)] are " + valid.joined(separator: ", ")
                    throw .unknownKey(path: path, key: "\(sectionName).\(name)", line: location, hint: hint)
                }
                guard let value = section[name], key.apply(&configuration, value) else {
                    throw .badValue(path: path, key: "\(sectionName).\(name)", line: location,
                                    expected: key.expected, found: section[name].map { "\($0.debugDescription)" } ?? "nothing")
                }
            }
        }
        return configuration
    }

    /// The 1-based line where `key` is assigned (within `[section]`), or where `[key]` opens; 0 if not found.
    static func line(of key: String, section: String?, in text: String) -> Int {
        var current: String?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(raw).trimmingWhitespace()
            if line.hasPrefix("[") {
                current = String(line.dropFirst().prefix { $0 != "]" }).trimmingWhitespace()
                if section == nil && current == key { return index + 1 }
                continue
            }
            let name = String(line.prefix { $0 != "=" }).trimmingWhitespace().trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            if current == section && name == key && line.contains("=") { return index + 1 }
        }
        return 0
    }
}

public enum ConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case cannotRead(path: String, reason: String)
    case syntax(path: String, line: Int, column: Int, message: String)
    case unknownKey(path: String, key: String, line: Int, hint: String)
    case badValue(path: String, key: String, line: Int, expected: String, found: String)
    /// A command-line value that does not parse (`--memory-budget lots`).
    case badOption(option: String, value: String, expected: String)

    public var description: String {
        switch self {
        case let .cannotRead(path, reason):
            return "cannot read configuration \(path): \(reason)"
        case let .syntax(path, line, column, message):
            return "\(path):\(line):\(column): TOML syntax error: \(message)"
        case let .unknownKey(path, key, line, hint):
            return "\(path):\(line): unknown key '\(key)' (\(hint))"
        case let .badValue(path, key, line, expected, found):
            return "\(path):\(line): '\(key)' must be \(expected), not \(found)"
        case let .badOption(option, value, expected):
            return "\(option) must be \(expected), not '\(value)'"
        }
    }
}
