#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Progress of a long run on standard error, so standard output stays the results. On a terminal a
/// live counter is redrawn in place (at most ten times a second); otherwise (a log, a CI job) each
/// phase gets one line when it starts and nothing more, so logs are not flooded.
public final class ProgressReporter {
    private let live: Bool
    private let write: (String) -> Void
    private var phase = ""
    private var total = 0
    private var done = 0
    private var lastDrawNs: UInt64 = 0
    private var drawn = false

    /// - Parameters:
    ///   - live: draw a counter in place; by default when standard error is a terminal.
    ///   - write: where text goes; standard error by default.
    public init(live: Bool = isatty(STDERR_FILENO) == 1, write: @escaping (String) -> Void = ProgressReporter.standardError) {
        self.live = live
        self.write = write
    }

    public static func standardError(_ text: String) {
        // Unbuffered write(2): the counter appears at once, and no FILE* global is shared.
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// Starts a phase of `total` steps (0 for a phase without steps).
    public func begin(_ phase: String, total: Int = 0) {
        clearLine()
        self.phase = phase
        self.total = total
        done = 0
        if live { draw() } else { write(total > 0 ? "\(phase) (\(total))…\n" : "\(phase)…\n") }
    }

    /// One step of the current phase done.
    public func advance() {
        done += 1
        guard live else { return }
        let now = Self.monotonicNs()
        if done == total || now - lastDrawNs >= 100_000_000 { draw() }
    }

    /// Removes the live counter (a log keeps its lines).
    public func finish() { clearLine() }

    private func draw() {
        lastDrawNs = Self.monotonicNs()
        write("\r\u{1B}[K" + (total > 0 ? "\(phase): \(done)/\(total)" : "\(phase)…"))
        drawn = true
    }

    private func clearLine() {
        if live && drawn { write("\r\u{1B}[K"); drawn = false }
    }

    private static func monotonicNs() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
