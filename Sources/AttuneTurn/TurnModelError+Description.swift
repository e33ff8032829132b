import Foundation

/// Messages that say what to do, naming where Attune looks for its models (Foundation: `ModelLocator`).
extension TurnModelError: CustomStringConvertible {
    public var description: String {
        let hint = "regenerate it with tools/convert_silero_vad.py (models/MODELS.md)"
        switch self {
        case let .unreadable(path):
            // ATTUNE_MODELS only moves the models Attune finds itself; a path given on the command
            // line (`turns --model FILE`) is read as given.
            let located = ModelLocator.path(of: (path as NSString).lastPathComponent) == path
            return located
                ? "cannot read the model file \(path); set ATTUNE_MODELS to the models directory"
                : "cannot read the model file \(path); check the path (it is read as given)"
        case let .malformedEndOfTurnModel(path, reason):
            return "end-of-turn model \(path) is malformed: \(reason); refit it with tools/turn/fit_end_of_turn.py (models/MODELS.md)"
        case let .badMagic(path): return "\(path) is not an Attune Silero VAD model (bad magic); \(hint)"
        case let .truncated(path, byte): return "VAD model \(path) is truncated at byte \(byte); \(hint)"
        case let .malformed(path, reason): return "VAD model \(path) is malformed: \(reason); \(hint)"
        case let .missingTensor(path, name): return "VAD model \(path) lacks tensor \(name); \(hint)"
        case let .wrongShape(path, name, expected, found):
            return "VAD model \(path): tensor \(name) has shape \(found), expected \(expected); \(hint)"
        }
    }
}
