/// A host's `RapportEngine.set` was refused; nothing was saved.
public struct RapportSettingError: Error, Equatable, CustomStringConvertible {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { "the setting was refused: \(reason); nothing was saved" }
}
