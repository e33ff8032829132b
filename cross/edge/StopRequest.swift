/// Ctrl-C (SIGINT) and `systemctl stop` (SIGTERM) end live capture the way the end of a file does: the
/// detector finishes the open turn and the prosody summary is printed. The handler only sets a flag
/// (all a signal handler may do); the capture loop polls it, and the blocked ALSA read returns early
/// with EINTR because glibc's `signal` does not restart `poll`.
enum StopRequest {
    nonisolated(unsafe) static var requested: sig_atomic_t = 0

    static func watch() {
        for number in [SIGINT, SIGTERM] {
            _ = signal(number) { _ in StopRequest.requested = 1 }
        }
    }

    static var isRequested: Bool { requested != 0 }
}
