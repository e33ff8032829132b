import Foundation

/// The end-of-turn classifier: logistic regression over `TurnCues.featureNames`, fitted by
/// tools/turn/fit_end_of_turn.py on labelled pauses and stored as JSON in models/end-of-turn.json
/// (weights, bias, the decision threshold chosen for ≤ 5 % false cut-ins on the training files, and
/// what it was trained on). The detector evaluates it every 10 ms of a pause.
public struct EndOfTurnModel: Sendable, Codable, Equatable {
    public static let defaultFileName = "end-of-turn.json"

    public var featureNames: [String]
    public var weights: [Double]
    public var bias: Double
    /// p(shift) at or above which end_of_turn is declared.
    public var threshold: Double
    /// A pause this long is an end of turn whatever the cues say: the fitted time-out behind the
    /// model (holds longer than this were rare enough in training to keep false cut-ins ≤ 5 %).
    public var fallbackPauseMs: Double
    /// Free-form provenance: script, training files, date, training metrics.
    public var provenance: [String: String]

    public init(featureNames: [String], weights: [Double], bias: Double, threshold: Double, fallbackPauseMs: Double,
                provenance: [String: String]) {
        self.featureNames = featureNames
        self.weights = weights
        self.bias = bias
        self.threshold = threshold
        self.fallbackPauseMs = fallbackPauseMs
        self.provenance = provenance
    }

    /// Loads and checks the model against the features this build computes.
    public init(path: String) throws(TurnModelError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let decoded: EndOfTurnModel
        do {
            decoded = try JSONDecoder().decode(EndOfTurnModel.self, from: data)
        } catch {
            throw .malformed(path: path, reason: "not an end-of-turn model (\(error))")
        }
        guard decoded.featureNames == TurnCues.featureNames else {
            throw .malformed(path: path, reason: "its features \(decoded.featureNames) are not this build's \(TurnCues.featureNames); refit with tools/turn/fit_end_of_turn.py")
        }
        guard decoded.weights.count == decoded.featureNames.count, (0...1).contains(decoded.threshold),
              decoded.fallbackPauseMs > 0, decoded.weights.allSatisfy({ $0.isFinite }), decoded.bias.isFinite else {
            throw .malformed(path: path, reason: "\(decoded.weights.count) weights for \(decoded.featureNames.count) features, "
                + "threshold \(decoded.threshold) (must be 0…1), fallbackPauseMs \(decoded.fallbackPauseMs) (must be > 0)")
        }
        self = decoded
    }

    public static func defaultPath() -> String { ModelLocator.path(of: defaultFileName) }

    /// p(shift) and each feature's contribution to the logit.
    public func evaluate(_ features: [Double]) -> (p: Double, contributions: [Double]) {
        var logit = bias
        var contributions = [Double](repeating: 0, count: weights.count)
        for i in 0..<min(weights.count, features.count) {
            contributions[i] = weights[i] * features[i]
            logit += contributions[i]
        }
        return (1 / (1 + exp(-logit)), contributions)
    }
}
