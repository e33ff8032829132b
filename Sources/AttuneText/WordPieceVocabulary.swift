/// A BERT WordPiece vocabulary: `vocab.txt`, one token per line, the line number (from 0) its id.
public struct WordPieceVocabulary: Sendable {
    public let tokens: [String]
    /// Token ids in the order of their tokens, for binary search: half the memory of a dictionary of
    /// 30,522 strings, and lookups are a small part of tokenizing.
    let sortedIDs: [Int32]
    public let unknown: Int32
    public let classification: Int32
    public let separator: Int32

    public enum LoadError: Error, Equatable {
        case unreadable(path: String)
        case missingSpecialToken(path: String, token: String)
        case duplicate(path: String, token: String, line: Int)
    }

    /// Parses `vocab.txt`'s bytes; `path` names the file in errors. Foundation-free, so the Embedded
    /// Swift edge build (cross/) reads the vocabulary the same way.
    public init(bytes: UnsafeRawBufferPointer, path: String) throws(LoadError) {
        // One token per line, read straight from the bytes (no copy of the whole text, no array of
        // substrings: the vocabulary's memory is its dictionary and its token list).
        var tokens: [String] = []
        tokens.reserveCapacity(32_000)
        let valid: Bool = {
            var start = 0
            let count = bytes.count
            while start < count {
                var end = start
                while end < count && bytes[end] != 0x0A { end += 1 }
                var last = end
                if last > start && bytes[last - 1] == 0x0D { last -= 1 }
                guard let token = String(validating: UnsafeRawBufferPointer(rebasing: bytes[start..<last]), as: UTF8.self) else { return false }
                tokens.append(token)
                start = end + 1
            }
            return true
        }()
        guard valid else { throw .unreadable(path: path) }
        // Ordered and compared by UTF-8 bytes, as `tokenizers` compares them (Swift's String `<` and `==`
        // would treat canonically equivalent spellings as one token).
        let sorted = tokens.indices.sorted { tokens[$0].utf8.lexicographicallyPrecedes(tokens[$1].utf8) }.map { Int32($0) }
        for index in sorted.indices.dropFirst() where tokens[Int(sorted[index])].utf8.elementsEqual(tokens[Int(sorted[index - 1])].utf8) {
            throw .duplicate(path: path, token: tokens[Int(sorted[index])], line: Int(max(sorted[index], sorted[index - 1])) + 1)
        }
        self.tokens = tokens
        sortedIDs = sorted
        let ids = { (token: String) in Self.search(token, tokens: tokens, sortedIDs: sorted) }
        func special(_ token: String) throws(LoadError) -> Int32 {
            guard let id = ids(token) else { throw .missingSpecialToken(path: path, token: token) }
            return id
        }
        unknown = try special("[UNK]")
        classification = try special("[CLS]")
        separator = try special("[SEP]")
    }

    public func id(of token: String) -> Int32? { Self.search(token, tokens: tokens, sortedIDs: sortedIDs) }

    static func search(_ token: String, tokens: [String], sortedIDs: [Int32]) -> Int32? {
        var low = 0, high = sortedIDs.count - 1
        while low <= high {
            let middle = (low + high) / 2
            let candidate = tokens[Int(sortedIDs[middle])]
            if candidate.utf8.lexicographicallyPrecedes(token.utf8) {
                low = middle + 1
            } else if token.utf8.lexicographicallyPrecedes(candidate.utf8) {
                high = middle - 1
            } else {
                return sortedIDs[middle]
            }
        }
        return nil
    }
}
