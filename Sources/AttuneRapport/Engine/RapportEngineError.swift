/// Errors of the rapport engine, each saying what to do.
public enum RapportEngineError: Error, Equatable, CustomStringConvertible {
    /// The turn broke a rule of `RapportTurn.validated(after:)`; nothing of it was stored.
    case badTurn(RapportTurnProblem)
    /// A line of `attune context`'s input was refused; the lines before it were taken.
    case badInputLine(line: Int, reason: String, kept: Int)
    /// The stored model of a person could not be read (written by a newer Attune, or damaged).
    case unreadableModel(person: String, reason: String)

    public var description: String {
        switch self {
        case .badTurn(let problem): "the turn \(problem.description); nothing of it was stored"
        case let .badInputLine(line, reason, kept):
            "line \(line) \(reason); the \(kept) line\(kept == 1 ? "" : "s") before it \(kept == 1 ? "was" : "were") taken, nothing of line \(line) was"
        case let .unreadableModel(person, reason): "the stored rapport model of \(person) cannot be read (\(reason)); update Attune or reset the model"
        }
    }
}
