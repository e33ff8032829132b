/// The tokenizer from the files in a models directory (through the Foundation readers).
extension WordPieceTokenizer {
    /// The all-MiniLM-L6-v2 tokenizer from a models directory.
    public init(modelsDirectory: String, maximumLength: Int = Self.defaultMaximumLength) throws {
        self.init(vocabulary: try WordPieceVocabulary(path: modelsDirectory + "/minilm-l6-v2-vocab.txt"),
                  normalizer: try BertNormalizer(path: modelsDirectory + "/minilm-l6-v2-normalizer.bin"),
                  maximumLength: maximumLength)
    }
}
