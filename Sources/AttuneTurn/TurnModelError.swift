/// Problems with a turn-taking model file.
public enum TurnModelError: Error, Equatable {
    case unreadable(path: String)
    case badMagic(path: String)
    case truncated(path: String, atByte: Int)
    case malformed(path: String, reason: String)
    /// The end-of-turn model's JSON does not decode or does not fit this build.
    case malformedEndOfTurnModel(path: String, reason: String)
    case missingTensor(path: String, name: String)
    case wrongShape(path: String, name: String, expected: [Int], found: [Int])
}
