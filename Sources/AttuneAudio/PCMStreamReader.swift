#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads interleaved PCM from a file descriptor in fixed blocks and converts it to canonical audio.
/// Shared by WAV files and raw PCM on standard input; memory stays flat however long the stream.
final class PCMStreamReader {
    let sourceName: String
    private let fileDescriptor: Int32
    private let closeOnDeinit: Bool
    private let converter: FormatConverter
    private let bytesPerFrame: Int
    /// Bytes left to read, or nil to read until end of file.
    private var remainingBytes: Int?
    private let declaredByteCount: Int?
    private var consumedBytes = 0
    private let raw: UnsafeMutableRawPointer
    private let rawCapacity: Int
    private var rawCount = 0
    private let pending: UnsafeMutablePointer<Float>
    private let pendingCapacity: Int
    private var pendingStart = 0
    private var pendingCount = 0
    private var finished = false
    private let truncation: (_ consumed: Int) -> AudioSourceError

    static let blockFrames = 4096

    init(
        fileDescriptor: Int32, closeOnDeinit: Bool, sourceName: String, encoding: SampleEncoding,
        channelCount: Int, sampleRateHz: Int, byteCount: Int?, initialBytes: [UInt8] = [],
        truncation: @escaping (_ consumed: Int) -> AudioSourceError
    ) throws {
        self.fileDescriptor = fileDescriptor
        self.closeOnDeinit = closeOnDeinit
        self.sourceName = sourceName
        self.bytesPerFrame = encoding.bytesPerSample * channelCount
        self.remainingBytes = byteCount
        self.declaredByteCount = byteCount
        self.truncation = truncation
        converter = try FormatConverter(encoding: encoding, channelCount: channelCount,
                                        inputRateHz: sampleRateHz, maximumFrames: PCMStreamReader.blockFrames)
        rawCapacity = PCMStreamReader.blockFrames * bytesPerFrame
        raw = .allocate(byteCount: rawCapacity, alignment: 16)
        pendingCapacity = converter.maximumOutputPerCall
        pending = .allocate(capacity: pendingCapacity)
        // Bytes already read from the descriptor to recognise the format (fewer than one block).
        precondition(initialBytes.count < rawCapacity)
        initialBytes.withUnsafeBytes { raw.copyMemory(from: $0.baseAddress!, byteCount: initialBytes.count) }
        rawCount = initialBytes.count
    }

    deinit {
        raw.deallocate()
        pending.deallocate()
        if closeOnDeinit { close(fileDescriptor) }
    }

    func read(into buffer: UnsafeMutableBufferPointer<Float>) throws -> Int {
        var written = 0
        while written < buffer.count {
            if pendingCount > 0 {
                let take = min(pendingCount, buffer.count - written)
                (buffer.baseAddress! + written).update(from: pending + pendingStart, count: take)
                pendingStart += take
                pendingCount -= take
                written += take
                continue
            }
            if finished { break }
            try refill()
            // A live pipe may have delivered nothing converted yet; return what we have rather than block twice.
            if pendingCount == 0 && written > 0 && !finished { break }
        }
        return written
    }

    /// Reads one block of whole frames, converts it, and leaves the result in `pending`.
    private func refill() throws {
        pendingStart = 0
        var want = rawCapacity - rawCount
        if let remaining = remainingBytes { want = min(want, remaining - rawCount) }
        var endOfInput = want <= 0
        while want > 0 {
            let got = Glibc.read(fileDescriptor, raw + rawCount, want)
            if got < 0 {
                if errno == EINTR { continue }
                throw AudioSourceError.readFailed(source: sourceName, reason: String(cString: strerror(errno)))
            }
            if got == 0 { endOfInput = true; break }
            rawCount += got
            want -= got
            if rawCount >= bytesPerFrame { break }  // convert what arrived; pipes deliver in pieces
        }
        let frames = rawCount / bytesPerFrame
        let usedBytes = frames * bytesPerFrame
        pendingCount = converter.convert(raw, frameCount: frames,
                                         into: UnsafeMutableBufferPointer(start: pending, count: pendingCapacity))
        consumedBytes += usedBytes
        if let remaining = remainingBytes { remainingBytes = remaining - usedBytes }
        rawCount -= usedBytes
        if rawCount > 0 { raw.copyMemory(from: raw + usedBytes, byteCount: rawCount) }
        if remainingBytes == 0 { endOfInput = true }
        if endOfInput {
            if let declared = declaredByteCount, consumedBytes < declared {
                throw truncation(consumedBytes)
            }
            if rawCount > 0 {
                throw AudioSourceError.readFailed(source: sourceName,
                    reason: "input ended inside a frame: \(rawCount) stray byte(s) after \(consumedBytes) bytes of whole frames")
            }
            let flushed = converter.finish(into: UnsafeMutableBufferPointer(start: pending + pendingCount, count: pendingCapacity - pendingCount))
            pendingCount += flushed
            finished = true
        }
    }
}
