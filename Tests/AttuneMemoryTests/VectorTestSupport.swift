import AttuneStore
import AttuneText
import Foundation

/// A fresh store directory with a key file per test, and the committed sentences embedded once by
/// the real int8 embedder (Tests/Data/memory/README.md).
struct VectorSandbox {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let directory: String
    var storePath: String { directory + "/memory.db" }
    var key: StoreKeySource { .keyFile(path: directory + "/store.keyfile") }

    init() {
        directory = NSTemporaryDirectory() + "attune-vectors-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        _ = FileManager.default.createFile(atPath: directory + "/store.keyfile", contents: Data(bytes), attributes: [.posixPermissions: 0o600])
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    /// A store holding one utterance item per sentence (said at `timeMs` of its position); returns it
    /// and the items' ids, in order.
    func makeStore(_ sentences: [String], timeMs: (Int) -> Int64 = { _ in 1_795_860_000_000 }) throws -> (EncryptedStore, [Int64]) {
        let store = try EncryptedStore.create(at: storePath, key: key)
        let ids = try store.add(sentences.enumerated().map { MemoryItem(kind: .utterance, text: $1, timeMs: timeMs($0), speaker: "user") })
        return (store, ids)
    }

    static func lines(_ name: String) -> [String] {
        let text = try! String(contentsOf: root.appendingPathComponent("Tests/Data/memory/\(name)"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    static let corpus = lines("index-corpus.txt")
    static let queries = lines("index-queries.txt")
    /// The embeddings of `corpus` and of `queries`, computed once for every test.
    static let embeddings: (corpus: [[Float]], queries: [[Float]]) = {
        let models = root.appendingPathComponent("models").path
        let tokenizer = try! WordPieceTokenizer(modelsDirectory: models)
        let embedder = try! MiniLMEmbedder(weights: MiniLMWeights(path: models + "/minilm-l6-v2-int8.bin"))
        return (corpus.map { embedder.embed(ids: tokenizer.encode($0)) }, queries.map { embedder.embed(ids: tokenizer.encode($0)) })
    }()
}
