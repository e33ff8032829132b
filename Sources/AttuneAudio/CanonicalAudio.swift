/// Attune's canonical audio: 16 kHz, mono, `Float` samples in [-1, 1].
public enum CanonicalAudio {
    public static let sampleRateHz = 16_000
    /// One analysis frame step: 10 ms.
    public static let samplesPer10Ms = 160
}
