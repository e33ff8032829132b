/// Turns interleaved PCM at any rate and channel count into canonical audio (16 kHz mono Float):
/// decode and average the channels, then resample. Buffers are allocated once, at creation, so the
/// capture thread converts each period without allocating.
public final class FormatConverter {
    public let encoding: SampleEncoding
    public let channelCount: Int
    public let inputRateHz: Int
    /// The most frames one `convert` call takes.
    public let maximumFrames: Int
    public let resampler: Resampler
    private let mono: UnsafeMutablePointer<Float>

    public init(encoding: SampleEncoding, channelCount: Int, inputRateHz: Int, maximumFrames: Int) throws(AudioSourceError) {
        precondition(channelCount >= 1 && maximumFrames >= 1)
        self.encoding = encoding
        self.channelCount = channelCount
        self.inputRateHz = inputRateHz
        self.maximumFrames = maximumFrames
        self.resampler = try Resampler(inputRateHz: inputRateHz, maximumChunk: maximumFrames)
        mono = .allocate(capacity: maximumFrames)
        mono.initialize(repeating: 0, count: maximumFrames)
    }

    deinit { mono.deallocate() }

    /// Output room one `convert` call followed by `finish` needs (the last block and the look-ahead).
    public var maximumOutputPerCall: Int {
        resampler.maximumOutput(forInput: maximumFrames) + resampler.maximumFlushOutput
    }

    /// Bytes held by the converter, for the memory budget.
    public var byteCount: Int { maximumFrames * MemoryLayout<Float>.size + resampler.byteCount }

    /// Converts `frameCount` (≤ `maximumFrames`) interleaved frames; returns canonical samples written.
    public func convert(
        _ bytes: UnsafeRawPointer, frameCount: Int, into output: UnsafeMutableBufferPointer<Float>
    ) -> Int {
        precondition(frameCount <= maximumFrames)
        encoding.decodeToMono(bytes, frameCount: frameCount, channelCount: channelCount, into: mono)
        return resampler.process(UnsafeBufferPointer(start: mono, count: frameCount), into: output)
    }

    /// Emits the samples held back for the resampler's look-ahead, at the end of the stream.
    public func finish(into output: UnsafeMutableBufferPointer<Float>) -> Int {
        resampler.flush(into: output)
    }
}
