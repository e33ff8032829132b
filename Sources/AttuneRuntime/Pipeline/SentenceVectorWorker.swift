import AttuneAudio
import AttuneText
import Foundation
import Synchronization

/// The service's second core: a thread with its own sentence embedder (its own scratch over the same
/// memory-mapped weights, so the model's pages are resident once) that embeds half of the
/// transcripts waiting in a batch while the loop's thread embeds the other half. The vectors are
/// bit-identical to the engine's own (same tokenizer, same weights, same kernels); only where they
/// are made changes. Everything else about a turn (recall, the store, the rapport engine) stays on
/// the loop's thread, in order.
///
/// Its scratch is sized for `maximumTokens` (64: a spoken turn of about 45 words), a third of the
/// engine's 256-token scratch, so the second core costs 0.9 MB of the budget rather than 2.9 MB; a
/// longer turn is left to the loop's embedder.
public final class SentenceVectorWorker {
    /// The longest turn (in WordPiece tokens, with [CLS] and [SEP]) the worker embeds.
    public static let maximumTokens = 64

    /// The worker's embedder scratch, for the memory budget (the mapped weights are charged once).
    public let scratchBytes: Int
    /// Floats per vector.
    public let dimension: Int

    private let shared: Shared

    /// What the thread and the caller share: the embedder the thread owns, and one batch at a time.
    private final class Shared: @unchecked Sendable {
        let tokenizer: WordPieceTokenizer
        let embedder: MiniLMEmbedder
        let work = DispatchSemaphore(value: 0)
        let done = DispatchSemaphore(value: 0)
        /// The texts handed over (nil: the thread ends), and the vectors made for them (nil for a
        /// text longer than the worker's scratch).
        let batch = Mutex<(texts: [String]?, vectors: [[Float]?])>(([], []))

        init(tokenizer: WordPieceTokenizer, embedder: MiniLMEmbedder) {
            self.tokenizer = tokenizer
            self.embedder = embedder
        }

        func run() {
            nameThisThreadForTheKernel("attune-embed")
            while true {
                work.wait()
                guard let texts = batch.withLock({ $0.texts }) else { return }
                let vectors = texts.map { text -> [Float]? in
                    let ids = tokenizer.encode(text)
                    return ids.count <= embedder.maximumLength ? embedder.embed(ids: ids) : nil
                }
                batch.withLock { $0.vectors = vectors }
                done.signal()
            }
        }
    }

    public init(tokenizer: WordPieceTokenizer, weights: MiniLMWeights) throws {
        let embedder = try MiniLMEmbedder(weights: weights, maximumLength: Self.maximumTokens)
        scratchBytes = embedder.scratchBytes
        dimension = embedder.dimension
        shared = Shared(tokenizer: tokenizer, embedder: embedder)
        let shared = shared
        Thread { shared.run() }.start()
    }

    deinit {
        shared.batch.withLock { $0.texts = nil }
        shared.work.signal()
    }

    /// The vectors of `texts`, in order: every second one (from the second) made on the worker's
    /// thread while `local` makes the others on the caller's (and any the worker's scratch is too short for).
    public func vectors(of texts: [String], local: (String) -> [Float]) -> [[Float]] {
        guard texts.count > 1 else { return texts.map(local) }
        let handed = stride(from: 1, to: texts.count, by: 2).map { texts[$0] }
        shared.batch.withLock { $0 = (handed, []) }
        shared.work.signal()
        let mine = stride(from: 0, to: texts.count, by: 2).map { local(texts[$0]) }
        shared.done.wait()
        let theirs = shared.batch.withLock { state in
            defer { state = ([], []) }
            return state.vectors
        }
        return texts.indices.map { $0 % 2 == 0 ? mine[$0 / 2] : theirs[$0 / 2] ?? local(texts[$0]) }
    }
}
