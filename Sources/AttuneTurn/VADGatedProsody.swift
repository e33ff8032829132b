import AttuneProsody

/// The VAD and the prosody analyser as the turn detector runs them: the samples go to both one VAD
/// chunk at a time, each chunk's speech probability noted in the analyser (its `PitchSearchGate`)
/// before the analyser hears that chunk's samples, so the VAD is never more than a chunk ahead and
/// the frames do not depend on how the caller chunks the input. `attune analyze --vad-gate` uses it
/// to show the prosody the turn detector sees.
public enum VADGatedProsody {
    /// Feeds `samples` to `vad` and `prosody`; `chunk(index, p)` for every VAD chunk completed,
    /// `event` for every prosody event.
    public static func process(_ samples: UnsafeBufferPointer<Float>, vad: VoiceActivityDetector, prosody: ProsodyAnalyzer,
                               chunk: (Int, Float) -> Void, event: (ProsodyEvent) -> Void) {
        var offset = 0
        while offset < samples.count {
            let piece = UnsafeBufferPointer(rebasing: samples[offset..<min(offset + SileroVAD.chunkSamples, samples.count)])
            vad.process(piece) { c, p in
                prosody.noteVoiceActivity(chunk: c, probability: p)
                chunk(c, p)
            }
            prosody.process(piece, event)
            offset += piece.count
        }
    }

    /// Ends the input of both: the VAD's last partial chunk first, then the analyser's last frames.
    public static func finish(vad: VoiceActivityDetector, prosody: ProsodyAnalyzer,
                              chunk: (Int, Float) -> Void, event: (ProsodyEvent) -> Void) {
        vad.finish { c, p in
            prosody.noteVoiceActivity(chunk: c, probability: p)
            chunk(c, p)
        }
        prosody.finish(event)
    }
}
