import Foundation

/// Reading `vocab.txt` from a path (Foundation), and what a load error tells a person.
extension WordPieceVocabulary {
    public init(path: String) throws(LoadError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let parsed = data.withUnsafeBytes { bytes in
            Result { () throws(LoadError) in try WordPieceVocabulary(bytes: bytes, path: path) }
        }
        self = try parsed.get()
    }
}

extension WordPieceVocabulary.LoadError: CustomStringConvertible {
    public var description: String {
        let hint = "regenerate it with tools/text/extract_vocabulary.py (models/MODELS.md)"
        switch self {
        case let .unreadable(path): return "cannot read the vocabulary \(path); set ATTUNE_MODELS to the models directory"
        case let .missingSpecialToken(path, token): return "the vocabulary \(path) has no \(token); \(hint)"
        case let .duplicate(path, token, line): return "the vocabulary \(path) lists \"\(token)\" twice (again on line \(line)); \(hint)"
        }
    }
}
