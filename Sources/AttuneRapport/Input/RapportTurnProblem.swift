/// Why a turn was refused, in words naming the field, never quoting the person's text.
public struct RapportTurnProblem: Error, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
