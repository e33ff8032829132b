import AttuneText
import Foundation

/// How the person seems this turn, inferred, never known: valence from the words (VADER's compound
/// moved by the cues VADER misses: sarcasm, negated positives, hardship said flatly, good news and
/// distress), arousal from the voice against the person's own baseline, nudged by how intense the
/// words are when the voice is close to a threshold. Every label carries the signals behind it.
public struct AffectFusion: Sendable {
    /// VADER's own neutral band (Hutto & Gilbert 2014): |compound| < 0.05 is neutral.
    static let neutralBand = 0.05
    /// Text arousal (0…1, `TextAffectAnalyzer.arousal`) that tips a voice score within this margin of the threshold.
    static let intenseText = 0.6
    static let nearThreshold = 0.3

    public init() {}

    public struct Result: Sendable, Equatable {
        public var affect: ContextAffect
        /// The fused valence score, −1 … +1.
        public var valenceScore: Double
        public var textArousal: Double
        public var distress: Bool
    }

    public func fuse(text: TextAffect, reading: UtteranceReading, voice: VoiceComparison?, hasVoice: Bool) -> Result {
        var signals: [ContextSignal] = []
        var score = text.compound
        let strongest = text.words.filter { abs($0.valence) >= 1 }.sorted { abs($0.valence) > abs($1.valence) }.prefix(3)
        if !strongest.isEmpty {
            let words = strongest.map { "'\($0.word)' \(VoiceComparison.signed($0.valence, 1))" }.joined(separator: ", ")
            signals.append(ContextSignal(source: "text", text: "word sentiment \(VoiceComparison.signed(text.compound, 2)) (VADER) from \(words)"))
        }
        for cue in reading.valenceCues {
            // Sarcasm makes the praise ironic: VADER's positive words count for nothing ("Brilliant. Another bus.").
            score = (cue.kind == .sarcasm ? min(score, 0) : score) + cue.shift
            signals.append(ContextSignal(source: "text", text: "\(cue.kind.rawValue.replacingOccurrences(of: "_", with: " ")): '\(cue.phrase)'"))
        }
        for cue in reading.goodNews {
            score = max(score, 0) + 0.3
            signals.append(ContextSignal(source: "text", text: "good news: '\(cue.phrase)'"))
        }
        let distress = text.distress || reading.risk != nil
        for cue in text.distressCues {
            score = min(score, 0) - 0.3
            signals.append(ContextSignal(source: "text", text: "distress: '\(cue.phrase)'"))
        }
        if let risk = reading.risk, text.distressCues.isEmpty {
            score = min(score, 0) - 0.5
            signals.append(ContextSignal(source: "text", text: "distress: '\(risk.phrase)'"))
        }
        score = min(max(score, -1), 1)
        let valence = score >= Self.neutralBand ? "positive" : score <= -Self.neutralBand ? "negative" : "neutral"

        var arousal: String? = nil
        if let voice, let voiceScore = voice.arousalScore {
            arousal = voice.arousal
            signals.append(contentsOf: voice.signals)
            if arousal == "same", text.arousal >= Self.intenseText, voiceScore >= VoiceComparison.arousalThreshold - Self.nearThreshold {
                arousal = "higher"
                signals.append(ContextSignal(source: "text", text: "intense wording (arousal \(VoiceComparison.fixed(text.arousal, 2)) of 1)"))
            }
        } else if hasVoice {
            signals.append(ContextSignal(source: "voice", text: "no baseline yet: too few earlier sessions with voice to compare with"))
        }
        if !signals.contains(where: { $0.source == "text" }) {
            signals.insert(ContextSignal(source: "text", text: "no sentiment words (VADER compound \(VoiceComparison.signed(text.compound, 2)))"), at: 0)
        }
        return Result(affect: ContextAffect(valence: valence, arousal: arousal, signals: signals), valenceScore: score,
                      textArousal: text.arousal, distress: distress)
    }
}
