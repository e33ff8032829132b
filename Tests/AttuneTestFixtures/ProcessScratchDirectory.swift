import Foundation

/// One scratch directory per test process, `$TMPDIR/attune-<name>-<pid>`, removed when the process
/// exits. A process that dies by a signal never runs its exit handler, so each new one first removes
/// the directories of earlier processes of the same name that are no longer running: a crashed run
/// leaves its files behind only until the next run.
public enum ProcessScratchDirectory {
    /// Creates the directory for this process (and clears those of dead ones).
    public static func make(name: String) -> URL {
        let parent = FileManager.default.temporaryDirectory
        let prefix = "attune-\(name)-"
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: parent.path) {
            for entry in entries where entry.hasPrefix(prefix) {
                guard let pid = Int32(entry.dropFirst(prefix.count)), pid != getpid() else { continue }
                // kill(pid, 0) fails with ESRCH when no such process exists.
                if kill(pid, 0) != 0, errno == ESRCH { try? FileManager.default.removeItem(at: parent.appendingPathComponent(entry)) }
            }
        }
        let directory = parent.appendingPathComponent("\(prefix)\(getpid())")
        registerRemovalAtExit(directory)
        return directory
    }

    /// The directories to remove at exit; the exit handler is installed once, with the first.
    private static let removals: Removals = {
        atexit { ProcessScratchDirectory.removals.removeAll() }
        return Removals()
    }()

    private static func registerRemovalAtExit(_ directory: URL) { removals.add(directory.path) }

    private final class Removals: @unchecked Sendable {
        private let lock = NSLock()
        private var paths: [String] = []
        func add(_ path: String) { lock.withLock { paths.append(path) } }
        func removeAll() { lock.withLock { for path in paths { try? FileManager.default.removeItem(atPath: path) } } }
    }
}
