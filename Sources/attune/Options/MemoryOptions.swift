import ArgumentParser
import AttuneMemory
import AttuneRuntime
import AttuneStore
import Foundation

/// The store a memory command works on, and the time zone it reads times in.
struct MemoryOptions: ParsableArguments {
    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp("IANA time zone that times in turns are read in, e.g. Europe/London. Default: UTC (or [memory] timezone).", valueName: "zone"))
    var timezone: String?

    func validate() throws {
        if let timezone, TimeZone(identifier: timezone) == nil {
            throw ValidationError("unknown time zone '\(timezone)'; give an IANA name such as Europe/London or UTC (the names under /usr/share/zoneinfo)")
        }
    }

    /// The IANA zone times are read in: --timezone, else the configuration's (UTC by default).
    func timeZone() throws -> String {
        try timezone ?? store.runtime.resolve().timeZone
    }

    /// Opens the store and the memory engine over it, runs `body`, and closes the store.
    func withEngine<T>(_ body: (MemoryEngine) throws -> T) throws -> T {
        var configuration = try store.runtime.resolve()
        if let timezone { configuration.timeZone = timezone }
        let budget = MemoryBudget(limit: configuration.memoryBudget)
        return try store.withOpenStore { opened in
            try body(try CommandResources.openMemory(store: opened, timeZone: configuration.timeZone, budget: budget))
        }
    }
}

/// `--at TIME`: an RFC 3339 time, or "now".
struct MomentArgument: ExpressibleByArgument {
    let milliseconds: Int64

    init?(argument: String) {
        if argument == "now" {
            milliseconds = Int64((Date().timeIntervalSince1970 * 1000).rounded())
        } else if let ms = RFC3339Time.parse(argument) {
            milliseconds = ms
        } else {
            return nil
        }
    }

    static var defaultValueDescription: String { "now" }
}
