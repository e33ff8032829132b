import AttuneTestFixtures
import AttuneText
import Foundation
import Testing

/// The int8 embedder against the float model twice: the float64 numpy pass that also calibrates the
/// int8 model (tools/text/make_embedding_reference.py), and, independently of that pass, the float
/// weights as an ONNX graph run by onnxruntime (tools/text/make_onnxruntime_embedding_reference.py).
@Suite struct MiniLMEmbedderTests {
    struct Reference: Decodable {
        struct Text: Decodable { var text: String; var ids: [Int32]; var embedding: [Float] }
        var texts: [Text]
    }

    /// One per test: an embedder's scratch buffers are not shared between threads.
    static func makeEmbedder() throws -> MiniLMEmbedder {
        try MiniLMEmbedder(weights: MiniLMWeights(path: TestFixture.path("models/minilm-l6-v2-int8.bin")))
    }

    @Test func cosineToTheFloatModelIsAtLeast099OnEveryTextAnd0995OnAverage() throws {
        let data = try TestFixture.data("Tests/Data/text/embedding-reference.json")
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        var cosines: [Float] = []
        let tokenizer = try WordPieceTokenizerTests.loadTokenizer()
        let embedder = try Self.makeEmbedder()
        for text in reference.texts {
            #expect(tokenizer.encode(text.text) == text.ids, "ids of \(text.text.prefix(40))")
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

    /// The independent reference: an error shared by the numpy pass and the int8 calibration (both
    /// tools/text/minilm_float.py) cannot hide here. Measured 2026-12-02 over the 30 texts: cosine
    /// min 0.99172, mean 0.99791, the same as to the numpy pass (onnxruntime's float32 and the numpy
    /// float64 pass agree to a cosine of 0.99999995 at worst).
    @Test func cosineToOnnxRuntimesFloatModelIsAsHighAsToTheNumpyPass() throws {
        struct OnnxReference: Decodable {
            struct Text: Decodable { var text: String; var ids: [Int32]; var embedding: [Float] }
            var runtime: String
            var texts: [Text]
        }
        let reference = try TestFixture.decode(OnnxReference.self, from: "Tests/Data/text/embedding-onnxruntime.json")
        let numpy = try TestFixture.decode(Reference.self, from: "Tests/Data/text/embedding-reference.json")
        #expect(reference.texts.map(\.text) == numpy.texts.map(\.text))
        let embedder = try Self.makeEmbedder()
        var cosines: [Float] = []
        for text in reference.texts {
            let vector = embedder.embed(ids: text.ids)
            let cosine = zip(vector, text.embedding).reduce(0) { $0 + $1.0 * $1.1 }
            cosines.append(cosine)
            #expect(cosine >= 0.991, "\(text.text.prefix(50)): cosine \(cosine)")
        }
        let mean = cosines.reduce(0, +) / Float(cosines.count)
        print("embedder against onnxruntime's float model (\(reference.runtime)): cosine min \(cosines.min() ?? 0), mean \(mean) over \(cosines.count) texts")
        #expect(cosines.count == 30)
        #expect(mean >= 0.997, "mean cosine \(mean)")
    }

    /// Splitting the products across threads must not change a single bit: every output is the same
    /// exact int32 sum with the same scaling, whichever thread computes it. Two and three threads split
    /// the 24 panels of a 384-wide product and the 96 of the 1,536-wide one evenly; five leave slices
    /// of different sizes (4 and 5 panels, 19 and 20).
    @Test func threadsGiveIdenticalVectors() throws {
        let data = try TestFixture.data("Tests/Data/text/embedding-reference.json")
        let texts = try JSONDecoder().decode(Reference.self, from: data).texts
        let weights = try MiniLMWeights(path: TestFixture.path("models/minilm-l6-v2-int8.bin"))
        let single = try MiniLMEmbedder(weights: weights)
        for threads in [2, 3, 5] {
            let parallel = try MiniLMEmbedder(weights: weights, threads: threads)
            for text in texts { #expect(parallel.embed(ids: text.ids) == single.embed(ids: text.ids), "\(threads) threads: \(text.text.prefix(30))") }
        }
    }

    /// The row-major copies read by row blocks (the AArch64 layout) give the vectors of the file's
    /// panels bit for bit, with one thread and split across three.
    @Test func rowBlocksGiveTheVectorsOfThePanels() throws {
        let data = try TestFixture.data("Tests/Data/text/embedding-reference.json")
        let texts = try JSONDecoder().decode(Reference.self, from: data).texts
        let weights = try MiniLMWeights(path: TestFixture.path("models/minilm-l6-v2-int8.bin"))
        for threads in [1, 3] {
            let panels = try MiniLMEmbedder(weights: weights, threads: threads, layout: .panels)
            let rows = try MiniLMEmbedder(weights: weights, threads: threads, layout: .rowBlocks)
            // The copies: 6 layers × (four 384 × 384 and two 384 × 1536 matrices), charged to the budget.
            #expect(rows.scratchBytes == panels.scratchBytes + 10_616_832)
            for text in texts { #expect(rows.embed(ids: text.ids) == panels.embed(ids: text.ids), "\(threads) threads: \(text.text.prefix(30))") }
        }
    }

    @Test func similarSentencesAreCloserThanUnrelatedOnes() throws {
        let tokenizer = try WordPieceTokenizerTests.loadTokenizer()
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
        let original = try TestFixture.data("models/minilm-l6-v2-int8.bin")
        try original.prefix(100_000).write(to: URL(fileURLWithPath: path))
        #expect(throws: MiniLMWeights.LoadError.self) { try MiniLMWeights(path: path) }
        try (Data("not a model".utf8) + original.prefix(64)).write(to: URL(fileURLWithPath: path))
        #expect(throws: MiniLMWeights.LoadError.malformed(path: path, reason: "it does not start with ATMINI02")) { try MiniLMWeights(path: path) }
        #expect(throws: MiniLMWeights.LoadError.self) { try MiniLMWeights(path: "/nonexistent/model.bin") }
    }

    /// A weight of -128 (which symmetric quantization never makes) would wrap the Pi 4 product's 16-bit pair sums: the loader refuses it, naming the tensor.
    @Test func aWeightOfMinus128IsRefusedAtLoad() throws {
        let path = NSTemporaryDirectory() + "attune-minilm-\(UUID().uuidString).bin"
        defer { unlink(path) }
        var bytes = try TestFixture.data("models/minilm-l6-v2-int8.bin")
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
        struct Header: Decodable { struct Tensor: Decodable { let offset: Int }; let tensors: [String: Tensor] }
        let header = try JSONDecoder().decode(Header.self, from: bytes[12..<(12 + headerLength)])
        let name = "encoder.layer.3.intermediate.dense"
        bytes[try #require(header.tensors[name]).offset + 1000] = 0x80
        try bytes.write(to: URL(fileURLWithPath: path))
        let weights = try MiniLMWeights(path: path)
        #expect(throws: MiniLMWeights.LoadError.malformed(path: path, reason: "tensor \(name) holds a weight of -128 (int8 weights must be in -127...127)")) {
            try MiniLMEmbedder(weights: weights)
        }
    }
}
