import Foundation

/// Reading `models/end-of-turn.json` with Foundation's JSON decoder. (The Embedded Swift edge build
/// has no Foundation and no Codable; it reads the same file with cross/edge/EndOfTurnModelReader.swift
/// and checks it with the same `inconsistency`.)
extension EndOfTurnModel {
    /// Loads and checks the model against the features this build computes.
    public init(path: String) throws(TurnModelError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let decoded: EndOfTurnModel
        do {
            decoded = try JSONDecoder().decode(EndOfTurnModel.self, from: data)
        } catch {
            throw .malformedEndOfTurnModel(path: path, reason: "not an end-of-turn model (\(error))")
        }
        if let reason = decoded.inconsistency { throw .malformedEndOfTurnModel(path: path, reason: reason) }
        self = decoded
    }

    public static func defaultPath() -> String { ModelLocator.path(of: defaultFileName) }
}
