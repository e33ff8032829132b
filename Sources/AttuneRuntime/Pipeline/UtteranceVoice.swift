import AttuneAudio
import AttuneProsody
import AttuneRapport
import AttuneTurn

/// The voice of the person's latest utterance, measured while it is spoken, for the rapport turn its
/// final transcript becomes: the engine compares it with the person's own baseline (docs/RAPPORT.md).
///
/// A fresh `ProsodyAnalyzer` starts at each `speech_start`, fed from a one-second ring of the audio
/// just heard (the start is decided ~130 ms after speech begins, so its first syllables are already
/// past), then with the audio as it comes; the `end_of_turn` ends it and keeps its summary until a
/// final transcript takes it. One analyzer per utterance, never per frame.
final class UtteranceVoice {
    static let ringSamples = CanonicalAudio.sampleRateHz
    /// What it holds at most: the ring and one analyzer.
    static let byteCount = ringSamples * MemoryLayout<Float>.size + CommandResources.prosodyAnalyzerBytes

    private var ring: [Float]
    private var ringWrite = 0
    /// Samples heard in all.
    private var heard = 0
    private var analyzer: ProsodyAnalyzer?
    private var startT = 0.0
    private var lastEndT: Double?
    private var latest: TurnProsody?

    init() { ring = [Float](repeating: 0, count: Self.ringSamples) }

    /// Takes one chunk of audio and the turn events the detector decided on it.
    func hear(_ samples: UnsafeBufferPointer<Float>, events: [TurnEvent]) {
        if let analyzer { analyzer.process(samples) { _ in } }
        for sample in samples {
            ring[ringWrite] = sample
            ringWrite = (ringWrite + 1) % Self.ringSamples
        }
        heard += samples.count
        for event in events {
            switch event {
            case let .speechStart(_, speechStartT):
                begin(at: speechStartT)
            case let .endOfTurn(_, speechEndT, _, _, _, _):
                end(at: speechEndT)
            default:
                break
            }
        }
    }

    /// The latest finished utterance's voice, once.
    func take() -> TurnProsody? {
        defer { latest = nil }
        return latest
    }

    private func begin(at speechStartT: Double) {
        latest = nil
        startT = speechStartT
        let fresh = ProsodyAnalyzer()
        let startSample = max(Int(speechStartT * Double(CanonicalAudio.sampleRateHz)), heard - Self.ringSamples, 0)
        let count = heard - startSample
        var recent = [Float](repeating: 0, count: count)
        for index in 0..<count {
            recent[index] = ring[(ringWrite - count + index + Self.ringSamples) % Self.ringSamples]
        }
        recent.withUnsafeBufferPointer { fresh.process($0) { _ in } }
        analyzer = fresh
    }

    private func end(at speechEndT: Double) {
        guard let analyzer else { return }
        analyzer.finish { _ in }
        let summary = analyzer.summary()
        var range: Double?
        if let low = summary.f0Percentile20Semitones, let high = summary.f0Percentile80Semitones { range = high - low }
        latest = TurnProsody(f0MeanHz: summary.f0MeanHz, f0RangeSemitones: range, speechRateSylPerSec: summary.speechRateSylPerSec,
                             loudnessDb: summary.intensityMeanDb, pauseBeforeMs: lastEndT.map { max(0, (startT - $0) * 1000) })
        lastEndT = speechEndT
        self.analyzer = nil
    }
}
