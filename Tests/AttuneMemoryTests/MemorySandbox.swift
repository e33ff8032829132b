@testable import AttuneStore
import AttuneMemory
import AttuneText
import Foundation
import Testing

/// A fresh encrypted store and a memory engine over it, with the real int8 embedder.
struct MemorySandbox {
    let vectors = VectorSandbox()
    let engine: MemoryEngine

    init() throws {
        let directory = VectorSandbox.root.appendingPathComponent("models").path
        let store = try EncryptedStore.create(at: vectors.storePath, key: vectors.key)
        engine = try MemoryEngine(store: store, tokenizer: try WordPieceTokenizer(modelsDirectory: directory),
                                  embedder: try MiniLMEmbedder(weights: MiniLMWeights(path: directory + "/minilm-l6-v2-int8.bin")))
    }

    /// A second engine over the same store, loaded from what the store holds now.
    func reopened() throws -> MemoryEngine {
        let directory = VectorSandbox.root.appendingPathComponent("models").path
        return try MemoryEngine(store: engine.store, tokenizer: try WordPieceTokenizer(modelsDirectory: directory),
                                embedder: try MiniLMEmbedder(weights: MiniLMWeights(path: directory + "/minilm-l6-v2-int8.bin")))
    }

    func remove() {
        try? engine.store.close()
        vectors.remove()
    }

    /// Observes each (RFC 3339 time, speaker, text) in order.
    @discardableResult
    func tell(_ turns: [(String, String, String)]) throws -> [ObserveOutcome] {
        try turns.map { try engine.observe(ObservedTurn(timeMs: Self.ms($0.0), speaker: $0.1, text: $0.2)) }
    }

    static func ms(_ text: String) -> Int64 { RFC3339Time.parse(text)! }

    /// An utterance of "sam" at `timeMs`, for filling the store directly.
    static func utterance(_ text: String, at timeMs: Int64) -> MemoryItem {
        MemoryItem(kind: .utterance, text: text, timeMs: timeMs, speaker: "sam", session: "s1")
    }

    /// The text of the first `count` results, lower-cased, each with its source utterance.
    static func top(_ answer: RecallAnswer, _ count: Int = 3) -> [String] {
        answer.results.prefix(count).map { ($0.text + " | " + $0.source.text).lowercased() }
    }

    /// Every page of the closed store's database file, decrypted (what a forgotten word must not be in).
    func plaintextPages() throws -> [UInt8] {
        let path = vectors.storePath
        let envelope = try KeyEnvelope.read(storePath: path)
        let cipher = PageCipher(dataKey: try envelope.open(with: vectors.key, storePath: path).dataKey)
        let bytes = [UInt8](FileManager.default.contents(atPath: path)!)
        let storeID = Array(bytes[0..<16])
        var plain = [UInt8](repeating: 0, count: bytes.count)
        for page in 0..<(bytes.count / PageCipher.pageSize) {
            let range = (page * PageCipher.pageSize)..<((page + 1) * PageCipher.pageSize)
            let opened = bytes[range].withUnsafeBytes { sealed in
                plain[range].withUnsafeMutableBytes { cipher.open(page: UInt32(page + 1), storeID: storeID, sealed: sealed, into: $0) }
            }
            #expect(opened, "page \(page + 1) authenticates")
        }
        return plain
    }
}

extension Array where Element == UInt8 {
    func contains(text: String) -> Bool {
        let needle = Array(text.utf8)
        guard needle.count <= count else { return false }
        return (0...(count - needle.count)).contains { start in self[start..<(start + needle.count)].elementsEqual(needle) }
    }
}
