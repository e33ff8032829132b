/// Streams audio through `SileroVAD` in 512-sample chunks and hands out one probability per chunk,
/// in order. Chunk c covers samples 512c ..< 512c + 512 (32 ms); a 10 ms frame k (centre sample
/// 160k) takes the probability of chunk ⌊160k / 512⌋. At the end of the input the last partial
/// chunk is completed with silence, so every frame has a probability.
public final class VoiceActivityDetector {
    public let model: SileroVAD
    private var pending = [Float](repeating: 0, count: SileroVAD.chunkSamples)
    private var pendingCount = 0
    public private(set) var chunkCount = 0

    public init(weights: SileroVADWeights) {
        model = SileroVAD(weights: weights)
    }

    /// Feeds samples; `emit(chunkIndex, probability)` for every chunk completed.
    public func process(_ samples: UnsafeBufferPointer<Float>, _ emit: (Int, Float) -> Void) {
        var offset = 0
        while offset < samples.count {
            let take = min(SileroVAD.chunkSamples - pendingCount, samples.count - offset)
            for i in 0..<take { pending[pendingCount + i] = samples[offset + i] }
            pendingCount += take
            offset += take
            if pendingCount == SileroVAD.chunkSamples { runChunk(emit) }
        }
    }

    /// Completes a partial last chunk with silence.
    public func finish(_ emit: (Int, Float) -> Void) {
        guard pendingCount > 0 else { return }
        for i in pendingCount..<SileroVAD.chunkSamples { pending[i] = 0 }
        pendingCount = SileroVAD.chunkSamples
        runChunk(emit)
    }

    private func runChunk(_ emit: (Int, Float) -> Void) {
        let p = pending.withUnsafeBufferPointer { model.probability(ofChunk: $0.baseAddress!) }
        emit(chunkCount, p)
        chunkCount += 1
        pendingCount = 0
    }

    /// The 10 ms frames whose centres (sample 160k) fall in chunk c: those that take its probability.
    public static func frames(ofChunk c: Int) -> Range<Int> {
        let size = SileroVAD.chunkSamples
        return (c * size + 159) / 160 ..< ((c + 1) * size + 159) / 160
    }
}
