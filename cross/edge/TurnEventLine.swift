import AttuneProsody
import AttuneTurn

/// The edge's JSON lines: each `TurnEvent` in the shape of the x86-64 `TurnEventMessage` (same keys,
/// times and probabilities to the millisecond, as `attune turns --json` prints them), and the prosody
/// summary with the keys and decimals of `attune analyze --json`'s `summary`.
enum TurnEventLine {
    static func write(_ event: TurnEvent, to writer: inout JSONLineWriter) {
        writer.begin()
        writer.string("type", event.typeName)
        writer.number("t", event.t, decimals: 3)
        switch event {
        case let .speechStart(_, start):
            writer.number("speechStartT", start, decimals: 3)
        case let .pause(_, end):
            writer.number("speechEndT", end, decimals: 3)
        case let .endOfTurn(t, end, p, cues, delay, endOfInput):
            writer.number("speechEndT", end, decimals: 3)
            writer.integer("latencyMs", Int(((t - end) * 1000).rounded()))
            writer.number("p", p, decimals: 3)
            writer.strings("cues", cues)
            writer.integer("suggestedDelayMs", delay)
            if endOfInput { writer.bool("endOfInput", true) }
        case let .turnResumed(_, after):
            writer.number("afterEndOfTurnT", after, decimals: 3)
        case .bargeIn:
            break
        case let .backchannelOpportunity(_, end, cues):
            writer.number("speechEndT", end, decimals: 3)
            writer.strings("cues", cues)
        }
        writer.end()
    }

    static func write(_ s: ProsodySummary, to writer: inout JSONLineWriter) {
        writer.begin()
        writer.string("type", "prosody_summary")
        writer.number("durationSec", s.durationSec, decimals: 3)
        writer.integer("frameCount", s.frameCount)
        writer.integer("voicedFrameCount", s.voicedFrameCount)
        writer.integer("soundingFrameCount", s.soundingFrameCount)
        writer.integer("syllables", s.syllables)
        writer.number("speechRateSylPerSec", s.speechRateSylPerSec, decimals: 3)
        writer.number("articulationRateSylPerSec", s.articulationRateSylPerSec, decimals: 3)
        writer.number("speechSpanSec", s.speechSpanSec, decimals: 2)
        writer.number("phonationTimeSec", s.phonationTimeSec, decimals: 2)
        writer.integer("pauseCount", s.pauseCount)
        writer.number("meanPauseSec", s.meanPauseSec, decimals: 3)
        writer.number("f0MeanHz", s.f0MeanHz, decimals: 2)
        writer.number("f0MeanSemitones", s.f0MeanSemitones, decimals: 3)
        writer.number("f0StdevSemitones", s.f0StdevSemitones, decimals: 3)
        writer.number("f0Percentile20Semitones", s.f0Percentile20Semitones, decimals: 3)
        writer.number("f0MedianSemitones", s.f0MedianSemitones, decimals: 3)
        writer.number("f0Percentile80Semitones", s.f0Percentile80Semitones, decimals: 3)
        writer.number("f0SlopeLast300msSemitonesPerSec", s.f0SlopeLast300msSemitonesPerSec, decimals: 3)
        writer.number("loudnessMeanSones", s.loudnessMeanSones, decimals: 4)
        writer.number("loudnessStdevSones", s.loudnessStdevSones, decimals: 4)
        writer.number("intensityMeanDb", s.intensityMeanDb, decimals: 2)
        writer.number("voicedFraction", s.voicedFraction, decimals: 3)
        writer.end()
    }
}
