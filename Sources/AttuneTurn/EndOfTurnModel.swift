/// The end-of-turn classifier, fitted by tools/turn/fit_end_of_turn.py on labelled pauses and stored
/// as JSON in models/end-of-turn.json; tools/turn/model.py is the same computation in Python:
///
///     e = the cues (`TurnCues.featureNames`), then cue[i] · cue[j] for each of `pairs`
///     p = 1 / (1 + exp(−(bias + Σ weights[k] · (e[k] − mean[k]) / scale[k])))
///
/// The pairwise products of the prosodic cues let a logistic regression weigh one cue by another (a
/// final rise that ends high in the speaker's range yields the turn; one that stays mid-range holds
/// it). The detector evaluates it every 10 ms of a pause and declares the end of turn at the first
/// frame with p ≥ `threshold`, or once the pause reaches `fallbackPauseMs`.
public struct EndOfTurnModel: Sendable, Equatable {
    public static let defaultFileName = "end-of-turn.json"

    public var featureNames: [String]
    /// Index pairs into `featureNames` whose products follow the cues in the expanded vector.
    public var pairs: [[Int]]
    /// Standardisation of the expanded vector (training frames' mean and standard deviation).
    public var mean: [Double]
    public var scale: [Double]
    public var weights: [Double]
    public var bias: Double
    /// p(shift) at or above which end_of_turn is declared.
    public var threshold: Double
    /// A pause this long is an end of turn whatever the cues say: the fitted time-out behind the
    /// model, chosen with the threshold in cross-validation.
    public var fallbackPauseMs: Double
    /// Free-form provenance: script, training files, date, cross-validated metrics.
    public var provenance: [String: String]

    public init(featureNames: [String], pairs: [[Int]], mean: [Double], scale: [Double], weights: [Double],
                bias: Double, threshold: Double, fallbackPauseMs: Double, provenance: [String: String]) {
        self.featureNames = featureNames
        self.pairs = pairs
        self.mean = mean
        self.scale = scale
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.fallbackPauseMs = fallbackPauseMs
        self.provenance = provenance
    }

    /// Why the numbers do not fit together with each other or with the cues this build computes, or
    /// nil when they do.
    public var inconsistency: String? {
        if featureNames != TurnCues.featureNames {
            return "its features \(featureNames) are not this build's \(TurnCues.featureNames); refit it"
        }
        let expanded = featureNames.count + pairs.count
        if weights.count != expanded || mean.count != expanded || scale.count != expanded {
            return "\(weights.count) weights, \(mean.count) means and \(scale.count) scales for \(expanded) expanded features"
        }
        if let bad = pairs.first(where: { $0.count != 2 || !$0.allSatisfy { featureNames.indices.contains($0) } }) {
            return "pair \(bad) does not name two of the \(featureNames.count) features"
        }
        if !(0...1).contains(threshold) { return "threshold \(threshold) must be 0…1" }
        if !(fallbackPauseMs > 0) { return "fallbackPauseMs \(fallbackPauseMs) must be > 0" }
        if !(weights + mean + [bias]).allSatisfy({ $0.isFinite }) || !scale.allSatisfy({ $0.isFinite && $0 > 0 }) {
            return "weights, means, bias and scales must be finite, scales > 0"
        }
        return nil
    }

    /// p(shift), and each cue's contribution to the logit against the training mean (a product's
    /// contribution is split evenly between its two cues), for explanations.
    public func evaluate(_ features: [Double]) -> (p: Double, contributions: [Double]) {
        var logit = bias
        let count = featureNames.count
        var contributions = [Double](repeating: 0, count: count)
        for i in 0..<min(count, features.count) {
            let c = weights[i] * (features[i] - mean[i]) / scale[i]
            contributions[i] += c
            logit += c
        }
        for (k, pair) in pairs.enumerated() {
            let e = count + k
            let c = weights[e] * (features[pair[0]] * features[pair[1]] - mean[e]) / scale[e]
            contributions[pair[0]] += c / 2
            contributions[pair[1]] += c / 2
            logit += c
        }
        return (1 / (1 + exp(-logit)), contributions)
    }
}

// The model file is JSON (`EndOfTurnModel+Loading.swift` decodes it with Foundation). Embedded Swift
// has no Codable (it is built on existentials), so the aarch64 edge build reads it with its own small
// parser (cross/edge/EndOfTurnModelReader.swift); the synthesised conformance must live in this file.
#if !hasFeature(Embedded)
extension EndOfTurnModel: Codable {}
#endif
