import AttuneTestFixtures
import AttuneText
import Foundation
import Testing

/// The tokenizer against Hugging Face `tokenizers` 0.23.3 on all-MiniLM-L6-v2's tokenizer.json
/// (tools/text/make_tokenizer_reference.py): hard texts, and a sweep of every scalar of the Basic
/// Multilingual Plane and of chosen supplementary blocks, each glued between two letters.
@Suite struct WordPieceTokenizerTests {
    static let root = TestFixture.repositoryRoot

    struct Reference: Decodable {
        struct Text: Decodable { var text: String; var ids: [Int32] }
        var texts: [Text]
        var sweepBlocks: [[UInt32]]
        var sweepIds: [String]
    }

    let reference: Reference
    let tokenizer: WordPieceTokenizer
    init() throws {
        reference = try Self.loadedReference.get()
        tokenizer = try Self.loadTokenizer()
    }

    private static let loadedReference = LoadedOnce { try TestFixture.decode(Reference.self, from: "Tests/Data/text/tokenizer-reference.json") }

    /// The tokenizer of models/, loaded once (also used by the embedder's tests).
    static func loadTokenizer() throws -> WordPieceTokenizer { try loadedTokenizer.get() }
    private static let loadedTokenizer = LoadedOnce { try WordPieceTokenizer(modelsDirectory: TestFixture.path("models")) }

    @Test func hardTextsGetTheSameIds() {
        for text in reference.texts {
            let ids = tokenizer.encode(text.text)
            #expect(ids == text.ids, "\(text.text.prefix(60)): \(tokenizer.tokens(of: ids).prefix(40))")
        }
        #expect(reference.texts.filter { $0.ids.count == 256 }.count >= 3, "the set includes inputs longer than 256 tokens")
    }

    @Test func everyScalarOfTheSweepGetsTheSameIds() {
        let scalars = reference.sweepBlocks.flatMap { $0[0]...$0[1] }.compactMap(Unicode.Scalar.init)
        #expect(scalars.count == 65_536 - 2048 + 1024 + 2816 + 48 + 512 + 128 + 256 + 256)
        var mismatches: [String] = []
        for (index, encoded) in reference.sweepIds.enumerated() {
            let chunk = scalars[(index * 80)..<min(scalars.count, index * 80 + 80)]
            var text = ""
            for (position, scalar) in chunk.enumerated() {
                if position > 0 { text.unicodeScalars.append(" ") }
                text.unicodeScalars.append(contentsOf: ["x", scalar, "x"])
            }
            let bytes = [UInt8](Data(base64Encoded: encoded)!)
            let expected = stride(from: 0, to: bytes.count, by: 2).map { Int32(bytes[$0]) | Int32(bytes[$0 + 1]) << 8 }
            let ids = tokenizer.encode(text)
            if ids != expected && mismatches.count < 10 {
                mismatches.append(String(format: "text from U+%04X: %@", chunk.first!.value, "\(tokenizer.tokens(of: ids).prefix(12)) vs \(tokenizer.tokens(of: expected).prefix(12))"))
            }
        }
        #expect(reference.sweepIds.count == (scalars.count + 79) / 80)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test func truncatesToTheModelsMaximumLength() {
        let ids = tokenizer.encode(String(repeating: "hello ", count: 1000))
        #expect(ids.count == 256 && ids.first == 101 && ids.last == 102)
        #expect(tokenizer.encode("") == [101, 102])
    }

    @Test func aDamagedTableOrVocabularyIsAClearError() throws {
        let directory = NSTemporaryDirectory() + "attune-text-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = [UInt8](try TestFixture.data("models/minilm-l6-v2-normalizer.bin"))
        try Data(table.prefix(1000)).write(to: URL(fileURLWithPath: directory + "/t.bin"))
        #expect(throws: BertNormalizer.LoadError.malformed(path: directory + "/t.bin", reason: "a range table is cut short or out of order near byte 1000")) {
            try BertNormalizer(path: directory + "/t.bin")
        }
        try Data("[PAD]\n[CLS]\n[SEP]\n".utf8).write(to: URL(fileURLWithPath: directory + "/v.txt"))
        #expect(throws: WordPieceVocabulary.LoadError.missingSpecialToken(path: directory + "/v.txt", token: "[UNK]")) {
            try WordPieceVocabulary(path: directory + "/v.txt")
        }
    }
}
