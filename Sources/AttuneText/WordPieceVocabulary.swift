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
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        // One token per line, read straight from the bytes (no copy of the whole text, no array of
        // substrings: the vocabulary's memory is its dictionary and its token list).
        var tokens: [String] = []
        var ids: [String: Int32] = [:]
        tokens.reserveCapacity(32_000)
        ids.reserveCapacity(32_000)
        var duplicate: (String, Int)?
        let valid: Bool = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Bool in
            var start = 0
            let count = bytes.count
            while start < count {
                var end = start
                while end < count && bytes[end] != 0x0A { end += 1 }
                var last = end
                if last > start && bytes[last - 1] == 0x0D { last -= 1 }
                guard let token = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self) else { return false }
                if ids[token] != nil && duplicate == nil { duplicate = (token, tokens.count + 1) }
                ids[token] = ids[token] ?? Int32(tokens.count)
                tokens.append(token)
                start = end + 1
            }
            return true
        }
        guard valid else { throw .unreadable(path: path) }
        if let (token, line) = duplicate { throw .duplicate(path: path, token: token, line: line) }
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
