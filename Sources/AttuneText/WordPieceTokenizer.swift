/// BERT WordPiece tokenisation exactly as Hugging Face `tokenizers` does it for all-MiniLM-L6-v2:
/// `BertNormalizer`, then split on whitespace (dropped) and punctuation (kept as its own word), then
/// greedy longest-match-first WordPiece with "##" continuations; a word of more than 100 scalars, or
/// one that cannot be covered by vocabulary pieces, becomes a single `[UNK]`. The ids are wrapped in
/// `[CLS] … [SEP]` and truncated to `maximumLength` ids in all (256, the model's `max_seq_length`).
public struct WordPieceTokenizer: Sendable {
    public static let defaultMaximumLength = 256
    static let maximumScalarsPerWord = 100

    public let vocabulary: WordPieceVocabulary
    public let normalizer: BertNormalizer
    public let maximumLength: Int

    public init(vocabulary: WordPieceVocabulary, normalizer: BertNormalizer, maximumLength: Int = Self.defaultMaximumLength) {
        precondition(maximumLength >= 2)
        self.vocabulary = vocabulary
        self.normalizer = normalizer
        self.maximumLength = maximumLength
    }

    /// Token ids of `text`, with `[CLS]` first and `[SEP]` last.
    public func encode(_ text: String) -> [Int32] {
        var ids: [Int32] = [vocabulary.classification]
        var normalized: [Unicode.Scalar] = []
        normalizer.normalize(text, into: &normalized)
        let budget = maximumLength - 1
        var word: [Unicode.Scalar] = []
        func flush() {
            if !word.isEmpty && ids.count < budget { appendPieces(of: word, to: &ids, budget: budget) }
            word.removeAll(keepingCapacity: true)
        }
        for scalar in normalized {
            if ids.count >= budget { break }
            if normalizer.splits(at: scalar) {
                flush()
                // Whitespace goes; punctuation is a word of its own.
                if scalar != " " && !scalar.properties.isWhitespace {
                    word.append(scalar)
                    flush()
                }
            } else {
                word.append(scalar)
            }
        }
        flush()
        ids.append(vocabulary.separator)
        return ids
    }

    /// The tokens themselves, for people.
    public func tokens(of ids: [Int32]) -> [String] {
        ids.map { vocabulary.tokens.indices.contains(Int($0)) ? vocabulary.tokens[Int($0)] : "[UNK]" }
    }

    private func appendPieces(of word: [Unicode.Scalar], to ids: inout [Int32], budget: Int) {
        guard word.count <= Self.maximumScalarsPerWord else {
            ids.append(vocabulary.unknown)
            return
        }
        var pieces: [Int32] = []
        var start = 0
        while start < word.count {
            var end = word.count
            var found: Int32?
            while start < end {
                var candidate = start > 0 ? "##" : ""
                candidate.unicodeScalars.append(contentsOf: word[start..<end])
                if let id = vocabulary.id(of: candidate) {
                    found = id
                    break
                }
                end -= 1
            }
            guard let id = found else {
                ids.append(vocabulary.unknown)
                return
            }
            pieces.append(id)
            start = end
        }
        ids.append(contentsOf: pieces.prefix(budget - ids.count))
    }
}
