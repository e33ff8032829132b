import Atomics
import CALSA
import Dispatch
import Foundation

/// Live capture from an ALSA PCM (`default`, `hw:1,0`, `plughw:…`, any name in the ALSA configuration),
/// delivered as canonical audio (16 kHz mono Float).
///
/// The device is opened in its **native** format: the plug layer's automatic rate, channel and format
/// conversions are switched off (`SND_PCM_NO_AUTO_*`) and Attune converts in Swift, with the resampler
/// whose quality `Resampler` states, rather than ALSA's linear interpolation.
///
/// A dedicated thread reads ~10 ms periods, converts them and writes them into a lock-free SPSC ring;
/// `read(into:)` drains the ring. After start-up the capture thread allocates nothing per period.
/// When the consumer falls behind by a whole ring, the capture thread waits for room instead of
/// overwriting: on a real device the loss then shows up where it really happens, as an ALSA overrun
/// (counted), and a faster-than-real-time source (ALSA's `file` plugin in tests) loses nothing.
/// Overruns (`-EPIPE`) and suspends (`-ESTRPIPE`) are recovered and counted in `statistics`; a device
/// that goes away (`-ENODEV`, an unplugged USB microphone) ends the stream: `read` returns what was
/// captured and then throws `AudioSourceError.deviceDisappeared`.
public final class ALSACaptureSource: AudioSource, @unchecked Sendable {
    public struct Configuration: Sendable {
        public var device: String
        /// Period length requested from the device; the device may round it.
        public var periodMs: Int = 10
        /// Periods in the ALSA buffer: room for the capture thread to be late.
        public var bufferPeriods: Int = 8
        /// Seconds of canonical audio the ring holds for a slow consumer.
        public var ringSeconds: Double = 2
        public init(device: String) { self.device = device }
    }

    /// What the device actually delivers.
    public struct NegotiatedFormat: Sendable, Equatable {
        public var encoding: SampleEncoding
        public var channelCount: Int
        public var sampleRateHz: Int
        public var periodFrames: Int
        public var bufferFrames: Int
    }

    /// Counters the capture thread keeps; read them any time.
    public struct Statistics: Sendable, Equatable {
        public var periods: Int
        /// Overruns (`-EPIPE`) recovered with `snd_pcm_prepare`.
        public var overruns: Int
        /// Suspends (`-ESTRPIPE`) recovered with `snd_pcm_resume` or `snd_pcm_prepare`.
        public var suspends: Int
    }

    public let name: String
    public let format: NegotiatedFormat
    public let configuration: Configuration

    private let pcm: OpaquePointer
    private let converter: FormatConverter
    private let ring: SPSCSampleRing
    private let rawPeriod: UnsafeMutableRawPointer
    private let convertedPeriod: UnsafeMutablePointer<Float>
    private let convertedCapacity: Int
    private let dataReady = DispatchSemaphore(value: 0)
    private let spaceAvailable = DispatchSemaphore(value: 0)
    private let stopRequested = ManagedAtomic<Bool>(false)
    /// 0 running, 1 ended, 2 ended with `terminalError`.
    private let state = ManagedAtomic<Int>(0)
    private var terminalError: AudioSourceError?
    private let periodCount = ManagedAtomic<Int>(0)
    private let overrunCount = ManagedAtomic<Int>(0)
    private let suspendCount = ManagedAtomic<Int>(0)
    private var thread: Thread?
    private let threadFinished = DispatchSemaphore(value: 0)

    /// Fault injection for tests: after `afterPeriods` periods, the next read reports `error` (a negative errno)
    /// as if `snd_pcm_readi` had returned it. Lets the tests drive the real recovery code on a device that
    /// cannot really be unplugged or suspended here.
    struct InjectedFault: Sendable {
        var afterPeriods: Int
        var error: Int32
    }
    private let injectedFault: InjectedFault?

    /// Opens the device, negotiates its format and starts the capture thread.
    /// - Throws: `deviceNotFound`, `deviceBusy`, `unsupportedDeviceFormat` or `alsa`, naming the device.
    public convenience init(configuration: Configuration) throws {
        try self.init(configuration: configuration, injectedFault: nil)
    }

    init(configuration: Configuration, injectedFault: InjectedFault?) throws {
        self.configuration = configuration
        self.injectedFault = injectedFault
        name = configuration.device
        let device = configuration.device
        var handle: OpaquePointer?
        ALSALibrary.silenceDiagnostics()
        let mode = SND_PCM_NO_AUTO_RESAMPLE | SND_PCM_NO_AUTO_CHANNELS | SND_PCM_NO_AUTO_FORMAT
        let openStatus = snd_pcm_open(&handle, device, SND_PCM_STREAM_CAPTURE, mode)
        guard openStatus == 0, let handle else { throw ALSACaptureSource.openError(device: device, code: openStatus) }
        do {
            format = try ALSACaptureSource.negotiate(handle, device: device, configuration: configuration)
        } catch {
            snd_pcm_close(handle)
            throw error
        }
        pcm = handle
        do {
            converter = try FormatConverter(encoding: format.encoding, channelCount: format.channelCount,
                                            inputRateHz: format.sampleRateHz, maximumFrames: format.periodFrames)
        } catch {
            snd_pcm_close(handle)
            throw AudioSourceError.unsupportedDeviceFormat(device: device, reason: "rate \(format.sampleRateHz) Hz cannot be resampled")
        }
        ring = SPSCSampleRing(minimumCapacity: Int(configuration.ringSeconds * Double(CanonicalAudio.sampleRateHz)))
        rawPeriod = .allocate(byteCount: format.periodFrames * format.encoding.bytesPerSample * format.channelCount, alignment: 16)
        convertedCapacity = converter.maximumOutputPerCall
        convertedPeriod = .allocate(capacity: convertedCapacity)
        let started = snd_pcm_prepare(pcm)
        guard started == 0 else {
            snd_pcm_close(pcm)
            rawPeriod.deallocate()
            convertedPeriod.deallocate()
            throw AudioSourceError.alsa(device: device, operation: "prepare", code: started, message: ALSACaptureSource.message(started))
        }
        let thread = Thread { [self] in captureLoop() }
        thread.name = "\(ALSACaptureSource.captureThreadName)"
        thread.qualityOfService = .userInteractive
        self.thread = thread
        thread.start()
    }

    deinit {
        stop()
        snd_pcm_close(pcm)
        rawPeriod.deallocate()
        convertedPeriod.deallocate()
    }

    /// Bytes this source holds (ring, conversion buffers), for the memory budget.
    public var byteCount: Int {
        ring.byteCount + converter.byteCount + convertedCapacity * MemoryLayout<Float>.size
            + format.periodFrames * format.encoding.bytesPerSample * format.channelCount
    }

    public var statistics: Statistics {
        Statistics(periods: periodCount.load(ordering: .relaxed), overruns: overrunCount.load(ordering: .relaxed),
                   suspends: suspendCount.load(ordering: .relaxed))
    }

    /// Stops the capture thread; `read` then returns the samples still in the ring and 0 after them.
    public func stop() {
        guard thread != nil else { return }
        stopRequested.store(true, ordering: .releasing)
        threadFinished.wait()
        thread = nil
    }

    public func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int {
        while true {
            let got = ring.read(into: buffer)
            if got > 0 {
                spaceAvailable.signal()
                return got
            }
            switch state.load(ordering: .acquiring) {
            case 0:
                _ = dataReady.wait(timeout: .now() + .milliseconds(100))
            case 2:
                // Drain anything written between the empty read and the end.
                let last = ring.read(into: buffer)
                if last > 0 { return last }
                if let error = terminalError { throw error }
                return 0
            default:
                let last = ring.read(into: buffer)
                return last
            }
        }
    }

    // MARK: - Capture thread

    /// The OS thread name (15 characters at most), visible in `top -H`, `perf` and the allocation probe.
    public static let captureThreadName: StaticString = "attune-capture"

    private func captureLoop() {
        nameThisThreadForTheKernel(ALSACaptureSource.captureThreadName)
        defer {
            // Renamed on the way out, so profiles (and the allocation probe) tell capture from teardown.
            nameThisThreadForTheKernel("attune-cap-end")
            threadFinished.signal()
        }
        let periodFrames = format.periodFrames
        let output = UnsafeMutableBufferPointer(start: convertedPeriod, count: convertedCapacity)
        while !stopRequested.load(ordering: .acquiring) {
            let waited = snd_pcm_wait(pcm, 200)
            var frames: Int
            if waited < 0 {
                frames = Int(waited)
            } else if waited == 0 {
                continue  // timeout: check the stop flag again
            } else {
                frames = snd_pcm_readi(pcm, rawPeriod, snd_pcm_uframes_t(periodFrames))
            }
            if let fault = injectedFault, periodCount.load(ordering: .relaxed) == fault.afterPeriods,
               !faultDelivered {
                faultDelivered = true
                frames = Int(fault.error)
            }
            if frames < 0 {
                if let error = recover(Int32(frames)) {
                    end(with: error)
                    return
                }
                continue
            }
            if frames == 0 { continue }
            let produced = converter.convert(rawPeriod, frameCount: frames, into: output)
            var written = 0
            while written < produced {
                written += ring.write(UnsafeBufferPointer(start: convertedPeriod + written, count: produced - written))
                if written < produced {
                    dataReady.signal()
                    if stopRequested.load(ordering: .acquiring) { break }
                    _ = spaceAvailable.wait(timeout: .now() + .milliseconds(50))
                }
            }
            periodCount.wrappingIncrement(ordering: .relaxed)
            dataReady.signal()
        }
        state.store(1, ordering: .releasing)
        dataReady.signal()
    }

    private var faultDelivered = false

    /// Recovers from a read error in place, or returns the error that ends the stream.
    private func recover(_ code: Int32) -> AudioSourceError? {
        switch -code {
        case EPIPE:
            overrunCount.wrappingIncrement(ordering: .relaxed)
            let status = snd_pcm_prepare(pcm)
            return status == 0 ? nil : .alsa(device: name, operation: "prepare after overrun", code: status, message: ALSACaptureSource.message(status))
        case ESTRPIPE:
            suspendCount.wrappingIncrement(ordering: .relaxed)
            var status = snd_pcm_resume(pcm)
            var attempts = 0
            while status == -EAGAIN && attempts < 50 && !stopRequested.load(ordering: .relaxed) {
                usleep(100_000)
                status = snd_pcm_resume(pcm)
                attempts += 1
            }
            if status < 0 { status = snd_pcm_prepare(pcm) }  // devices that cannot resume restart instead
            return status == 0 ? nil : .alsa(device: name, operation: "resume after suspend", code: status, message: ALSACaptureSource.message(status))
        case EAGAIN, EINTR:
            return nil
        case ENODEV, EBADFD, EIO:
            return .deviceDisappeared(device: name)
        default:
            return .alsa(device: name, operation: "read", code: code, message: ALSACaptureSource.message(code))
        }
    }

    private func end(with error: AudioSourceError) {
        terminalError = error
        state.store(2, ordering: .releasing)
        dataReady.signal()
    }

    // MARK: - Opening

    /// Native formats Attune decodes, most preferred first.
    static let formatPreference: [(snd_pcm_format_t, SampleEncoding)] = [
        (SND_PCM_FORMAT_S16_LE, .signed16), (SND_PCM_FORMAT_S32_LE, .signed32), (SND_PCM_FORMAT_S24_LE, .signed24In32),
        (SND_PCM_FORMAT_S24_3LE, .signed24Packed), (SND_PCM_FORMAT_FLOAT_LE, .float32),
        (SND_PCM_FORMAT_FLOAT64_LE, .float64), (SND_PCM_FORMAT_U8, .unsigned8),
    ]

    private static func negotiate(_ pcm: OpaquePointer, device: String, configuration: Configuration) throws -> NegotiatedFormat {
        var params: OpaquePointer?
        guard snd_pcm_hw_params_malloc(&params) == 0, let params else {
            throw AudioSourceError.alsa(device: device, operation: "hw_params_malloc", code: -ENOMEM, message: "out of memory")
        }
        defer { snd_pcm_hw_params_free(params) }
        func check(_ status: Int32, _ operation: String) throws {
            guard status >= 0 else {
                throw AudioSourceError.alsa(device: device, operation: operation, code: status, message: message(status))
            }
        }
        try check(snd_pcm_hw_params_any(pcm, params), "hw_params_any")
        guard snd_pcm_hw_params_set_access(pcm, params, SND_PCM_ACCESS_RW_INTERLEAVED) == 0 else {
            throw AudioSourceError.unsupportedDeviceFormat(device: device, reason: "no interleaved read access")
        }
        guard let chosen = formatPreference.first(where: { snd_pcm_hw_params_test_format(pcm, params, $0.0) == 0 }) else {
            throw AudioSourceError.unsupportedDeviceFormat(device: device, reason: "none of S16_LE, S32_LE, S24_LE, S24_3LE, FLOAT_LE, FLOAT64_LE, U8")
        }
        try check(snd_pcm_hw_params_set_format(pcm, params, chosen.0), "set format")
        var channels: UInt32 = 1
        try check(snd_pcm_hw_params_set_channels_near(pcm, params, &channels), "set channels")
        guard (1...64).contains(channels) else {
            throw AudioSourceError.unsupportedDeviceFormat(device: device, reason: "\(channels) channels")
        }
        var rate = UInt32(CanonicalAudio.sampleRateHz)
        try check(snd_pcm_hw_params_set_rate_near(pcm, params, &rate, nil), "set rate")
        var periodUs = UInt32(configuration.periodMs * 1000)
        try check(snd_pcm_hw_params_set_period_time_near(pcm, params, &periodUs, nil), "set period time")
        var bufferUs = periodUs * UInt32(max(2, configuration.bufferPeriods))
        try check(snd_pcm_hw_params_set_buffer_time_near(pcm, params, &bufferUs, nil), "set buffer time")
        try check(snd_pcm_hw_params(pcm, params), "hw_params")
        var periodFrames: snd_pcm_uframes_t = 0
        var bufferFrames: snd_pcm_uframes_t = 0
        try check(snd_pcm_hw_params_get_period_size(params, &periodFrames, nil), "get period size")
        try check(snd_pcm_hw_params_get_buffer_size(params, &bufferFrames), "get buffer size")
        return NegotiatedFormat(encoding: chosen.1, channelCount: Int(channels), sampleRateHz: Int(rate),
                                periodFrames: Int(periodFrames), bufferFrames: Int(bufferFrames))
    }

    static func openError(device: String, code: Int32) -> AudioSourceError {
        switch -code {
        case EBUSY: return .deviceBusy(device: device)
        case ENOENT, ENODEV, ENXIO: return .deviceNotFound(device: device, reason: message(code))
        default: return .alsa(device: device, operation: "open", code: code, message: message(code))
        }
    }

    static func message(_ code: Int32) -> String { String(cString: snd_strerror(code)) }
}

/// Foundation's `Thread.name` does not reach the kernel on Linux, and `pthread_setname_np`/`prctl` are not
/// visible to Swift there; writing `/proc/thread-self/comm` is the kernel's own interface for it.
/// Profilers (`top -H`, `perf`) and the allocation probe in tools/bench then see the thread by name.
/// A `StaticString` so naming allocates nothing (names longer than 15 bytes are cut by the kernel).
public func nameThisThreadForTheKernel(_ name: StaticString) {
    let fd = open("/proc/thread-self/comm", O_WRONLY | O_CLOEXEC)
    guard fd >= 0 else { return }
    defer { close(fd) }
    _ = write(fd, name.utf8Start, name.utf8CodeUnitCount)
}
