import AttuneText
import AttuneTurn

/// The model files the edge reads, from `--models`, `$ATTUNE_MODELS` or `models/`: the same files and
/// parsers as x86-64 (`SileroVADWeights(bytes:path:)`, `WordPieceVocabulary(bytes:path:)`,
/// `BertNormalizer(bytes:path:)`), read with `fopen`; the end-of-turn JSON through `EndOfTurnModelReader`.
enum EdgeModels {
    static func vadWeights(in directory: String) throws(EdgeError) -> SileroVADWeights {
        let path = directory + "/" + SileroVADWeights.defaultFileName
        let bytes = try FileBytes.read(path)
        let parsed = bytes.withUnsafeBytes { raw in Result { () throws(TurnModelError) in try SileroVADWeights(bytes: raw, path: path) } }
        switch parsed {
        case let .success(weights): return weights
        case let .failure(error): throw .model("VAD model \(path) is unusable (\(describe(error))); regenerate it with tools/convert_silero_vad.py (models/MODELS.md)")
        }
    }

    static func endOfTurnModel(in directory: String) throws(EdgeError) -> EndOfTurnModel {
        try EndOfTurnModelReader.load(path: directory + "/" + EndOfTurnModel.defaultFileName)
    }

    static func tokenizer(in directory: String) throws(EdgeError) -> WordPieceTokenizer {
        let vocabularyPath = directory + "/minilm-l6-v2-vocab.txt"
        let normalizerPath = directory + "/minilm-l6-v2-normalizer.bin"
        let vocabularyBytes = try FileBytes.read(vocabularyPath)
        let normalizerBytes = try FileBytes.read(normalizerPath)
        let vocabulary = vocabularyBytes.withUnsafeBytes { raw in
            Result { () throws(WordPieceVocabulary.LoadError) in try WordPieceVocabulary(bytes: raw, path: vocabularyPath) }
        }
        let normalizer = normalizerBytes.withUnsafeBytes { raw in
            Result { () throws(BertNormalizer.LoadError) in try BertNormalizer(bytes: raw, path: normalizerPath) }
        }
        guard case let .success(v) = vocabulary else { throw .model("the vocabulary \(vocabularyPath) is unusable; regenerate it with tools/text/extract_vocabulary.py (models/MODELS.md)") }
        guard case let .success(n) = normalizer else { throw .model("the normaliser tables \(normalizerPath) are unusable; regenerate them with tools/text/convert_tokenizer.py (models/MODELS.md)") }
        return WordPieceTokenizer(vocabulary: v, normalizer: n)
    }

    private static func describe(_ error: TurnModelError) -> String {
        switch error {
        case .unreadable: return "unreadable"
        case .badMagic: return "bad magic"
        case let .truncated(_, byte): return "truncated at byte \(byte)"
        case let .malformed(_, reason), let .malformedEndOfTurnModel(_, reason): return reason
        case let .missingTensor(_, name): return "no tensor \(name)"
        case let .wrongShape(_, name, _, _): return "tensor \(name) has the wrong shape"
        }
    }
}
