/// The monotonic clock in nanoseconds (`clock_gettime(CLOCK_MONOTONIC)`), for stage latencies; it is
/// plain libc so the Embedded Swift edge build (cross/) times its stages with the same call.
public enum MonotonicClock {
    public static func nanoseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }
}
