import AttuneAudio
import Foundation
import Synchronization

/// Reads an `AudioSource` (an ALSA device, or a WAV file for tests and demos) on its own thread and
/// hands 10 ms chunks to the service's loop, waking it through a pipe that `poll(2)` watches. The
/// pipeline itself stays on the loop's thread. At most `maximumQueuedChunks` wait; when the loop falls
/// behind, the thread waits too, and the device's own ring (and its overrun count) takes the slack.
public final class CaptureFeed: @unchecked Sendable {  // `source` is touched only by the capture thread, and by stop() after it ends
    /// 2 s of 10 ms chunks.
    public static let maximumQueuedChunks = 200
    /// The loop is woken once per this many chunks (30 ms), not per 10 ms chunk: a third of the
    /// wake-ups while it only hears silence, and still under the VAD's own 32 ms step, so a speech
    /// start is not decided later than the VAD could decide it. The end of the source wakes it at once.
    public static let chunksPerWake = 3
    /// The wake-up block while the loop hears only silence (`setQuiet`): 90 ms, so a quiet room
    /// wakes the capture thread and the loop 11 times a second rather than 33. It is shorter than
    /// the detector's 120 ms of speech before a `speech_start`, and the first block with speech in
    /// it turns the 30 ms blocks back on, so no turn event is decided later than that block's end.
    public static let quietChunksPerWake = 9

    /// The read end of the wake-up pipe: readable when chunks are waiting or the source ended.
    public let wakeDescriptor: Int32
    private let wakeWriteDescriptor: Int32
    private let source: any AudioSource
    private let state = Mutex<State>(State())
    private let stopRequested = Atomic<Bool>(false)
    /// Chunks per wake-up now: `chunksPerWake`, or `quietChunksPerWake` while the loop hears silence.
    private let wakeEvery = Atomic<Int>(CaptureFeed.chunksPerWake)
    private let threadDone = DispatchSemaphore(value: 0)
    private var started = false
    /// Hand chunks over no faster than real time (a file played as if it were a microphone).
    private let realTime: Bool

    private struct State {
        var chunks: [[Float]] = []
        var ended = false
        var failure: String?
    }

    /// - Parameter realTime: pace a file at the speed it was recorded, as a device would deliver it.
    public init(source: any AudioSource, realTime: Bool = false) throws {
        self.source = source
        self.realTime = realTime
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw ServiceError.system(call: "pipe", errno: errno) }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeDescriptor = ends[0]
        wakeWriteDescriptor = ends[1]
    }

    deinit {
        stop()
        close(wakeDescriptor)
        close(wakeWriteDescriptor)
    }

    public func start() {
        guard !started else { return }
        started = true
        let thread = Thread { [self] in run() }
        thread.name = "attune-feed"
        thread.start()
    }

    /// What arrived since the last call, whether the source has ended, and why if it failed.
    public func take() -> (chunks: [[Float]], ended: Bool, failure: String?) {
        var buffer = [UInt8](repeating: 0, count: 256)
        while read(wakeDescriptor, &buffer, buffer.count) > 0 {}
        return state.withLock { state in
            defer { state.chunks.removeAll(keepingCapacity: true) }
            return (state.chunks, state.ended, state.failure)
        }
    }

    /// The loop hears only silence (longer blocks, fewer wake-ups) or may hear speech (30 ms
    /// blocks). Takes effect from the next block.
    public func setQuiet(_ quiet: Bool) {
        wakeEvery.store(quiet ? Self.quietChunksPerWake : Self.chunksPerWake, ordering: .relaxed)
    }

    /// Stops the thread and waits for it (a device read returns within its 100 ms wait).
    public func stop() {
        guard started, !stopRequested.exchange(true, ordering: .acquiringAndReleasing) else { return }
        (source as? ALSACaptureSource)?.stop()
        threadDone.wait()
    }

    private func run() {
        defer { threadDone.signal() }
        // One read (and, for a file played in real time, one sleep) per wake-up's worth of audio: the
        // thread wakes 33 times a second rather than 100 (11 in a quiet room), which is most of what
        // hearing silence costs.
        // A live device returns what its ring holds, so a read may bring less than the whole block.
        let chunkSamples = CanonicalAudio.samplesPer10Ms
        var block = [Float](repeating: 0, count: chunkSamples * Self.quietChunksPerWake)
        let began = ContinuousClock.now
        var delivered = 0
        while !stopRequested.load(ordering: .acquiring) {
            let count: Int
            let chunks = wakeEvery.load(ordering: .relaxed)
            do {
                count = try block.withUnsafeMutableBufferPointer { whole in
                    try source.read(into: UnsafeMutableBufferPointer(rebasing: whole[0..<(chunkSamples * chunks)]))
                }
            } catch {
                state.withLock { $0.ended = true; $0.failure = "\(error)" }
                wake()
                return
            }
            if count == 0 { break }
            while state.withLock({ $0.chunks.count }) >= Self.maximumQueuedChunks, !stopRequested.load(ordering: .acquiring) {
                usleep(5_000)
            }
            delivered += count
            if realTime {
                // The block is handed over when its last sample would have been heard.
                let due = began + .microseconds(delivered * 1_000_000 / CanonicalAudio.sampleRateHz)
                let wait = (due - .now).components
                if wait.seconds >= 0, due > .now { Thread.sleep(forTimeInterval: Double(wait.seconds) + Double(wait.attoseconds) / 1e18) }
            }
            let queued = state.withLock { state in
                for start in stride(from: 0, to: count, by: chunkSamples) {
                    state.chunks.append(Array(block[start..<min(start + chunkSamples, count)]))
                }
                return state.chunks.count
            }
            if queued >= chunks { wake() }
        }
        state.withLock { $0.ended = true }
        wake()
    }

    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWriteDescriptor, &byte, 1)
    }
}
