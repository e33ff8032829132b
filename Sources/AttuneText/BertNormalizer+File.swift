import Foundation

/// Reading the normaliser tables from a path (Foundation), and what a load error tells a person.
extension BertNormalizer {
    public init(path: String) throws(LoadError) {
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadable(path: path) }
        let parsed = data.withUnsafeBytes { bytes in
            Result { () throws(LoadError) in try BertNormalizer(bytes: bytes, path: path) }
        }
        self = try parsed.get()
    }
}

extension BertNormalizer.LoadError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .unreadable(path): return "cannot read the normaliser tables \(path); set ATTUNE_MODELS to the models directory"
        case let .malformed(path, reason): return "normaliser tables \(path) are malformed (\(reason)); regenerate them with tools/text/convert_tokenizer.py (models/MODELS.md)"
        }
    }
}
