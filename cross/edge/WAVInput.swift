import AttuneAudio

/// A WAV file streamed as canonical audio (16 kHz mono Float) with the same parts the x86-64
/// `WAVFileSource` uses: `WAVHeader.parse` for the header and `FormatConverter` (decode, downmix,
/// `Resampler`) for the samples, read with plain `pread` so no Foundation is needed.
final class WAVInput {
    let path: String
    let header: WAVHeader
    private let descriptor: Int32
    private let converter: FormatConverter
    private var nextByte: Int
    private let endByte: Int
    private var raw: [UInt8]
    private var pending: [Float]
    private var pendingStart = 0, pendingCount = 0
    private var finished = false
    private static let framesPerBlock = 1600

    init(path: String) throws(EdgeError) {
        self.path = path
        let fd = attune_open_read_only(path)
        guard fd >= 0 else { throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        var status = stat()
        guard fstat(fd, &status) == 0 else { close(fd); throw .cannotRead(path: path, reason: String(cString: strerror(errno))) }
        do throws(AudioSourceError) {
            header = try WAVHeader.parse(path: path, fileByteCount: Int(status.st_size)) { (offset, count) throws(AudioSourceError) in
                var bytes = [UInt8](repeating: 0, count: count)
                let got = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, count, off_t(offset)) }
                guard got >= 0 else { throw .readFailed(source: path, reason: String(cString: strerror(errno))) }
                return Array(bytes[0..<got])
            }
            converter = try FormatConverter(encoding: header.encoding, channelCount: header.channelCount,
                                            inputRateHz: header.sampleRateHz, maximumFrames: Self.framesPerBlock)
        } catch {
            close(fd)
            throw .audio(Self.describe(error))
        }
        descriptor = fd
        nextByte = header.dataOffset
        endByte = header.dataOffset + header.dataByteCount
        raw = [UInt8](repeating: 0, count: Self.framesPerBlock * header.bytesPerFrame)
        pending = [Float](repeating: 0, count: converter.maximumOutputPerCall)
    }

    deinit { close(descriptor) }

    /// Fills up to `buffer.count` samples; 0 at the end of the file.
    func read(into buffer: UnsafeMutableBufferPointer<Float>) throws(EdgeError) -> Int {
        var written = 0
        while written < buffer.count {
            if pendingCount > 0 {
                let take = min(pendingCount, buffer.count - written)
                for i in 0..<take { buffer[written + i] = pending[pendingStart + i] }
                pendingStart += take
                pendingCount -= take
                written += take
                continue
            }
            if finished { break }
            try refill()
        }
        return written
    }

    private func refill() throws(EdgeError) {
        pendingStart = 0
        let want = min(raw.count, endByte - nextByte) / header.bytesPerFrame * header.bytesPerFrame
        var got = 0
        while got < want {
            let n = raw.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + got, want - got, off_t(nextByte + got)) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw .audio("reading \(path) failed: \(String(cString: strerror(errno)))") }
            if n == 0 { throw .audio("truncated WAV \(path): the data chunk ends at byte \(nextByte + got), before the \(header.dataByteCount) bytes it declares") }
            got += n
        }
        nextByte += got
        let frames = got / header.bytesPerFrame
        pendingCount = raw.withUnsafeBytes { bytes in
            pending.withUnsafeMutableBufferPointer { out in converter.convert(bytes.baseAddress!, frameCount: frames, into: out) }
        }
        if nextByte >= endByte || frames == 0 {
            let flushed = pending.withUnsafeMutableBufferPointer { out in
                converter.finish(into: UnsafeMutableBufferPointer(rebasing: out[pendingCount...]))
            }
            pendingCount += flushed
            finished = true
        }
    }

    /// `AudioSourceError`'s message, for the cases a WAV header or rate can raise (its
    /// `CustomStringConvertible` text lives with Foundation on x86-64).
    static func describe(_ error: AudioSourceError) -> String {
        switch error {
        case let .malformedWAV(path, offset, reason): return "malformed WAV \(path) at byte \(offset): \(reason)"
        case let .unsupportedWAV(path, reason): return "unsupported WAV \(path): \(reason); convert it with `sox \(path) -b 16 out.wav`"
        case let .notWAV(path, format): return "\(path) is \(format.rawValue), not WAV; convert it with `sox \(path) -r 16000 -c 1 out.wav`"
        case let .truncatedWAV(path, offset, expected, available):
            return "truncated WAV \(path): data chunk at byte \(offset) declares \(expected) bytes but only \(available) follow"
        case let .readFailed(source, reason): return "reading \(source) failed: \(reason)"
        case let .unsupportedSampleRate(rate): return "cannot resample \(rate) Hz to 16000 Hz: use a standard rate (8000…192000 Hz)"
        default: return "audio input failed"
        }
    }
}
