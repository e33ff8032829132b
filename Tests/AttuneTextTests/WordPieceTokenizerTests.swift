import AttuneText
import Foundation
import Testing

/// The tokenizer against Hugging Face `tokenizers` 0.23.3 on all-MiniLM-L6-v2's tokenizer.json
/// (tools/text/make_tokenizer_reference.py): hard texts, and a sweep of every scalar of the Basic
/// Multilingual Plane and of chosen supplementary blocks, each glued between two letters.
@Suite struct WordPieceTokenizerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Reference: Decodable {
        struct Text: Decodable { var text: String; var ids: [Int32] }
        var texts: [Text]
        var sweepBlocks: [[UInt32]]
        var sweepIds: [String]
    }

    static let reference: Reference = {
        let data = try! Data(contentsOf: root.appendingPathComponent("Tests/Data/text/tokenizer-reference.json"))
        return try! JSONDecoder().decode(Reference.self, from: data)
    }()

    static let tokenizer = try! WordPieceTokenizer(modelsDirectory: root.appendingPathComponent("models").path)

    @Test func hardTextsGetTheSameIds() {
        for text in Self.reference.texts {
            let ids = Self.tokenizer.encode(text.text)
            #expect(ids == text.ids, "\(text.text.prefix(60)): \(Self.tokenizer.tokens(of: ids).prefix(40))")
        }
        #expect(Self.reference.texts.filter { $0.ids.count == 256 }.count >= 3, "the set includes inputs longer than 256 tokens")
    }

    @Test func everyScalarOfTheSweepGetsTheSameIds() {
        let scalars = Self.reference.sweepBlocks.flatMap { $0[0]...$0[1] }.compactMap(Unicode.Scalar.init)
        #expect(scalars.count == 65_536 - 2048 + 1024 + 2816 + 48 + 512 + 128 + 256 + 256)
        var mismatches: [String] = []
        for (index, encoded) in Self.reference.sweepIds.enumerated() {
            let chunk = scalars[(index * 80)..<min(scalars.count, index * 80 + 80)]
            var text = ""
            for (position, scalar) in chunk.enumerated() {
                if position > 0 { text.unicodeScalars.append(" ") }
                text.unicodeScalars.append(contentsOf: ["x", scalar, "x"])
            }
            let bytes = [UInt8](Data(base64Encoded: encoded)!)
            let expected = stride(from: 0, to: bytes.count, by: 2).map { Int32(bytes[$0]) | Int32(bytes[$0 + 1]) << 8 }
            let ids = Self.tokenizer.encode(text)
            if ids != expected && mismatches.count < 10 {
                mismatches.append(String(format: "text from U+%04X: %@", chunk.first!.value, "\(Self.tokenizer.tokens(of: ids).prefix(12)) vs \(Self.tokenizer.tokens(of: expected).prefix(12))"))
            }
        }
        #expect(Self.reference.sweepIds.count == (scalars.count + 79) / 80)
        #expect(mismatches.isEmpty, "\(mismatches.joined(separator: "\n"))")
    }

    @Test func truncatesToTheModelsMaximumLength() {
        let ids = Self.tokenizer.encode(String(repeating: "hello ", count: 1000))
        #expect(ids.count == 256 && ids.first == 101 && ids.last == 102)
        #expect(Self.tokenizer.encode("") == [101, 102])
    }

    @Test func aDamagedTableOrVocabularyIsAClearError() throws {
        let directory = NSTemporaryDirectory() + "attune-text-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let table = [UInt8](FileManager.default.contents(atPath: Self.root.appendingPathComponent("models/minilm-l6-v2-normalizer.bin").path)!)
        #expect(FileManager.default.createFile(atPath: directory + "/t.bin", contents: Data(table.prefix(1000))))
        #expect(throws: BertNormalizer.LoadError.malformed(path: directory + "/t.bin", reason: "a range table is cut short or out of order near byte 1000")) {
            try BertNormalizer(path: directory + "/t.bin")
        }
        #expect(FileManager.default.createFile(atPath: directory + "/v.txt", contents: Data("[PAD]\n[CLS]\n[SEP]\n".utf8)))
        #expect(throws: WordPieceVocabulary.LoadError.missingSpecialToken(path: directory + "/v.txt", token: "[UNK]")) {
            try WordPieceVocabulary(path: directory + "/v.txt")
        }
    }
}
