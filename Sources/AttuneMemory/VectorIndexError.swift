/// What the vector index refuses, each with what to do instead.
public enum VectorIndexError: Error, Equatable, Sendable, CustomStringConvertible {
    case wrongDimension(expected: Int, got: Int)
    case notFinite(itemID: Int64?)
    case badLimit(Int)

    public var description: String {
        switch self {
        case let .wrongDimension(expected, got):
            return "a vector has \(got) values but the index holds \(expected)-dimensional sentence vectors (MiniLMEmbedder's output)"
        case let .notFinite(itemID):
            return "the vector \(itemID.map { "of item \($0) " } ?? "")has a value that is not a finite number; embed the text again"
        case let .badLimit(limit):
            return "a search needs a limit of at least 1, not \(limit)"
        }
    }
}
