import AttuneAudio
import CALSA

/// Blocking capture from an ALSA device as 16 kHz mono S16 (ALSA's plug layer converts when the device
/// needs it), decoded to Float exactly as the x86-64 WAV path decodes 16-bit samples. The edge reads on
/// its one thread: there is no ring buffer or capture thread to share, unlike `ALSACaptureSource`.
final class ALSAInput {
    let device: String
    private var pcm: OpaquePointer?
    private var raw: [Int16]
    /// Samples still to deliver: `--seconds`, or unlimited.
    private var remaining: Int

    init(device: String, sampleLimit: Int?) throws(EdgeError) {
        self.device = device
        remaining = sampleLimit ?? Int.max
        raw = [Int16](repeating: 0, count: CanonicalAudio.samplesPer10Ms * 10)
        _ = attune_alsa_silence_library_errors()
        var handle: OpaquePointer?
        let opened = snd_pcm_open(&handle, device, SND_PCM_STREAM_CAPTURE, 0)
        guard opened >= 0, let handle else {
            throw .device("no capture device '\(device)' (\(String(cString: snd_strerror(opened)))); list devices with `arecord -L`")
        }
        pcm = handle
        // 100 ms of latency; ALSA resamples in its plug layer only if the device cannot do 16 kHz itself.
        let set = snd_pcm_set_params(handle, SND_PCM_FORMAT_S16_LE, SND_PCM_ACCESS_RW_INTERLEAVED, 1,
                                     UInt32(CanonicalAudio.sampleRateHz), 1, 100_000)
        guard set >= 0 else {
            snd_pcm_close(handle)
            pcm = nil
            throw .device("capture device '\(device)' offers no 16 kHz mono S16 (\(String(cString: snd_strerror(set)))); try its plug layer, e.g. `plughw:…`")
        }
    }

    deinit { if let pcm { snd_pcm_close(pcm) } }

    /// Fills up to `buffer.count` samples (blocking); 0 once `--seconds` are read or a stop is requested.
    func read(into buffer: UnsafeMutableBufferPointer<Float>) throws(EdgeError) -> Int {
        guard let pcm else { return 0 }
        let want = min(buffer.count, raw.count, remaining)
        guard want > 0 else { return 0 }
        while true {
            if StopRequest.isRequested { return 0 }
            let got = raw.withUnsafeMutableBytes { snd_pcm_readi(pcm, $0.baseAddress, snd_pcm_uframes_t(want)) }
            if got >= 0 {
                let count = Int(got)
                raw.withUnsafeBytes { SampleEncoding.signed16.decodeToMono($0.baseAddress!, frameCount: count, channelCount: 1, into: buffer.baseAddress!) }
                remaining -= count
                return count
            }
            // An overrun (EPIPE), a suspend (ESTRPIPE) or a signal (EINTR) is recovered and capture goes on
            // (or stops, above, when the signal asked for it).
            if snd_pcm_recover(pcm, Int32(got), 1) < 0 {
                throw .device("capture on '\(device)' failed: \(String(cString: snd_strerror(Int32(got))))")
            }
        }
    }
}
