import Foundation

/// A BERT WordPiece vocabulary: `vocab.txt`, one token per line, the line number (from 0) its id.
public struct WordPieceVocabulary: Sendable {
    public let tokens: [String]
    let ids: [String: Int32]
    public let unknown: Int32
    public let classification: Int32
    public let separator: Int32

    public enum LoadError: Error, Equatable, CustomStringConvertible {
        case unreadable(path: String)
        case missingSpecialToken(path: String, token: String)
        case duplicate(path: String, token: String, line: Int)

        public var description: String {
            let hint = "regenerate it with tools/text/extract_vocabulary.py (models/MODELS.md)"
            switch self {
            case let .unreadable(path): return "cannot read the vocabulary \(path); set ATTUNE_MODELS to the models directory"
            case let .missingSpecialToken(path, token): return "the vocabulary \(path) has no \(token); \(hint)"
            case let .duplicate(path, token, line): return "the vocabulary \(path) lists \"\(token)\" twice (again on line \(line)); \(hint)"
            }
        }
    }

    public init(path: String) throws(LoadError) {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw .unreadable(path: path)
        }
        var tokens = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        if tokens.last == "" { tokens.removeLast() }
        var ids: [String: Int32] = [:]
        ids.reserveCapacity(tokens.count)
        for (index, token) in tokens.enumerated() {
            guard ids[token] == nil else { throw .duplicate(path: path, token: token, line: index + 1) }
            ids[token] = Int32(index)
        }
        func special(_ token: String) throws(LoadError) -> Int32 {
            guard let id = ids[token] else { throw .missingSpecialToken(path: path, token: token) }
            return id
        }
        self.tokens = tokens
        self.ids = ids
        unknown = try special("[UNK]")
        classification = try special("[CLS]")
        separator = try special("[SEP]")
    }

    public func id(of token: String) -> Int32? { ids[token] }
}
