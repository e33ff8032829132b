import Foundation

/// A deadline for a child process that a test reads from: when it passes with the child still
/// running, the child is killed with SIGKILL. That closes its end of the pipes, so a blocking read
/// in the test returns and the test fails (`passed`) instead of hanging. A deadline checked only
/// between reads cannot do this: the read that never returns never gets to the check.
final class ChildProcessDeadline: @unchecked Sendable {
    private let lock = NSLock()
    private var killed = false
    private var finished = false
    let seconds: Double

    /// Starts counting now; `process` must be running.
    init(_ process: Process, seconds: Double) {
        self.seconds = seconds
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.withLock {
                // After `finish`, the pid may belong to another process: never signal it then.
                guard !finished else { return }
                killed = true
                kill(pid, SIGKILL)
            }
        }
    }

    /// Call once the child has exited (after `waitUntilExit`); the deadline then does nothing.
    func finish() { lock.withLock { finished = true } }

    /// Whether the deadline passed and the child was killed.
    var passed: Bool { lock.withLock { killed } }
}
