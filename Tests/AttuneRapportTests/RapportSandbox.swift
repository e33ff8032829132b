import AttuneMemory
import AttuneRapport
import AttuneStore
import AttuneTestFixtures
import AttuneText
import Foundation

/// A fresh encrypted store with the real int8 embedder, VADER and the rapport engine over them;
/// `reopen()` closes and opens the same store with a new engine (a restart).
final class RapportSandbox {
    let directory: String
    var storePath: String { directory + "/memory.db" }
    var key: StoreKeySource { .keyFile(path: directory + "/store.keyfile") }
    let configuration: RapportConfiguration
    private(set) var engine: RapportEngine

    static let models = TestFixture.repositoryRoot.appendingPathComponent("models").path

    init(configuration: RapportConfiguration = .init()) throws {
        directory = NSTemporaryDirectory() + "attune-rapport-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        _ = FileManager.default.createFile(atPath: directory + "/store.keyfile", contents: Data(bytes), attributes: [.posixPermissions: 0o600])
        self.configuration = configuration
        let store = try EncryptedStore.create(at: directory + "/memory.db", key: .keyFile(path: directory + "/store.keyfile"))
        engine = try Self.engine(store: store, configuration: configuration)
    }

    static func engine(store: EncryptedStore, configuration: RapportConfiguration) throws -> RapportEngine {
        let memory = try MemoryEngine(store: store, tokenizer: try WordPieceTokenizer(modelsDirectory: models),
                                      embedder: try MiniLMEmbedder(weights: MiniLMWeights(path: models + "/minilm-l6-v2-int8.bin")))
        return try RapportEngine(memory: memory, affect: try TextAffectAnalyzer(modelsDirectory: models), configuration: configuration)
    }

    func reopen() throws {
        try engine.memory.store.close()
        engine = try Self.engine(store: try EncryptedStore.open(at: storePath, key: key), configuration: configuration)
    }

    func remove() {
        try? engine.memory.store.close()
        try? FileManager.default.removeItem(atPath: directory)
    }

    /// Observes a person's turn and returns its context.
    @discardableResult
    func say(_ time: String, _ text: String, speaker: String = "user", session: String? = nil, prosody: TurnProsody? = nil) throws -> RapportContext {
        guard let context = try engine.observe(RapportTurn(time: time, speaker: speaker, text: text, session: session, prosody: prosody)) else {
            throw RapportTestFailure("a person's turn gave no context")
        }
        return context
    }

    func assistant(_ time: String, _ text: String, session: String? = nil) throws {
        let context = try engine.observe(RapportTurn(time: time, speaker: "assistant", text: text, session: session))
        if context != nil { throw RapportTestFailure("the assistant's turn gave a context") }
    }
}

struct RapportTestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
