import Foundation
import Logging

/// swift-log to standard error in the form systemd's journal reads levels from: each line starts
/// with `<N>`, the syslog priority (sd-daemon(3)), so `journalctl -p warning -u attune` filters and
/// colours by level. Chosen when `$JOURNAL_STREAM` says standard error is connected to the journal.
public struct JournalLogHandler: LogHandler {
    public var logLevel: Logger.Level
    public var metadata: Logger.Metadata = [:]
    private let label: String

    public init(label: String, level: Logger.Level) {
        self.label = label
        logLevel = level
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    /// The syslog priority of a swift-log level.
    public static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    public func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        // One record per line: a newline inside the message would start a record without a level.
        let text = "\(event.message)\(details)".replacingOccurrences(of: "\n", with: " ")
        FileHandle.standardError.write(Data("<\(Self.priority(event.level))>\(label): \(text)\n".utf8))
    }

    /// Whether standard error goes to the journal: `$JOURNAL_STREAM` names its device and inode.
    public static func standardErrorIsJournal(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        guard let stream = environment["JOURNAL_STREAM"], !stream.isEmpty else { return false }
        var status = stat()
        guard fstat(STDERR_FILENO, &status) == 0 else { return false }
        return stream == "\(status.st_dev):\(status.st_ino)"
    }
}
