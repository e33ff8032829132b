import AttuneAudio
import AttuneMemory
import AttuneRapport
import AttuneStore
import Foundation

/// Everything `attune serve` was asked for, resolved: where to listen, what to capture, which store.
public struct ServiceLaunch: Sendable {
    /// The store and its key; nil serves turn-taking only (`--no-memory`).
    public struct Memory: Sendable {
        public var databasePath: String
        public var key: StoreKeySource
        public var settings: StoreSettings
        public init(databasePath: String, key: StoreKeySource, settings: StoreSettings) {
            self.databasePath = databasePath
            self.key = key
            self.settings = settings
        }
    }

    public var socketPath: String?
    public var stdio: Bool
    /// A device to capture, a WAV file to play through the pipeline once the first host connects,
    /// or nil (hosts may push `audio`).
    public var audio: AudioInput?
    public var memory: Memory?
    /// Where to listen for Wyoming peers as well, if anywhere.
    public var wyoming: WyomingAddress?

    public init(socketPath: String?, stdio: Bool, audio: AudioInput?, memory: Memory?, wyoming: WyomingAddress? = nil) {
        self.wyoming = wyoming
        self.socketPath = socketPath
        self.stdio = stdio
        self.audio = audio
        self.memory = memory
    }

    /// Loads the models once, opens the store once, and binds the socket: the service, ready to run.
    /// Nothing is left open when a step fails (the store is closed again).
    public func makeService(configuration: AttuneConfiguration) throws -> AttuneService {
        let budget = MemoryBudget(limit: configuration.memoryBudget)
        let turnModels = try CommandResources.loadTurnModels(budget: budget)
        var store: EncryptedStore?
        do {
            var rapport: RapportEngine?
            var worker: SentenceVectorWorker?
            if let memory {
                let opened = try EncryptedStore.open(at: memory.databasePath, key: memory.key, settings: memory.settings)
                store = opened
                let loaded = try CommandResources.loadEmbedder(threads: 1, budget: budget)
                let engine = try CommandResources.openMemory(store: opened, timeZone: configuration.timeZone, budget: budget, embedder: loaded)
                rapport = try RapportEngine(memory: engine, affect: try CommandResources.loadTextAffect(), configuration: configuration.resolvedRapport)
                // A second core embeds half of the turns that wait in a batch (not worth a thread on one core).
                if ProcessInfo.processInfo.activeProcessorCount > 1 {
                    worker = try SentenceVectorWorker(tokenizer: loaded.tokenizer, weights: loaded.embedder.weights)
                }
            }
            let pipeline = try Pipeline(rapport: rapport, turnModels: turnModels, budget: budget, vectorWorker: worker)
            var source: (any AudioSource)?
            var fromFile = false
            if let audio {
                source = try audio.open(configuration: configuration, budget: budget)
                pipeline.audioSourceName = audio.description
                if case .wavFile = audio { fromFile = true }
            }
            return try AttuneService(pipeline: pipeline, store: store, socketPath: socketPath, stdio: stdio, captureSource: source,
                                     startCaptureOnFirstHost: fromFile, wyoming: wyoming)
        } catch {
            try? store?.close()
            throw error
        }
    }
}
