import AttuneText
import Foundation
import Testing

/// The int8 embedder against the float model (tools/text/make_embedding_reference.py: the safetensors
/// weights through a float64 numpy forward pass, checked there against onnxruntime's int8 model).
@Suite struct MiniLMEmbedderTests {
    struct Reference: Decodable {
        struct Text: Decodable { var text: String; var ids: [Int32]; var embedding: [Float] }
        var texts: [Text]
    }

    static let root = WordPieceTokenizerTests.root
    /// One per test: an embedder's scratch buffers are not shared between threads.
    static func makeEmbedder() throws -> MiniLMEmbedder {
        try MiniLMEmbedder(weights: MiniLMWeights(path: root.appendingPathComponent("models/minilm-l6-v2-int8.bin").path))
    }

    @Test func cosineToTheFloatModelIsAtLeast099OnEveryTextAnd0995OnAverage() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Tests/Data/text/embedding-reference.json"))
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        var cosines: [Float] = []
        let embedder = try Self.makeEmbedder()
        for text in reference.texts {
            #expect(WordPieceTokenizerTests.tokenizer.encode(text.text) == text.ids, "ids of \(text.text.prefix(40))")
            let vector = embedder.embed(ids: text.ids)
            #expect(vector.count == 384)
            let norm = vector.reduce(0) { $0 + $1 * $1 }.squareRoot()
            #expect(abs(norm - 1) < 1e-4)
            let cosine = zip(vector, text.embedding).reduce(0) { $0 + $1.0 * $1.1 }
            cosines.append(cosine)
            #expect(cosine >= 0.99, "\(text.text.prefix(50)): cosine \(cosine)")
        }
        let mean = cosines.reduce(0, +) / Float(cosines.count)
        #expect(mean >= 0.995, "mean cosine \(mean)")
        print("embedder against the float model: cosine min \(cosines.min()!), mean \(mean) over \(cosines.count) texts")
    }

    /// Splitting the products across threads must not change a single bit: every output is the same
    /// exact int32 sum with the same scaling, whichever thread computes it. Two and three threads split
    /// the 24 panels of a 384-wide product and the 96 of the 1,536-wide one evenly; five leave slices
    /// of different sizes (4 and 5 panels, 19 and 20).
    @Test func threadsGiveIdenticalVectors() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent("Tests/Data/text/embedding-reference.json"))
        let texts = try JSONDecoder().decode(Reference.self, from: data).texts
        let weights = try MiniLMWeights(path: Self.root.appendingPathComponent("models/minilm-l6-v2-int8.bin").path)
        let single = try MiniLMEmbedder(weights: weights)
        for threads in [2, 3, 5] {
            let parallel = try MiniLMEmbedder(weights: weights, threads: threads)
            for text in texts { #expect(parallel.embed(ids: text.ids) == single.embed(ids: text.ids), "\(threads) threads: \(text.text.prefix(30))") }
        }
    }

    @Test func similarSentencesAreCloserThanUnrelatedOnes() throws {
        let tokenizer = WordPieceTokenizerTests.tokenizer
        let embedder = try Self.makeEmbedder()
        func embed(_ text: String) -> [Float] { embedder.embed(ids: tokenizer.encode(text)) }
        func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        let dog = embed("I take my dog for a walk every morning.")
        let walk = embed("Each morning I walk my puppy.")
        let tax = embed("The quarterly tax return is due next month.")
        #expect(cosine(dog, walk) > cosine(dog, tax) + 0.3)
    }

    @Test func aDamagedModelFileIsAClearError() throws {
        let path = NSTemporaryDirectory() + "attune-minilm-\(UUID().uuidString).bin"
        defer { unlink(path) }
        let original = FileManager.default.contents(atPath: Self.root.appendingPathComponent("models/minilm-l6-v2-int8.bin").path)!
        #expect(FileManager.default.createFile(atPath: path, contents: original.prefix(100_000)))
        #expect(throws: MiniLMWeights.LoadError.self) { try MiniLMWeights(path: path) }
        #expect(FileManager.default.createFile(atPath: path, contents: Data("not a model".utf8) + original.prefix(64)))
        #expect(throws: MiniLMWeights.LoadError.malformed(path: path, reason: "it does not start with ATMINI02")) { try MiniLMWeights(path: path) }
        #expect(throws: MiniLMWeights.LoadError.self) { try MiniLMWeights(path: "/nonexistent/model.bin") }
    }
}
