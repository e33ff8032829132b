/// Why `attune bench memory` cannot read its inputs, each saying what to do.
public enum MemoryEngineBenchmarkError: Error, Equatable, CustomStringConvertible {
    case noConversations(path: String)
    case badTurn(path: String, line: Int, reason: String)
    case unreadableProbes(path: String)
    case badProbe(path: String, line: Int, reason: String)
    case noRecallProbes(path: String)
    case tooFewMemories(count: Int)
    case unreadable(path: String, reason: String)

    public var description: String {
        switch self {
        case let .noConversations(path):
            "no conversations at \(path) (a directory of .jsonl turns); run from the repository root, or give --conversations DIR"
        case let .badTurn(path, line, reason):
            "\(path) line \(line) \(reason); fix the line, or give --conversations a directory of attune memory observe input"
        case let .unreadableProbes(path):
            "cannot read the probes at \(path); run from the repository root, or give --probes FILE (tools/memory/dev/probes.jsonl format)"
        case let .badProbe(path, line, reason):
            "\(path) line \(line) \(reason); each probe needs \"category\", \"query\", \"speaker\" and an RFC 3339 \"at\""
        case let .noRecallProbes(path):
            "\(path) holds no recall probes (those whose category does not start with \"followup\"); give --probes a file that has some"
        case let .tooFewMemories(count):
            "the corpus gives \(count) memories; at least 1 is needed (check --corpus, or make it with tools/memory/embed-corpus.sh)"
        case let .unreadable(path, reason):
            "cannot use \(path): \(reason)"
        }
    }
}
