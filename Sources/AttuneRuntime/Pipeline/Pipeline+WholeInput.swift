import AttuneAudio
import AttuneTurn

/// A whole input (a file, standard input) through the pipeline's turn detector, as `attune turns`
/// runs it: the same detector, models and `turns` stage timing as the service's live audio.
extension Pipeline {
    /// Reads `source` to its end, handing over each partial transcript when the input time reaches
    /// its `t` (checked every 10 ms, so a transcript lands on the same frame however the source is
    /// chunked), and emits the turn events as they are decided; a turn still open at the end ends
    /// with an `end_of_turn` marked `endOfInput`.
    /// - Returns: the read error that ended the input early (the events up to it were emitted and the
    ///   open turn finished), or nil when the input ended normally.
    @discardableResult
    public func findTurns(in source: any AudioSource, transcripts: [PartialTranscript] = [], emit: (TurnEvent) -> Void) -> (any Error)? {
        var chunk = [Float](repeating: 0, count: Self.wholeInputChunkSamples)
        var nextTranscript = 0
        var failure: (any Error)?
        while true {
            let count: Int
            do {
                count = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0) }
            } catch {
                failure = error
                break
            }
            if count == 0 { break }
            var offset = 0
            while offset < count {
                let step = min(CanonicalAudio.samplesPer10Ms, count - offset)
                while nextTranscript < transcripts.count, transcripts[nextTranscript].t <= detector.inputTimeSec {
                    detector.setTranscript(transcripts[nextTranscript].text)
                    nextTranscript += 1
                }
                let decided = chunk.withUnsafeBufferPointer { detect(UnsafeBufferPointer(rebasing: $0[offset..<(offset + step)])) }
                decided.forEach(emit)
                offset += step
            }
        }
        finished = true
        detector.finish(emit)
        return failure
    }

    /// The voice activity probability of every 32 ms chunk of `source` (Silero VAD over the
    /// pipeline's loaded weights, on a detector of its own), in input order: `emit(chunkIndex, p)`.
    public func voiceActivityProbabilities(in source: any AudioSource, emit: (Int, Float) -> Void) throws {
        let vad = VoiceActivityDetector(weights: turnModels.vadWeights)
        var chunk = [Float](repeating: 0, count: Self.wholeInputChunkSamples)
        while true {
            let count = try chunk.withUnsafeMutableBufferPointer { try source.read(into: $0) }
            if count == 0 { break }
            chunk.withUnsafeBufferPointer { vad.process(UnsafeBufferPointer(rebasing: $0[0..<count]), emit) }
        }
        vad.finish(emit)
    }

    /// Samples read from a whole input at a time (100 ms).
    static let wholeInputChunkSamples = 1600
}
